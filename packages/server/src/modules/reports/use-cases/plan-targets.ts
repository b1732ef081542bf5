import type { PlanOut, TargetBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { paramsText, parseParams } from '../reports.catalogue.js';
import { plansRepo } from '../repo/plans.repo.js';
import type { ReportsContext } from './context.js';
import type { PlanProgress } from './plan-progress.js';
import type { Plans } from './plans.js';

/**
 * The targets of a plan: setting one (for the plan's area or split to a district or commune
 * inside it; an existing target for the same indicator and area is replaced) and removing one.
 * The plan is guarded first: 404 outside the actor's area, 403 for a role that does not edit plans.
 */
export function planTargets(c: ReportsContext, progress: PlanProgress, p: Plans) {
  const { database } = c;
  return {
    /** Sets a target of a plan (an existing one for the same indicator and area is replaced). */
    async setTarget(actor: Actor, planId: number, body: TargetBody): Promise<PlanOut> {
      const { plan } = await p.loadPlan(actor, planId, 'edit_plan');
      const ev = await c.evaluator();
      const ta = await progress.checkTarget(actor, 'edit_plan', plan, ev, body);
      await inTransaction(database, actor, async (trx, audit) => {
        const id = await plansRepo.upsertTarget(trx, {
          plan_id: planId,
          indicator_code: body.indicatorCode,
          params: paramsText(parseParams(body.params)),
          area_code: ta.code,
          area_level: ta.level,
          target: body.target,
          note: body.note ?? null,
          ...(body.measure ? { measure: body.measure } : {}),
        });
        await plansRepo.touchPlan(trx, planId, nowIso());
        await audit({
          action: 'reports.plan.target',
          entity: 'plan',
          entityId: planId,
          areaCode: ta.code,
          after: { targetId: id, ...body },
        });
      });
      return p.getPlan(actor, planId);
    },

    /** Removes a target of a plan; 404 when the plan has no such target. */
    async deleteTarget(actor: Actor, planId: number, targetId: number): Promise<PlanOut> {
      await p.loadPlan(actor, planId, 'edit_plan');
      await inTransaction(database, actor, async (trx, audit) => {
        const r = await plansRepo.deleteTarget(trx, planId, targetId);
        if (Number(r.numDeletedRows) === 0) throw errors.notFound('Chỉ tiêu kế hoạch');
        await audit({ action: 'reports.plan.target_delete', entity: 'plan', entityId: planId, before: { targetId } });
      });
      return p.getPlan(actor, planId);
    },
  };
}
