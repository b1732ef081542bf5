import {
  ReportBody,
  applyNarrative,
  documentNumber,
  todayInVietnam,
  type IssueBody,
  type IssueWithMissing,
  type MissingList,
  type ReportOut,
  type UpdateReportBody,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { validateTemplate } from '../reports.validate.js';
import { reportsRepo } from '../repo/reports.repo.js';
import { settingsRepo } from '../repo/settings.repo.js';
import { ISSUE_WITH_MISSING_KEY, type ReportsContext } from './context.js';
import { missingOf } from './missing-figures.js';
import type { PlanProgress } from './plan-progress.js';
import type { Frozen, ReportFigures } from './report-figures.js';

const HEADER_FIELDS = ['summary', 'addressee', 'recipients', 'signer', 'sections'] as const;

/** A draft's own summary line, "Kính gửi", "Nơi nhận", signer and sections, where the edit gives them. */
function withHeader(b: ReportBody, edit: UpdateReportBody): ReportBody {
  return {
    ...b,
    ...(edit.summary !== undefined ? { summary: edit.summary } : {}),
    ...(edit.addressee !== undefined ? { addressee: edit.addressee || null } : {}),
    ...(edit.recipients !== undefined ? { recipients: edit.recipients } : {}),
    ...(edit.signer !== undefined ? { signer: edit.signer } : {}),
    ...(edit.sections !== undefined ? { sections: edit.sections } : {}),
  };
}

/**
 * A draft's life: officers edit its narrative (and its as-of date), then issue it, which numbers
 * it in the province's series for the year and freezes its figures. An issued report is not
 * edited again.
 */
export function issueReport(
  c: ReportsContext,
  rf: ReportFigures,
  get: (actor: Actor, id: number) => Promise<ReportOut>,
  progress: PlanProgress,
) {
  const { database } = c;
  async function issueMode(provinceCode: string): Promise<IssueWithMissing> {
    const v = await settingsRepo.get(c.db, provinceCode, ISSUE_WITH_MISSING_KEY);
    return v === 'refuse' ? 'refuse' : 'confirm';
  }
  return {
    /**
     * Officers edit a draft: its narrative, its as-of date, and its own summary line, addressee,
     * recipients, signer and sections (checked like a template's). An issued report is frozen.
     */
    async update(actor: Actor, id: number, body: UpdateReportBody): Promise<ReportOut> {
      const { row, area } = await rf.loadReport(actor, id, 'edit_report');
      if (row.state === 'issued')
        throw errors.conflict('REPORT_ISSUED', 'Báo cáo đã ban hành, không sửa được. Tạo báo cáo mới nếu cần.');
      const planId = body.planId ? await progress.planForReport(row.year, area, body.planId) : body.planId;
      const edited = applyNarrative(withHeader(ReportBody.parse(JSON.parse(row.body_json)), body), body.texts);
      if (edited.unknown.length > 0)
        throw errors.validation(
          edited.unknown.map((k) => ({ path: `body.texts.${k}`, message: `Báo cáo không có đoạn ${k}.` })),
        );
      const problems = body.sections || body.summary ? validateTemplate(edited.body) : [];
      if (problems.length > 0)
        throw errors.validation(
          problems.map((p) => ({ path: `body.${p.path}`, message: `${p.placeholder}: ${p.message}` })),
          'Báo cáo có chỉ tiêu viết chưa đúng. Sửa các chỗ được nêu rồi lưu lại.',
        );
      await inTransaction(database, actor, async (trx, audit) => {
        await reportsRepo.updateReport(trx, id, {
          body_json: JSON.stringify(edited.body),
          ...(planId !== undefined ? { plan_id: planId } : {}),
          ...(body.asOf ? { as_of: body.asOf } : {}),
          updated_at: nowIso(),
        });
        await audit({
          action: 'reports.report.edit',
          entity: 'report',
          entityId: id,
          areaCode: area.code,
          after: {
            blocks: Object.keys(body.texts),
            asOf: body.asOf ?? null,
            planId: planId ?? null,
            header: HEADER_FIELDS.filter((k) => body[k] !== undefined),
          },
        });
      });
      return get(actor, id);
    },

    /** What a report still lacks, and whether the province lets it be issued so (after confirmation). */
    async missing(actor: Actor, id: number): Promise<MissingList> {
      const { row } = await rf.loadReport(actor, id);
      const p = await rf.preview(actor, id);
      return { mode: await issueMode(row.province_code), items: missingOf(p) };
    },

    /**
     * Issues a report: it gets its number and its figures are stored as they are now. A report with
     * missing figures or template notes is refused (409 REPORT_MISSING with the list) unless the
     * officer confirmed (`acceptMissing`), and always where the province refuses such reports.
     */
    async issue(actor: Actor, id: number, body: IssueBody = {}): Promise<ReportOut> {
      const { row, area } = await rf.loadReport(actor, id, 'issue_report');
      if (row.state === 'issued') throw errors.conflict('REPORT_ISSUED', 'Báo cáo đã được ban hành trước đó.');
      const p = await rf.preview(actor, id);
      const missing = missingOf(p);
      if (missing.length > 0) {
        const mode = await issueMode(row.province_code);
        if (mode === 'refuse' || !body.acceptMissing)
          throw errors.conflict(
            'REPORT_MISSING',
            mode === 'refuse'
              ? `Báo cáo còn ${missing.length} chỗ thiếu số liệu hoặc ghi chú của mẫu; Sở quy định không ban hành khi còn thiếu. Bổ sung rồi ban hành lại.`
              : `Báo cáo còn ${missing.length} chỗ thiếu số liệu hoặc ghi chú của mẫu. Xem danh sách, bổ sung hoặc xác nhận ban hành.`,
            missing.map((m) => ({ path: `missing.${m.kind}.${m.key}`, message: `${m.section}: ${m.text}` })),
          );
      }
      const figures = p.figures;
      const frozen: Frozen = { figures, byArea: await rf.breakdown(row, area, figures) };
      const at = nowIso();
      const ag = await rf.agencyOf(row.province_code, row.agency_code);
      const issueYear = Number(todayInVietnam().slice(0, 4));
      // Each agency numbers its own reports (docs/modules/agencies.md). Two reports issued at once
      // may pick the same number: the database refuses the second (unique province, year, number
      // text, which carries the agency's symbol), which then takes the next one.
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
          const seq = await reportsRepo.nextNumber(
            trx,
            row.province_code,
            documentNumber(0, ag.symbol).slice(2),
            issueYear,
          );
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
            after: { number, figures: figures.length, asOf: row.as_of, missing: missing.map((m) => m.text) },
          });
        });
      }
    },
  };
}
