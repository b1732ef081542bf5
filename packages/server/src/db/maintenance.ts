import fs from 'node:fs';
import { threadId } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { canRunOffThread, offThreadWithDatabase, type OffThreadDbContext } from '../platform/off-thread-db.js';
import type { Database } from './database.js';

/*
 * SQLite upkeep the server runs off the event loop, in the database worker
 * (platform/off-thread-db.ts): planner statistics and WAL checkpoints. Apart from database.ts,
 * which the worker itself opens databases with.
 */

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
    offThreadWithDatabase<boolean>(database, import.meta.url, 'checkpointInThread', []).then(
      (done) => {
        if (done) seen = changed;
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

/**
 * The worker side of `checkpointOffThread`. While the worker's connection is in the middle of other
 * work (an import's dry run reading rows, a transaction), the checkpoint is refused (SQLITE_LOCKED,
 * SQLITE_BUSY, or better-sqlite3's "connection is busy"): nothing is wrong, the next tick tries
 * again (answers false).
 */
export async function checkpointInThread(ctx: OffThreadDbContext): Promise<boolean> {
  const sqlite = ctx.database.sqlite!;
  if (sqlite.inTransaction) return false;
  try {
    sqlite.pragma('wal_checkpoint(PASSIVE)');
    return true;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_LOCKED') || code.startsWith('SQLITE_BUSY'))) return false;
    // better-sqlite3's own refusal while a statement of the connection is still being read.
    if (err instanceof TypeError && /busy/.test(err.message)) return false;
    throw err;
  }
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
