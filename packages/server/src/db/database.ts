import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
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
import { canRunOffThread, offThreadWithDatabase, type OffThreadDbContext } from '../platform/off-thread-db.js';
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
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new SafeIntegerPlugin()],
  });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * SQLite's planner chooses indexes from the statistics in `sqlite_stat1`, which only ANALYZE
 * writes; without them it guesses, and on a province's tables it can guess very wrong (a
 * programme's list check took 1.043 ms and held the event loop 400 ms on a 20.000-person demo,
 * 33 ms with statistics: docs/architecture.md, "Data"). `PRAGMA optimize` refreshes statistics
 * that are missing or stale but only where `sqlite_stat1` exists, hence the `analyze sqlite_schema`
 * that creates it; the sampling limit keeps it to a fraction of a second on a million persons.
 * The server runs it at start and every hour (main.ts).
 *
 * It is synchronous SQLite work (~10 ms, 136 ms the first time on a million persons), so it runs in
 * the database worker on a connection of its own (platform/off-thread-db.ts), its write through
 * `exclusive`: main-thread queries wait for it in the main connection's queue without holding the
 * event loop. A database the worker cannot open (SQLite in memory) is done here. On PostgreSQL
 * nothing runs in this process: the server's autovacuum analyzes tables in its own processes.
 * Answers where it ran and how long it took (ms).
 */
export async function refreshPlannerStatistics(
  database: Database,
): Promise<{ ranIn: 'worker' | 'main thread' | 'database server'; ms: number }> {
  const t0 = performance.now();
  if (!database.sqlite) return { ranIn: 'database server', ms: 0 };
  if (!canRunOffThread(database)) {
    writePlannerStatistics(database.sqlite);
    return { ranIn: 'main thread', ms: performance.now() - t0 };
  }
  const thread = await offThreadWithDatabase<number>(database, import.meta.url, 'refreshPlannerStatisticsInThread', []);
  return { ranIn: thread === 0 ? 'main thread' : 'worker', ms: performance.now() - t0 };
}

/**
 * SQLite's WAL is copied back into the database file (a checkpoint) by the connection that commits
 * past 1.000 pages, synchronously: after a programme's lists (100.000 entries, ~25 MB of WAL) that
 * held the event loop ~100 ms on the main connection. For a server, the main connection does not
 * checkpoint; the database worker does, off the loop, every second the WAL has changed (a PASSIVE
 * checkpoint: it waits for no reader or writer). Returns the stop function; a no-op elsewhere.
 */
export function checkpointOffThread(database: Database, everyMs = 1000): () => void {
  const sqlite = database.sqlite;
  if (!sqlite || !canRunOffThread(database)) return () => undefined;
  sqlite.pragma('wal_autocheckpoint = 0');
  const wal = `${sqlite.name}-wal`;
  let seen = -1;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    let changed: number;
    try {
      changed = fs.statSync(wal).mtimeMs;
    } catch {
      return;
    }
    if (changed === seen) return;
    running = true;
    offThreadWithDatabase<void>(database, import.meta.url, 'checkpointInThread', []).then(
      () => {
        seen = changed;
        running = false;
      },
      (err: unknown) => {
        running = false;
        process.emitWarning(`checkpoint: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    sqlite.pragma('wal_autocheckpoint = 1000');
  };
}

/** The worker side of `checkpointOffThread`. */
export async function checkpointInThread(ctx: OffThreadDbContext): Promise<void> {
  ctx.database.sqlite!.pragma('wal_checkpoint(PASSIVE)');
}

/** The worker side: the statistics written on the worker's connection; answers its thread id. */
export async function refreshPlannerStatisticsInThread(ctx: OffThreadDbContext): Promise<number> {
  await ctx.exclusive(async () => writePlannerStatistics(ctx.database.sqlite!));
  return threadId;
}

function writePlannerStatistics(s: SQLite.Database): void {
  s.pragma('analysis_limit = 1000');
  s.exec('analyze sqlite_schema');
  s.pragma('optimize = 0x10002');
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
