import type { DossierOut, ProcedureBody, ProcedureOut, ReceiveDossierBody } from '@ansinh/domain';
import type { Actor } from '../../platform/actor.js';
import { codesOfCommune } from '../../platform/authz.js';
import type { DossiersService } from '../../modules/dossiers/index.js';
import type { TestContext } from '../helpers.js';
import { DEFAULT_COMMUNE, factoryActor, unique } from './base.js';

/** The actor a signed-in account acts as (for calling a service directly as an officer). */
export async function actorOf(ctx: TestContext, username: string): Promise<Actor> {
  const page = await ctx.services.users.list(factoryActor, { page: 1, pageSize: 50, q: username });
  const u = page.items.find((x) => x.username === username);
  if (!u) throw new Error(`no user ${username}`);
  const area = await ctx.services.areas.pathOf(u.areaCode);
  if (!area) throw new Error(`no area ${u.areaCode}`);
  return {
    kind: 'user',
    userId: u.id,
    username: u.username,
    role: u.role,
    areaCode: u.areaCode,
    areaPath: area.path,
    areaLevel: area.level,
    ip: null,
    requestId: null,
  };
}

export type ProcedureOverrides = Partial<ProcedureBody> & {
  /** The province whose catalogue gets it (default 70, the demo province). */
  provinceCode?: string;
  /** The agency it belongs to (default none: every agency of the province). */
  agencyCode?: string;
};

/**
 * A procedure in a province's catalogue, added through the service as the system actor: by default
 * a unique code, commune (5 working days) then district (5), decided at the district.
 */
export async function buildProcedure(ctx: TestContext, overrides: ProcedureOverrides = {}): Promise<ProcedureOut> {
  const { provinceCode = '70', agencyCode, ...o } = overrides;
  const n = unique();
  const path = o.path ?? [
    { level: 'commune', days: 5 },
    { level: 'district', days: 5 },
  ];
  const body: ProcedureBody = {
    code: `F.${n}`,
    name: `Thủ tục thử nghiệm ${n}`,
    field: 'Bảo trợ xã hội',
    fee: 0,
    documents: [],
    resultDocument: '',
    onlineMode: 'partial',
    onlineLevel: null,
    onNationalPortal: false,
    legalBasis: '',
    active: true,
    ...o,
    path,
    decisionLevel: o.decisionLevel ?? path[path.length - 1]!.level,
  };
  return ctx.services.dossiers.createProcedure(factoryActor, body, { provinceCode, agencyCode });
}

export type DossierOverrides = Partial<ReceiveDossierBody> & {
  /** Overrides of the procedure to create when no procedureId is given. */
  procedure?: ProcedureOverrides;
  /** Who receives it (default the system actor). */
  actor?: Actor;
  /** Another service (e.g. with a replayed clock) to receive it through. */
  service?: DossiersService;
};

/**
 * A dossier received through the service (as the system actor unless an officer is given) at
 * commune 25213 by default, for a new procedure of the commune's province unless one is given.
 */
export async function buildDossier(ctx: TestContext, overrides: DossierOverrides = {}): Promise<DossierOut> {
  const { procedure, actor = factoryActor, service = ctx.services.dossiers, ...o } = overrides;
  const communeCode = o.communeCode ?? DEFAULT_COMMUNE;
  let procedureId = o.procedureId;
  if (procedureId === undefined) {
    const area = await ctx.services.areas.pathOf(communeCode);
    if (!area) throw new Error(`no commune ${communeCode}`);
    const provinceCode = codesOfCommune(communeCode, area.path).province_code;
    procedureId = (await buildProcedure(ctx, { provinceCode, ...procedure })).id;
  }
  return service.receive(actor, {
    channel: 'counter',
    applicantName: `Người Nộp ${unique()}`,
    ...o,
    procedureId,
    communeCode,
  });
}
