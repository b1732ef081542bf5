import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The few places where SQLite and PostgreSQL need different DDL; everything else in the
 * migrations is dialect-neutral Kysely (after atproto's pds migrations).
 */
export function columnTypes(dialect: Dialect) {
  return {
    /** An auto-incrementing integer primary key. */
    id<T extends string, C extends string>(t: CreateTableBuilder<T, C>, name = 'id') {
      return dialect === 'postgres'
        ? t.addColumn(name, 'bigserial', (c) => c.primaryKey())
        : t.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());
    },
    /** Instants: timestamptz on PostgreSQL, ISO-8601 UTC text on SQLite. */
    instant: dialect === 'postgres' ? sql`timestamptz` : sql`text`,
    /** 64-bit integers (money in đồng, counts). */
    bigint: dialect === 'postgres' ? ('bigint' as const) : ('integer' as const),
    /** Foreign key to a bigserial id. */
    ref: dialect === 'postgres' ? ('bigint' as const) : ('integer' as const),
  };
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/**
 * SQLite cannot drop a column constraint (a column-level UNIQUE): rebuild the table from its own
 * `CREATE TABLE` text with `edit` applied, copying the rows and recreating its indexes (SQLite's
 * documented 12-step procedure). Foreign keys are off meanwhile (migrations on SQLite run outside
 * a transaction, where the pragma works), then checked: a dangling reference fails the migration.
 * PostgreSQL drops constraints in place and never needs this.
 */
export async function rebuildSqliteTable(db: Kysely<unknown>, table: string, edit: (ddl: string) => string) {
  const rows = await sql<{
    type: string;
    name: string;
    sql: string | null;
  }>`select type, name, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const create = rows.rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`no table ${table}`);
  const indexes = rows.rows.filter((r) => r.type === 'index' && r.sql).map((r) => r.sql!);
  const edited = edit(create);
  if (edited === create) throw new Error(`rebuild of ${table} changes nothing`);
  const tmp = `${table}__rebuild`;
  await sql`pragma foreign_keys = off`.execute(db);
  await sql.raw(edited.replace(/^CREATE TABLE\s+("?)[A-Za-z_]+\1/i, `CREATE TABLE "${tmp}"`)).execute(db);
  await sql.raw(`insert into "${tmp}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${tmp}" rename to "${table}"`).execute(db);
  for (const ddl of indexes) await sql.raw(ddl).execute(db);
  await sql`pragma foreign_keys = on`.execute(db);
  const broken = await sql`pragma foreign_key_check`.execute(db);
  if (broken.rows.length) throw new Error(`rebuild of ${table} left ${broken.rows.length} dangling references`);
}
