import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunOffThread } from '../../platform/off-thread-db.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { runImport } from '../../test/upload.js';
import { rawXlsx, sheetXml } from '../../test/xlsx-raw.js';

/**
 * A commit is one transaction, run by the database worker on its own connection
 * (platform/off-thread-db.ts): a failure in the middle of the file leaves no
 * person, household, event or audit of it, and the server's own connection works afterwards.
 * The failure is a trigger refusing one person half-way through the inserts.
 */
const ROWS = 1_200;
const BROKEN = 'Đinh Văn Hỏng';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 120_000);
afterAll(async () => ctx?.close());

function file(brokenAt: number | null): Buffer {
  const rows: (string | number)[][] = [['Mã hộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Mã xã']];
  for (let i = 0; i < ROWS; i++) {
    const female = i % 2 === 1;
    const year = 1940 + (i % 60);
    const name = i === brokenAt ? BROKEN : `Lâm ${female ? 'Thị' : 'Văn'} Nguyên ${i}`;
    const cid = `003${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(i + 1).padStart(6, '0')}`;
    rows.push([`T${Math.floor(i / 4)}`, name, female ? 'Nữ' : 'Nam', `01/01/${year}`, cid, '25213']);
  }
  return rawXlsx(sheetXml(rows));
}

/** Plain SQL on the test database, outside the code under test (the server's connection on SQLite). */
async function raw(text: string): Promise<Record<string, unknown>[]> {
  if (ctx.database.sqlite) {
    const stmt = ctx.database.sqlite.prepare(text);
    if (stmt.reader) return stmt.all() as Record<string, unknown>[];
    stmt.run();
    return [];
  }
  const url = ctx.config.database.kind === 'postgres' ? ctx.config.database.url : '';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

async function counts() {
  const one = async (q: string) => Number((await raw(q))[0]!.n);
  return {
    persons: await one('select count(*) as n from persons'),
    households: await one('select count(*) as n from households'),
    events: await one('select count(*) as n from household_events'),
    audits: await one("select count(*) as n from audit_events where action = 'registry.import'"),
  };
}

async function breakInserts(): Promise<void> {
  if (ctx.database.sqlite) {
    await raw(
      `create trigger import_breaks before insert on persons when new.full_name = '${BROKEN}'
       begin select raise(abort, 'mid-file failure'); end`,
    );
  } else {
    await raw(
      `create function import_breaks() returns trigger language plpgsql as $$
       begin if new.full_name = '${BROKEN}' then raise exception 'mid-file failure'; end if; return new; end $$`,
    );
    await raw('create trigger import_breaks before insert on persons for each row execute function import_breaks()');
  }
}

async function mendInserts(): Promise<void> {
  await raw('drop trigger import_breaks' + (ctx.database.sqlite ? '' : ' on persons'));
  if (!ctx.database.sqlite) await raw('drop function import_breaks()');
}

describe('registry import commit', () => {
  it('a failure in the middle of the file leaves nothing of it, and the server writes normally afterwards', async () => {
    // The commit runs in the database worker (a SQLite file, or PostgreSQL by its URL).
    expect(canRunOffThread(ctx.database)).toBe(true);
    const xa = await ctx.login('xa.25213');
    const before = await counts();
    await breakInserts();
    try {
      // A clean dry run first: the commit reuses its kept check, then fails on person 800 of 1.200.
      const dry = await runImport(ctx, xa, 'hong.xlsx', file(800), 'dry_run');
      expect(dry).toMatchObject({ state: 'done', counts: expect.objectContaining({ new: ROWS, rejected: 0 }) });
      const failed = await runImport(ctx, xa, 'hong.xlsx', file(800), 'commit');
      expect(failed.state).toBe('failed');
      expect(failed.message).toMatch(/thất bại/);
      expect(await counts()).toEqual(before);
    } finally {
      await mendInserts();
    }
    // The main connection was given back: the whole file now goes in, once.
    const ok = await runImport(ctx, xa, 'lanh.xlsx', file(null), 'commit');
    expect(ok).toMatchObject({ state: 'done', counts: expect.objectContaining({ new: ROWS }) });
    const after = await counts();
    expect(after.persons - before.persons).toBe(ROWS);
    expect(after.households - before.households).toBe(ROWS / 4);
    expect(after.audits - before.audits).toBe(1);
    expect((await xa.inject('GET', '/api/v1/persons?q=lam+van+nguyen+4')).statusCode).toBe(200);
  }, 120_000);
});
