import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type {
  MeritDecisionsTable,
  MeritExtractsTable,
  MeritHousingTable,
  MeritRecordsTable,
  MeritRelativesTable,
} from '../../../db/schema-merit.js';
import type { Actor } from '../../../platform/actor.js';
import { areaWhere } from './scope.js';

/** Merit records, relatives, extracts, benefit decisions and housing support. */
export const recordsRepo = {
  async insertRecord(db: Executor, row: Insertable<MeritRecordsTable>): Promise<number> {
    const r = await db.insertInto('merit_records').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  async updateRecord(db: Executor, id: number, patch: Updateable<MeritRecordsTable>) {
    await db.updateTable('merit_records').set(patch).where('id', '=', id).execute();
  },
  record(db: Executor, id: number) {
    return db.selectFrom('merit_records').selectAll().where('id', '=', id).executeTakeFirst();
  },
  byCode(db: Executor, provinceCode: string, code: string) {
    return db
      .selectFrom('merit_records')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('dossier_code', '=', code)
      .executeTakeFirst();
  },
  async maxSerial(db: Executor, provinceCode: string, prefix: string): Promise<number> {
    const rows = await db
      .selectFrom('merit_records')
      .select('dossier_code')
      .where('province_code', '=', provinceCode)
      .where('dossier_code', 'like', `${prefix}%`)
      .execute();
    return rows.reduce((m, r) => Math.max(m, Number(r.dossier_code.split('/')[2] ?? 0)), 0);
  },
  async page(
    db: Executor,
    actor: Actor,
    q: { q?: string; category?: string; communeCode?: string; limit: number; offset: number },
  ) {
    let base = db.selectFrom('merit_records as r').where(areaWhere(actor, 'r'));
    if (q.q)
      base = base.where((eb) =>
        eb.or([eb('r.name_key', 'like', `%${q.q}%`), eb('r.dossier_code', '=', q.q!.toUpperCase())]),
      );
    if (q.category) base = base.where('r.category', '=', q.category);
    if (q.communeCode) base = base.where('r.commune_code', '=', q.communeCode);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base.selectAll('r').orderBy('r.id').limit(q.limit).offset(q.offset).execute();
    return { total: Number(total?.n ?? 0), rows };
  },
  async insertRelative(db: Executor, row: Insertable<MeritRelativesTable>): Promise<number> {
    const r = await db.insertInto('merit_relatives').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  relatives(db: Executor, recordId: number) {
    return db.selectFrom('merit_relatives').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
  },
  async insertExtract(db: Executor, row: Insertable<MeritExtractsTable>): Promise<number> {
    const r = await db.insertInto('merit_extracts').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  extracts(db: Executor, recordId: number) {
    return db.selectFrom('merit_extracts').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
  },
  async insertDecision(db: Executor, row: Insertable<MeritDecisionsTable>): Promise<number> {
    const r = await db.insertInto('merit_decisions').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  decisions(db: Executor, recordId: number) {
    return db.selectFrom('merit_decisions').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
  },
  async decisionsOf(db: Executor, recordIds: number[]) {
    if (!recordIds.length) return [];
    return db
      .selectFrom('merit_decisions')
      .select(['record_id', 'kind', 'effective_month'])
      .where('record_id', 'in', recordIds)
      .orderBy('id')
      .execute();
  },
  async insertHousing(db: Executor, row: Insertable<MeritHousingTable>): Promise<number> {
    const r = await db.insertInto('merit_housing').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  housing(db: Executor, recordId: number) {
    return db.selectFrom('merit_housing').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
  },
  gifts(db: Executor, recordId: number) {
    return db
      .selectFrom('merit_gifts as g')
      .innerJoin('merit_gift_campaigns as c', 'c.id', 'g.campaign_id')
      .select(['g.id', 'c.title', 'c.source', 'g.amount', 'g.given_on'])
      .where('g.record_id', '=', recordId)
      .orderBy('g.given_on')
      .execute();
  },
};
