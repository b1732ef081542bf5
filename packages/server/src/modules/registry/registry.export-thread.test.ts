import { once } from 'node:events';
import type { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonsQuery } from '@ansinh/domain';
import { systemActor } from '../../platform/actor.js';
import { canRunOffThread } from '../../platform/off-thread-db.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { readXlsx } from '../../test/upload.js';

/**
 * The persons export runs in the database worker (docs/architecture.md, "Event loop"): the file
 * is whole and in order, the worker waits for the reader to take each piece, and a reader who
 * leaves mid-way stops it without harming the next export.
 */
const PERSONS = 4_000;
const ALL = PersonsQuery.parse({ includeInactive: 'true' });

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ persons: PERSONS });
}, 180_000);
afterAll(async () => ctx?.close());

const readAll = async (s: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
};

describe('the persons export in the database worker', () => {
  it('answers the whole filtered list, in order, as one valid XLSX', async () => {
    expect(canRunOffThread(ctx.database)).toBe(true);
    const province = await ctx.login('tinh.chuyenvien');
    const res = await province.inject('GET', '/api/v1/persons/export.xlsx?includeInactive=true');
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    const { count } = await ctx.database.db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('merged_into_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(rows.length - 1).toBe(Number(count));
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: rows.length - 1 }, (_, i) => i + 1));
  });

  it('waits for a slow reader instead of piling the file up in memory', async () => {
    const stream = await ctx.services.registry.exportPersons(systemActor(), ALL);
    await once(stream, 'readable');
    await new Promise((r) => setTimeout(r, 1500));
    // Without backpressure the worker would have sent the whole file (~0,35 MB) by now.
    // What the main thread holds: the stream's read buffer and the writes queued behind it.
    const held = stream.readableLength + (stream as PassThrough).writableLength;
    expect(held).toBeLessThan(150_000);
    const rest = await readAll(stream);
    expect(rest.length).toBeGreaterThan(300_000);
  });

  it('stops when the reader leaves, and the next export is whole', async () => {
    const stream = await ctx.services.registry.exportPersons(systemActor(), ALL);
    await once(stream, 'readable');
    stream.destroy();
    const again = await readAll(await ctx.services.registry.exportPersons(systemActor(), ALL));
    const rows = await readXlsx(again);
    expect(rows.length).toBeGreaterThan(PERSONS / 2);
  });
});
