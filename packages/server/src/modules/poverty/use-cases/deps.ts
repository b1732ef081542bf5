import { standardByCode, type B1Table, type PovertyStandard } from '@ansinh/domain';
import type { Database, Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import type { AreasService } from '../../areas/index.js';
import type { RegistryService } from '../../registry/index.js';
import { povertyPolicy } from '../poverty.policy.js';
import { campaignsRepo, type CampaignRow } from '../repo/campaigns.repo.js';
import { casesRepo, type CaseRow } from '../repo/cases.repo.js';

/** What the poverty use cases need: the database, area paths, and the registry's status writes. */
export interface PovertyDeps {
  database: Database;
  areas: Pick<AreasService, 'pathOf'>;
  registry: Pick<RegistryService, 'grantStatus' | 'endStatus'>;
}

type Action = 'read' | 'manage' | 'survey' | 'opine' | 'recognize';

/** Load a campaign and guard the action on it (404 outside the actor's area). */
export async function loadCampaign(db: Executor, actor: Actor, id: number, action: Action): Promise<CampaignRow> {
  const c = await campaignsRepo.find(db, id);
  if (!c) throw errors.notFound('Đợt rà soát');
  povertyPolicy.guard(actor, action, c, 'Đợt rà soát');
  return c;
}

/** Load a case (and its campaign) and guard the action on it. */
export async function loadCase(
  db: Executor,
  actor: Actor,
  id: number,
  action: Action,
): Promise<{ c: CaseRow; campaign: CampaignRow }> {
  const c = await casesRepo.find(db, id);
  if (!c) throw errors.notFound('Hộ trong đợt rà soát');
  povertyPolicy.guard(actor, action, c, 'Hộ trong đợt rà soát');
  const campaign = (await campaignsRepo.find(db, c.campaign_id))!;
  return { c, campaign };
}

export function requireOpen(c: CampaignRow): void {
  if (c.state !== 'open')
    throw errors.conflict(
      'CAMPAIGN_CLOSED',
      'Đợt rà soát đã có quyết định công nhận: không sửa được nữa. Mở đợt rà soát thường xuyên nếu cần.',
    );
}

/** The campaign's standard and its own B1 table (the department may have corrected it). */
export function rulesOf(c: CampaignRow): { standard: PovertyStandard; b1: B1Table } {
  const standard = standardByCode(c.standard_code)!;
  return { standard, b1: { ...standard.b1, ...(JSON.parse(c.b1_json) as Partial<B1Table>) } };
}

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
