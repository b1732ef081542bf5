import {
  elapsedShare,
  formatPointsProgressVi,
  formatProgressVi,
  pointsChange,
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
  async function targetsFor(
    year: number,
    area: AreaInfo,
    planId?: number | null,
  ): Promise<{ plan: PlanRow | null; targets: TargetRow[] }> {
    const chain = area.path.split('/').filter(Boolean).reverse();
    if (planId) {
      // The plan the report chose: its targets for the area (a plan of an enclosing area applies).
      const plan = await plansRepo.findPlan(c.db, planId);
      if (!plan || !chain.includes(plan.area_code)) return { plan: null, targets: [] };
      const targets = (await plansRepo.targets(c.db, [Number(plan.id)])).filter((t) => t.area_code === area.code);
      return { plan, targets };
    }
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
    const lower = !!def?.lowerIsBetter;
    const points = t.measure === 'points' ? await pointsOf(ev, t, year, asOf, lower) : null;
    const achieved = points ?? (e.available ? e.value : null);
    const p = progressOf(achieved ?? 0, t.target, {
      lowerIsBetter: points === null ? lower : false,
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
      measure: t.measure === 'points' ? 'points' : 'count',
      available: achieved !== null,
      achieved,
      percent: achieved !== null ? p.percent : null,
      text:
        achieved === null
          ? NO_DATA
          : points !== null
            ? formatPointsProgressVi(points, t.target, lower)
            : formatProgressVi(achieved, t.target),
      status: achieved !== null ? p.status : 'no_data',
    };
  }

  /**
   * A points target's achievement: the change of the rate from the end of the year before to the
   * end of this one, in percentage points (a fall for a rate where lower is better); null when
   * either end is unknown.
   */
  async function pointsOf(ev: Evaluator, t: TargetRow, year: number, asOf: string, lower: boolean) {
    const area = { code: t.area_code, level: t.area_level };
    const params = parseParams(t.params);
    const cur = yearRange(year);
    const prev = yearRange(year - 1);
    const end = await ev.evaluate(t.indicator_code, area, cur.from, cur.to, asOf, params);
    const start = await ev.evaluate(t.indicator_code, area, prev.from, prev.to, asOf, params);
    return end.available && start.available ? pointsChange(start.value, end.value, lower) : null;
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

  /**
   * The plan a report of a year and area takes its targets from: the one it names (a plan of that
   * year for the area or an area enclosing it), else the default (the UBND plan of the year).
   */
  async function planForReport(year: number, area: AreaInfo, planId?: number | null): Promise<number | null> {
    if (!planId) return (await targetsFor(year, area)).plan?.id ?? null;
    const plan = await plansRepo.findPlan(c.db, planId);
    const chain = area.path.split('/').filter(Boolean);
    if (!plan || plan.year !== year || !chain.includes(plan.area_code))
      throw errors.validation([
        {
          path: 'body.planId',
          message: `Chọn một kế hoạch năm ${year} của ${area.name} hoặc của đơn vị cấp trên (kế hoạch của UBND tỉnh hoặc của Sở).`,
        },
      ]);
    return Number(plan.id);
  }

  return { targetsFor, targetOut, checkTarget, pointsOf, planForReport };
}

export type PlanProgress = ReturnType<typeof planProgress>;
