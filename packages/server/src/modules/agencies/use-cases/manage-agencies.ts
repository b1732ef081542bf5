import { AgencyBody, PatchAgencyBody, type AgencyList, type AgencyOut, type AgencySettings } from '@ansinh/domain';
import type { Database, Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { provinceOf, provinceScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { agenciesPolicy, type AgenciesAction } from '../agencies.policy.js';
import { presentAgency } from '../agencies.presenter.js';
import { agenciesRepo, type AgencyRow } from '../repo/agencies.repo.js';

/** Options of a write by the system actor (seed, CLI): it names the province. */
export interface AgencyOptions {
  provinceCode?: string;
}

/** An agency the actor may act on: 404 when it does not exist or belongs to another province. */
async function loadAgency(db: Executor, actor: Actor, id: number, action: AgenciesAction): Promise<AgencyRow> {
  const row = await agenciesRepo.byId(db, id);
  if (!row) throw errors.notFound('Cơ quan');
  agenciesPolicy.guard(actor, action, { provinceCode: row.province_code }, 'Cơ quan');
  return row;
}

const taken = (code: string, symbol: string) =>
  errors.conflict('AGENCY_TAKEN', `Tỉnh đã có cơ quan mã ${code} hoặc ký hiệu ${symbol}. Chọn mã và ký hiệu khác.`, [
    { path: 'body.code', message: 'Mã hoặc ký hiệu cơ quan đã có trong tỉnh.' },
  ]);

/** The columns of an agency from a (parsed) body. */
function columns(b: ReturnType<typeof PatchAgencyBody.parse>) {
  return {
    ...(b.name !== undefined ? { name: b.name } : {}),
    ...(b.headerName !== undefined ? { header_name: b.headerName } : {}),
    ...(b.parentName !== undefined ? { parent_name: b.parentName } : {}),
    ...(b.symbol !== undefined ? { symbol: b.symbol } : {}),
    ...(b.place !== undefined ? { place: b.place } : {}),
    ...(b.signerAuthority !== undefined ? { signer_authority: b.signerAuthority } : {}),
    ...(b.signerTitle !== undefined ? { signer_title: b.signerTitle } : {}),
    ...(b.signerName !== undefined ? { signer_name: b.signerName } : {}),
    ...(b.recipients !== undefined ? { recipients_json: JSON.stringify(b.recipients) } : {}),
    ...(b.fields !== undefined ? { fields_json: JSON.stringify(b.fields) } : {}),
    ...(b.activeFrom !== undefined ? { active_from: b.activeFrom } : {}),
    ...(b.activeTo !== undefined ? { active_to: b.activeTo } : {}),
  };
}

/** The header, number symbol, signer and recipients of the documents an agency issues. */
export function issuerOf(r: AgencyRow): AgencySettings {
  const a = presentAgency(r);
  return {
    parentAgency: a.parentName,
    agency: a.headerName,
    agencyName: a.name,
    symbol: a.symbol,
    place: a.place,
    signerAuthority: a.signerAuthority,
    signerTitle: a.signerTitle,
    signerName: a.signerName,
    recipients: a.recipients,
  };
}

/**
 * The agencies of a province: every officer lists and reads them; the province's administrator
 * creates and edits them (audited). An agency is not deleted: records point at its code; it is
 * closed with `activeTo`.
 */
export function manageAgencies(deps: { database: Database }) {
  const { database } = deps;
  const db = database.db;

  return {
    async list(actor: Actor): Promise<AgencyList> {
      agenciesPolicy.guard(actor, 'read');
      return { items: (await agenciesRepo.list(db, provinceScope(actor))).map(presentAgency) };
    },

    async get(actor: Actor, id: number): Promise<AgencyOut> {
      return presentAgency(await loadAgency(db, actor, id, 'read'));
    },

    async create(actor: Actor, input: AgencyBody, opts: AgencyOptions = {}): Promise<AgencyOut> {
      agenciesPolicy.guard(actor, 'manage', { provinceCode: provinceOf(actor) ?? opts.provinceCode ?? null }, 'Tỉnh');
      const provinceCode = actor.kind === 'system' ? opts.provinceCode : provinceOf(actor);
      if (!provinceCode)
        throw errors.validation([{ path: 'provinceCode', message: 'Chọn tỉnh của cơ quan (mã tỉnh).' }]);
      const b = AgencyBody.parse(input);
      const at = nowIso();
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const newId = await agenciesRepo.insert(trx, {
          province_code: provinceCode,
          code: b.code,
          name: b.name,
          header_name: b.headerName,
          parent_name: b.parentName,
          symbol: b.symbol,
          place: b.place,
          signer_authority: b.signerAuthority,
          signer_title: b.signerTitle,
          signer_name: b.signerName,
          recipients_json: JSON.stringify(b.recipients),
          fields_json: JSON.stringify(b.fields),
          active_from: b.activeFrom ?? null,
          active_to: b.activeTo ?? null,
          created_at: at,
          updated_at: at,
        });
        await audit({ action: 'agencies.create', entity: 'agency', entityId: newId, areaCode: provinceCode, after: b });
        return newId;
      }).catch((err: unknown) => {
        throw isUniqueViolation(err) ? taken(b.code, b.symbol) : err;
      });
      return presentAgency((await agenciesRepo.byId(db, id))!);
    },

    async update(actor: Actor, id: number, input: PatchAgencyBody): Promise<AgencyOut> {
      const b = PatchAgencyBody.parse(input);
      const before = await loadAgency(db, actor, id, 'manage');
      if (b.activeFrom && b.activeTo && b.activeTo < b.activeFrom)
        throw errors.validation([{ path: 'body.activeTo', message: 'Ngày thôi hoạt động phải sau ngày bắt đầu.' }]);
      await inTransaction(database, actor, async (trx, audit) => {
        await agenciesRepo.update(trx, id, { ...columns(b), updated_at: nowIso() });
        await audit({
          action: 'agencies.update',
          entity: 'agency',
          entityId: id,
          areaCode: before.province_code,
          before: presentAgency(before),
          after: b,
        });
      }).catch((err: unknown) => {
        throw isUniqueViolation(err) ? taken(before.code, b.symbol ?? before.symbol) : err;
      });
      return presentAgency((await agenciesRepo.byId(db, id))!);
    },

    /** For other modules: the agency of a province by its code (no actor: the caller has guarded). */
    async byCode(provinceCode: string, code: string): Promise<AgencyOut | undefined> {
      const r = await agenciesRepo.byCode(db, provinceCode, code);
      return r ? presentAgency(r) : undefined;
    },
  };
}
