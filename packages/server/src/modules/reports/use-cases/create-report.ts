import {
  halfRange,
  minDate,
  quarterRange,
  romanQuarter,
  todayInVietnam,
  yearRange,
  type CreateReportBody,
  type ReportOut,
  type ReportPage,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { agencyScope, areaColumnScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { reportsPolicy } from '../reports.policy.js';
import { reportsRepo } from '../repo/reports.repo.js';
import { areaCodes, type ReportsContext } from './context.js';
import type { PlanProgress } from './plan-progress.js';
import type { ReportFigures } from './report-figures.js';
import type { ReportTemplates } from './templates.js';

/**
 * Report documents of the actor's area: the list, one report, and a new draft from one of the
 * province's templates (use-cases/templates.ts) for a year, a half-year or a quarter, an area
 * inside the actor's and an as-of date. The draft copies the template's current version (and
 * records its number): officers then change the copy, never the template.
 */
export function createReport(c: ReportsContext, rf: ReportFigures, progress: PlanProgress, tpls: ReportTemplates) {
  const { database, db } = c;

  async function get(actor: Actor, id: number): Promise<ReportOut> {
    const { row, area } = await rf.loadReport(actor, id);
    return rf.present(actor, row, new Map([[area.code, area.name]]), await c.templateNames(row.province_code));
  }

  return {
    get,

    /** Reports of the actor's area (limited in SQL), the newest first. */
    async list(actor: Actor, q: { year?: number | undefined; page: number; pageSize: number }): Promise<ReportPage> {
      reportsPolicy.guard(actor, 'read');
      const { total, rows } = await reportsRepo.listReports(
        db,
        areaColumnScope(actor),
        q.year,
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
        agencyScope(actor),
      );
      const n = await c.names(rows.map((r) => r.area_code));
      const tn = new Map<string, string>();
      for (const p of new Set(rows.map((r) => r.province_code)))
        for (const [code, name] of await c.templateNames(p)) tn.set(`${p}:${code}`, name);
      const items = rows.map((r) => {
        const name = tn.get(`${r.province_code}:${r.template_code}`);
        return rf.present(actor, r, n, name ? new Map([[r.template_code, name]]) : undefined);
      });
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    /** A report from a template for a year (or quarter), an area and an as-of date. */
    async create(actor: Actor, body: CreateReportBody): Promise<ReportOut> {
      reportsPolicy.guard(actor, 'create_report');
      const area = await c.scopedArea(actor, 'create_report', body.areaCode);
      const { template: tpl, version } = await tpls.forReport(actor, areaCodes(area).province_code, body.templateCode);
      if (tpl.period === 'quarter' && !body.quarter)
        throw errors.validation([{ path: 'body.quarter', message: 'Chọn quý của báo cáo.' }]);
      const range =
        tpl.period === 'quarter'
          ? quarterRange(body.year, body.quarter!)
          : tpl.period === 'half'
            ? halfRange(body.year)
            : yearRange(body.year);
      const asOf = body.asOf ?? minDate(todayInVietnam(), range.to);
      const title = (tpl.titlePattern ?? tpl.nameVi)
        .replace('{year}', String(body.year))
        .replace('{quarter}', romanQuarter(body.quarter));
      const planId = await progress.planForReport(body.year, area, body.planId);
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const at = nowIso();
        const id = await reportsRepo.insertReport(trx, {
          template_code: tpl.code,
          template_version: version,
          title,
          year: body.year,
          quarter: tpl.period === 'quarter' ? body.quarter! : null,
          period_from: range.from,
          period_to: range.to,
          as_of: asOf,
          area_code: area.code,
          area_level: area.level,
          ...areaCodes(area),
          // Issued by the author's agency: its header, symbol, signer and numbering.
          agency_code: actor.agencyCode ?? null,
          state: 'draft',
          number_seq: null,
          number: null,
          body_json: JSON.stringify(tpl.body),
          figures_json: null,
          plan_id: planId,
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
          after: { template: tpl.code, version, year: body.year, quarter: body.quarter ?? null, asOf, planId },
        });
        return id;
      });
      return get(actor, id);
    },
  };
}
