import {
  AgencySettings,
  documentNumber,
  elapsedShare,
  formatDateVi,
  formatFigureVi,
  formatProgressVi,
  NO_DATA,
  progressOf,
  ReportBody,
  todayInVietnam,
  type CreateIndicatorBody,
  type CreatePlanBody,
  type CreateReportBody,
  type Dashboard,
  type DashboardQuery,
  type EnteredValuePage,
  type EnteredValuesQuery,
  type EnterValueBody,
  type FigureOut,
  type FigureQuery,
  type FigureRef,
  type FigureTrace,
  type IndicatorList,
  type IndicatorOut,
  type PlanList,
  type PlanOut,
  type ReportChanges,
  type ReportOut,
  type ReportPage,
  type ReportPreview,
  type TargetBody,
  type TargetOut,
  type UpdateReportBody,
} from '@ansinh/domain';
import type { Database, Executor } from '../../db/database.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import { areaColumnScope, inScope } from '../../platform/authz.js';
import { inTransaction, nowIso } from '../../platform/context.js';
import { errors, isUniqueViolation } from '../../platform/errors.js';
import { indicatorArea } from '../../platform/indicators.js';
import type { AreasService } from '../areas/index.js';
import {
  createEvaluator,
  loadCatalogue,
  parseParams,
  paramsText,
  type Evaluator,
  type IndicatorDef,
} from './reports.catalogue.js';
import { buildDocx } from './reports.docx.js';
import { reportsPolicy } from './reports.policy.js';
import { planCitation, presentIndicator, presentPlan, presentReport, presentValue } from './reports.presenter.js';
import { changeText, figureRefs, renderHeader, renderSections, type RenderContext } from './reports.render.js';
import { reportsRepo, type PlanRow, type ReportRow, type TargetRow } from './reports.repo.js';
import { findTemplate, REPORT_TEMPLATES } from './reports.templates.js';
import { buildAnnex, type AreaBreakdown } from './reports.xlsx.js';

export interface AreaInfo {
  code: string;
  level: number;
  name: string;
  path: string;
}

const AGENCY_KEY = 'reports.agency';
const MAX_RECORDS_PAGE = 200;

/** What an issued report keeps: its figures and their breakdown by area, as they were. */
interface Frozen {
  figures: FigureOut[];
  byArea: AreaBreakdown;
}

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const quarterRange = (year: number, q: number) => {
  const m = (q - 1) * 3 + 1;
  const end = new Date(Date.UTC(year, m + 2, 0)).toISOString().slice(0, 10);
  return { from: `${year}-${String(m).padStart(2, '0')}-01`, to: end };
};
const minDate = (a: string, b: string) => (a < b ? a : b);
const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

function codesOf(path: string): { province_code: string; district_code: string | null; commune_code: string | null } {
  const parts = path.split('/').filter(Boolean);
  return { province_code: parts[0]!, district_code: parts[1] ?? null, commune_code: parts[2] ?? null };
}

/** Plans, indicators (computed and entered), dashboards and report documents. */
export function createReportsService(deps: { database: Database; areas: Pick<AreasService, 'pathOf' | 'list'> }) {
  const { database, areas } = deps;
  const db = database.db;

  async function areaInfo(code: string): Promise<AreaInfo | undefined> {
    const a = await areas.pathOf(code);
    return a ? { code, level: a.level, name: a.name, path: a.path } : undefined;
  }

  /** An area inside the actor's; the actor's home area when none is named; 404 outside. */
  async function scopedArea(actor: Actor, code: string | undefined | null): Promise<AreaInfo> {
    const want = code ?? actor.areaCode;
    const a = want ? await areaInfo(want) : undefined;
    if (!a || !inScope(actor, a.path)) throw errors.notFound('Đơn vị hành chính');
    return a;
  }

  async function children(code: string): Promise<AreaInfo[]> {
    const list = await areas.list(systemActor('reports'), { parent: code });
    return list.items.map((c) => ({ code: c.code, level: c.level, name: c.name, path: '' }));
  }

  async function names(codes: Iterable<string>): Promise<Map<string, string>> {
    const rows = await reportsRepo.areaNames(db, [...new Set(codes)]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async function evaluator(ex: Executor = db): Promise<Evaluator> {
    return createEvaluator(ex, await loadCatalogue(ex));
  }

  async function agency(): Promise<AgencySettings> {
    const stored = AgencySettings.safeParse(await reportsRepo.getSetting(db, AGENCY_KEY));
    if (stored.success) return stored.data;
    const demo = (await reportsRepo.getSetting(db, 'demo')) as { province?: string } | undefined;
    const province = demo?.province ? await areaInfo(demo.province) : undefined;
    const place = province?.name.replace(/^Tỉnh |^Thành phố /, '') ?? '…';
    return {
      parentAgency: `UBND ${province?.name.toUpperCase() ?? 'TỈNH'}`,
      agency: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
      agencyName: 'Sở Lao động - Thương binh và Xã hội',
      symbol: 'SLĐTBXH',
      place,
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: '…',
      recipients: ['Lưu: VT, VP'],
    };
  }

  // --- Plans and targets ------------------------------------------------------------------------

  /**
   * Targets for a year that apply to an area: its own plan's, or those an enclosing plan splits
   * down to it. The nearest plan wins for the same indicator.
   */
  async function targetsFor(year: number, area: AreaInfo): Promise<{ plan: PlanRow | null; targets: TargetRow[] }> {
    const chain = area.path.split('/').filter(Boolean).reverse();
    for (const code of chain) {
      const plan = await reportsRepo.planFor(db, year, code);
      if (!plan) continue;
      const targets = (await reportsRepo.targets(db, [Number(plan.id)])).filter((t) => t.area_code === area.code);
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

  async function checkTarget(
    actor: Actor,
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
    const area = await scopedArea(actor, t.areaCode ?? plan.area_code);
    const planArea = (await areaInfo(plan.area_code))!;
    if (!area.path.startsWith(planArea.path)) {
      throw errors.validation([
        { path: 'body.areaCode', message: `${area.name} không thuộc địa bàn của kế hoạch (${planArea.name}).` },
      ]);
    }
    return area;
  }

  // --- Figures of reports -------------------------------------------------------------------------

  interface ReportCtx {
    year: number;
    from: string;
    to: string;
    asOf: string;
    area: AreaInfo;
  }

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
      const a = await areaInfo(ref.area);
      area = a && a.path.startsWith(rc.area.path) ? a : { ...rc.area, code: ref.area, name: ref.area };
    }
    const e =
      def && area.path
        ? await ev.evaluate(ref.code, area, rc.from, rc.to, rc.asOf, ref.params)
        : { available: false, value: 0, entered: [] };
    const tf = await targetsFor(rc.year, area);
    const target = tf.targets.find((t) => t.indicator_code === ref.code && t.params === paramsText(ref.params));
    areaNames.set(area.code, area.name);
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
      source: !def ? 'missing' : def.source,
      available: e.available,
      value: e.available ? e.value : null,
      numerator: e.available ? (e.numerator ?? null) : null,
      denominator: e.available ? (e.denominator ?? null) : null,
      target: target ? target.target : null,
      lowerIsBetter: !!def?.lowerIsBetter,
    };
  }

  function reportCtx(r: ReportRow, area: AreaInfo): ReportCtx {
    return { year: r.year, from: r.period_from, to: r.period_to, asOf: r.as_of, area };
  }

  async function computeFigures(r: ReportRow, area: AreaInfo): Promise<FigureOut[]> {
    const ev = await evaluator();
    const body = ReportBody.parse(JSON.parse(r.body_json));
    const rc = reportCtx(r, area);
    const out: FigureOut[] = [];
    const areaNames = new Map<string, string>();
    for (const [key, ref] of figureRefs(body)) out.push(await figureOut(ev, key, ref, rc, areaNames));
    return out;
  }

  /** Each figure of the report's own area for every sub-area, for the annex. */
  async function breakdown(r: ReportRow, area: AreaInfo, figures: FigureOut[]): Promise<AreaBreakdown> {
    const ev = await evaluator();
    const subs = await children(area.code);
    const rows: AreaBreakdown['rows'] = [];
    for (const f of figures) {
      if (f.areaCode !== area.code || f.source === 'missing') continue;
      const values: (number | null)[] = [];
      for (const c of subs) {
        const e = await ev.evaluate(f.code, c, r.period_from, r.period_to, r.as_of, parseParams(f.params));
        values.push(e.available ? e.value : null);
      }
      rows.push({ key: f.key, name: f.name, unit: f.unit, total: f.value, values });
    }
    return { areas: subs.map((s) => ({ code: s.code, name: s.name })), rows };
  }

  async function loadReport(actor: Actor, id: number): Promise<{ row: ReportRow; area: AreaInfo }> {
    const row = await reportsRepo.findReport(db, id);
    if (!row) throw errors.notFound('Báo cáo');
    const area = await areaInfo(row.area_code);
    reportsPolicy.authorize(actor, 'read', { areaPath: area?.path ?? null }, 'Báo cáo');
    return { row, area: area! };
  }

  async function variables(r: ReportRow, area: AreaInfo, ag: AgencySettings): Promise<Record<string, string>> {
    const tf = await targetsFor(r.year, area);
    const province = await areaInfo(codesOf(area.path).province_code);
    return {
      year: String(r.year),
      nextYear: String(r.year + 1),
      quarter: r.quarter ? ['I', 'II', 'III', 'IV'][r.quarter - 1]! : '',
      areaName: area.name,
      provinceName: province?.name ?? '',
      agencyName: ag.agencyName,
      asOf: formatDateVi(r.as_of),
      periodFrom: formatDateVi(r.period_from),
      periodTo: formatDateVi(r.period_to),
      plan: tf.plan ? planCitation(tf.plan) : '[chưa có kế hoạch năm]',
    };
  }

  function present(actor: Actor, r: ReportRow, areaNames: Map<string, string>): ReportOut {
    const abilities =
      r.state === 'issued'
        ? reportsPolicy.abilities(actor).filter((a) => a === 'read')
        : reportsPolicy.abilities(actor);
    return presentReport(r, areaNames, findTemplate(r.template_code)?.nameVi ?? r.template_code, abilities);
  }

  async function preview(actor: Actor, id: number): Promise<ReportPreview & { byArea?: AreaBreakdown }> {
    const { row, area } = await loadReport(actor, id);
    const body = ReportBody.parse(JSON.parse(row.body_json));
    const frozen = row.figures_json ? (JSON.parse(row.figures_json) as Frozen) : null;
    const figures = frozen ? frozen.figures : await computeFigures(row, area);
    const ag = await agency();
    const ctx: RenderContext = {
      variables: await variables(row, area, ag),
      figures: new Map(figures.map((f) => [f.key, f])),
    };
    const date = row.issued_at ? todayInVietnam(new Date(row.issued_at)) : todayInVietnam();
    return {
      report: present(actor, row, new Map([[area.code, area.name]])),
      header: renderHeader(body, ag, ctx, { numberSeq: row.number_seq, date }),
      sections: renderSections(body, ctx),
      figures,
      frozen: !!frozen,
      ...(frozen ? { byArea: frozen.byArea } : {}),
    };
  }

  return {
    policy: reportsPolicy,

    // --- Indicators -------------------------------------------------------------------------------

    /** The catalogue: computed indicators of every module and the entered ones. */
    async indicators(actor: Actor): Promise<IndicatorList> {
      reportsPolicy.assert(actor, 'read');
      const cat = await loadCatalogue(db);
      return { items: [...cat.values()].map(presentIndicator) };
    },

    /** Adds an indicator whose values are entered with their source. */
    async createIndicator(actor: Actor, body: CreateIndicatorBody): Promise<IndicatorOut> {
      reportsPolicy.assert(actor, 'manage');
      if (actor.kind !== 'system' && actor.areaLevel !== 1)
        throw errors.forbidden('Chỉ Sở thêm chỉ tiêu vào danh mục dùng chung.');
      const cat = await loadCatalogue(db);
      if (cat.has(body.code))
        throw errors.conflict('INDICATOR_EXISTS', `Đã có chỉ tiêu mã ${body.code}. Chọn mã khác.`);
      return inTransaction(database, actor, async (trx, audit) => {
        await reportsRepo.insertIndicator(trx, {
          code: body.code,
          module: body.code.split('.')[0]!,
          name_vi: body.nameVi,
          name_en: body.nameEn,
          unit: body.unit,
          rollup: body.rollup,
          lower_is_better: body.lowerIsBetter ? 1 : 0,
          created_at: nowIso(),
        });
        await audit({
          action: 'reports.indicator.create',
          entity: 'report_indicator',
          entityId: body.code,
          after: body,
        });
        return presentIndicator({
          ...body,
          module: body.code.split('.')[0]!,
          source: 'entered',
          params: [],
          computed: null,
        });
      });
    },

    async values(actor: Actor, q: EnteredValuesQuery): Promise<EnteredValuePage> {
      reportsPolicy.assert(actor, 'read');
      if (q.areaCode) await scopedArea(actor, q.areaCode);
      const { total, rows } = await reportsRepo.listValues(db, areaColumnScope(actor), q, {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const cat = await loadCatalogue(db);
      const n = await names(rows.map((r) => r.area_code));
      return {
        items: rows.map((r) => presentValue(r, n, cat.get(r.indicator_code)?.nameVi ?? r.indicator_code)),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Records a figure no record can give, with its source and who entered it. */
    async enterValue(actor: Actor, body: EnterValueBody) {
      reportsPolicy.assert(actor, 'manage');
      const cat = await loadCatalogue(db);
      const def = cat.get(body.indicatorCode);
      if (!def)
        throw errors.validation([
          { path: 'body.indicatorCode', message: `Chưa có chỉ tiêu mã ${body.indicatorCode}.` },
        ]);
      if (def.source !== 'entered') {
        throw errors.validation([
          { path: 'body.indicatorCode', message: `Chỉ tiêu "${def.nameVi}" được tính từ dữ liệu, không nhập tay.` },
        ]);
      }
      if (def.rollup === 'ratio' && (body.numerator == null) !== (body.denominator == null)) {
        throw errors.validation([
          { path: 'body.denominator', message: 'Nhập cả tử số và mẫu số, hoặc bỏ trống cả hai.' },
        ]);
      }
      const area = await scopedArea(actor, body.areaCode);
      return inTransaction(database, actor, async (trx, audit) => {
        const id = await reportsRepo.insertValue(trx, {
          indicator_code: body.indicatorCode,
          area_code: area.code,
          area_level: area.level,
          ...codesOf(area.path),
          period_from: body.periodFrom,
          period_to: body.periodTo,
          value: body.value,
          numerator: body.numerator ?? null,
          denominator: body.denominator ?? null,
          source_kind: body.sourceKind,
          source_ref: body.sourceRef,
          source_date: body.sourceDate,
          note: body.note ?? null,
          entered_by: actor.username,
          entered_at: nowIso(),
        });
        await audit({
          action: 'reports.value.enter',
          entity: 'indicator_value',
          entityId: id,
          areaCode: area.code,
          after: body,
        });
        const row = (await reportsRepo.findValue(trx, id))!;
        return presentValue(row, new Map([[area.code, area.name]]), def.nameVi);
      });
    },

    /** A figure with how it was obtained and the records behind it (traceability). */
    async figure(actor: Actor, q: FigureQuery): Promise<FigureTrace> {
      reportsPolicy.assert(actor, 'read');
      const area = await scopedArea(actor, q.areaCode);
      const ev = await evaluator();
      const def = ev.catalogue.get(q.code);
      if (!def) throw errors.notFound('Chỉ tiêu');
      const params = parseParams(q.params);
      const e = await ev.evaluate(q.code, area, q.from, q.to, q.asOf, params);
      const pageSize = Math.min(q.pageSize, MAX_RECORDS_PAGE);
      let records: {
        total: number;
        rows: {
          kind: string;
          id: number | string;
          label: string;
          href: string | null;
          areaCode: string;
          date: string | null;
          amount: number | null;
        }[];
      } = {
        total: 0,
        rows: [],
      };
      if (def.computed) {
        records = await def.computed.records(
          db,
          { area: indicatorArea(area.code, area.level), from: q.from, to: q.to, asOf: q.asOf },
          { limit: pageSize, offset: (q.page - 1) * pageSize },
          params,
        );
      }
      const n = await names([...records.rows.map((r) => r.areaCode), ...e.entered.map((r) => r.area_code), area.code]);
      return {
        indicator: presentIndicator(def),
        areaCode: area.code,
        areaName: area.name,
        from: q.from,
        to: q.to,
        asOf: q.asOf,
        params: paramsText(params),
        available: e.available,
        value: e.available ? e.value : null,
        numerator: e.available ? (e.numerator ?? null) : null,
        denominator: e.available ? (e.denominator ?? null) : null,
        text: e.available ? figureText(def, e) : NO_DATA,
        entered: e.entered.map((r) => presentValue(r, n, def.nameVi)),
        records: {
          items: records.rows.map((r) => ({ ...r, areaName: n.get(r.areaCode) ?? r.areaCode })),
          total: records.total,
          page: q.page,
          pageSize,
        },
      };
    },

    // --- Plans ----------------------------------------------------------------------------------

    async plans(actor: Actor, year?: number): Promise<PlanList> {
      reportsPolicy.assert(actor, 'read');
      const rows = await reportsRepo.listPlans(db, areaColumnScope(actor), year);
      const counts = new Map(
        (
          await reportsRepo.targetCounts(
            db,
            rows.map((r) => Number(r.id)),
          )
        ).map((c) => [Number(c.plan_id), Number(c.n)]),
      );
      const n = await names(rows.map((r) => r.area_code));
      return { items: rows.map((r) => presentPlan(r, n, counts.get(Number(r.id)) ?? 0)) };
    },

    async getPlan(actor: Actor, id: number, asOfGiven?: string): Promise<PlanOut> {
      const plan = await reportsRepo.findPlan(db, id);
      const area = plan ? await areaInfo(plan.area_code) : undefined;
      if (!plan || !area) throw errors.notFound('Kế hoạch');
      reportsPolicy.authorize(actor, 'read', { areaPath: area.path }, 'Kế hoạch');
      const asOf = asOfGiven ?? minDate(todayInVietnam(), yearRange(plan.year).to);
      const targets = await reportsRepo.targets(db, [id]);
      const n = await names([plan.area_code, ...targets.map((t) => t.area_code)]);
      const ev = await evaluator();
      const out: TargetOut[] = [];
      for (const t of targets) out.push(await targetOut(ev, t, plan.year, asOf, n));
      return { ...presentPlan(plan, n, targets.length), asOf, targets: out, abilities: reportsPolicy.abilities(actor) };
    },

    /** A plan issued by a document, with its targets (and their split to districts or communes). */
    async createPlan(actor: Actor, body: CreatePlanBody): Promise<PlanOut> {
      reportsPolicy.assert(actor, 'manage');
      const area = await scopedArea(actor, body.areaCode);
      const ev = await evaluator();
      // Areas are resolved before the transaction: on SQLite it holds the only connection.
      const resolved: [TargetBody, AreaInfo][] = [];
      for (const t of body.targets) resolved.push([t, await checkTarget(actor, { area_code: area.code }, ev, t)]);
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const at = nowIso();
        const planId = await reportsRepo.insertPlan(trx, {
          year: body.year,
          area_code: area.code,
          area_level: area.level,
          ...codesOf(area.path),
          title: body.title,
          doc_number: body.docNumber,
          doc_date: body.docDate,
          issuer: body.issuer,
          created_by: actor.username,
          created_at: at,
          updated_at: at,
        });
        for (const [t, ta] of resolved) {
          await reportsRepo.upsertTarget(trx, {
            plan_id: planId,
            indicator_code: t.indicatorCode,
            params: paramsText(parseParams(t.params)),
            area_code: ta.code,
            area_level: ta.level,
            target: t.target,
            note: t.note ?? null,
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
      return this.getPlan(actor, id);
    },

    /** Sets a target of a plan (an existing one for the same indicator and area is replaced). */
    async setTarget(actor: Actor, planId: number, body: TargetBody): Promise<PlanOut> {
      const plan = await reportsRepo.findPlan(db, planId);
      const area = plan ? await areaInfo(plan.area_code) : undefined;
      if (!plan || !area) throw errors.notFound('Kế hoạch');
      reportsPolicy.authorize(actor, 'manage', { areaPath: area.path }, 'Kế hoạch');
      const ev = await evaluator();
      const ta = await checkTarget(actor, plan, ev, body);
      await inTransaction(database, actor, async (trx, audit) => {
        const id = await reportsRepo.upsertTarget(trx, {
          plan_id: planId,
          indicator_code: body.indicatorCode,
          params: paramsText(parseParams(body.params)),
          area_code: ta.code,
          area_level: ta.level,
          target: body.target,
          note: body.note ?? null,
        });
        await reportsRepo.touchPlan(trx, planId, nowIso());
        await audit({
          action: 'reports.plan.target',
          entity: 'plan',
          entityId: planId,
          areaCode: ta.code,
          after: { targetId: id, ...body },
        });
      });
      return this.getPlan(actor, planId);
    },

    async deleteTarget(actor: Actor, planId: number, targetId: number): Promise<PlanOut> {
      const plan = await reportsRepo.findPlan(db, planId);
      const area = plan ? await areaInfo(plan.area_code) : undefined;
      if (!plan || !area) throw errors.notFound('Kế hoạch');
      reportsPolicy.authorize(actor, 'manage', { areaPath: area.path }, 'Kế hoạch');
      await inTransaction(database, actor, async (trx, audit) => {
        const r = await reportsRepo.deleteTarget(trx, planId, targetId);
        if (Number(r.numDeletedRows) === 0) throw errors.notFound('Chỉ tiêu kế hoạch');
        await audit({ action: 'reports.plan.target_delete', entity: 'plan', entityId: planId, before: { targetId } });
      });
      return this.getPlan(actor, planId);
    },

    // --- Dashboard ------------------------------------------------------------------------------

    /**
     * The year's targets and progress as of a date, districts side by side, the month-by-month
     * trend and what needs attention.
     */
    async dashboard(actor: Actor, q: DashboardQuery): Promise<Dashboard> {
      const t0 = performance.now();
      reportsPolicy.assert(actor, 'read');
      const area = await scopedArea(actor, q.areaCode);
      const today = todayInVietnam();
      const years = (await reportsRepo.planYears(db, areaColumnScope(actor))).map((r) => r.year);
      const thisYear = Number(today.slice(0, 4));
      const year = q.year ?? (years.includes(thisYear) ? thisYear : (years.find((y) => y < thisYear) ?? thisYear));
      const { from, to } = yearRange(year);
      const asOf = q.asOf ?? minDate(today, to);
      const subs = await children(area.code);
      const ev = await evaluator();
      const { plan, targets } = await targetsFor(year, area);
      const planTargets = plan ? await reportsRepo.targets(db, [Number(plan.id)]) : [];
      const n = await names([area.code, ...subs.map((s) => s.code), ...(plan ? [plan.area_code] : [])]);
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
      const lastMonth = asOf < from ? 0 : asOf > to ? 12 : Number(asOf.slice(5, 7));
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
      const watch: [Dashboard['attention'][number]['kind'], string, string][] = [
        ['lists_pending', 'programs.lists_pending_approval', 'danh sách đang chờ phê duyệt'],
        ['overdue', 'dossiers.overdue_pending', 'hồ sơ đã quá hạn mà chưa giải quyết'],
        ['due_soon', 'dossiers.due_within_2_days', 'hồ sơ sắp đến hạn trong 2 ngày làm việc'],
      ];
      for (const [kind, code, words] of watch) {
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

    // --- Report templates and documents ---------------------------------------------------------

    templates() {
      return {
        items: REPORT_TEMPLATES.map(({ code, nameVi, nameEn, period, body }) => ({
          code,
          nameVi,
          nameEn,
          period,
          body,
        })),
      };
    },

    async settings(actor: Actor): Promise<AgencySettings> {
      reportsPolicy.assert(actor, 'read');
      return agency();
    },

    /** The agency's names, number series and signer (it may be reorganised): the Department only. */
    async putSettings(actor: Actor, body: AgencySettings): Promise<AgencySettings> {
      reportsPolicy.assert(actor, 'manage');
      if (actor.kind !== 'system' && actor.areaLevel !== 1)
        throw errors.forbidden('Chỉ Sở sửa thông tin cơ quan ban hành báo cáo.');
      const before = await agency();
      return inTransaction(database, actor, async (trx, audit) => {
        await reportsRepo.putSetting(trx, AGENCY_KEY, body, nowIso());
        await audit({
          action: 'reports.settings.update',
          entity: 'setting',
          entityId: AGENCY_KEY,
          before,
          after: body,
        });
        return body;
      });
    },

    async list(actor: Actor, q: { year?: number | undefined; page: number; pageSize: number }): Promise<ReportPage> {
      reportsPolicy.assert(actor, 'read');
      const { total, rows } = await reportsRepo.listReports(db, areaColumnScope(actor), q.year, {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const n = await names(rows.map((r) => r.area_code));
      return { items: rows.map((r) => present(actor, r, n)), total, page: q.page, pageSize: q.pageSize };
    },

    /** A report from a template for a year (or quarter), an area and an as-of date. */
    async create(actor: Actor, body: CreateReportBody): Promise<ReportOut> {
      reportsPolicy.assert(actor, 'manage');
      const tpl = findTemplate(body.templateCode);
      if (!tpl)
        throw errors.validation([{ path: 'body.templateCode', message: `Không có mẫu báo cáo ${body.templateCode}.` }]);
      if (tpl.period === 'quarter' && !body.quarter)
        throw errors.validation([{ path: 'body.quarter', message: 'Chọn quý của báo cáo.' }]);
      const area = await scopedArea(actor, body.areaCode);
      const range = tpl.period === 'quarter' ? quarterRange(body.year, body.quarter!) : yearRange(body.year);
      const asOf = body.asOf ?? minDate(todayInVietnam(), range.to);
      const title = tpl.titlePattern
        .replace('{year}', String(body.year))
        .replace('{quarter}', body.quarter ? ['I', 'II', 'III', 'IV'][body.quarter - 1]! : '');
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const at = nowIso();
        const id = await reportsRepo.insertReport(trx, {
          template_code: tpl.code,
          title,
          year: body.year,
          quarter: tpl.period === 'quarter' ? body.quarter! : null,
          period_from: range.from,
          period_to: range.to,
          as_of: asOf,
          area_code: area.code,
          area_level: area.level,
          ...codesOf(area.path),
          state: 'draft',
          number_seq: null,
          number: null,
          body_json: JSON.stringify(tpl.body),
          figures_json: null,
          issued_at: null,
          issued_by: null,
          created_by: actor.username,
          created_at: at,
          updated_at: at,
        });
        await audit({
          action: 'reports.report.create',
          entity: 'report',
          entityId: id,
          areaCode: area.code,
          after: { template: tpl.code, year: body.year, quarter: body.quarter ?? null, asOf },
        });
        return id;
      });
      return this.get(actor, id);
    },

    async get(actor: Actor, id: number): Promise<ReportOut> {
      const { row, area } = await loadReport(actor, id);
      return present(actor, row, new Map([[area.code, area.name]]));
    },

    preview: async (actor: Actor, id: number): Promise<ReportPreview> => {
      const { byArea: _ignored, ...p } = await preview(actor, id);
      return p;
    },

    /** Officers edit the narrative (and the as-of date) of a draft; an issued report is frozen. */
    async update(actor: Actor, id: number, body: UpdateReportBody): Promise<ReportOut> {
      const { row, area } = await loadReport(actor, id);
      reportsPolicy.authorize(actor, 'manage', { areaPath: area.path }, 'Báo cáo');
      if (row.state === 'issued')
        throw errors.conflict('REPORT_ISSUED', 'Báo cáo đã ban hành, không sửa được. Tạo báo cáo mới nếu cần.');
      const doc = ReportBody.parse(JSON.parse(row.body_json));
      const known = new Set<string>();
      for (const sec of doc.sections) {
        for (const b of sec.blocks) {
          if (b.type === 'text') {
            known.add(b.id);
            if (b.id in body.texts) b.text = body.texts[b.id]!;
          } else if (b.type === 'when_zero') {
            known.add(`${b.id}.zero`).add(`${b.id}.otherwise`);
            if (`${b.id}.zero` in body.texts) b.zero = body.texts[`${b.id}.zero`]!;
            if (`${b.id}.otherwise` in body.texts) b.otherwise = body.texts[`${b.id}.otherwise`]!;
          }
        }
      }
      const unknown = Object.keys(body.texts).filter((k) => !known.has(k));
      if (unknown.length > 0)
        throw errors.validation(
          unknown.map((k) => ({ path: `body.texts.${k}`, message: `Báo cáo không có đoạn ${k}.` })),
        );
      await inTransaction(database, actor, async (trx, audit) => {
        await reportsRepo.updateReport(trx, id, {
          body_json: JSON.stringify(doc),
          ...(body.asOf ? { as_of: body.asOf } : {}),
          updated_at: nowIso(),
        });
        await audit({
          action: 'reports.report.edit',
          entity: 'report',
          entityId: id,
          areaCode: area.code,
          after: { blocks: Object.keys(body.texts), asOf: body.asOf ?? null },
        });
      });
      return this.get(actor, id);
    },

    /** Issues a report: it gets its number and its figures are stored as they are now. */
    async issue(actor: Actor, id: number): Promise<ReportOut> {
      const { row, area } = await loadReport(actor, id);
      reportsPolicy.authorize(actor, 'manage', { areaPath: area.path }, 'Báo cáo');
      if (row.state === 'issued') throw errors.conflict('REPORT_ISSUED', 'Báo cáo đã được ban hành trước đó.');
      const figures = await computeFigures(row, area);
      const frozen: Frozen = { figures, byArea: await breakdown(row, area, figures) };
      const at = nowIso();
      const ag = await agency();
      const issueYear = Number(todayInVietnam().slice(0, 4));
      // Two reports issued at once may pick the same number: the database refuses the second
      // (unique province, year, number), which then takes the next one.
      for (let attempt = 1; ; attempt++) {
        try {
          await issueOnce(issueYear);
          break;
        } catch (err) {
          if (!isUniqueViolation(err) || attempt >= 5) throw err;
        }
      }
      return this.get(actor, id);

      async function issueOnce(issueYear: number) {
        await inTransaction(database, actor, async (trx, audit) => {
          const seq = await reportsRepo.nextNumber(trx, codesOf(area.path).province_code, issueYear);
          const number = documentNumber(seq, ag.symbol);
          // Only a draft is issued: of two requests to issue the same report, one wins.
          const res = await trx
            .updateTable('reports')
            .set({
              state: 'issued',
              number_seq: seq,
              issue_year: issueYear,
              number,
              figures_json: JSON.stringify(frozen),
              issued_at: at,
              issued_by: actor.username,
              updated_at: at,
            })
            .where('id', '=', id)
            .where('state', '<>', 'issued')
            .executeTakeFirst();
          if (Number(res.numUpdatedRows) !== 1)
            throw errors.conflict('REPORT_ISSUED', 'Báo cáo đã được ban hành trước đó.');
          await audit({
            action: 'reports.report.issue',
            entity: 'report',
            entityId: id,
            areaCode: area.code,
            after: { number, figures: figures.length, asOf: row.as_of },
          });
        });
      }
    },

    /** What changed in the figures of an issued report since it was issued (a regeneration). */
    async changes(actor: Actor, id: number): Promise<ReportChanges> {
      const { row, area } = await loadReport(actor, id);
      if (!row.figures_json) return { issuedAt: null, asOf: row.as_of, items: [] };
      const before = new Map((JSON.parse(row.figures_json) as Frozen).figures.map((f) => [f.key, f]));
      const now = await computeFigures(row, area);
      const items: ReportChanges['items'] = [];
      for (const f of now) {
        const a = changeText(before.get(f.key));
        const b = changeText(f);
        if (a !== b) items.push({ key: f.key, name: f.name, before: a, after: b });
      }
      return { issuedAt: row.issued_at, asOf: row.as_of, items };
    },

    /** The report as a DOCX in the Decree 30/2020 layout. */
    async docx(actor: Actor, id: number): Promise<{ data: Buffer; fileName: string }> {
      const p = await preview(actor, id);
      return { data: await buildDocx(p), fileName: fileName(p.report, 'docx') };
    },

    /** The annex: every figure, how it was obtained, and its breakdown by area. */
    async annex(actor: Actor, id: number): Promise<{ data: Buffer; fileName: string }> {
      const p = await preview(actor, id);
      const { row, area } = await loadReport(actor, id);
      const byArea = p.byArea ?? (await breakdown(row, area, p.figures));
      return { data: await buildAnnex(p, byArea), fileName: fileName(p.report, 'xlsx') };
    },

    /** For the seed and the CLI: the current agency settings. */
    agency: () => agency(),
  };
}

function figureText(
  def: IndicatorDef,
  e: { value: number; numerator?: number | undefined; denominator?: number | undefined },
): string {
  if (def.unit === 'percent' || def.rollup === 'ratio') return formatFigureVi(e, 'parts_percent');
  return formatFigureVi(e, def.unit === 'dong' ? 'dong' : 'number');
}

function fileName(r: ReportOut, ext: string): string {
  const base = `bao-cao-${r.templateCode}-${r.year}${r.quarter ? `-q${r.quarter}` : ''}-${r.id}`;
  return ext === 'xlsx' ? `${base}-phu-luc.xlsx` : `${base}.${ext}`;
}

export type ReportsService = ReturnType<typeof createReportsService>;
