import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
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
