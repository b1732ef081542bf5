import os from 'node:os';
import { parentPort } from 'node:worker_threads';

/**
 * The worker side of `offThread`: import the named module once, call the named export with the
 * arguments, answer the result (a Buffer's bytes are transferred, not copied) or the error's message.
 */
// Rendering gives way to the main thread, which answers requests, when the cores are busy (on
// Linux a thread has its own nice value). It holds no lock anyone waits for, so this is safe; the
// database worker (off-thread-db-worker.ts) holds the main connection while it writes and keeps
// the process's priority.
try {
  os.setPriority(0, Math.max(os.getPriority(0), 10));
} catch {
  /* not permitted or not supported */
}

const modules = new Map<string, Promise<Record<string, unknown>>>();

parentPort!.on('message', (m: { id: number; url: string; fn: string; args: unknown[] }) => {
  void (async () => {
    try {
      let mod = modules.get(m.url);
      if (!mod) modules.set(m.url, (mod = import(m.url) as Promise<Record<string, unknown>>));
      const f = (await mod)[m.fn];
      if (typeof f !== 'function') throw new Error(`${m.fn} is not a function of ${m.url}`);
      const result: unknown = await (f as (...a: unknown[]) => unknown)(...m.args);
      if (result instanceof Uint8Array) {
        const copy = new Uint8Array(result);
        parentPort!.postMessage({ id: m.id, result: copy }, [copy.buffer]);
      } else parentPort!.postMessage({ id: m.id, result });
    } catch (err) {
      parentPort!.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
