import {
  formatDateVi,
  ReportBody,
  romanQuarter,
  todayInVietnam,
  type AgencySettings,
  type FigureOut,
  type FigureRef,
  type ReportOut,
  type ReportPreview,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { paramsText, parseParams, readFromEntered, type Evaluation, type Evaluator } from '../reports.catalogue.js';
import { reportsPolicy, type ReportsAction } from '../reports.policy.js';
import { planCitation, presentReport, presentSource } from '../reports.presenter.js';
import { figureRefs, renderHeader, renderSections, type RenderContext } from '../reports.render.js';
import { findTemplate } from '../reports.templates.js';
import type { AreaBreakdown } from '../reports.xlsx.js';
import { reportsRepo, type ReportRow } from '../repo/reports.repo.js';
import type { AreaInfo, ReportsContext } from './context.js';
import type { PlanProgress } from './plan-progress.js';
import { mapLimit } from '../../../platform/concurrency.js';

/** Sub-area values of the annex read at once (PostgreSQL's pool has 10 connections). */
const BREAKDOWN_CONCURRENCY = 4;

/** What an issued report keeps: its figures and their breakdown by area, as they were. */
export interface Frozen {
  figures: FigureOut[];
  byArea: AreaBreakdown;
}

interface ReportCtx {
  year: number;
  from: string;
  to: string;
  asOf: string;
  area: AreaInfo;
  /** The plan the report chose; null: the default plan of its year. */
  planId: number | null;
}

/**
 * A report's figures and its written-out form, shared by the report use cases: loading a report
 * through the guard, computing its figures (or reading those frozen at issue), the breakdown by
 * sub-area for the annex, and the preview.
 */
export function reportFigures(
  c: ReportsContext,
  progress: PlanProgress,
  agencyOf: (p: string, agencyCode?: string | null) => Promise<AgencySettings>,
) {
  /**
   * A figure a placeholder names, for the report's area or an area inside it. An area outside the
   * report's (another district, another province) gives no figure: a narrative cannot reach data
   * the report's area does not cover.
   */
  async function figureOut(
    ev: Evaluator,
    key: string,
    ref: FigureRef,
    rc: ReportCtx,
    areaNames: Map<string, string>,
  ): Promise<FigureOut> {
    const def = ev.catalogue.get(ref.code);
    let area = rc.area;
    if (ref.area && ref.area !== rc.area.code) {
      const a = await c.areaInfo(ref.area);
      area = a && a.path.startsWith(rc.area.path) ? a : { ...rc.area, code: ref.area, name: ref.area, path: '' };
    }
    const e: Evaluation =
      def && area.path
        ? await ev.evaluate(ref.code, area, rc.from, rc.to, rc.asOf, ref.params)
        : { available: false, value: 0, entered: [], basis: 'chưa có số liệu', override: null };
    const tf = await progress.targetsFor(rc.year, area, rc.planId);
    const codes = new Set([ref.code, def?.code, def?.aliasOf]);
    const target = tf.targets.find((t) => codes.has(t.indicator_code) && t.params === paramsText(ref.params));
    const points =
      target?.measure === 'points' ? await progress.pointsOf(ev, target, rc.year, rc.asOf, !!def?.lowerIsBetter) : null;
    areaNames.set(area.code, area.name);
    const n = await c.names(e.entered.map((r) => r.area_code));
    return {
      key,
      kind: 'value',
      code: ref.code,
      name: def?.nameVi ?? ref.code,
      unit: def?.unit ?? '',
      params: paramsText(ref.params),
      areaCode: area.code,
      areaName: area.name,
      from: rc.from,
      to: rc.to,
      asOf: rc.asOf,
      // A computed indicator read from entered values (a period before its module's records) is entered.
      source: !def ? 'missing' : readFromEntered(def, e) ? 'entered' : 'computed',
      available: e.available,
      value: e.available ? e.value : null,
      numerator: e.available ? (e.numerator ?? null) : null,
      denominator: e.available ? (e.denominator ?? null) : null,
      target: target ? target.target : null,
      lowerIsBetter: !!def?.lowerIsBetter,
      basis: e.basis,
      overridden: !!e.override,
      overrideReason: e.override?.override_reason ?? null,
      sources: e.entered.map((r) => presentSource(r, n)),
      ...(target?.measure === 'points' ? { measure: 'points' as const, change: points } : {}),
    };
  }

  async function computeFigures(r: ReportRow, area: AreaInfo): Promise<FigureOut[]> {
    const ev = await c.evaluator();
    const body = ReportBody.parse(JSON.parse(r.body_json));
    const rc: ReportCtx = {
      year: r.year,
      from: r.period_from,
      to: r.period_to,
      asOf: r.as_of,
      area,
      planId: r.plan_id ?? null,
    };
    const out: FigureOut[] = [];
    const areaNames = new Map<string, string>();
    for (const [key, ref] of figureRefs(body)) out.push(await figureOut(ev, key, ref, rc, areaNames));
    return out;
  }

  /** Each figure of the report's own area for every sub-area, for the annex. */
  async function breakdown(r: ReportRow, area: AreaInfo, figures: FigureOut[]): Promise<AreaBreakdown> {
    const ev = await c.evaluator();
    const subs = await c.children(area.code);
    const shown = figures.filter((f) => f.areaCode === area.code && f.source !== 'missing');
    // Every (figure, sub-area) value is its own small read: a province's annex is about a thousand
    // of them, so they run several at a time where the database allows it (docs/operations/national.md).
    const cells = shown.flatMap((f) => subs.map((s) => ({ f, s })));
    const values = await mapLimit(cells, BREAKDOWN_CONCURRENCY, async ({ f, s }) => {
      const e = await ev.evaluate(f.code, s, r.period_from, r.period_to, r.as_of, parseParams(f.params));
      return e.available ? e.value : null;
    });
    const rows: AreaBreakdown['rows'] = shown.map((f, i) => ({
      key: f.key,
      name: f.name,
      unit: f.unit,
      total: f.value,
      values: values.slice(i * subs.length, (i + 1) * subs.length),
    }));
    return { areas: subs.map((s) => ({ code: s.code, name: s.name })), rows };
  }

  /** A report and its area, guarded for the action: 404 when missing or outside the actor's area. */
  async function loadReport(actor: Actor, id: number, action: ReportsAction = 'read') {
    const row = await reportsRepo.findReport(c.db, id);
    const area = row ? await c.areaInfo(row.area_code) : undefined;
    reportsPolicy.guard(actor, action, { areaPath: area?.path ?? null, agencyCode: row?.agency_code }, 'Báo cáo');
    if (!row || !area) throw errors.notFound('Báo cáo');
    return { row, area };
  }

  async function variables(r: ReportRow, area: AreaInfo, ag: AgencySettings): Promise<Record<string, string>> {
    const tf = await progress.targetsFor(r.year, area, r.plan_id ?? null);
    const province = await c.areaInfo(r.province_code);
    return {
      year: String(r.year),
      nextYear: String(r.year + 1),
      quarter: romanQuarter(r.quarter),
      areaName: area.name,
      provinceName: province?.name ?? '',
      agencyName: ag.agencyName,
      asOf: formatDateVi(r.as_of),
      periodFrom: formatDateVi(r.period_from),
      periodTo: formatDateVi(r.period_to),
      plan: tf.plan ? planCitation(tf.plan) : '[chưa có kế hoạch năm]',
    };
  }

  /** A report for the client; an issued report is only read. `templateNames`: the province's templates by code. */
  function present(
    actor: Actor,
    r: ReportRow,
    areaNames: Map<string, string>,
    templateNames?: Map<string, string>,
  ): ReportOut {
    const abilities = reportsPolicy
      .abilities(actor)
      .filter((a) => a === 'read' || (a === 'manage' && r.state !== 'issued'));
    const name = templateNames?.get(r.template_code) ?? findTemplate(r.template_code)?.nameVi ?? r.template_code;
    return presentReport(r, areaNames, name, abilities);
  }

  /** The report written out with its figures (frozen at issue, else computed now). */
  async function preview(actor: Actor, id: number): Promise<ReportPreview & { byArea?: AreaBreakdown }> {
    const { row, area } = await loadReport(actor, id);
    const body = ReportBody.parse(JSON.parse(row.body_json));
    const frozen = row.figures_json ? (JSON.parse(row.figures_json) as Frozen) : null;
    const figures = frozen ? frozen.figures : await computeFigures(row, area);
    const ag = await agencyOf(row.province_code, row.agency_code);
    const ctx: RenderContext = {
      variables: await variables(row, area, ag),
      figures: new Map(figures.map((f) => [f.key, f])),
    };
    const date = row.issued_at ? todayInVietnam(new Date(row.issued_at)) : todayInVietnam();
    return {
      report: present(actor, row, new Map([[area.code, area.name]]), await c.templateNames(row.province_code)),
      header: renderHeader(body, ag, ctx, { numberSeq: row.number_seq, date }),
      sections: renderSections(body, ctx),
      figures,
      frozen: !!frozen,
      ...(frozen ? { byArea: frozen.byArea } : {}),
    };
  }

  return { computeFigures, breakdown, loadReport, present, preview, agencyOf };
}

export type ReportFigures = ReturnType<typeof reportFigures>;
