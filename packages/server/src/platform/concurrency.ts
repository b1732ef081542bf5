/**
 * `fn` over `items`, at most `limit` at a time, results in the order of `items`. For many small
 * independent reads (a report's figures by sub-area): on PostgreSQL they run side by side on the
 * pool's connections (`limit` leaves the rest of the pool to other requests); on SQLite's one
 * connection they run one after another as before.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const out = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
