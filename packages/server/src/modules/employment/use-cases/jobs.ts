import { JOB_CHANNEL_CODES, periodOf, type JobBody, type JobChannel, type JobOut } from '@ansinh/domain';
import type { Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditInput } from '../../../platform/audit.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { employmentPolicy } from '../employment.policy.js';
import { areasRepo } from '../repo/areas.repo.js';
import { jobsRepo } from '../repo/jobs.repo.js';
import { plansRepo } from '../repo/plans.repo.js';
import type { SupplyRow } from '../repo/supply.repo.js';
import { loadSupply, provinceOfActor, todayVn, type EmploymentDeps } from './common.js';

/**
 * Record one job created for a person. The person counts once in a year (domain jobs.ts): the
 * earliest job of the year is the counted one, so a later-dated job is kept uncounted and an
 * earlier-dated one takes the count over. Returns whether this record counts.
 */
export async function recordJob(
  trx: Trx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  s: SupplyRow,
  job: { channel: JobChannel; date: string; sourceKind: string | null; sourceId: number | null; note?: string | null },
): Promise<{ id: number; counted: boolean }> {
  const year = periodOf(job.date);
  const prior = await jobsRepo.countedOf(trx, s.citizen_id, year);
  const counted = !prior || job.date < prior.date;
  if (prior && counted) await jobsRepo.uncount(trx, prior.id);
  const row = {
    province_code: s.province_code,
    district_code: s.district_code,
    commune_code: s.commune_code,
    supply_id: s.id,
    citizen_id: s.citizen_id,
    channel: job.channel,
    date: job.date,
    year,
    counted: counted ? 1 : 0,
    source_kind: job.sourceKind,
    source_id: job.sourceId,
    note: job.note ?? null,
    created_by: actor.username,
    created_at: nowIso(),
  };
  const id = await jobsRepo.insert(trx, row);
  await audit({
    action: 'employment.job.create',
    entity: 'emp_jobs',
    entityId: id,
    areaCode: s.commune_code,
    after: { ...row, replaces: prior && counted ? prior.id : undefined },
  });
  return { id, counted };
}

export function jobsUseCases({ database }: EmploymentDeps) {
  const db = database.db;
  return {
    /** A job created through a channel other than the centre's own records (a loan, a programme ...). */
    async createJob(actor: Actor, b: JobBody): Promise<JobOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const s = await loadSupply(trx, actor, b.supplyId, 'serve');
        if (b.date < s.collected_on.slice(0, 4) + '-01-01')
          throw errors.validation([
            { path: 'body.date', message: 'Ngày có việc làm trước năm thu thập hồ sơ; kiểm tra lại ngày.' },
          ]);
        const { id, counted } = await recordJob(trx, audit, actor, s, {
          channel: b.channel,
          date: b.date,
          sourceKind: 'manual',
          sourceId: null,
          note: b.note,
        });
        return {
          id,
          supplyId: s.id,
          fullName: s.full_name,
          channel: b.channel,
          date: b.date,
          counted,
          communeCode: s.commune_code,
        };
      });
    },

    /**
     * Jobs created in a year by district and channel, against the plan's targets (the province's
     * latest plan of the year, indicator employment.jobs_created).
     */
    async progress(actor: Actor, q: { year: number; asOf?: string | undefined }) {
      employmentPolicy.guard(actor, 'read');
      const province = provinceOfActor(actor);
      const from = `${q.year}-01-01`;
      const to = `${q.year}-12-31`;
      const asOf = q.asOf ?? (todayVn() < to ? todayVn() : to);
      // A district or commune officer sees their own area's line only.
      const scope = areaColumnScope(actor);
      const within = scope && scope.column !== 'province_code' ? { column: scope.column, code: scope.code } : null;
      const [counts, districts, targets, provinceArea] = await Promise.all([
        jobsRepo.byDistrictAndChannel(db, province, from, to, asOf, within),
        areasRepo.children(db, province),
        plansRepo.jobTargets(db, province, q.year),
        areasRepo.area(db, province),
      ]);
      const own = within ? (actor.areaPath?.split('/').filter(Boolean)[1] ?? null) : null;
      const empty = () => Object.fromEntries(JOB_CHANNEL_CODES.map((c) => [c, 0])) as Record<string, number>;
      const rows = new Map(
        districts.map((d) => [d.code, { areaCode: d.code, areaName: d.name, byChannel: empty(), total: 0 }]),
      );
      const all = { areaCode: province, areaName: provinceArea?.name ?? province, byChannel: empty(), total: 0 };
      for (const c of counts) {
        const n = Number(c.n);
        const r = c.district_code ? rows.get(c.district_code) : undefined;
        if (r) {
          r.byChannel[c.channel] = (r.byChannel[c.channel] ?? 0) + n;
          r.total += n;
        }
        all.byChannel[c.channel] = (all.byChannel[c.channel] ?? 0) + n;
        all.total += n;
      }
      const withTarget = (r: typeof all) => {
        // A commune's share has no target of its own in the plan.
        const target = within?.column === 'commune_code' ? null : (targets.get(r.areaCode) ?? null);
        return { ...r, target, percent: target ? Math.round((r.total * 10000) / target) / 100 : null };
      };
      const list = [...rows.values()].filter((r) => !own || r.areaCode === own).map(withTarget);
      return { year: q.year, asOf, channels: [...JOB_CHANNEL_CODES], rows: own ? list : [withTarget(all), ...list] };
    },
  };
}
