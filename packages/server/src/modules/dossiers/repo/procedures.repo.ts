import type { Insertable, Selectable, Updateable } from 'kysely';
import { searchKey, type ProcedureBody } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { ProceduresTable } from '../../../db/schema-dossiers.js';

export type ProcedureRow = Selectable<ProceduresTable>;
export type NewProcedure = Insertable<ProceduresTable>;

export interface ProcedureFilter {
  /** The province the catalogue is limited to (`provinceScope(actor)`), null for all. */
  provinceCode: string | null;
  nameKey?: string | undefined;
  code?: string | undefined;
  field?: string | undefined;
  onlineMode?: string | undefined;
  active?: number | undefined;
}

/** SQL of the procedure catalogue (one province's catalogue per `province_code`). */
export const proceduresRepo = {
  async byId(db: Executor, id: number) {
    return db.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async byCode(db: Executor, provinceCode: string, code: string) {
    return db
      .selectFrom('procedures')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('code', '=', code)
      .executeTakeFirst();
  },
  async insert(db: Executor, row: NewProcedure) {
    const r = await db.insertInto('procedures').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  async insertMany(db: Executor, rows: NewProcedure[]) {
    if (rows.length) await db.insertInto('procedures').values(rows).execute();
  },
  async update(db: Executor, id: number, patch: Updateable<ProceduresTable>) {
    await db.updateTable('procedures').set(patch).where('id', '=', id).execute();
  },
  async count(db: Executor, provinceCode: string | null): Promise<number> {
    let q = db.selectFrom('procedures').select((eb) => eb.fn.countAll<number>().as('n'));
    if (provinceCode !== null) q = q.where('province_code', '=', provinceCode);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },
  /** Active procedures (id and path), for replaying dossiers in the demo seed. */
  async active(db: Executor, provinceCode: string) {
    return db
      .selectFrom('procedures')
      .select(['id', 'path_json'])
      .where('active', '=', 1)
      .where('province_code', '=', provinceCode)
      .orderBy('id')
      .execute();
  },
  async search(db: Executor, f: ProcedureFilter, page: { limit: number; offset: number }) {
    let q = db.selectFrom('procedures');
    if (f.provinceCode !== null) q = q.where('province_code', '=', f.provinceCode);
    if (f.nameKey)
      q = q.where((eb) =>
        eb.or([eb('name_key', 'like', `%${f.nameKey}%`), eb('code', 'like', `%${f.code ?? f.nameKey}%`)]),
      );
    if (f.field) q = q.where('field', '=', f.field);
    if (f.onlineMode) q = q.where('online_mode', '=', f.onlineMode);
    if (f.active !== undefined) q = q.where('active', '=', f.active);
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll().orderBy('field').orderBy('code').limit(page.limit).offset(page.offset).execute();
    return { total: Number(n), rows };
  },
};

/** A procedure's columns from the catalogue's fields (the use cases and the demo seed share it). */
export function procedureColumns(b: ProcedureBody) {
  return {
    code: b.code,
    name: b.name,
    name_key: searchKey(b.name),
    field: b.field,
    decision_level: b.decisionLevel,
    path_json: JSON.stringify(b.path),
    total_days: b.path.reduce((a, s) => a + s.days, 0),
    fee: b.fee,
    documents_json: JSON.stringify(b.documents),
    result_document: b.resultDocument,
    online_mode: b.onlineMode,
    online_level: b.onlineLevel,
    on_national_portal: b.onNationalPortal ? 1 : 0,
    legal_basis: b.legalBasis,
    active: b.active ? 1 : 0,
  };
}
