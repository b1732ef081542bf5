import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../test/helpers.js';
import fs from 'node:fs';
import { openDatabase, sqliteArrays } from './database.js';
import { checkpointInThread, checkpointOffThread, refreshPlannerStatistics } from './maintenance.js';
import type { OffThreadDbContext } from '../platform/off-thread-db.js';

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
  const scratchStats = (s: NonNullable<TestContext['database']['sqlite']>) => {
    const has = s.prepare("select 1 from sqlite_schema where name = 'sqlite_stat1'").get();
    return has
      ? (s.prepare("select idx, stat from sqlite_stat1 where tbl = 't_scratch'").all() as { idx: string }[])
      : [];
  };

  it('with checkpointOffThread a commit leaves its WAL to the database worker, which copies it back soon after', async () => {
    const s = ctx.database.sqlite;
    if (!s) return; // PostgreSQL checkpoints in its own processes
    const size = () => fs.statSync(s.name).size;
    const fill = (table: string) => {
      s.exec(`create table ${table} (id integer primary key, v text)`);
      const ins = s.prepare(`insert into ${table} (v) values (?)`);
      s.transaction(() => {
        for (let i = 0; i < 20_000; i++) ins.run(`ligne ${i} `.repeat(20));
      })();
    };
    // Without it, the commit that passes 1.000 pages copies them back itself, on this thread.
    s.pragma('wal_checkpoint(TRUNCATE)');
    let before = size();
    fill('t_ckpt_here');
    expect(size()).toBeGreaterThan(before + 2_000_000);
    const stop = checkpointOffThread(ctx.database, 20);
    try {
      before = size();
      fill('t_ckpt_there');
      expect(size()).toBe(before); // nothing copied back by the commit
      for (let i = 0; i < 200 && size() === before; i++) await new Promise((r) => setTimeout(r, 25));
      expect(size()).toBeGreaterThan(before + 2_000_000); // by the worker
    } finally {
      stop();
    }
  });

  it('a checkpoint refused because its connection is busy reading or writing is tried again later, not reported', async () => {
    const s = ctx.database.sqlite;
    if (!s) return;
    s.exec('create table if not exists t_ckpt_busy (id integer primary key)');
    s.exec('insert into t_ckpt_busy (id) values (1), (2), (3)');
    const worker = { database: ctx.database } as OffThreadDbContext;
    const reading = s.prepare('select id from t_ckpt_busy').iterate();
    try {
      reading.next(); // a statement still running on the connection, as during an import's dry run
      expect(await checkpointInThread(worker)).toBe(false);
    } finally {
      reading.return?.();
    }
    s.exec('begin');
    try {
      expect(await checkpointInThread(worker)).toBe(false);
    } finally {
      s.exec('rollback');
    }
    expect(await checkpointInThread(worker)).toBe(true);
  });

  it('refreshPlannerStatistics writes them in the database worker for a database that never had them', async () => {
    const s = ctx.database.sqlite;
    if (!s) {
      // PostgreSQL's autovacuum keeps its own statistics, in the server's processes: nothing runs here.
      expect(await refreshPlannerStatistics(ctx.database)).toEqual({ ranIn: 'database server', ms: 0 });
      return;
    }
    s.exec('create index if not exists t_scratch_big_idx on t_scratch (big)');
    s.exec('drop table if exists sqlite_stat1');
    expect(scratchStats(s)).toEqual([]);
    // The main thread keeps turning while the worker writes them.
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    const p = refreshPlannerStatistics(ctx.database);
    const turnsBefore = turns;
    const r = await p;
    clearInterval(ticker);
    expect(r.ranIn).toBe('worker');
    expect(turns).toBeGreaterThan(turnsBefore);
    expect(scratchStats(s).map((x) => x.idx)).toContain('t_scratch_big_idx');
  });

  it('a main-thread write during the refresh waits in the queue and both complete', async () => {
    const s = ctx.database.sqlite;
    if (!s) return;
    s.exec('drop table if exists sqlite_stat1');
    const [r] = await Promise.all([
      refreshPlannerStatistics(ctx.database),
      sql`insert into t_scratch (big) values (7)`.execute(ctx.database.db),
    ]);
    expect(r.ranIn).toBe('worker');
    expect(scratchStats(s).length).toBeGreaterThan(0);
  });

  it('on a database no worker can open (in memory) it runs here, at a sampling limit', async () => {
    const mem = openDatabase({ database: { kind: 'sqlite', path: ':memory:' } });
    try {
      mem.sqlite!.exec('create table t (a integer); create index t_a on t (a); insert into t values (1), (2)');
      expect(await refreshPlannerStatistics(mem)).toMatchObject({ ranIn: 'main thread' });
      expect(mem.sqlite!.prepare("select idx from sqlite_stat1 where tbl = 't'").all()).toEqual([{ idx: 't_a' }]);
      expect(Number(mem.sqlite!.pragma('analysis_limit', { simple: true }))).toBe(1000);
    } finally {
      await mem.close();
    }
  });
});

describe('rows as arrays (SQLite)', () => {
  const countQuery = () =>
    sql<{ n: number }>`select count(*) as n, max(id) as top from t_scratch`.compile(ctx.database.db);

  it('answers the columns in SELECT order, and null on PostgreSQL', async () => {
    const got = await sqliteArrays(
      ctx.database,
      ctx.database.db,
      sql`select id, d from t_scratch where id = 3`.compile(ctx.database.db),
    );
    if (!ctx.database.sqlite) return expect(got).toBeNull();
    expect(got).toEqual([[3n, '2025-01-01']]);
    // The cached statement is handed back to Kysely reading objects.
    expect((await sql`select id, d from t_scratch where id = 3`.execute(ctx.database.db)).rows).toEqual([
      { id: 3, d: '2025-01-01' },
    ]);
  });

  it("never reads another request's open transaction: it waits for the connection", async () => {
    if (!ctx.database.sqlite) return;
    const before = await sqliteArrays(ctx.database, ctx.database.db, countQuery());
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const hasInserted = new Promise<void>((r) => (inserted = r));
    const trx = ctx.database.db.transaction().execute(async (t) => {
      await sql`insert into t_scratch (big) values (42)`.execute(t);
      inserted();
      await held;
      throw new Error('rolled back');
    });
    await hasInserted;
    const during = sqliteArrays(ctx.database, ctx.database.db, countQuery());
    release();
    await expect(trx).rejects.toThrow('rolled back');
    expect(await during).toEqual(before);
  });

  it('inside a transaction, reads what it wrote', async () => {
    if (!ctx.database.sqlite) return;
    const [[n]] = (await sqliteArrays(ctx.database, ctx.database.db, countQuery())) as [[bigint]];
    await ctx.database.db
      .transaction()
      .execute(async (t) => {
        await sql`insert into t_scratch (big) values (43)`.execute(t);
        const [[m]] = (await sqliteArrays(ctx.database, t, countQuery())) as [[bigint]];
        expect(m).toBe(n + 1n);
        throw new Error('undo');
      })
      .catch(() => undefined);
  });
});
