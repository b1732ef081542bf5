import {
  minDate,
  todayInVietnam,
  yearRange,
  type CreatePlanBody,
  type PlanList,
  type PlanOut,
  type TargetBody,
  type TargetOut,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { paramsText, parseParams } from '../reports.catalogue.js';
import { reportsPolicy, type ReportsAction } from '../reports.policy.js';
import { presentPlan } from '../reports.presenter.js';
import { plansRepo, type PlanRow } from '../repo/plans.repo.js';
import { areaCodes, type AreaInfo, type ReportsContext } from './context.js';
import type { PlanProgress } from './plan-progress.js';

/**
 * Plans issued by a document (a Department's or a district's plan for a year), with their targets
 * split down to districts or communes: the list of the actor's area, one plan with each target's
 * progress, and recording a new plan.
 */
export function plans(c: ReportsContext, progress: PlanProgress) {
  const { database, db } = c;

  /** A plan and its area, guarded for the action: 404 when missing or outside the actor's area. */
  async function loadPlan(actor: Actor, id: number, action: ReportsAction): Promise<{ plan: PlanRow; area: AreaInfo }> {
    const plan = await plansRepo.findPlan(db, id);
    const area = plan ? await c.areaInfo(plan.area_code) : undefined;
    reportsPolicy.guard(actor, action, { areaPath: area?.path ?? null }, 'Kế hoạch');
    if (!plan || !area) throw errors.notFound('Kế hoạch');
    return { plan, area };
  }

  async function getPlan(actor: Actor, id: number, asOfGiven?: string): Promise<PlanOut> {
    const { plan } = await loadPlan(actor, id, 'read');
    const asOf = asOfGiven ?? minDate(todayInVietnam(), yearRange(plan.year).to);
    const targets = await plansRepo.targets(db, [id]);
    const n = await c.names([plan.area_code, ...targets.map((t) => t.area_code)]);
    const ev = await c.evaluator();
    const out: TargetOut[] = [];
    for (const t of targets) out.push(await progress.targetOut(ev, t, plan.year, asOf, n));
    return { ...presentPlan(plan, n, targets.length), asOf, targets: out, abilities: abilitiesOf(actor) };
  }

  return {
    loadPlan,
    getPlan,

    /** Plans of the actor's area (limited in SQL), the latest year first. */
    async plans(actor: Actor, year?: number): Promise<PlanList> {
      reportsPolicy.guard(actor, 'read');
      const rows = await plansRepo.listPlans(db, areaColumnScope(actor), year);
      const ids = rows.map((r) => Number(r.id));
      const counts = new Map((await plansRepo.targetCounts(db, ids)).map((x) => [Number(x.plan_id), Number(x.n)]));
      const n = await c.names(rows.map((r) => r.area_code));
      return { items: rows.map((r) => presentPlan(r, n, counts.get(Number(r.id)) ?? 0)) };
    },

    /** A plan issued by a document, with its targets (and their split to districts or communes). */
    async createPlan(actor: Actor, body: CreatePlanBody): Promise<PlanOut> {
      reportsPolicy.guard(actor, 'edit_plan');
      const area = await c.scopedArea(actor, 'edit_plan', body.areaCode);
      const ev = await c.evaluator();
      // Areas are resolved before the transaction: on SQLite it holds the only connection.
      const resolved: [TargetBody, AreaInfo][] = [];
      for (const t of body.targets)
        resolved.push([t, await progress.checkTarget(actor, 'edit_plan', { area_code: area.code }, ev, t)]);
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const at = nowIso();
        const planId = await plansRepo.insertPlan(trx, {
          year: body.year,
          area_code: area.code,
          area_level: area.level,
          ...areaCodes(area),
          title: body.title,
          doc_number: body.docNumber,
          doc_date: body.docDate,
          issuer: body.issuer,
          kind: body.kind ?? 'ubnd',
          created_by: actor.username,
          created_at: at,
          updated_at: at,
        });
        for (const [t, ta] of resolved) {
          await plansRepo.upsertTarget(trx, {
            plan_id: planId,
            indicator_code: t.indicatorCode,
            params: paramsText(parseParams(t.params)),
            area_code: ta.code,
            area_level: ta.level,
            target: t.target,
            note: t.note ?? null,
            measure: t.measure ?? 'count',
          });
        }
        await audit({
          action: 'reports.plan.create',
          entity: 'plan',
          entityId: planId,
          areaCode: area.code,
          after: body,
        });
        return planId;
      });
      return getPlan(actor, id);
    },
  };
}

/** The coarse abilities a client gets with a plan or a report (to show or hide buttons). */
export function abilitiesOf(actor: Actor): ('read' | 'manage')[] {
  return reportsPolicy.abilities(actor).filter((a): a is 'read' | 'manage' => a === 'read' || a === 'manage');
}

export type Plans = ReturnType<typeof plans>;
