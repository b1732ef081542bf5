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
import { GRAVE_KEY_LENGTH } from '@ansinh/domain';
import { provinceScope } from '../../../platform/authz.js';
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
  /** Replace the search keys of a grave (its martyr's name and hometown cut at each word). */
  async setGraveKeys(
    db: Executor,
    graveId: number,
    keys: readonly string[],
    area: { province_code: string; district_code: string | null; commune_code: string | null },
  ) {
    await db.deleteFrom('merit_grave_keys').where('grave_id', '=', graveId).execute();
    if (keys.length)
      await db
        .insertInto('merit_grave_keys')
        .values(
          keys.map((key) => ({
            grave_id: graveId,
            key,
            province_code: area.province_code,
            district_code: area.district_code,
            commune_code: area.commune_code,
          })),
        )
        .execute();
  },
  /**
   * Graves with their martyr. With a typed `key` (folded, as the registry's search), the graves
   * whose martyr name or hometown has a word starting with it: a range on the grave keys index
   * (province first, then the key), in key order, the total counted up to 1.000 ("1.000+" on
   * screen) so a common name stops the scan early. Without a key, the graves in id order.
   */
  async searchGraves(
    db: Executor,
    actor: Actor,
    q: { key?: string; infoStatus?: string; cemeteryId?: number; limit: number; offset: number },
  ) {
    if (!q.key) return browseGraves(db, actor, q);
    const k = q.key.slice(0, GRAVE_KEY_LENGTH).trimEnd();
    const p = provinceScope(actor);
    let keys = db
      .selectFrom('merit_grave_keys as k')
      .where('k.key', '>=', k)
      .where('k.key', '<', `${k}\u007f`)
      .where(areaWhere(actor, 'k'));
    if (p) keys = keys.where('k.province_code', '=', p);
    const full = q.key;
    if (q.cemeteryId || q.infoStatus || full.length > k.length)
      keys = keys.where((eb) =>
        eb.exists(
          eb
            .selectFrom('merit_graves as g')
            .leftJoin('merit_martyrs as m', 'm.id', 'g.martyr_id')
            .select('g.id')
            .whereRef('g.id', '=', 'k.grave_id')
            .$if(!!q.cemeteryId, (w) => w.where('g.cemetery_id', '=', q.cemeteryId!))
            .$if(!!q.infoStatus, (w) => w.where('m.info_status', '=', q.infoStatus!))
            .$if(full.length > k.length, (w) => w.where('g.search_key', 'like', `%${full}%`)),
        ),
      );
    const counted = await db
      .selectFrom(
        keys
          .select('k.grave_id')
          .limit(2 * (TOTAL_CAP + 1))
          .as('x'),
      )
      .select((eb) => eb.fn.count<number>('x.grave_id').distinct().as('n'))
      .executeTakeFirst();
    // A grave may match at two words ("Hoàng Văn Hoàng"): read twice the page and keep each once.
    const want = q.offset + q.limit;
    let ids: number[] = [];
    for (let batch = 2 * want; ; batch *= 2) {
      const got = await keys.select('k.grave_id').orderBy('k.key').orderBy('k.grave_id').limit(batch).execute();
      ids = [...new Set(got.map((r) => Number(r.grave_id)))];
      if (ids.length >= want || got.length < batch) break;
    }
    ids = ids.slice(q.offset, want);
    const rows = ids.length ? await graveRows(db).where('g.id', 'in', ids).execute() : [];
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return {
      total: Math.min(Number(counted?.n ?? 0), TOTAL_CAP + 1),
      rows: ids.map((id) => byId.get(id)!).filter(Boolean),
    };
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

/** The total of a search is counted up to this, then shown as "1.000+". */
const TOTAL_CAP = 1000;

function graveRows(db: Executor) {
  return db
    .selectFrom('merit_graves as g')
    .leftJoin('merit_martyrs as m', 'm.id', 'g.martyr_id')
    .leftJoin('merit_cemeteries as c', 'c.id', 'g.cemetery_id')
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
    ]);
}

/** Graves in id order, without a typed key (filters only); the total capped as the search's. */
async function browseGraves(
  db: Executor,
  actor: Actor,
  q: { infoStatus?: string; cemeteryId?: number; limit: number; offset: number },
) {
  let base = graveRows(db).where(areaWhere(actor, 'g'));
  if (q.infoStatus) base = base.where('m.info_status', '=', q.infoStatus);
  if (q.cemeteryId) base = base.where('g.cemetery_id', '=', q.cemeteryId);
  const total = await db
    .selectFrom(
      base
        .clearSelect()
        .select('g.id')
        .limit(TOTAL_CAP + 1)
        .as('x'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await base.orderBy('g.id').limit(q.limit).offset(q.offset).execute();
  return { total: Number(total?.n ?? 0), rows };
}
