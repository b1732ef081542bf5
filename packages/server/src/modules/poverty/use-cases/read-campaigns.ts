import type {
  CampaignList,
  CampaignOut,
  CampaignsQuery,
  PovertyCasePage,
  PovertyCasesQuery,
  PovertyProgressOut,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope, recordInScope, type AreaColumn } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { povertyPolicy } from '../poverty.policy.js';
import { presentCampaign, presentCase, stepCounts } from '../poverty.presenter.js';
import { campaignsRepo, type CampaignRow } from '../repo/campaigns.repo.js';
import { casesRepo } from '../repo/cases.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import { registryReader } from '../repo/registry-reader.repo.js';
import { loadCampaign, rulesOf, type PovertyDeps } from './deps.js';

const LEVEL_COLUMN: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };

/** An area the actor asked about, checked to be inside their own (404 otherwise). */
export async function areaFilter(deps: PovertyDeps, actor: Actor, code: string | undefined) {
  if (!code) return undefined;
  const a = await deps.areas.pathOf(code);
  if (!a || !recordInScope(actor, { areaPath: a.path })) throw errors.notFound('Địa bàn');
  return { column: LEVEL_COLUMN[a.level] ?? 'commune_code', code };
}

/** Reading campaigns: one, a list, their households, the rules, the province's progress. */
export function readCampaigns(deps: PovertyDeps) {
  const db = deps.database.db;

  async function present(actor: Actor, rows: CampaignRow[]): Promise<CampaignOut[]> {
    const ids = rows.map((r) => r.id);
    const [counts, names, recognitions] = await Promise.all([
      campaignsRepo.stepCounts(db, ids),
      registryReader.communeNames(db, [...new Set(rows.map((r) => r.commune_code))]),
      recordsRepo.recognitionsOf(db, ids),
    ]);
    return rows.map((r) =>
      presentCampaign(r, {
        communeName: names.get(r.commune_code) ?? r.commune_code,
        steps: counts.get(r.id),
        recognition: recognitions.get(r.id),
        abilities: (['manage', 'survey', 'opine', 'recognize'] as const).filter((a) =>
          povertyPolicy.allows(actor, a, r),
        ),
      }),
    );
  }

  return {
    async get(actor: Actor, id: number): Promise<CampaignOut> {
      return (await present(actor, [await loadCampaign(db, actor, id, 'read')]))[0]!;
    },

    async list(actor: Actor, q: CampaignsQuery): Promise<CampaignList> {
      povertyPolicy.guard(actor, 'read');
      const area = await areaFilter(deps, actor, q.areaCode);
      const rows = await campaignsRepo.list(db, areaColumnScope(actor), {
        ...(area ? { area } : {}),
        ...(q.year ? { year: q.year } : {}),
      });
      return { items: await present(actor, rows) };
    },

    async cases(actor: Actor, id: number, q: PovertyCasesQuery): Promise<PovertyCasePage> {
      const c = await loadCampaign(db, actor, id, 'read');
      const { rows, total } = await casesRepo.page(db, id, q);
      return { items: rows.map((r) => presentCase(r, c.standard_code)), total };
    },

    /** The campaign's standard and its own B1 table, for the survey form's live scoring. */
    async rules(actor: Actor, id: number) {
      const c = await loadCampaign(db, actor, id, 'read');
      const { standard, b1 } = rulesOf(c);
      return { standard: { ...standard, b1 } };
    },

    async progress(actor: Actor, q: CampaignsQuery): Promise<PovertyProgressOut> {
      povertyPolicy.guard(actor, 'read');
      const area = await areaFilter(deps, actor, q.areaCode);
      const rows = await campaignsRepo.list(db, areaColumnScope(actor), {
        ...(area ? { area } : {}),
        ...(q.year ? { year: q.year } : {}),
      });
      const [counts, names] = await Promise.all([
        campaignsRepo.stepCounts(
          db,
          rows.map((r) => r.id),
        ),
        registryReader.communeNames(db, [...new Set(rows.map((r) => r.commune_code))]),
      ]);
      return {
        items: rows.map((r) => ({
          campaignId: r.id,
          communeCode: r.commune_code,
          communeName: names.get(r.commune_code) ?? r.commune_code,
          year: r.year,
          steps: stepCounts(counts.get(r.id)),
          recognized: r.state === 'recognized',
        })),
      };
    },
  };
}
