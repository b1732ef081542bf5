import type { Insertable, Selectable, Updateable } from 'kysely';
import { searchKey, type ProcedureBody } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { ProceduresTable } from '../../../db/schema-dossiers.js';
import { ofAgency } from '../../../db/agency-sql.js';

export type ProcedureRow = Selectable<ProceduresTable>;
export type NewProcedure = Insertable<ProceduresTable>;

export interface ProcedureFilter {
  /** The province the catalogue is limited to (`provinceScope(actor)`), null for all. */
  provinceCode: string | null;
  /** The agency it is limited to (with the procedures of no agency; `agencyScope(actor)`), null for all. */
  agencyCode?: string | null;
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
  /** Inserts a procedure and its first catalogue version, from `effectiveFrom` or the day it is recorded. */
  async insert(db: Executor, row: NewProcedure, effectiveFrom?: string) {
    const r = await db.insertInto('procedures').values(row).returning('id').executeTakeFirstOrThrow();
    await recordVersion(db, r.id, effectiveFrom ?? row.created_at.slice(0, 10), row.created_at);
    return r.id;
  },
  async insertMany(db: Executor, rows: NewProcedure[]) {
    if (rows.length) await db.insertInto('procedures').values(rows).execute();
  },
  /**
   * Updates a procedure; a change of whether it is in the catalogue or how far online it is starts
   * a new catalogue version from `effectiveFrom` (the day of the change when not given).
   */
  async update(db: Executor, id: number, patch: Updateable<ProceduresTable>, effectiveFrom?: string) {
    await db.updateTable('procedures').set(patch).where('id', '=', id).execute();
    const at = typeof patch.updated_at === 'string' ? patch.updated_at : new Date().toISOString();
    await recordVersion(db, id, effectiveFrom ?? at.slice(0, 10), at);
  },
  /** One version per procedure of a province, from a date (the demo seed's catalogue). */
  async versionAll(db: Executor, provinceCode: string, validFrom: string, recordedAt: string) {
    await db
      .insertInto('procedure_versions')
      .columns(['procedure_id', 'province_code', 'valid_from', 'active', 'online_mode', 'online_level', 'recorded_at'])
      .expression((eb) =>
        eb
          .selectFrom('procedures')
          .select((s) => [
            'id',
            'province_code',
            s.val(validFrom).as('valid_from'),
            'active',
            'online_mode',
            'online_level',
            s.val(recordedAt).as('recorded_at'),
          ])
          .where('province_code', '=', provinceCode),
      )
      .execute();
  },
  /** A procedure's catalogue versions, oldest first. */
  async versions(db: Executor, id: number) {
    return db
      .selectFrom('procedure_versions')
      .select(['valid_from', 'active', 'online_mode', 'online_level', 'recorded_at'])
      .where('procedure_id', '=', id)
      .orderBy('valid_from')
      .execute();
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
    if (f.agencyCode) q = q.where(ofAgency('agency_code', f.agencyCode));
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

/**
 * Starts a catalogue version of a procedure as it now stands, from `validFrom`, unless the version
 * in force on that date already says the same. A version of the same date is replaced.
 */
async function recordVersion(db: Executor, id: number, validFrom: string, recordedAt: string) {
  const p = await db
    .selectFrom('procedures')
    .select(['province_code', 'active', 'online_mode', 'online_level'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const cur = await db
    .selectFrom('procedure_versions')
    .select(['active', 'online_mode', 'online_level'])
    .where('procedure_id', '=', id)
    .where('valid_from', '<=', validFrom)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (
    cur &&
    Number(cur.active) === Number(p.active) &&
    cur.online_mode === p.online_mode &&
    (cur.online_level ?? null) === (p.online_level ?? null)
  )
    return;
  await db
    .deleteFrom('procedure_versions')
    .where('procedure_id', '=', id)
    .where('valid_from', '=', validFrom)
    .execute();
  await db
    .insertInto('procedure_versions')
    .values({
      procedure_id: id,
      province_code: p.province_code,
      valid_from: validFrom,
      active: p.active,
      online_mode: p.online_mode,
      online_level: p.online_level,
      recorded_at: recordedAt,
    })
    .execute();
}

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
