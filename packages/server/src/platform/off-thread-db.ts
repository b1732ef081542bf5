import { Worker } from 'node:worker_threads';
import type { Database } from '../db/database.js';
import { AppError } from './errors.js';

/**
 * Long database work (a registry import: checking a file against the registry, then writing it in
 * one transaction) run in a worker thread with its own connection (the same SQLite file, or a
 * pool of its own on the same PostgreSQL database), so that neither its CPU work, its queries
 * (synchronous on SQLite) nor its COMMIT hold the event loop (docs/architecture.md, "Event
 * loop"). SQLite in WAL mode lets the main connection keep reading while the worker writes.
 *
 * On SQLite, writes must not meet: better-sqlite3 waits for a busy database synchronously, so a main-thread
 * write during the worker's transaction would hold the loop for as long as that transaction. The
 * worker's transactions therefore run through `exclusive`, which first takes the main connection
 * (Kysely's queue for it) and holds it until the worker commits or rolls back: meanwhile the main
 * thread's queries wait in that queue without blocking the loop, as they would for a transaction
 * of its own.
 *
 * The function runs as `fn(ctx, ...args)` where `ctx` holds the worker's `database`, `exclusive`,
 * `progress` (sends a value to `onProgress` here) and `send` (a piece of a stream, e.g. the bytes of
 * an export, handed to `onChunk` here; it resolves once `onChunk` has taken it, so a slow client
 * slows the worker down, and throws `ChunkRefused` when `onChunk` answers false: the reader left). Arguments and result are plain data
 * (structured clone; a Buffer comes back as a Uint8Array). An `AppError` thrown in the worker is
 * thrown again here with its status, code, message and details.
 *
 * One worker per process, started on first use (it loads the modules once) and released (unref)
 * when idle; it opens the database for the calls in flight and closes it when none is left. If it
 * dies, the calls in flight fail and the next call starts a new one (a transaction cut short is
 * rolled back by SQLite). From TypeScript source (tests, tsx) it is started through tsx.
 */
export interface OffThreadDbContext {
  database: Database;
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  progress(value: unknown): void;
  send(value: unknown): Promise<void>;
}

/** Thrown by `ctx.send` in the worker when the main side wants no more chunks (the client left). */
export class ChunkRefused extends Error {
  constructor() {
    super('the reader of this stream is gone');
  }
}

/** Whether `database` can be opened again by a worker: a SQLite file, or PostgreSQL by its URL. */
export const canRunOffThread = (database: Database): boolean =>
  database.sqlite ? !database.sqlite.memory && database.sqlite.name !== '' : !!database.url;

/** What the worker opens: the same SQLite file, or a pool of its own on the same PostgreSQL database. */
const sourceOf = (database: Database) =>
  database.sqlite
    ? ({ kind: 'sqlite', path: database.sqlite.name } as const)
    : ({ kind: 'postgres', url: database.url! } as const);

type FromWorker =
  | { type: 'gate'; id: number }
  | { type: 'ungate'; id: number }
  | { type: 'progress'; id: number; value: unknown }
  | { type: 'chunk'; id: number; seq: number; value: unknown }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'error'; id: number; error: { message: string; status?: number; code?: string; details?: unknown } };

interface Call {
  database: Database;
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?(value: unknown): void;
  onChunk?(value: unknown): Promise<boolean | void> | boolean | void;
  /** Ends the hold on the main connection, if the call has it. */
  ungate: (() => void) | null;
}

let worker: Worker | null = null;
let seq = 0;
const calls = new Map<number, Call>();

function settle(id: number, f: (c: Call) => void): void {
  const c = calls.get(id);
  if (!c) return;
  calls.delete(id);
  c.ungate?.();
  if (calls.size === 0) worker?.unref();
  f(c);
}

function fail(err: Error): void {
  for (const id of [...calls.keys()]) settle(id, (c) => c.reject(err));
  worker = null;
}

function theWorker(lowPriority: boolean): Worker {
  if (worker) return worker;
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? './off-thread-db-worker.ts' : './off-thread-db-worker.js', import.meta.url);
  const w = fromSource
    ? new Worker(
        `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`,
        { eval: true, workerData: { lowPriority } },
      )
    : new Worker(script, { workerData: { lowPriority } });
  w.on('message', (m: FromWorker) => {
    const c = calls.get(m.id);
    if (!c) return;
    if (m.type === 'gate') {
      // PostgreSQL makes a writer wait on the network, not on the loop: nothing to hold there.
      if (!c.database.sqlite) {
        w.postMessage({ type: 'gated', id: m.id });
        return;
      }
      void c.database.db
        .connection()
        .execute(
          () =>
            new Promise<void>((release) => {
              c.ungate = () => {
                c.ungate = null;
                release();
              };
              w.postMessage({ type: 'gated', id: m.id });
            }),
        )
        .catch((err: unknown) => settle(m.id, (x) => x.reject(err instanceof Error ? err : new Error(String(err)))));
    } else if (m.type === 'ungate') c.ungate?.();
    else if (m.type === 'progress') c.onProgress?.(m.value);
    else if (m.type === 'chunk') {
      const ack = (more: boolean) => w.postMessage({ type: 'ack', id: m.id, seq: m.seq, more });
      Promise.resolve(c.onChunk ? c.onChunk(m.value) : false).then(
        (r) => ack(r !== false),
        () => ack(false),
      );
    } else if (m.type === 'done') settle(m.id, (x) => x.resolve(m.result));
    else {
      const e = m.error;
      settle(m.id, (x) =>
        x.reject(
          e.status !== undefined && e.code !== undefined
            ? new AppError(e.status, e.code, e.message, e.details as AppError['details'])
            : new Error(e.message),
        ),
      );
    }
  });
  w.on('error', (err) => fail(err));
  w.on('exit', (code) => {
    if (worker === w) fail(new Error(`the database thread stopped (exit code ${code})`));
  });
  w.unref();
  worker = w;
  return w;
}

/**
 * `fn` exported by the module at `moduleUrl` (pass the module's own `import.meta.url`), called in
 * the database worker as `fn(ctx, ...args)` on the same database as `database`.
 */
export function offThreadWithDatabase<R>(
  database: Database,
  moduleUrl: string,
  fn: string,
  args: unknown[],
  opts: {
    onProgress?(value: unknown): void;
    onChunk?(value: unknown): Promise<boolean | void> | boolean | void;
    transfer?: ArrayBuffer[];
  } = {},
): Promise<R> {
  if (!canRunOffThread(database))
    return Promise.reject(new Error('offThreadWithDatabase needs a SQLite file or a PostgreSQL URL'));
  return new Promise<R>((resolve, reject) => {
    // A process serves one database: the worker's priority follows its kind (off-thread-db-worker.ts).
    const w = theWorker(!database.sqlite);
    const id = ++seq;
    calls.set(id, {
      database,
      resolve: resolve as (v: unknown) => void,
      reject,
      onProgress: opts.onProgress,
      onChunk: opts.onChunk,
      ungate: null,
    });
    w.ref();
    w.postMessage({ type: 'call', id, source: sourceOf(database), url: moduleUrl, fn, args }, opts.transfer ?? []);
  });
}
