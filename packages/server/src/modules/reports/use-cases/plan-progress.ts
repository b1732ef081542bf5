import {
  elapsedShare,
  formatProgressVi,
  NO_DATA,
  progressOf,
  yearRange,
  type TargetBody,
  type TargetOut,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { parseParams, type Evaluator } from '../reports.catalogue.js';
import type { ReportsAction } from '../reports.policy.js';
import { plansRepo, type PlanRow, type TargetRow } from '../repo/plans.repo.js';
import type { AreaInfo, ReportsContext } from './context.js';

/**
 * Targets and their progress, shared by the plans, the dashboard and the reports: which targets
 * apply to an area, how far each is achieved as of a date, and whether a new target fits its plan.
 */
export function planProgress(c: ReportsContext) {
  /**
   * Targets for a year that apply to an area: its own plan's, or those an enclosing plan splits
   * down to it. The nearest plan wins for the same indicator. The area's path names only areas of
   * its own province, so a plan of another province never applies.
   */
  async function targetsFor(year: number, area: AreaInfo): Promise<{ plan: PlanRow | null; targets: TargetRow[] }> {
    const chain = area.path.split('/').filter(Boolean).reverse();
    for (const code of chain) {
      const plan = await plansRepo.planFor(c.db, year, code);
      if (!plan) continue;
      const targets = (await plansRepo.targets(c.db, [Number(plan.id)])).filter((t) => t.area_code === area.code);
      if (targets.length > 0 || code === area.code) return { plan, targets };
    }
    return { plan: null, targets: [] };
  }

  /** A target's progress as of a date, for the area the target names. */
  async function targetOut(
    ev: Evaluator,
    t: TargetRow,
    year: number,
    asOf: string,
    areaNames: Map<string, string>,
  ): Promise<TargetOut> {
    const def = ev.catalogue.get(t.indicator_code);
    const { from, to } = yearRange(year);
    const e = await ev.evaluate(
      t.indicator_code,
      { code: t.area_code, level: t.area_level },
      from,
      to,
      asOf,
      parseParams(t.params),
    );
    const p = progressOf(e.value, t.target, {
      lowerIsBetter: def?.lowerIsBetter,
      elapsedShare: elapsedShare(from, to, asOf),
    });
    return {
      id: Number(t.id),
      indicatorCode: t.indicator_code,
      indicatorName: def?.nameVi ?? t.indicator_code,
      unit: def?.unit ?? '',
      params: t.params,
      areaCode: t.area_code,
      areaName: areaNames.get(t.area_code) ?? t.area_code,
      target: t.target,
      lowerIsBetter: !!def?.lowerIsBetter,
      note: t.note,
      available: e.available,
      achieved: e.available ? e.value : null,
      percent: e.available ? p.percent : null,
      text: e.available ? formatProgressVi(e.value, t.target) : NO_DATA,
      status: e.available ? p.status : 'no_data',
    };
  }

  /**
   * The area a new target is for, guarded for the action: an indicator of the catalogue, an area
   * inside the actor's (404 outside) and inside the plan's.
   */
  async function checkTarget(
    actor: Actor,
    action: ReportsAction,
    plan: Pick<PlanRow, 'area_code'>,
    ev: Evaluator,
    t: TargetBody,
  ): Promise<AreaInfo> {
    if (!ev.catalogue.has(t.indicatorCode)) {
      throw errors.validation([
        {
          path: 'body.indicatorCode',
          message: `Chưa có chỉ tiêu mã ${t.indicatorCode}. Chọn một chỉ tiêu trong danh mục.`,
        },
      ]);
    }
    const area = await c.scopedArea(actor, action, t.areaCode ?? plan.area_code);
    const planArea = (await c.areaInfo(plan.area_code))!;
    if (!area.path.startsWith(planArea.path)) {
      throw errors.validation([
        { path: 'body.areaCode', message: `${area.name} không thuộc địa bàn của kế hoạch (${planArea.name}).` },
      ]);
    }
    return area;
  }

  return { targetsFor, targetOut, checkTarget };
}

export type PlanProgress = ReturnType<typeof planProgress>;
