import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { systemActor } from '../../platform/actor.js';
import { buildEmployer, buildSupply, buildVacancy } from '../../test/factories.js';
import { addOtherProvince, expectProblem } from '../../test/fixtures.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';

/**
 * The yearly labour supply and demand data transfer (TT 01/2022 Art. 16(3)): the records of a
 * year and an area, personal IDs unmasked, formula-like text neutralised, the download audited.
 * Each test uses its own year so the records of the others do not count.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
});
afterAll(async () => ctx?.close());

type Sheets = Record<string, unknown[][]>;
async function sheets(buf: Buffer): Promise<Sheets> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: Sheets = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out[ws.name] = rows;
  });
  return out;
}
const value = (s: Sheets, key: string) => s['Tổng hợp']!.find((r) => String(r[0]).startsWith(key))?.[1];

/** A year of records: two communes of two districts, one older record updated in the year, one of another province. */
async function yearOfRecords(year: number) {
  const inside = await buildSupply(ctx, {
    communeCode: '25213',
    collectedOn: `${year}-04-01`,
    field: '=HYPERLINK("x")',
  });
  const otherDistrict = await buildSupply(ctx, { communeCode: '25273', collectedOn: `${year}-05-01` });
  const updated = await buildSupply(ctx, { communeCode: '25213', collectedOn: `${year - 1}-06-01` });
  await ctx.services.employment.updateSupply(systemActor('t'), updated.id, {
    employmentStatus: 'inactive',
    unemploymentDuration: null,
    inactiveReason: 'studying',
    eventDate: `${year}-02-02`,
  });
  const older = await buildSupply(ctx, { communeCode: '25213', collectedOn: `${year - 1}-06-01` });
  const otherProvince = await buildSupply(ctx, { communeCode: '99999', collectedOn: `${year}-04-01` });
  const vacancy = await buildVacancy(ctx, { openFrom: `${year}-03-01`, title: '+Thợ hàn' });
  const olderVacancy = await buildVacancy(ctx, { openFrom: `${year - 1}-03-01` });
  const far = await buildEmployer(ctx, { communeCode: '99999' });
  const farVacancy = await buildVacancy(ctx, { employerId: far.id, openFrom: `${year}-03-01` });
  return { inside, otherDistrict, updated, older, otherProvince, vacancy, olderVacancy, farVacancy };
}

describe('the yearly data transfer to the Ministry (TT 01/2022 Art. 16(3))', { timeout: 120_000 }, () => {
  it("holds the year's supply records and vacancies of the province, and nothing outside it", async () => {
    const r = await yearOfRecords(2019);
    const officer = await ctx.login('tinh.chuyenvien');
    const res = await officer.inject('GET', '/api/v1/employment/transfer.xlsx?year=2019');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('truyen-du-lieu-cung-cau-lao-dong-2019-70.xlsx');
    const s = await sheets(res.rawPayload);
    expect(Object.keys(s)).toEqual(['Tổng hợp', 'Cung lao động', 'Cầu lao động']);
    const ids = s['Cung lao động']!.slice(1).map((row) => row[1]);
    // Personal IDs in full: a transfer between state bodies, not a screen.
    expect(ids.sort()).toEqual([r.inside.citizenId, r.otherDistrict.citizenId, r.updated.citizenId].sort());
    const insideRow = s['Cung lao động']!.find((row) => row[1] === r.inside.citizenId)!;
    expect(insideRow[13]).toBe(`'=HYPERLINK("x")`);
    const vacancies = s['Cầu lao động']!.slice(1).map((row) => row[8]);
    expect(vacancies).toEqual(["'+Thợ hàn"]);
    expect(value(s, 'Số người có thông tin cung lao động')).toBe(3);
    expect(value(s, 'Số vị trí việc làm trống')).toBe(1);
    expect(value(s, 'Hạn gửi')).toBe('Trước ngày 15/12/2019 (ngày cuối: 14/12/2019)');
    expect(String(value(s, 'Tình trạng hạn'))).toMatch(/^Quá hạn/);
    expect(String(value(s, 'Ghi chú'))).toMatch(/^Chưa kiểm chứng/);
  });

  it('an area code limits the rows to that district', async () => {
    const r = await yearOfRecords(2016);
    const centre = await ctx.login('ttdvvl');
    const res = await centre.inject('GET', '/api/v1/employment/transfer.xlsx?year=2016&areaCode=689');
    expect(res.statusCode, res.body).toBe(200);
    const s = await sheets(res.rawPayload);
    const ids = s['Cung lao động']!.slice(1).map((row) => row[1]);
    expect(ids.sort()).toEqual([r.inside.citizenId, r.updated.citizenId].sort());
    expect(String(value(s, 'Địa bàn'))).toContain('(689)');
  });

  it('writes who downloaded which area and year, with the row counts, to the audit log', async () => {
    await yearOfRecords(2013);
    const leader = await ctx.login('tinh.lanhdao');
    const res = await leader.inject('GET', '/api/v1/employment/transfer.xlsx?year=2013&areaCode=70');
    expect(res.statusCode, res.body).toBe(200);
    const rows = await ctx.database.db
      .selectFrom('audit_events')
      .select(['actor_username', 'after_json'])
      .where('action', '=', 'employment.transfer.download')
      .where('actor_username', '=', 'tinh.lanhdao')
      .execute();
    expect(rows.length).toBe(1);
    expect(JSON.parse(rows[0]!.after_json!)).toEqual({
      year: 2013,
      areaCode: '70',
      supply: 3,
      vacancies: 1,
      employers: 1,
    });
  });

  // role x inside/outside: province actors' outside is province 99; the others are not in the row.
  const TABLE: [string, number, number][] = [
    ['admin', 200, 404],
    ['tinh.lanhdao', 200, 404],
    ['tinh.chuyenvien', 200, 404],
    ['ttdvvl', 200, 404],
    ['huyen.689', 403, 403],
    ['xa.25213', 403, 403],
    ['thanhtra', 403, 403],
    ['giamsat', 403, 403],
  ];
  for (const [username, inside, outside] of TABLE)
    it(`${username}: own area ${inside}, another province ${outside}`, async () => {
      const s = await ctx.login(username);
      const own = await s.inject('GET', '/api/v1/employment/transfer.xlsx?year=2010');
      if (inside === 200) expect(own.statusCode, own.body).toBe(200);
      else expectProblem(own, 403, 'FORBIDDEN');
      const far = await s.inject('GET', '/api/v1/employment/transfer.xlsx?year=2010&areaCode=99');
      expectProblem(far, outside, outside === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
      // A refused download leaves no trace of a transfer.
      const audited = await ctx.database.db
        .selectFrom('audit_events')
        .select('after_json')
        .where('action', '=', 'employment.transfer.download')
        .where('actor_username', '=', username)
        .execute();
      const of2010 = audited.map((a) => JSON.parse(a.after_json!)).filter((a) => a.year === 2010);
      expect(of2010.map((a) => a.areaCode)).toEqual(inside === 200 ? ['70'] : []);
      // The web shows the button to exactly these accounts.
      const me = (await s.inject('GET', '/api/v1/auth/me')).json() as { abilities: string[] };
      expect(me.abilities.includes('employment.transfer')).toBe(inside === 200);
    });
});
