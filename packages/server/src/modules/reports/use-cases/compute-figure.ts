import { formatFigureVi, NO_DATA, type FigureQuery, type FigureTrace } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { indicatorArea } from '../../../platform/indicators.js';
import { paramsText, parseParams, readFromEntered, type IndicatorDef } from '../reports.catalogue.js';
import { presentIndicator, presentValue } from '../reports.presenter.js';
import type { ReportsContext } from './context.js';

const MAX_RECORDS_PAGE = 200;

interface RecordsPage {
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
}

/** How a figure is written: a ratio or a percentage with its parts, money in đồng, else a count. */
function figureText(
  def: IndicatorDef,
  e: { value: number; numerator?: number | undefined; denominator?: number | undefined },
): string {
  if (def.unit === 'percent' || def.rollup === 'ratio') return formatFigureVi(e, 'parts_percent');
  return formatFigureVi(e, def.unit === 'dong' ? 'dong' : 'number');
}

/**
 * One figure for an area inside the actor's, a period and an as-of date, with how it was
 * obtained and the records behind it (traceability): the entered values with their sources, or a
 * page of the records a computed indicator counts.
 */
export function computeFigure(c: ReportsContext) {
  return {
    async figure(actor: Actor, q: FigureQuery): Promise<FigureTrace> {
      const area = await c.scopedArea(actor, 'read', q.areaCode);
      const ev = await c.evaluator();
      const def = ev.catalogue.get(q.code);
      if (!def) throw errors.notFound('Chỉ tiêu');
      const params = parseParams(q.params);
      const e = await ev.evaluate(q.code, area, q.from, q.to, q.asOf, params);
      const pageSize = Math.min(q.pageSize, MAX_RECORDS_PAGE);
      let records: RecordsPage = { total: 0, rows: [] };
      // Before its module's records, a replacing indicator shows the entered values it read.
      const entered = readFromEntered(def, e);
      if (def.computed && !entered) {
        records = await def.computed.records(
          c.db,
          { area: indicatorArea(area.code, area.level), from: q.from, to: q.to, asOf: q.asOf },
          { limit: pageSize, offset: (q.page - 1) * pageSize },
          params,
        );
      }
      const n = await c.names([
        ...records.rows.map((r) => r.areaCode),
        ...e.entered.map((r) => r.area_code),
        area.code,
      ]);
      return {
        indicator: { ...presentIndicator(def), source: entered ? 'entered' : 'computed' },
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
  };
}
