import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type Database } from '../db/database.js';
import { AppError } from './errors.js';
import { ChunkRefused, type OffThreadDbContext } from './off-thread-db.js';

/**
 * The worker side of `offThreadWithDatabase`: for each call, the database on a connection of
 * this thread (opened for the calls in flight, closed when none is left), the named export called
 * with the context and the arguments, the result or the error answered.
 */
const port = parentPort!;
// On PostgreSQL this thread never holds the main connection (a writer waits on the network, not on
// the loop), so its work (an import's checks, an export's XLSX) gives way to the main thread, which
// answers requests, when the cores are busy, like the DOCX worker. On SQLite it keeps the process's
// priority: while it writes, main-thread queries wait for it (`exclusive`).
if ((workerData as { lowPriority?: boolean } | undefined)?.lowPriority) {
  try {
    os.setPriority(0, Math.max(os.getPriority(0), 10));
  } catch {
    /* not permitted or not supported */
  }
}
const modules = new Map<string, Promise<Record<string, unknown>>>();
type Source = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
const keyOf = (s: Source) => (s.kind === 'sqlite' ? `sqlite:${s.path}` : `pg:${s.url}`);

/** Open connections by database, with the number of calls using each. */
const open = new Map<string, { database: Database; users: number }>();
/** Calls waiting for the main connection, by call id. */
const waiting = new Map<number, () => void>();
/** Chunks sent and not yet taken on the main side, by call id and sequence number. */
const acks = new Map<string, (more: boolean) => void>();
let chunkSeq = 0;
/** One holder of the main connection at a time from this worker. */
let chain: Promise<unknown> = Promise.resolve();

function connect(source: Source): Database {
  let c = open.get(keyOf(source));
  if (!c) {
    c = { database: openDatabase({ database: source }), users: 0 };
    open.set(keyOf(source), c);
  }
  c.users++;
  return c.database;
}

async function disconnect(source: Source): Promise<void> {
  const c = open.get(keyOf(source))!;
  if (--c.users > 0) return;
  open.delete(keyOf(source));
  await c.database.close();
}

async function call(m: { id: number; source: Source; url: string; fn: string; args: unknown[] }): Promise<void> {
  const database = connect(m.source);
  try {
    const ctx: OffThreadDbContext = {
      database,
      exclusive<T>(f: () => Promise<T>): Promise<T> {
        const run = chain.then(async () => {
          await new Promise<void>((resolve) => {
            waiting.set(m.id, resolve);
            port.postMessage({ type: 'gate', id: m.id });
          });
          try {
            return await f();
          } finally {
            port.postMessage({ type: 'ungate', id: m.id });
          }
        });
        chain = run.catch(() => undefined);
        return run;
      },
      progress(value) {
        port.postMessage({ type: 'progress', id: m.id, value });
      },
      async send(value) {
        const seq = ++chunkSeq;
        const more = await new Promise<boolean>((resolve) => {
          acks.set(`${m.id}:${seq}`, resolve);
          port.postMessage({ type: 'chunk', id: m.id, seq, value });
        });
        if (!more) throw new ChunkRefused();
      },
    };
    let mod = modules.get(m.url);
    if (!mod) modules.set(m.url, (mod = import(m.url) as Promise<Record<string, unknown>>));
    const f = (await mod)[m.fn];
    if (typeof f !== 'function') throw new Error(`${m.fn} is not a function of ${m.url}`);
    const result: unknown = await (f as (...a: unknown[]) => unknown)(ctx, ...m.args);
    await disconnect(m.source);
    port.postMessage({ type: 'done', id: m.id, result });
  } catch (err) {
    await disconnect(m.source).catch(() => undefined);
    port.postMessage({
      type: 'error',
      id: m.id,
      error:
        err instanceof AppError
          ? { message: err.message, status: err.status, code: err.code, details: err.details }
          : { message: err instanceof Error ? err.message : String(err) },
    });
  }
}

type ToWorker = { type: string; id: number; source: Source; url: string; fn: string; args: unknown[] } & {
  seq: number;
  more: boolean;
};
port.on('message', (m: ToWorker) => {
  if (m.type === 'ack') {
    acks.get(`${m.id}:${m.seq}`)?.(m.more);
    acks.delete(`${m.id}:${m.seq}`);
  } else if (m.type === 'gated') {
    waiting.get(m.id)?.();
    waiting.delete(m.id);
  } else if (m.type === 'call') void call(m);
});
