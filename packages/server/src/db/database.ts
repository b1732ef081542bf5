import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  type CompiledQuery,
  Kysely,
  sql,
  PostgresDialect,
  SqliteDialect,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type Transaction,
  type UnknownRow,
} from 'kysely';
import type { Config } from '../config.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Either the database or an open transaction: repos accept both. */
export type Executor = Kysely<DB> | Transaction<DB>;
export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly dialect: Dialect;
  /** The raw better-sqlite3 handle (SQLite only): backup, bulk prepared statements. */
  readonly sqlite?: SQLite.Database;
  /** The same handle with the statement cache Kysely's queries go through (SQLite only; sqliteArrays). */
  readonly sqliteCached?: SQLite.Database;
  /** The connection string (PostgreSQL only), for a worker thread opening its own pool. */
  readonly url?: string;
  /** The pool under Kysely (PostgreSQL only), for statements prepared once per connection (preparedQuery). */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

/**
 * One conversion and one check per value (a bigint outside ±(2^53 − 1) converts to a number that
 * is not a safe integer): about twice as fast as comparing bigints, on reads of 100.000 rows.
 */
function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`Giá trị số nguyên ${value} vượt quá phạm vi an toàn (2^53 − 1)`);
  }
  return n;
}

/**
 * SQLite runs each query synchronously, so a use case awaiting one query after another (a report's
 * figures, a long check) never gives the event loop a turn: its promises resolve as microtasks.
 * After each query, if the loop has not had a turn for `TURN_MS`, wait for one (docs/architecture.md,
 * "Event loop": no stall over 50 ms). `turnAt` is refreshed by a setImmediate whenever the loop
 * really turns.
 */
const TURN_MS = 15;
let turnAt = performance.now();
let turnScheduled = false;
function noteTurn(): void {
  turnAt = performance.now();
  turnScheduled = false;
}
async function giveTurnIfHeld(): Promise<void> {
  if (!turnScheduled) {
    turnScheduled = true;
    setImmediate(noteTurn);
  }
  if (performance.now() - turnAt > TURN_MS) await new Promise((r) => setImmediate(r));
}

/**
 * better-sqlite3 silently loses precision above 2^53 unless safeIntegers is on; we turn it on
 * and convert every bigint back to a number here, refusing values outside the safe range, so
 * both dialects hand the code the same `number`. It also gives the loop its turn (above).
 */
class SafeIntegerPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) {
      for (const key in row) {
        const v = row[key];
        if (typeof v === 'bigint') row[key] = toSafeNumber(v);
      }
    }
    await giveTurnIfHeld();
    return args.result;
  }
}

let pgTypesSet = false;
function configurePgTypes(): void {
  if (pgTypesSet) return;
  pgTypesSet = true;
  // int8 (count(*), sum(), bigint columns) as numbers, refusing unsafe values.
  pg.types.setTypeParser(20, (v) => toSafeNumber(BigInt(v)));
  // numeric (sum over bigint) likewise when integral.
  pg.types.setTypeParser(1700, (v) => (/^-?\d+$/.test(v) ? toSafeNumber(BigInt(v)) : Number(v)));
  // date as the YYYY-MM-DD string it is; no time zone games.
  pg.types.setTypeParser(1082, (v) => v);
  // timestamptz / timestamp as UTC ISO strings, like SQLite stores them.
  pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
  pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());
}

/**
 * Kysely's SQLite driver prepares every query it runs, and preparing is a tenth of the server's
 * time under a search load (profile in bench/registry.ts): keep the last 500 prepared statements by
 * SQL text. A statement still busy (an iteration not finished) is never handed out twice; SQLite
 * re-prepares a kept statement by itself after a schema change.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const stmt = sqlite.prepare(source);
    if (!hit) {
      cache.set(source, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** Open the database the configuration names: SQLite (default) or PostgreSQL. */
export function openDatabase(config: Pick<Config, 'database'>): Database {
  if (config.database.kind === 'postgres') {
    configurePgTypes();
    const pool = new pg.Pool({ connectionString: config.database.url, max: 10 });
    // An idle connection the server ends (a restart, an administrator, a dropped test database)
    // must not crash the process: the pool drops it and opens another on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL idle connection ended: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', url: config.database.url, pool, close: () => db.destroy() };
  }
  const file = config.database.path;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // 64 MB of page cache: a province's indexes stay warm, and bulk inserts into a million-row
  // table run about twice as fast as with the 2 MB default (bench/).
  sqlite.pragma('cache_size = -65536');
  sqlite.defaultSafeIntegers(true);
  const sqliteCached = withStatementCache(sqlite);
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqliteCached }),
    plugins: [new SafeIntegerPlugin()],
  });
  return { db, dialect: 'sqlite', sqlite, sqliteCached, close: () => db.destroy() };
}

/**
 * A read's rows as arrays of column values in the order its SELECT lists them, on SQLite, where
 * better-sqlite3 then makes no object per row: on the bench's 30.000 suspect entries of a list
 * check that object was a sixth of the statements' time (docs/modules/programs.md). Integers come
 * as bigints (the handle's safe integers): the caller converts the columns it reads. Runs on the
 * connection `ex` holds: inside its transaction, or taking the connection as Kysely's queries do
 * (another request's open transaction is never read). Null on PostgreSQL: read through Kysely.
 */
export async function sqliteArrays(
  database: Pick<Database, 'sqliteCached'>,
  ex: Executor,
  compiled: CompiledQuery,
): Promise<unknown[][] | null> {
  const sqlite = database.sqliteCached;
  if (!sqlite) return null;
  const read = () => {
    const stmt = sqlite.prepare(compiled.sql);
    // The statement is the cache's: back to rows as objects for whoever prepares it next.
    try {
      return stmt.raw(true).all(...compiled.parameters) as unknown[][];
    } finally {
      stmt.raw(false);
    }
  };
  const rows = ex.isTransaction ? read() : await ex.connection().execute(async () => read());
  await giveTurnIfHeld();
  return rows;
}

/**
 * A query built once and run many times with new parameters (in the order the compiled query
 * lists them), for hot paths such as the session lookup on every request: it skips Kysely's
 * per-call building and, on SQLite, re-preparing the statement.
 */
export function preparedQuery<R>(
  database: Database,
  compiled: CompiledQuery<R>,
): (params: readonly unknown[]) => Promise<R[]> {
  if (database.sqlite) {
    const stmt = database.sqlite.prepare(compiled.sql);
    return async (params) => {
      const rows = stmt.all(...(params as unknown[])) as Record<string, unknown>[];
      for (const row of rows)
        for (const k in row) if (typeof row[k] === 'bigint') row[k] = toSafeNumber(row[k] as bigint);
      return rows as R[];
    };
  }
  // PostgreSQL: a named statement, parsed and planned once per connection instead of on every call.
  if (database.pool) {
    const pool = database.pool;
    const name = `ansinh_${createHash('sha1').update(compiled.sql).digest('hex').slice(0, 16)}`;
    return async (params) => (await pool.query({ name, text: compiled.sql, values: params as unknown[] })).rows as R[];
  }
  return async (params) => (await database.db.executeQuery<R>({ ...compiled, parameters: params })).rows;
}

/**
 * Bulk load into empty tables with their secondary indexes dropped and rebuilt afterwards
 * (building an index once is several times faster than maintaining it row by row), then
 * refresh the planner's statistics. Indexes that back a constraint stay.
 */
export async function withIndexesDeferred<T>(database: Database, tables: string[], fn: () => Promise<T>): Promise<T> {
  const list = tables.map((t) => `'${t.replace(/[^a-z_]/g, '')}'`).join(',');
  let defs: { name: string; sql: string }[];
  if (database.sqlite) {
    defs = database.sqlite
      .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${list})`)
      .all() as { name: string; sql: string }[];
    for (const d of defs) database.sqlite.exec(`drop index "${d.name}"`);
  } else {
    const r = await sql<{ name: string; sql: string }>`
      select i.indexname as name, i.indexdef as sql from pg_indexes i
      where i.tablename in (${sql.raw(list)})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(database.db);
    defs = r.rows;
    for (const d of defs) await sql.raw(`drop index "${d.name}"`).execute(database.db);
  }
  try {
    return await fn();
  } finally {
    if (database.sqlite) {
      for (const d of defs) database.sqlite.exec(d.sql);
      database.sqlite.exec('analyze');
    } else {
      for (const d of defs) await sql.raw(d.sql).execute(database.db);
      await sql.raw(`analyze ${tables.join(', ')}`).execute(database.db);
    }
  }
}
