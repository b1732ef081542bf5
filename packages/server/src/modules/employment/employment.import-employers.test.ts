import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployerImportOut, EmployerPage, VacancyPage } from '@ansinh/domain';
import { buildEmployer, unique } from '../../test/factories.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { readXlsx, upload, xlsx } from '../../test/upload.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const HEAD = [
  'Mã số thuế',
  'Tên doanh nghiệp',
  'Mã xã',
  'Vị trí tuyển dụng',
  'Số lượng cần tuyển',
  'Lương tối thiểu',
  'Lương tối đa',
  'Ngày bắt đầu tuyển',
  'Trình độ CMKT',
];
const tax = () => `39${String(unique()).padStart(8, '0')}`;
const counts = async () => {
  const n = async (t: 'emp_employers' | 'emp_vacancies') =>
    Number(
      (
        await ctx.database.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  return [await n('emp_employers'), await n('emp_vacancies')];
};
const URL = '/api/v1/employment/employers/import';

describe('employer and vacancy import', { timeout: 120_000 }, () => {
  it('a dry run counts new employers and vacancies and writes nothing; the commit writes them', async () => {
    const centre = await ctx.login('ttdvvl');
    const a = tax();
    const known = await buildEmployer(ctx);
    const file = await xlsx([
      HEAD,
      [a, 'Công ty TNHH Giày Da Thử', '25213', 'Công nhân may', 20, '6.000.000', '9.000.000', '01/03/2021', 'Sơ cấp'],
      [a, 'Công ty TNHH Giày Da Thử', '25213', 'Thợ cắt', 5, null, null, '01/03/2021', null],
      [known.taxCode, known.name, '25213', 'Kế toán', 1, null, null, '02/03/2021', 'Đại học'],
      [tax(), 'Hợp tác xã Chè Thử', '25273', null, null, null, null, null, null],
    ]);
    const before = await counts();
    const dry = await upload(ctx, centre, `${URL}?mode=dry_run`, 'dn.xlsx', file);
    expect(dry.statusCode, dry.body).toBe(200);
    expect((dry.json() as EmployerImportOut).counts).toEqual({
      total: 4,
      employersNew: 2,
      employersExisting: 1,
      vacancies: 3,
      rejected: 0,
    });
    expect(await counts()).toEqual(before);
    const commit = await upload(ctx, centre, `${URL}?mode=commit`, 'dn.xlsx', file);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(await counts()).toEqual([before[0]! + 2, before[1]! + 3]);
    const found = (await centre.inject('GET', `/api/v1/employment/employers?q=${a}`)).json() as EmployerPage;
    expect(found.items).toHaveLength(1);
    const board = (
      await centre.inject('GET', `/api/v1/employment/vacancies?employerId=${found.items[0]!.id}`)
    ).json() as VacancyPage;
    expect(board.items.map((v) => [v.title, v.positions]).sort()).toEqual([
      ['Công nhân may', 20],
      ['Thợ cắt', 5],
    ]);
  });

  it('a vacancy with negative positions gets a clear error with every other problem of its row; nothing is written', async () => {
    const centre = await ctx.login('ttdvvl');
    const file = await xlsx([
      HEAD,
      [tax(), 'Công ty Cổ phần Tốt', '25213', 'Bảo vệ', 2, null, null, '01/04/2021', null],
      ['12345', 'X', '88888', 'Thợ hàn', -3, '9.000.000', '5.000.000', '01/04/2021', 'Phi công'],
    ]);
    const before = await counts();
    const dry = await upload(ctx, centre, `${URL}?mode=dry_run`, 'dn.xlsx', file);
    const out = dry.json() as EmployerImportOut;
    expect(out.counts).toMatchObject({ total: 2, rejected: 1, vacancies: 1 });
    const problems = out.rejected[0]!.problems.join(' | ');
    expect(out.rejected[0]!.line).toBe(3);
    for (const m of [/Mã số thuế/, /tên doanh nghiệp/, /Mã xã 88888/, /từ 1 trở lên.*-3/, /Lương tối đa/, /Phi công/])
      expect(problems).toMatch(m);
    expect(out.hasRejectedFile).toBe(true);
    const errorsFile = await centre.inject('GET', `${URL}/${out.jobId}/errors.xlsx`);
    expect(errorsFile.statusCode).toBe(200);
    const rows = await readXlsx(errorsFile.rawPayload);
    expect(rows[0]!.at(-1)).toBe('Lỗi cần sửa');
    expect(String(rows[1]!.at(-1))).toMatch(/từ 1 trở lên/);
    expectProblem(await upload(ctx, centre, `${URL}?mode=commit`, 'dn.xlsx', file), 400, 'IMPORT_HAS_REJECTED_ROWS');
    expect(await counts()).toEqual(before);
  });

  it('refuses a tax code written with two names, a file without the required columns, and a commune officer', async () => {
    const centre = await ctx.login('ttdvvl');
    const t = tax();
    const twoNames = await xlsx([
      HEAD,
      [t, 'Công ty A', '25213', null, null, null, null, null, null],
      [t, 'Công ty B', '25213', null, null, null, null, null, null],
    ]);
    const out = (await upload(ctx, centre, `${URL}?mode=dry_run`, 'dn.xlsx', twoNames)).json() as EmployerImportOut;
    expect(out.rejected).toEqual([{ line: 3, problems: [expect.stringMatching(/đã có ở dòng 2/)] }]);
    const noColumns = await xlsx([['Tên doanh nghiệp'], ['Công ty C']]);
    expectProblem(await upload(ctx, centre, `${URL}?mode=dry_run`, 'dn.xlsx', noColumns), 400, 'FILE_MISSING_COLUMNS');
    const xa = await ctx.login('xa.25213');
    const before = await counts();
    expectProblem(await upload(ctx, xa, `${URL}?mode=commit`, 'dn.xlsx', twoNames), 403, 'FORBIDDEN');
    expect(await counts()).toEqual(before);
    const tpl = await centre.inject('GET', '/api/v1/employment/employers/template.xlsx');
    const rows = await readXlsx(tpl.rawPayload);
    expect(rows[0]).toContain('Số lượng cần tuyển');
    // Issue 18 item 9: the example row is not on the sheet that imports (it would import as a real employer).
    expect(rows.length).toBe(1);
  });
});
