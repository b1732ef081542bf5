import { parentPort } from 'node:worker_threads';

/**
 * The worker side of `offThread`: import the named module once, call the named export with the
 * arguments, answer the result (a Buffer's bytes are transferred, not copied) or the error's message.
 */
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
