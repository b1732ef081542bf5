import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildCall, buildClassifiedLetter, buildEntry, factoryActor } from '../../test/factories.js';
import { petitionsIndicators } from './index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const byCode = (code: string) => petitionsIndicators.find((i) => i.code === code)!;
// A commune no other test of this file writes in, and a month of its own per test.
const q = (from: string, to: string) => ({
  area: { code: '25273', level: 3 as const, column: 'commune_code' as const },
  from,
  to,
  asOf: '2021-12-31',
});

describe('petitions indicators replace the entered ones', () => {
  it('names the entered indicator each one computes, with the same meaning', () => {
    const replaced = Object.fromEntries(petitionsIndicators.filter((i) => i.replaces).map((i) => [i.replaces, i.code]));
    expect(replaced).toEqual({
      'petitions.reception_visits': 'petitions.visits',
      'petitions.hotline_calls': 'petitions.hotline_calls_logged',
      'petitions.complaints_denunciations': 'petitions.complaint_denunciation_letters',
    });
    // Visits (lượt) are lines of the book, not people: a group of 6 is one visit and 6 people.
    expect(byCode('petitions.visits').unit).toBe('persons');
  });

  it('counts a group of six as one visit and six people, and one hotline call', async () => {
    await buildEntry(ctx, { date: '2021-02-03', areaCode: '25273', people: 6, kind: 'complaint' });
    await buildCall(ctx, { calledAt: '2021-02-04T09:00:00+07:00', areaCode: '25273' });
    const db = ctx.database.db;
    const feb = q('2021-02-01', '2021-02-28');
    expect((await byCode('petitions.visits').compute(db, feb)).value).toBe(1);
    expect((await byCode('petitions.people').compute(db, feb)).value).toBe(6);
    expect((await byCode('petitions.groups').compute(db, feb)).value).toBe(1);
    expect((await byCode('petitions.hotline_calls_logged').compute(db, feb)).value).toBe(1);
    // A group of 6 who came to complain is a mass complaint, like a letter signed by 5 or more.
    const mass = byCode('petitions.mass_complaints');
    expect((await mass.compute(db, feb)).value).toBe(1);
    const behind = (await mass.records(db, feb, { limit: 10, offset: 0 })).rows;
    expect(behind.map((r) => r.kind)).toEqual(['petition_entries']);
    // The records behind a figure say which line of the book, not what was said.
    expect(behind[0]!.label).toMatch(/^Sổ tiếp công dân, dòng \d+$/);
  });

  it('counts complaint and denunciation letters, not proposals, and mass complaints from the letters', async () => {
    await buildClassifiedLetter(ctx, 'complaint', { receivedDate: '2021-04-05', areaCode: '25273', signers: 7 });
    await buildClassifiedLetter(ctx, 'denunciation', { receivedDate: '2021-04-06', areaCode: '25273' });
    await buildClassifiedLetter(ctx, 'proposal', { receivedDate: '2021-04-07', areaCode: '25273' });
    const db = ctx.database.db;
    const apr = q('2021-04-01', '2021-04-30');
    expect((await byCode('petitions.complaint_denunciation_letters').compute(db, apr)).value).toBe(2);
    expect((await byCode('petitions.mass_complaints').compute(db, apr)).value).toBe(1);
    // "Không phát sinh khiếu nại đông người" is a zero computed from records for a quiet month.
    expect((await byCode('petitions.mass_complaints').compute(db, q('2021-05-01', '2021-05-31'))).value).toBe(0);
  });
});

describe('the periodic report as XLSX', () => {
  const sheet = async (res: { statusCode: number; body: string; rawPayload: Buffer }) => {
    expect({ status: res.statusCode, body: res.statusCode === 200 ? '' : res.body.slice(0, 300) }).toEqual({
      status: 200,
      body: '',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: Record<string, unknown> = {};
    ws.eachRow((r) => (rows[String(r.getCell(2).value)] = r.getCell(3).value));
    return { rows, text: JSON.stringify(ws.getSheetValues()) };
  };

  it('counts visits, people and groups for the area and period, and says "không phát sinh" of a zero', async () => {
    const supervisor = await ctx.login('giamsat');
    await buildEntry(ctx, { date: '2021-06-08', areaCode: '25273', people: 6, kind: 'complaint' });
    await buildEntry(ctx, { date: '2021-06-09', areaCode: '25273', people: 1 });
    const june = await sheet(
      await supervisor.inject('GET', '/api/v1/petitions/stats.xlsx?from=2021-06-01&to=2021-06-30&areaCode=25273'),
    );
    expect(june.rows).toMatchObject({
      'Số lượt tiếp': 2,
      'Số người được tiếp': 7,
      'Số đoàn đông người (từ 5 người)': 1,
      'Số vụ khiếu nại đông người': 1,
    });
    expect(june.text).toContain('Không phát sinh vụ việc tố cáo.');
    expect(june.text).not.toContain('Không phát sinh khiếu nại đông người');
    const july = await sheet(
      await supervisor.inject('GET', '/api/v1/petitions/stats.xlsx?from=2021-07-01&to=2021-07-31&areaCode=25273'),
    );
    expect(july.text).toContain('Không phát sinh khiếu nại đông người.');
  });

  it('refuses a period that ends before it starts', async () => {
    const supervisor = await ctx.login('giamsat');
    expectProblem(
      await supervisor.inject('GET', '/api/v1/petitions/stats.xlsx?from=2021-07-31&to=2021-07-01'),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('a hotline log entered at once', () => {
  it('writes every call or none: a call in the future refuses the whole log', async () => {
    const call = (day: string) => ({
      calledAt: `2021-08-${day}T02:00:00Z`,
      areaCode: '25273',
      topic: 'Hỏi về hỗ trợ',
      answer: 'Đã hướng dẫn',
    });
    const aug = q('2021-08-01', '2021-08-31');
    const calls = byCode('petitions.hotline_calls_logged');
    await expect(
      ctx.services.petitions.logCalls(factoryActor, [call('02'), { ...call('03'), calledAt: '2999-01-01T00:00:00Z' }]),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await calls.compute(ctx.database.db, aug)).value).toBe(0);
    expect(await ctx.services.petitions.logCalls(factoryActor, [call('02'), call('03')])).toEqual({ count: 2 });
    expect((await calls.compute(ctx.database.db, aug)).value).toBe(2);
  });
});
