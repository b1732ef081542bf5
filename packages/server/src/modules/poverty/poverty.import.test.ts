import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PovertyCasePage } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { readXlsx, upload, xlsx } from '../../test/upload.js';
import { buildCampaign, buildPovertyHousehold, buildReviewCase, factoryActor } from '../../test/factories.js';

let ctx: TestContext;
let xa: Session; // xa.25213
beforeAll(async () => {
  ctx = await createTestContext();
  xa = await ctx.login('xa.25213');
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const codeOf = async (id: number) => (await ctx.services.registry.getHousehold(factoryActor, id)).code;
const cases = async (campaignId: number) =>
  (await xa.inject('GET', `/api/v1/poverty/campaigns/${campaignId}/cases`)).json() as PovertyCasePage;
type Out = {
  counts: { total: number; accepted: number; rejected: number };
  rejected: { line: number; problems: string[] }[];
  errorFile: string | null;
};

describe('poverty Excel imports', () => {
  it('listing: a dry run writes nothing; a household of another commune is refused with a clear error, then a clean file is listed', async () => {
    const campaignId = await buildCampaign(ctx);
    const own = await codeOf((await buildPovertyHousehold(ctx)).id);
    const foreign = await codeOf((await buildPovertyHousehold(ctx, { communeCode: '25273' })).id);
    const bad = await xlsx([
      ['Mã hộ', 'Nguồn'],
      [own, 'Mẫu 01'],
      [foreign, 'Hàng xóm'],
    ]);
    const url = `/api/v1/poverty/campaigns/${campaignId}/import/listing`;
    const dry = (await upload(ctx, xa, `${url}?mode=dry_run`, 'ds.xlsx', bad)).json() as Out;
    expect(dry.counts).toEqual({ total: 2, accepted: 1, rejected: 1 });
    // Every problem of the row, not only the first.
    expect(dry.rejected[0]!.problems).toEqual([
      `Hộ ${foreign} thuộc xã khác: chỉ nhập hộ của xã đang rà soát`,
      'Nguồn "Hàng xóm" không hợp lệ: ghi Danh sách, Mẫu 01, Mẫu 04 hoặc Cán bộ',
    ]);
    const errors = await readXlsx(Buffer.from(dry.errorFile!, 'base64'));
    expect(errors[0]).toContain('Lỗi cần sửa');
    expect(String(errors[1]!.at(-1))).toContain('thuộc xã khác');
    const refused = await upload(ctx, xa, `${url}?mode=commit`, 'ds.xlsx', bad);
    expect(refused.statusCode).toBe(400);
    expect((await cases(campaignId)).total).toBe(0);

    const good = await xlsx([
      ['Mã hộ', 'Nguồn'],
      [own, 'Mẫu 01'],
    ]);
    const done = (await upload(ctx, xa, `${url}?mode=commit`, 'ds.xlsx', good)).json() as Out;
    expect(done.counts.accepted).toBe(1);
    expect((await cases(campaignId)).items).toMatchObject([{ source: 'form01', step: 'listed' }]);
  });

  it('surveys: a score out of range and an unknown indicator are told together; nothing is written until the file is clean', async () => {
    const a = await buildReviewCase(ctx);
    const b = await buildReviewCase(ctx, { campaignId: a.campaignId });
    const [ca, cb] = [await codeOf(a.householdId), await codeOf(b.householdId)];
    const head = [
      'Mã hộ',
      'Ngày rà soát',
      'Rà soát viên',
      'Tổng điểm B1',
      'Chỉ số thiếu hụt',
      'Nguyên nhân nghèo',
      'Nhóm hộ',
    ];
    const url = `/api/v1/poverty/campaigns/${a.campaignId}/import/surveys`;
    const bad = await xlsx([
      head,
      [
        ca,
        '05/10/2024',
        'Trần Thị Rà',
        60,
        'health_insurance; water; latrine',
        'Ốm đau, bệnh nặng, tai nạn',
        'Có nhu cầu hỗ trợ nhà ở',
      ],
      [cb, '31/02/2024', 'Trần Thị Rà', 9999, 'bay lượn', '', ''],
    ]);
    const dry = (await upload(ctx, xa, `${url}?mode=commit`, 'b.xlsx', bad)).json() as { code: string };
    expect(dry.code).toBe('IMPORT_HAS_REJECTED_ROWS');
    const check = (await upload(ctx, xa, `${url}?mode=dry_run`, 'b.xlsx', bad)).json() as Out;
    expect(check.counts).toEqual({ total: 2, accepted: 1, rejected: 1 });
    const problems = check.rejected[0]!.problems.join(' | ');
    expect(problems).toContain('Ngày rà soát');
    expect(problems).toMatch(/Tổng điểm B1 9999 ngoài thang điểm/);
    expect(problems).toContain('"bay lượn"');
    expect((await cases(a.campaignId)).items.every((c) => c.step === 'listed')).toBe(true);

    const good = await xlsx([
      head,
      [
        ca,
        '05/10/2024',
        'Trần Thị Rà',
        60,
        'health_insurance; water; latrine',
        'Ốm đau, bệnh nặng, tai nạn',
        'Có nhu cầu hỗ trợ nhà ở',
      ],
    ]);
    const done = (await upload(ctx, xa, `${url}?mode=commit`, 'b.xlsx', good)).json() as Out;
    expect(done.counts).toEqual({ total: 1, accepted: 1, rejected: 0 });
    const after = (await cases(a.campaignId)).items.find((c) => c.householdId === a.householdId)!;
    expect(after).toMatchObject({
      step: 'surveyed',
      proposedClass: 'poor',
      b1Score: 60,
      cause: 'illness',
      groups: ['needs_housing'],
    });
  });

  it('the templates download', async () => {
    const res = await xa.inject('GET', '/api/v1/poverty/import-templates/surveys');
    expect(res.statusCode).toBe(200);
    expect((await readXlsx(res.rawPayload))[0]).toContain('Tổng điểm B1');
  });
});
