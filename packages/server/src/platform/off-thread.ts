import { Worker } from 'node:worker_threads';

/**
 * CPU-heavy pure functions (DOCX rendering: building the XML and zipping it) run in one shared
 * worker thread, so that a long report never holds the event loop while officers wait for their
 * lists (docs/architecture.md, "Event loop"). The function must live in a module with no I/O at
 * import time and take and return plain data (structured clone); a Buffer comes back as one.
 *
 * One worker per process, started on first use and released (unref) when idle; if it dies, the
 * calls in flight fail with the error and the next call starts a new one. From TypeScript source
 * (tests, tsx) the worker is started through tsx, as the sheet reader's is.
 */
interface Job {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, Job>();

function fail(err: Error): void {
  for (const job of pending.values()) job.reject(err);
  pending.clear();
  worker = null;
}

function theWorker(): Worker {
  if (worker) return worker;
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? './off-thread-worker.ts' : './off-thread-worker.js', import.meta.url);
  const w = fromSource
    ? new Worker(
        `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`,
        { eval: true },
      )
    : new Worker(script);
  w.on('message', (m: { id: number; result?: unknown; error?: string }) => {
    const job = pending.get(m.id);
    if (!job) return;
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (m.error !== undefined) job.reject(new Error(m.error));
    else
      job.resolve(
        m.result instanceof Uint8Array
          ? Buffer.from(m.result.buffer, m.result.byteOffset, m.result.byteLength)
          : m.result,
      );
  });
  w.on('error', (err) => fail(err));
  w.on('exit', (code) => {
    if (worker === w) fail(new Error(`the render thread stopped (exit code ${code})`));
  });
  w.unref();
  worker = w;
  return w;
}

/**
 * `fn` exported by the module at `moduleUrl` (pass the module's own `import.meta.url`), called in
 * the shared worker thread.
 */
export function offThread<A extends unknown[], R>(moduleUrl: string, fn: string): (...args: A) => Promise<R> {
  return (...args: A) =>
    new Promise<R>((resolve, reject) => {
      const w = theWorker();
      const id = ++seq;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      w.ref();
      w.postMessage({ id, url: moduleUrl, fn, args });
    });
}
