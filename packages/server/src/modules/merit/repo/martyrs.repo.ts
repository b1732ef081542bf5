import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type {
  MeritCemeteriesTable,
  MeritGraveEventsTable,
  MeritGravesTable,
  MeritIdentificationsTable,
  MeritMartyrsTable,
} from '../../../db/schema-merit.js';
import type { Actor } from '../../../platform/actor.js';
import { areaWhere } from './scope.js';

/** Martyrs, graves, cemeteries, visits and remains moved, identification decisions. */
export const martyrsRepo = {
  async insertCemetery(db: Executor, row: Insertable<MeritCemeteriesTable>): Promise<number> {
    const r = await db.insertInto('merit_cemeteries').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  cemetery(db: Executor, id: number) {
    return db.selectFrom('merit_cemeteries').selectAll().where('id', '=', id).executeTakeFirst();
  },
  cemeteries(db: Executor, actor: Actor) {
    return db
      .selectFrom('merit_cemeteries as c')
      .leftJoin('merit_graves as g', 'g.cemetery_id', 'c.id')
      .select(['c.id', 'c.name', 'c.level', 'c.province_code', 'c.district_code', 'c.commune_code'])
      .select((eb) => eb.fn.count<number>('g.id').as('graves'))
      .where(areaWhere(actor, 'c'))
      .groupBy(['c.id', 'c.name', 'c.level', 'c.province_code', 'c.district_code', 'c.commune_code'])
      .orderBy('c.name')
      .execute();
  },
  async insertMartyr(db: Executor, row: Insertable<MeritMartyrsTable>): Promise<number> {
    const r = await db.insertInto('merit_martyrs').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  martyr(db: Executor, id: number) {
    return db.selectFrom('merit_martyrs').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertGrave(db: Executor, row: Insertable<MeritGravesTable>): Promise<number> {
    const r = await db.insertInto('merit_graves').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  async updateGrave(
    db: Executor,
    id: number,
    patch: { identified?: number; headstone?: string; martyr_id?: number; search_key?: string },
  ) {
    await db.updateTable('merit_graves').set(patch).where('id', '=', id).execute();
  },
  grave(db: Executor, id: number) {
    return db.selectFrom('merit_graves').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /**
   * Graves with their martyr, searched on the diacritics-free key (prefix of a word or the whole
   * name), limited to the actor's area in SQL.
   */
  async searchGraves(
    db: Executor,
    actor: Actor,
    q: { key?: string; infoStatus?: string; cemeteryId?: number; limit: number; offset: number },
  ) {
    // Filter graves alone first (the key is on the grave row), join names only for the page.
    let g = db.selectFrom('merit_graves as g').where(areaWhere(actor, 'g'));
    if (q.key) g = g.where('g.search_key', 'like', `%${q.key}%`);
    if (q.cemeteryId) g = g.where('g.cemetery_id', '=', q.cemeteryId);
    let base = db
      .selectFrom('merit_graves as g')
      .leftJoin('merit_martyrs as m', 'm.id', 'g.martyr_id')
      .leftJoin('merit_cemeteries as c', 'c.id', 'g.cemetery_id')
      .where(areaWhere(actor, 'g'));
    if (q.key) base = base.where('g.search_key', 'like', `%${q.key}%`);
    if (q.infoStatus) base = base.where('m.info_status', '=', q.infoStatus);
    if (q.cemeteryId) base = base.where('g.cemetery_id', '=', q.cemeteryId);
    // The total is counted up to 1.000 ("1.000+" on screen): a common name stops the scan early.
    const total = q.infoStatus
      ? await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
      : await db
          .selectFrom(g.select('g.id').limit(1001).as('x'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst();
    const rows = await base
      .select([
        'g.id',
        'g.martyr_id',
        'g.cemetery_id',
        'g.location',
        'g.position',
        'g.identified',
        'g.headstone',
        'g.province_code',
        'g.district_code',
        'g.commune_code',
        'm.full_name',
        'm.info_status',
        'm.hometown',
        'm.death_year',
        'c.name as cemetery_name',
      ])
      .orderBy('g.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    return { total: Number(total?.n ?? 0), rows };
  },
  async insertGraveEvent(db: Executor, row: Insertable<MeritGraveEventsTable>): Promise<number> {
    const r = await db.insertInto('merit_grave_events').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  graveEvents(db: Executor, graveId: number) {
    return db.selectFrom('merit_grave_events').selectAll().where('grave_id', '=', graveId).orderBy('id').execute();
  },
  async insertIdentification(db: Executor, row: Insertable<MeritIdentificationsTable>): Promise<number> {
    const r = await db.insertInto('merit_identifications').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
};
