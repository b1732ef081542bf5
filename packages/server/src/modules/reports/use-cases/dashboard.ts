import {
  elapsedShare,
  formatProgressVi,
  minDate,
  monthEnd,
  monthsBegun,
  NO_DATA,
  progressOf,
  todayInVietnam,
  yearRange,
  type Dashboard,
  type DashboardQuery,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { parseParams } from '../reports.catalogue.js';
import { reportsPolicy } from '../reports.policy.js';
import { presentPlan } from '../reports.presenter.js';
import { plansRepo } from '../repo/plans.repo.js';
import type { ReportsContext } from './context.js';
import type { PlanProgress } from './plan-progress.js';

/** What the dashboard watches in the other modules' figures, when they offer them. */
const WATCH: [Dashboard['attention'][number]['kind'], string, string][] = [
  ['lists_pending', 'programs.lists_pending_approval', 'danh sách đang chờ phê duyệt'],
  ['overdue', 'dossiers.overdue_pending', 'hồ sơ đã quá hạn mà chưa giải quyết'],
  ['due_soon', 'dossiers.due_within_2_days', 'hồ sơ sắp đến hạn trong 2 ngày làm việc'],
];

/**
 * The year's targets and progress as of a date for an area inside the actor's (its home area by
 * default), its sub-areas side by side, the month-by-month trend and what needs attention.
 */
export function dashboard(c: ReportsContext, progress: PlanProgress) {
  const { db } = c;
  return {
    async dashboard(actor: Actor, q: DashboardQuery): Promise<Dashboard> {
      const t0 = performance.now();
      reportsPolicy.guard(actor, 'read');
      const area = await c.scopedArea(actor, 'read', q.areaCode);
      const today = todayInVietnam();
      const years = (await plansRepo.planYears(db, areaColumnScope(actor))).map((r) => r.year);
      const thisYear = Number(today.slice(0, 4));
      const year = q.year ?? (years.includes(thisYear) ? thisYear : (years.find((y) => y < thisYear) ?? thisYear));
      const { from, to } = yearRange(year);
      const asOf = q.asOf ?? minDate(today, to);
      const subs = await c.children(area.code);
      const ev = await c.evaluator();
      const { plan, targets } = await progress.targetsFor(year, area);
      const planTargets = plan ? await plansRepo.targets(db, [Number(plan.id)]) : [];
      const n = await c.names([area.code, ...subs.map((s) => s.code), ...(plan ? [plan.area_code] : [])]);
      const share = elapsedShare(from, to, asOf);

      const out: Dashboard['targets'] = [];
      for (const t of targets) {
        const def = ev.catalogue.get(t.indicator_code);
        const params = parseParams(t.params);
        const e = await ev.evaluate(t.indicator_code, area, from, to, asOf, params);
        const p = progressOf(e.value, t.target, { lowerIsBetter: def?.lowerIsBetter, elapsedShare: share });
        const byArea: Dashboard['targets'][number]['byArea'] = [];
        for (const c of subs) {
          const ce = await ev.evaluate(t.indicator_code, c, from, to, asOf, params);
          const split = planTargets.find(
            (x) => x.indicator_code === t.indicator_code && x.params === t.params && x.area_code === c.code,
          );
          byArea.push({
            areaCode: c.code,
            areaName: c.name,
            target: split ? split.target : null,
            achieved: ce.available ? ce.value : null,
            text: ce.available ? formatProgressVi(ce.value, split?.target) : NO_DATA,
          });
        }
        out.push({
          indicatorCode: t.indicator_code,
          indicatorName: def?.nameVi ?? t.indicator_code,
          unit: def?.unit ?? '',
          params: t.params,
          lowerIsBetter: !!def?.lowerIsBetter,
          target: t.target,
          available: e.available,
          achieved: e.available ? e.value : null,
          percent: e.available ? p.percent : null,
          text: e.available ? formatProgressVi(e.value, t.target) : NO_DATA,
          status: e.available ? p.status : 'no_data',
          byArea,
        });
      }

      // The trend of up to three counted targets (sums), cumulative from 1 January, month by month.
      const trend: Dashboard['trend'] = [];
      const lastMonth = monthsBegun(year, asOf);
      // Computed figures first: an entered figure is known for whole periods, not month by month.
      const trendable = out
        .filter((x) => x.available && ev.catalogue.get(x.indicatorCode)?.rollup === 'sum')
        .sort(
          (a, b) =>
            Number(!ev.catalogue.get(a.indicatorCode)?.computed) - Number(!ev.catalogue.get(b.indicatorCode)?.computed),
        );
      for (const t of trendable.slice(0, 3)) {
        const points: Dashboard['trend'][number]['points'] = [];
        for (let m = 1; m <= lastMonth; m++) {
          const end = minDate(monthEnd(year, m), asOf);
          const e = await ev.evaluate(t.indicatorCode, area, from, end, end, parseParams(t.params));
          points.push({ month: `${year}-${String(m).padStart(2, '0')}`, to: end, value: e.value });
        }
        trend.push({
          indicatorCode: t.indicatorCode,
          indicatorName: t.indicatorName,
          unit: t.unit,
          params: t.params,
          points,
        });
      }

      const attention: Dashboard['attention'] = [];
      for (const t of out.filter((x) => x.status === 'behind')) {
        attention.push({
          kind: 'behind',
          text: `${t.indicatorName}: ${t.text}`,
          count: t.achieved ?? 0,
          indicatorCode: t.indicatorCode,
          params: t.params,
          areaCode: area.code,
        });
      }
      for (const [kind, code, words] of WATCH) {
        if (!ev.catalogue.has(code)) continue;
        const e = await ev.evaluate(code, area, from, to, asOf);
        if (e.available && e.value > 0)
          attention.push({
            kind,
            text: `${e.value} ${words}`,
            count: e.value,
            indicatorCode: code,
            params: '',
            areaCode: area.code,
          });
      }

      return {
        year,
        from,
        to,
        asOf,
        area: { code: area.code, name: area.name, level: area.level },
        children: subs.map((s) => ({ code: s.code, name: s.name, level: s.level })),
        plan: plan ? presentPlan(plan, n, planTargets.length) : null,
        years: [...new Set([...years, thisYear])].sort((a, b) => b - a),
        targets: out,
        trend,
        attention,
        serverMs: Math.round(performance.now() - t0),
      };
    },
  };
}
