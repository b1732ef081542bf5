import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/** The length a grave key is cut to (the domain's GRAVE_KEY_LENGTH when this migration shipped). */
const KEY_LENGTH = 32;

/**
 * The grave search (docs/modules/merit.md, "Grave search"): each grave's martyr name and hometown,
 * folded without diacritics as the registry's name keys, cut at every word into keys ("nguyen van
 * hung nghe an", "van hung nghe an", "hung nghe an", "nghe an", "an"), so a typed word start is a
 * range scan on one index instead of a `like '%…%'` over every grave. The index leads with the
 * province (the scope of a province officer is one equality) and carries the district and commune
 * codes, so a narrower scope is tested inside the index. Existing graves are keyed here.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const keyCol = (c: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? c.notNull().modifyFront(sql`collate "C"`) : c.notNull();
  await db.schema
    .createTable('merit_grave_keys')
    .addColumn('grave_id', t.ref, notNull)
    .addColumn('key', 'text', keyCol)
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text')
    .execute();
  await db.schema
    .createIndex('merit_grave_keys_search_idx')
    .on('merit_grave_keys')
    .columns(['province_code', 'key', 'grave_id', 'district_code', 'commune_code'])
    .execute();
  await db.schema.createIndex('merit_grave_keys_grave_idx').on('merit_grave_keys').columns(['grave_id']).execute();

  const graves = await sql<{
    id: number;
    search_key: string;
    province_code: string;
    district_code: string | null;
    commune_code: string | null;
  }>`select g.id, m.search_key, g.province_code, g.district_code, g.commune_code
     from merit_graves g join merit_martyrs m on m.id = g.martyr_id order by g.id`.execute(db);
  type Row = {
    grave_id: number;
    key: string;
    province_code: string;
    district_code: string | null;
    commune_code: string | null;
  };
  let batch: Row[] = [];
  const flush = async () => {
    if (batch.length)
      await (db as Kysely<{ merit_grave_keys: Row }>).insertInto('merit_grave_keys').values(batch).execute();
    batch = [];
  };
  for (const g of graves.rows) {
    const words = g.search_key.split(' ').filter(Boolean);
    const keys = new Set(words.map((_, i) => words.slice(i).join(' ').slice(0, KEY_LENGTH).trimEnd()));
    for (const key of keys)
      batch.push({
        grave_id: Number(g.id),
        key,
        province_code: g.province_code,
        district_code: g.district_code,
        commune_code: g.commune_code,
      });
    if (batch.length >= 500) await flush();
  }
  await flush();
}
