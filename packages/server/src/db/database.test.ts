import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../test/helpers.js';
import { refreshPlannerStatistics } from './database.js';

/**
 * What the code may rely on from either database (docs/architecture.md "Data"): 64-bit integers come
 * back as JS numbers and refuse to be read past 2^53, dates are 'YYYY-MM-DD' strings, instants
 * UTC ISO strings — the same on SQLite and PostgreSQL.
 */
let ctx: TestContext;
const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991

beforeAll(async () => {
  ctx = await createTestContext({ seed: false });
  const big = ctx.database.dialect === 'postgres' ? sql.raw('bigint') : sql.raw('integer');
  await sql`create table t_scratch (id integer primary key, big ${big}, d date)`.execute(ctx.database.db);
  await sql`insert into t_scratch (id, big, d) values (1, ${MAX}, ${'2024-02-29'}), (2, ${-MAX}, ${'2024-12-31'}), (3, ${1}, ${'2025-01-01'})`.execute(
    ctx.database.db,
  );
});
afterAll(async () => {
  await ctx?.close();
});

type Row = { id: number; big: number; d: string };
const rows = async (where = sql`1 = 1`) =>
  (await sql<Row>`select id, big, d from t_scratch where ${where} order by id`.execute(ctx.database.db)).rows;

describe('64-bit integers', () => {
  it('come back as numbers, exactly, up to ±(2^53 − 1)', async () => {
    const r = await rows(sql`id in (1, 2, 3)`);
    expect(r).toEqual([
      { id: 1, big: MAX, d: '2024-02-29' },
      { id: 2, big: -MAX, d: '2024-12-31' },
      { id: 3, big: 1, d: '2025-01-01' },
    ]);
    for (const row of r) expect(typeof row.big).toBe('number');
  });

  it('count(*) and generated ids are numbers', async () => {
    const c = await sql<{ n: number }>`select count(*) as n from t_scratch`.execute(ctx.database.db);
    expect(c.rows[0]!.n).toBe(3);
    expect(typeof c.rows[0]!.n).toBe('number');
    const typed = await ctx.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(typed.n).toBe(0);
    const inserted = await ctx.database.db
      .insertInto('login_attempts')
      .values({ username: 'x', ip: '127.0.0.1', at: '2025-06-30T17:00:00.000Z', succeeded: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(typeof inserted.id).toBe('number');
  });

  it('a stored value beyond 2^53 is refused on read with a RangeError, not rounded', async () => {
    await sql`insert into t_scratch (id, big, d) values (4, ${sql.raw('9007199254740993')}, ${'2025-01-02'})`.execute(
      ctx.database.db,
    );
    await expect(rows(sql`id = 4`)).rejects.toThrow(RangeError);
    await expect(rows(sql`id = 4`)).rejects.toThrow(/9007199254740993/);
    // The database keeps the exact value; only reading it into a JS number is refused.
    const text = await sql<{ t: string }>`select cast(big as text) as t from t_scratch where id = 4`.execute(
      ctx.database.db,
    );
    expect(text.rows[0]!.t).toBe('9007199254740993');
    await sql`delete from t_scratch where id = 4`.execute(ctx.database.db);
  });

  it('a sum that overflows 2^53 is refused too', async () => {
    await expect(sql`select sum(big) as s from t_scratch where id in (1, 3)`.execute(ctx.database.db)).rejects.toThrow(
      RangeError,
    );
    const ok = await sql<{ s: number }>`select sum(big) as s from t_scratch where id in (2, 3)`.execute(
      ctx.database.db,
    );
    expect(ok.rows[0]!.s).toBe(-MAX + 1);
    expect(typeof ok.rows[0]!.s).toBe('number');
  });

  it('the connection is still usable after a refused read', async () => {
    await expect(sql`select ${sql.raw('9007199254740993')} as v`.execute(ctx.database.db)).rejects.toThrow(RangeError);
    expect((await rows(sql`id = 3`))[0]!.big).toBe(1);
    await ctx.database.db.transaction().execute(async (trx) => {
      const r = await sql<{ n: number }>`select count(*) as n from t_scratch`.execute(trx);
      expect(r.rows[0]!.n).toBe(3);
    });
  });
});

describe('dates and instants', () => {
  it('dates come back as YYYY-MM-DD strings, without a time-zone shift', async () => {
    const r = await rows();
    for (const row of r) {
      expect(typeof row.d).toBe('string');
      expect(row.d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(r.map((x) => x.d)).toEqual(['2024-02-29', '2024-12-31', '2025-01-01']);
  });

  it('dates compare as dates', async () => {
    const r = await rows(sql`d >= ${'2024-12-31'}`);
    expect(r.map((x) => x.id)).toEqual([2, 3]);
  });

  it('instants come back as UTC ISO strings', async () => {
    const r = await ctx.database.db
      .selectFrom('login_attempts')
      .select(['at'])
      .where('username', '=', 'x')
      .executeTakeFirstOrThrow();
    expect(r.at).toBe('2025-06-30T17:00:00.000Z');
  });
});

describe("the planner's statistics (SQLite)", () => {
  it('refreshPlannerStatistics writes them for a database that never had them, at a sampling limit', async () => {
    const s = ctx.database.sqlite;
    if (!s) return; // PostgreSQL's autovacuum keeps its own statistics.
    s.exec('create index t_scratch_big_idx on t_scratch (big)');
    const stats = () => {
      const has = s.prepare("select 1 from sqlite_schema where name = 'sqlite_stat1'").get();
      return has
        ? (s.prepare("select idx, stat from sqlite_stat1 where tbl = 't_scratch'").all() as { idx: string }[])
        : [];
    };
    s.exec('drop table if exists sqlite_stat1');
    expect(stats()).toEqual([]);
    refreshPlannerStatistics(ctx.database);
    expect(stats().map((r) => r.idx)).toContain('t_scratch_big_idx');
    expect(Number(s.pragma('analysis_limit', { simple: true }))).toBe(1000);
  });
});
