import {
  ReportBody,
  applyNarrative,
  documentNumber,
  todayInVietnam,
  type ReportOut,
  type UpdateReportBody,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { reportsRepo } from '../repo/reports.repo.js';
import type { ReportsContext } from './context.js';
import type { Frozen, ReportFigures } from './report-figures.js';

/**
 * A draft's life: officers edit its narrative (and its as-of date), then issue it, which numbers
 * it in the province's series for the year and freezes its figures. An issued report is not
 * edited again.
 */
export function issueReport(
  c: ReportsContext,
  rf: ReportFigures,
  get: (actor: Actor, id: number) => Promise<ReportOut>,
) {
  const { database } = c;
  return {
    /** Officers edit the narrative (and the as-of date) of a draft; an issued report is frozen. */
    async update(actor: Actor, id: number, body: UpdateReportBody): Promise<ReportOut> {
      const { row, area } = await rf.loadReport(actor, id, 'edit_report');
      if (row.state === 'issued')
        throw errors.conflict('REPORT_ISSUED', 'Báo cáo đã ban hành, không sửa được. Tạo báo cáo mới nếu cần.');
      const edited = applyNarrative(ReportBody.parse(JSON.parse(row.body_json)), body.texts);
      if (edited.unknown.length > 0)
        throw errors.validation(
          edited.unknown.map((k) => ({ path: `body.texts.${k}`, message: `Báo cáo không có đoạn ${k}.` })),
        );
      await inTransaction(database, actor, async (trx, audit) => {
        await reportsRepo.updateReport(trx, id, {
          body_json: JSON.stringify(edited.body),
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
      return get(actor, id);
    },

    /** Issues a report: it gets its number and its figures are stored as they are now. */
    async issue(actor: Actor, id: number): Promise<ReportOut> {
      const { row, area } = await rf.loadReport(actor, id, 'issue_report');
      if (row.state === 'issued') throw errors.conflict('REPORT_ISSUED', 'Báo cáo đã được ban hành trước đó.');
      const figures = await rf.computeFigures(row, area);
      const frozen: Frozen = { figures, byArea: await rf.breakdown(row, area, figures) };
      const at = nowIso();
      const ag = await rf.agencyOf(row.province_code);
      const issueYear = Number(todayInVietnam().slice(0, 4));
      // Two reports issued at once may pick the same number: the database refuses the second
      // (unique province, year, number), which then takes the next one.
      for (let attempt = 1; ; attempt++) {
        try {
          await issueOnce();
          break;
        } catch (err) {
          if (!isUniqueViolation(err) || attempt >= 5) throw err;
        }
      }
      return get(actor, id);

      async function issueOnce() {
        await inTransaction(database, actor, async (trx, audit) => {
          const seq = await reportsRepo.nextNumber(trx, row.province_code, issueYear);
          const number = documentNumber(seq, ag.symbol);
          // Only a draft is issued: of two requests to issue the same report, one wins.
          const won = await reportsRepo.issueDraft(trx, id, {
            number_seq: seq,
            issue_year: issueYear,
            number,
            figures_json: JSON.stringify(frozen),
            issued_at: at,
            issued_by: actor.username,
            updated_at: at,
          });
          if (!won) throw errors.conflict('REPORT_ISSUED', 'Báo cáo đã được ban hành trước đó.');
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
  };
}
