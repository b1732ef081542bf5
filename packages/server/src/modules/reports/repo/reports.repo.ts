import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { ReportsTable } from '../../../db/schema-reports.js';
import type { Scope } from './indicators.repo.js';
import { ofAgency } from '../../../db/agency-sql.js';

export type ReportRow = Selectable<ReportsTable>;

/** Report documents: drafts and issued reports with their frozen figures. */
export const reportsRepo = {
  async insertReport(db: Executor, row: Insertable<ReportsTable>) {
    const r = await db.insertInto('reports').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  findReport(db: Executor, id: number) {
    return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Reports of an area (`scope`) and of one agency with those of none (`agencyCode`; null: every agency). */
  async listReports(
    db: Executor,
    scope: Scope,
    year: number | undefined,
    page: { limit: number; offset: number },
    agencyCode: string | null = null,
  ) {
    let q = db.selectFrom('reports');
    if (scope) q = q.where(scope.column, '=', scope.code);
    if (agencyCode) q = q.where(ofAgency('agency_code', agencyCode));
    if (year) q = q.where('year', '=', year);
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await q.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
    return { total: Number(total?.n ?? 0), rows };
  },
  updateReport(db: Executor, id: number, set: Partial<Omit<ReportRow, 'id'>>) {
    return db.updateTable('reports').set(set).where('id', '=', id).execute();
  },
  /**
   * Issues a draft: only a report not yet issued is updated, so of two requests to issue the same
   * report one wins. Whether this one did.
   */
  async issueDraft(
    db: Executor,
    id: number,
    set: Pick<ReportRow, 'number_seq' | 'number' | 'figures_json' | 'issued_at' | 'issued_by' | 'updated_at'> & {
      issue_year: number;
    },
  ): Promise<boolean> {
    const res = await db
      .updateTable('reports')
      .set({ ...set, state: 'issued' })
      .where('id', '=', id)
      .where('state', '<>', 'issued')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  /**
   * The next number of an issuing agency's reports in a calendar year (numbers restart each 1
   * January): one series per number suffix ("/BC-SNV"), so each agency of a province numbers its own
   * (their symbols differ), and reports of no agency continue the series of the province's setting.
   */
  async nextNumber(db: Executor, provinceCode: string, suffix: string, issueYear: number) {
    const rows = await db
      .selectFrom('reports')
      .select(['number_seq', 'number'])
      .where('province_code', '=', provinceCode)
      .where('state', '=', 'issued')
      .where('issue_year', '=', issueYear)
      .where('number', 'like', `%${suffix}`)
      .execute();
    // LIKE treats "_" and "%" of a symbol as wildcards: keep the exact suffix only.
    const seqs = rows.filter((r) => r.number?.endsWith(suffix)).map((r) => Number(r.number_seq ?? 0));
    return Math.max(0, ...seqs) + 1;
  },
};
