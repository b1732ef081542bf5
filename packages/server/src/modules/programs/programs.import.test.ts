import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportListOut, ListDetail } from '@ansinh/domain';
import { indicatorArea } from '../../platform/indicators.js';
import {
  buildBeneficiary,
  buildProgram,
  buildProgramsImportProgram,
  districtOf,
  factoryActor,
  nextCommune,
  programsCitizenId,
} from '../../test/factories.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { readXlsx, upload, xlsx } from '../../test/upload.js';
import { programsIndicators } from './programs.indicators.js';

/**
 * Issue 19: lists for people outside the registry, imported from Excel with the registry import's
 * discipline (dry run, every problem of every row, error file, nothing written while a row is
 * rejected), then checked, approved and paid like any generated list.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const HEAD = [
  'Số định danh cá nhân',
  'Họ và tên',
  'Ngày sinh',
  'Số tiền hỗ trợ',
  'Tên đơn vị sử dụng lao động',
  'Mã số thuế',
];
const url = (programId: number, q: Record<string, string>) =>
  `/api/v1/programs/${programId}/import?${new URLSearchParams({ submittedBy: 'Công ty TNHH May Thử', ...q })}`;
const count = async (t: 'persons' | 'list_entries' | 'program_lists' | 'list_entry_sources') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  );
const counts = async () => Promise.all([count('persons'), count('list_entries'), count('program_lists')]);

describe('lists for people outside the registry', { timeout: 120_000 }, () => {
  it('a dry run reports every problem of every row with its column and writes nothing; the commit is refused', async () => {
    const commune = await nextCommune(ctx);
    const p = await buildProgramsImportProgram(ctx);
    const known = await buildBeneficiary(ctx, { communeCode: commune, name: 'Lê Văn Sổ', birth: '1985-03-04' });
    const knownId = (await ctx.services.registry.getPerson(factoryActor, known)).citizenId!;
    const id1 = programsCitizenId('1990-01-05');
    const file = await xlsx([
      HEAD,
      [id1, 'Nguyễn Văn An', '05/01/1990', null, 'Công ty TNHH May Thử', '3800123456'],
      [null, 'Trần Văn Không Số', '1991', null, null, null],
      [programsCitizenId('1992-02-02'), 'Phạm Văn Quá', '02/02/1992', 5_000_000, null, null],
      [id1, 'Nguyễn Văn An', '05/01/1990', null, null, null],
      [knownId, 'Lê Văn Khác', '04/03/1985', null, null, null],
    ]);
    const xa = await ctx.login(`xa.${commune}`);
    const before = await counts();
    const dry = await upload(ctx, xa, url(p.id, { mode: 'dry_run' }), 'ds.xlsx', file);
    expect(dry.statusCode, dry.body).toBe(200);
    const out = dry.json() as ImportListOut;
    expect(out.counts).toMatchObject({ total: 5, accepted: 1, rejected: 4 });
    expect(out.rejected.map((r) => [r.line, r.problems.map((x) => x.field)])).toEqual([
      [3, ['citizenId']],
      [4, ['amount']],
      [5, ['citizenId']],
      [6, ['fullName']],
    ]);
    expect(out.rejected[2]!.problems[0]!.message).toContain('dòng 2');
    const errs = await readXlsx(Buffer.from(out.errorFile!, 'base64'));
    expect(errs[0]).toContain('Lỗi cần sửa');
    expect(errs).toHaveLength(5);
    expect(String(errs[2]!.at(-1))).toContain('Số tiền hỗ trợ');
    expect(await counts()).toEqual(before);
    const commit = await upload(ctx, xa, url(p.id, { mode: 'commit' }), 'ds.xlsx', file);
    expectProblem(commit, 400, 'IMPORT_HAS_REJECTED_ROWS');
    expect(await counts()).toEqual(before);
  });

  it('a clean import creates a draft list with the matched and the created persons, and where each came from', async () => {
    const commune = await nextCommune(ctx);
    const p = await buildProgramsImportProgram(ctx);
    const known = await buildBeneficiary(ctx, { communeCode: commune, name: 'Lê Văn Sổ', birth: '1985-03-04' });
    const knownId = (await ctx.services.registry.getPerson(factoryActor, known)).citizenId!;
    const newId = programsCitizenId('1994-06-07', 'female');
    const file = await xlsx([
      HEAD,
      [knownId, 'LE VAN SO', '1985', 1_855_000, 'Công ty TNHH May Thử', '3800123456'],
      [newId, 'hoàng thị mới', '07/06/1994', null, 'Công ty TNHH May Thử', '3800123456'],
    ]);
    const xa = await ctx.login(`xa.${commune}`);
    const persons = await count('persons');
    const res = await upload(ctx, xa, url(p.id, { mode: 'commit' }), 'ds.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as ImportListOut;
    expect(out.counts).toMatchObject({ accepted: 2, matched: 1, created: 1, amount: 1_855_000 + 3_710_000 });
    expect(await count('persons')).toBe(persons + 1);
    const list = (await xa.inject('GET', `/api/v1/lists/${out.listId}`)).json() as ListDetail;
    expect([list.state, list.entriesCount, list.totalAmount, list.communeCode]).toEqual([
      'draft',
      2,
      5_565_000,
      commune,
    ]);
    expect(list.imported).toEqual([
      { submittedBy: 'Công ty TNHH May Thử', fileName: 'ds.xlsx', entries: 2, createdPersons: 1 },
    ]);
    const created = await ctx.database.db
      .selectFrom('persons')
      .selectAll()
      .where('citizen_id', '=', newId)
      .executeTakeFirstOrThrow();
    expect([created.full_name, created.gender, created.commune_code, created.household_id]).toEqual([
      'Hoàng Thị Mới',
      'female',
      commune,
      null,
    ]);
    const sources = await ctx.database.db
      .selectFrom('list_entry_sources')
      .select(['person_id', 'row_no', 'person_created', 'employer_tax_code', 'submitted_by'])
      .where('list_id', '=', out.listId!)
      .orderBy('row_no')
      .execute();
    expect(sources.map((s) => [Number(s.person_id), s.row_no, s.person_created, s.employer_tax_code])).toEqual([
      [known, 2, 0, '3800123456'],
      [Number(created.id), 3, 1, '3800123456'],
    ]);
  });

  it('pays a person once per program: the same ID on a second list is refused', async () => {
    const [a, b] = [await nextCommune(ctx), await nextCommune(ctx)];
    const p = await buildProgramsImportProgram(ctx);
    const id = programsCitizenId('1988-08-08');
    const row = [id, 'Đỗ Văn Một Lần', '08/08/1988', null, null, null];
    const first = await upload(
      ctx,
      await ctx.login(`xa.${a}`),
      url(p.id, { mode: 'commit' }),
      'a.xlsx',
      await xlsx([HEAD, row]),
    );
    expect(first.statusCode, first.body).toBe(200);
    const xb = await ctx.login(`xa.${b}`);
    const file = await xlsx([HEAD, row]);
    const dry = (await upload(ctx, xb, url(p.id, { mode: 'dry_run' }), 'b.xlsx', file)).json() as ImportListOut;
    expect(dry.counts.rejected).toBe(1);
    expect(dry.rejected[0]!.problems[0]!.message).toContain('chỉ được hỗ trợ một lần');
    const before = await counts();
    expectProblem(
      await upload(ctx, xb, url(p.id, { mode: 'commit' }), 'b.xlsx', file),
      400,
      'IMPORT_HAS_REJECTED_ROWS',
    );
    expect(await counts()).toEqual(before);
  });

  it('the imported list is checked, approved and paid like a generated one, and the figures count it', async () => {
    const commune = await nextCommune(ctx);
    const p = await buildProgramsImportProgram(ctx);
    const xa = await ctx.login(`xa.${commune}`);
    const rows = [HEAD, [programsCitizenId('1990-09-09'), 'Vũ Văn Trả', '09/09/1990', null, null, null]];
    const res = await upload(ctx, xa, url(p.id, { mode: 'commit' }), 'ds.xlsx', await xlsx(rows));
    const listId = (res.json() as ImportListOut).listId!;
    const check = (await xa.inject('GET', `/api/v1/lists/${listId}/check`)).json() as { ok: boolean };
    expect(check.ok).toBe(true);
    expect((await xa.inject('POST', `/api/v1/lists/${listId}/submit`, {})).statusCode).toBe(200);
    const huyen = await ctx.login(`huyen.${await districtOf(ctx, commune)}`);
    expect((await huyen.inject('POST', `/api/v1/lists/${listId}/appraise`, {})).statusCode).toBe(200);
    const tinh = await ctx.login('tinh.chuyenvien');
    const ok = await tinh.inject('POST', `/api/v1/lists/${listId}/approve`, {
      decisionNo: '12/QĐ-UBND',
      decisionDate: '2021-08-20',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // Who was left out comes in a new file, not from the rule.
    expectProblem(await xa.inject('POST', `/api/v1/lists/${listId}/supplementary`), 409, 'PROGRAM_BY_IMPORT');
    const pay = ctx.services.programs.payments;
    const batch = await pay.createBatch(factoryActor, {
      programId: p.id,
      period: '2021',
      channel: 'post_office',
      areaCode: commune,
    });
    const ids = (await pay.batchEntries(factoryActor, batch.id, { limit: 50, offset: 0 })).items.map((e) => e.id);
    await pay.recordPayments(
      factoryActor,
      batch.id,
      { entryIds: ids, state: 'paid', paidOn: '2021-09-01' },
      `pay-import-${listId}`,
    );
    const q = { area: indicatorArea(commune, 3), from: '2021-01-01', to: '2021-12-31', asOf: '2021-12-31' };
    const value = async (code: string) =>
      (await programsIndicators.find((i) => i.code === code)!.compute(ctx.database.db, q, { program: p.code })).value;
    expect(await value('programs.beneficiaries_approved')).toBe(1);
    expect(await value('programs.persons_paid')).toBe(1);
    expect(await value('programs.amount_paid')).toBe(3_710_000);
  });

  it('a program takes imported lists only once the province says so, and then generates none', async () => {
    const commune = await nextCommune(ctx);
    const tinh = await ctx.login('tinh.chuyenvien');
    const plain = await buildProgram(ctx);
    const file = await xlsx([HEAD, [programsCitizenId('1990-01-01'), 'Ngô Văn Chờ', '1990', null, null, null]]);
    const q = { mode: 'dry_run', communeCode: commune };
    expectProblem(await upload(ctx, tinh, url(plain.id, q), 'x.xlsx', file), 409, 'PROGRAM_NOT_BY_IMPORT');
    const xa = await ctx.login(`xa.${commune}`);
    expect((await xa.inject('PUT', `/api/v1/programs/${plain.id}/settings`, { listByImport: true })).statusCode).toBe(
      403,
    );
    const set = await tinh.inject('PUT', `/api/v1/programs/${plain.id}/settings`, { listByImport: true });
    expect([set.statusCode, set.json().listByImport]).toEqual([200, true]);
    // The Tết gift's rule is by category: an empty amount is a row to fix, a written one passes.
    const dry = (await upload(ctx, tinh, url(plain.id, q), 'x.xlsx', file)).json() as ImportListOut;
    expect(dry.rejected[0]!.problems.map((x) => x.field)).toEqual(['amount']);
    const gen = await tinh.inject('POST', `/api/v1/programs/${plain.id}/lists`, { communeCode: commune });
    expectProblem(gen, 409, 'PROGRAM_BY_IMPORT');
  });

  it('the template has the header only, and a guide sheet', async () => {
    const p = await buildProgramsImportProgram(ctx);
    const xa = await ctx.login(`xa.${await nextCommune(ctx)}`);
    const res = await xa.inject('GET', `/api/v1/programs/${p.id}/import-template.xlsx`);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Số định danh cá nhân');
  });

  it('permissions: 404 outside the area, 403 for roles that do not prepare lists; a refused import writes nothing', async () => {
    const p = await buildProgramsImportProgram(ctx);
    const mine = await nextCommune(ctx, { district: '689' });
    const other = await nextCommune(ctx);
    const file = await xlsx([HEAD, [programsCitizenId('1990-02-03'), 'Lý Văn Quyền', '1990', null, null, null]]);
    const cases: [string, string, number][] = [
      [`xa.${mine}`, other, 404],
      // A district officer prepares no list anywhere: 403 whatever the commune.
      [`huyen.689`, other, 403],
      [`huyen.689`, mine, 403],
      ['tinh.lanhdao', mine, 403],
      [`xa.${mine}`, mine, 200],
      ['tinh.chuyenvien', other, 200],
    ];
    for (const [user, commune, status] of cases) {
      const s = await ctx.login(user);
      const before = await counts();
      const res = await upload(ctx, s, url(p.id, { mode: 'dry_run', communeCode: commune }), 'x.xlsx', file);
      expect([user, commune, res.statusCode]).toEqual([user, commune, status]);
      expect(await counts()).toEqual(before);
    }
  });
});
