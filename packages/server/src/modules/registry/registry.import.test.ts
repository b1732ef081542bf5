import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonPage } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { importEnded, readXlsx, runImport, upload, xlsx } from '../../test/upload.js';

let ctx: TestContext;
let xa: Session;
let other: Session;

const HEADERS = [
  'Mã hộ',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số CCCD',
  'Dân tộc',
  'Quan hệ với chủ hộ',
  'Điện thoại',
  'Mã xã',
  'Thôn/ấp/tổ',
];
// Real-world oddities: decomposed accents, double spaces, a date as text, a year only, an ID typed
// in a number cell (leading zero lost), a Vietnamese-style phone with dots.
const GOOD = [
  ['H01', '  Trương   Văn Lâm', 'Nam', '05/01/1950', '070050001001', 'Kinh', 'Chủ hộ', '0912.345.601', 25213, 'Ấp 2'],
  ['H01', 'Mai Thi\u0323 Lan'.normalize('NFD'), 'Nữ', '1952', 70152001002, 'kinh', 'Vợ', null, '25213', 'Ấp 2'],
  [
    'H02',
    'Điểu Thị Mai',
    'nữ',
    new Date(Date.UTC(1990, 2, 15)),
    '070190001003',
    'Xtiêng',
    'Chủ hộ',
    null,
    '25213',
    'Sóc Bom Bo',
  ],
];
const BAD = ['H02', 'Điểu Văn Lực', 'Nam', '31/02/2010', '', 'Xtiêng', 'Con', null, '25213', 'Sóc Bom Bo'];

beforeAll(async () => {
  ctx = await createTestContext();
  xa = await ctx.login('xa.25213');
  other = await ctx.login('xa.25270');
});
afterAll(async () => {
  await ctx?.close();
});

const count = async (q: string) =>
  ((await xa.inject('GET', `/api/v1/persons?q=${encodeURIComponent(q)}`)).json() as PersonPage).total;

describe('registry import', () => {
  it('the template has Vietnamese headers and an example row', async () => {
    const res = await xa.inject('GET', '/api/v1/registry/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(
      expect.arrayContaining(['Mã hộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Mã xã']),
    );
    expect(rows[1]).toEqual(expect.arrayContaining(['Nguyễn Văn An']));
  });

  it('the template sent back with its example row still in it imports nobody and says why', async () => {
    const template = (await xa.inject('GET', '/api/v1/registry/import/template.xlsx')).rawPayload;
    const dry = await runImport(ctx, xa, 'mau-nhap.xlsx', template, 'dry_run');
    expect(dry.counts).toMatchObject({ total: 1, new: 0, rejected: 1 });
    const rej = await xa.inject('GET', `/api/v1/registry/imports/${dry.id}/rejected.xlsx`);
    expect(String((await readXlsx(rej.rawPayload))[1]!.at(-1))).toMatch(/dòng mẫu/);
  });

  it('reports every problem of a row, the ID included when the birth date is wrong too', async () => {
    const row = ['H09', 'Điểu Thị Sai', 'Nam', '31/02/2010', '12345', 'Xtiêng', 'Con', null, '25213', 'Sóc Bom Bo'];
    const dry = await runImport(ctx, xa, 'nhieu-loi.xlsx', await xlsx([HEADERS, row]), 'dry_run');
    const rej = await xa.inject('GET', `/api/v1/registry/imports/${dry.id}/rejected.xlsx`);
    const why = String((await readXlsx(rej.rawPayload))[1]!.at(-1));
    expect(why).toMatch(/31\/02\/2010 không có thật/);
    expect(why).toMatch(/CCCD/);
  });

  it('a dry run counts every row and gives the rejected rows back with what is wrong; a commit then refuses', async () => {
    const file = await xlsx([HEADERS, ...GOOD, BAD]);
    const dry = await runImport(ctx, xa, 'ho-moi.xlsx', file, 'dry_run');
    expect(dry.state).toBe('done');
    expect(dry.counts).toEqual({ total: 4, new: 3, updated: 0, unchanged: 0, rejected: 1, possibleDuplicates: 0 });
    expect(dry.hasRejectedFile).toBe(true);
    const rej = await xa.inject('GET', `/api/v1/registry/imports/${dry.id}/rejected.xlsx`);
    const rows = await readXlsx(rej.rawPayload);
    expect(rows[0]!.at(-1)).toBe('Lỗi cần sửa');
    expect(rows[1]![1]).toBe('Điểu Văn Lực');
    expect(String(rows[1]!.at(-1))).toMatch(/31\/02\/2010 không có thật/);
    expect(await count('truong van lam')).toBe(0);

    const commit = await runImport(ctx, xa, 'ho-moi.xlsx', file, 'commit');
    expect(commit.state).toBe('failed');
    expect(commit.message).toMatch(/1 dòng bị từ chối/);
    expect(await count('truong van lam')).toBe(0);
  });

  it('after fixing the row, a commit applies the whole file; re-importing it changes nothing', async () => {
    const fixed = [...BAD];
    fixed[3] = '28/02/2010';
    const file = await xlsx([HEADERS, ...GOOD, fixed]);
    const commit = await runImport(ctx, xa, 'ho-moi-da-sua.xlsx', file, 'commit');
    expect(commit.state, commit.message ?? '').toBe('done');
    expect(commit.counts).toMatchObject({ new: 4, rejected: 0 });
    const found = (await xa.inject('GET', '/api/v1/persons?q=truong%20van%20lam')).json() as PersonPage;
    expect(found.items[0]).toMatchObject({
      fullName: 'Trương Văn Lâm',
      birthDate: '1950-01-05',
      phone: '0912345601',
      village: 'Ấp 2',
    });
    expect((await xa.inject('GET', '/api/v1/persons?q=070152001002')).json()).toMatchObject({
      total: 1,
      items: [{ fullName: 'Mai Thị Lan', birthDate: '1952' }],
    });
    // Members of H01 share one new household, headed by the row marked "Chủ hộ".
    const hh = found.items[0]!.householdCode!;
    expect((await xa.inject('GET', `/api/v1/persons?q=${hh}`)).json()).toMatchObject({ total: 2 });

    const auditBefore = await ctx.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await runImport(ctx, xa, 'ho-moi-da-sua.xlsx', file, 'commit');
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 4, rejected: 0 });
    const auditAfter = await ctx.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
    expect(await count('truong van lam')).toBe(1);
  });

  it('a changed row updates the person, audited with before and after', async () => {
    const changed = GOOD.map((r) => [...r]);
    changed[0]![9] = 'Ấp 4';
    const file = await xlsx([HEADERS, ...changed]);
    const job = await runImport(ctx, xa, 'chuyen-ap.xlsx', file, 'commit');
    expect(job.counts).toMatchObject({ updated: 1, unchanged: 2 });
    const ev = await ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'registry.person.import')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.before_json!)).toMatchObject({ village: 'Ấp 2' });
    expect(JSON.parse(ev.after_json!)).toMatchObject({ village: 'Ấp 4' });
  });

  it('counts a possible duplicate: same name and birth year in the commune', async () => {
    const file = await xlsx([
      HEADERS,
      ['H09', 'Trương Văn Lâm', 'Nam', '1950', '', 'Kinh', 'Chủ hộ', null, '25213', 'Ấp 9'],
    ]);
    const dry = await runImport(ctx, xa, 'trung.xlsx', file, 'dry_run');
    expect(dry.counts).toMatchObject({ new: 1, possibleDuplicates: 1 });
  });

  it("rows outside the officer's area are rejected", async () => {
    const file = await xlsx([
      HEADERS,
      ['H01', 'Người Xã Khác', 'Nam', '1970', '', 'Kinh', 'Chủ hộ', null, '25213', 'Ấp 1'],
    ]);
    const dry = await runImport(ctx, other, 'xa-khac.xlsx', file, 'dry_run');
    expect(dry.counts).toMatchObject({ rejected: 1 });
  });

  it('accepts CSV with the same headers', async () => {
    const csv = [HEADERS.join(','), 'C01,Lâm Văn Sơn,Nam,1/1975,,Nùng,Chủ hộ,,25213,Ấp 6'].join('\n');
    const dry = await runImport(ctx, xa, 'tep.csv', Buffer.from(csv, 'utf8'), 'dry_run');
    expect(dry.counts).toMatchObject({ total: 1, new: 1, rejected: 0 });
  });

  it('refuses a file that is not a spreadsheet, a missing column, and an old .xls, with a clear message', async () => {
    const pdf = await upload(
      ctx,
      xa,
      '/api/v1/registry/imports?mode=dry_run',
      'giay.pdf',
      Buffer.from('%PDF-1.4\n\u0000\u0001binary'),
    );
    const job = await importEnded(xa, pdf.json() as { id: number; state: string });
    expect(job).toMatchObject({ state: 'failed', message: expect.stringMatching(/không phải bảng tính/) });
    const missing = await runImport(
      ctx,
      xa,
      'thieu.xlsx',
      await xlsx([
        ['Họ và tên', 'Giới tính'],
        ['A', 'Nam'],
      ]),
      'dry_run',
    );
    expect(missing).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/thiếu cột bắt buộc: Mã hộ, Ngày sinh, Mã xã/i),
    });
    const xls = await runImport(
      ctx,
      xa,
      'cu.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'dry_run',
    );
    expect(xls.message).toMatch(/\.xlsx/);
    expectProblem(await xa.inject('POST', '/api/v1/registry/imports?mode=dry_run', {}), 400, 'FILE_REQUIRED');
    const big = await upload(
      ctx,
      xa,
      '/api/v1/registry/imports?mode=dry_run',
      'lon.xlsx',
      Buffer.alloc(21 * 1024 * 1024, 0x41),
    );
    expect(expectProblem(big, 400, 'FILE_TOO_LARGE').message).toMatch(/20 MB/);
  });

  it('a commit right after a clean dry run reuses its check, but checks again when the commune changed in between', async () => {
    const rows = [
      HEADERS,
      ['K01', 'Quách Văn Khoa', 'Nam', '02/02/1962', '070062009001', 'Kinh', 'Chủ hộ', null, '25213', 'Ấp 7'],
    ];
    const file = await xlsx(rows);
    expect((await runImport(ctx, xa, 'khoa.xlsx', file, 'dry_run')).counts).toMatchObject({ new: 1, rejected: 0 });
    const done = await runImport(ctx, xa, 'khoa.xlsx', file, 'commit');
    expect(done).toMatchObject({ state: 'done', counts: { new: 1 } });
    expect(await count('quach van khoa')).toBe(1);

    // Checked, then someone registers the same citizen ID before the commit: the commit must see it.
    const file2 = await xlsx([
      HEADERS,
      ['K02', 'Quách Thị Khuê', 'Nữ', '03/03/1963', '070163009002', 'Kinh', 'Chủ hộ', null, '25213', 'Ấp 7'],
    ]);
    expect((await runImport(ctx, xa, 'khue.xlsx', file2, 'dry_run')).counts).toMatchObject({ new: 1 });
    const created = await xa.inject('POST', '/api/v1/persons', {
      communeCode: '25213',
      fullName: 'Quách Thị Khuê',
      gender: 'female',
      birthDate: '1963-03-03',
      citizenId: '070163009002',
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = await runImport(ctx, xa, 'khue.xlsx', file2, 'commit');
    expect(after).toMatchObject({ state: 'done', counts: { new: 0, updated: 1 } });
    expect(await count('quach thi khue')).toBe(1);
  });

  it("lists the recent import jobs of the officer's own area only", async () => {
    const mine = (await xa.inject('GET', '/api/v1/registry/imports')).json() as {
      items: { fileName: string; state: string }[];
    };
    expect(mine.items.map((j) => j.fileName)).toContain('ho-moi-da-sua.xlsx');
    const theirs = (await other.inject('GET', '/api/v1/registry/imports')).json() as { items: { fileName: string }[] };
    expect(theirs.items.map((j) => j.fileName)).not.toContain('ho-moi-da-sua.xlsx');
  });

  it('exports the filtered list as XLSX with Vietnamese headers and dates', async () => {
    const res = await xa.inject('GET', '/api/v1/persons/export.xlsx?q=truong%20van%20lam');
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual([
      'STT',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Số CCCD',
      'Dân tộc',
      'Mã hộ',
      'Thôn/ấp/tổ',
      'Xã/phường',
      'Điện thoại',
      'Ngày mất',
    ]);
    expect(rows[1]!.slice(0, 4)).toEqual([1, 'Trương Văn Lâm', 'Nam', '05/01/1950']);
  });
});
