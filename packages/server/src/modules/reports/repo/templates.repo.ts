import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { ReportTemplatesTable, ReportTemplateVersionsTable } from '../../../db/schema-reports.js';
import { ofAgency } from '../../../db/agency-sql.js';

export type TemplateRow = Selectable<ReportTemplatesTable>;
export type TemplateVersionRow = Selectable<ReportTemplateVersionsTable>;

/** Report templates of a province and their versions (migration 0029). */
export const templatesRepo = {
  /**
   * The province's templates, archived ones only when asked; with `agency`, that agency's and
   * those of no agency (null: every agency's).
   */
  list(db: Executor, provinceCode: string, archived: boolean, agency: string | null = null) {
    let q = db.selectFrom('report_templates').selectAll().where('province_code', '=', provinceCode);
    if (agency !== null) q = q.where(ofAgency('agency_code', agency));
    q = archived ? q.where('archived_at', 'is not', null) : q.where('archived_at', 'is', null);
    return q.orderBy('id').execute();
  },
  names(db: Executor, provinceCode: string) {
    return db
      .selectFrom('report_templates')
      .select(['code', 'name_vi'])
      .where('province_code', '=', provinceCode)
      .execute();
  },
  codes(db: Executor, provinceCode: string) {
    return db
      .selectFrom('report_templates')
      .select('code')
      .where('province_code', '=', provinceCode)
      .execute()
      .then((rows) => new Set(rows.map((r) => r.code)));
  },
  find(db: Executor, provinceCode: string, code: string) {
    return db
      .selectFrom('report_templates')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('code', '=', code)
      .executeTakeFirst();
  },
  version(db: Executor, templateId: number, version: number) {
    return db
      .selectFrom('report_template_versions')
      .selectAll()
      .where('template_id', '=', templateId)
      .where('version', '=', version)
      .executeTakeFirst();
  },
  versions(db: Executor, templateId: number) {
    return db
      .selectFrom('report_template_versions')
      .select(['version', 'created_by', 'created_at'])
      .where('template_id', '=', templateId)
      .orderBy('version', 'desc')
      .execute();
  },
  /** The current versions of the province's live templates (one query, for the list). */
  currentBodies(db: Executor, provinceCode: string) {
    return db
      .selectFrom('report_template_versions as v')
      .innerJoin('report_templates as t', (j) =>
        j.onRef('t.id', '=', 'v.template_id').onRef('t.version', '=', 'v.version'),
      )
      .select(['v.template_id', 'v.body_json'])
      .where('t.province_code', '=', provinceCode)
      .execute();
  },
  async insert(db: Executor, row: Insertable<ReportTemplatesTable>) {
    const r = await db.insertInto('report_templates').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  insertVersion(db: Executor, row: Insertable<ReportTemplateVersionsTable>) {
    return db.insertInto('report_template_versions').values(row).execute();
  },
  /** Moves a template to its next version; false when another save took that version first. */
  async bump(
    db: Executor,
    id: number,
    from: number,
    set: Pick<TemplateRow, 'name_vi' | 'name_en' | 'period' | 'title_pattern' | 'updated_by' | 'updated_at'>,
  ): Promise<boolean> {
    const res = await db
      .updateTable('report_templates')
      .set({ ...set, version: from + 1 })
      .where('id', '=', id)
      .where('version', '=', from)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  setArchived(db: Executor, id: number, at: string | null, by: string) {
    return db
      .updateTable('report_templates')
      .set({ archived_at: at, updated_by: by, ...(at ? { updated_at: at } : {}) })
      .where('id', '=', id)
      .execute();
  },
};
