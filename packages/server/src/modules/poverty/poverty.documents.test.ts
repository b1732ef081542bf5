import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildCampaign, buildRecognisedPovertyCampaign, factoryActor, surveyBody } from '../../test/factories.js';

let ctx: TestContext;
let tinh: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  tinh = await ctx.login('tinh.chuyenvien');
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

async function docxText(url: string): Promise<string> {
  const res = await tinh.inject('GET', url);
  expect({ status: res.statusCode, type: res.headers['content-type'] }).toMatchObject({ status: 200 });
  expect(res.headers['content-type']).toMatch(/wordprocessingml/);
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
}

describe('poverty recognition documents', () => {
  it('the decision (Mẫu 02) with its list and one certificate (Mẫu 03) per poor or near-poor household', async () => {
    const { campaignId, householdIds, decisionNo } = await buildRecognisedPovertyCampaign(ctx, '25201', [
      { survey: surveyBody() },
      { survey: surveyBody({ deprived: ['water'] }) },
      {
        before: 'poor',
        survey: surveyBody({
          b1: { members: '2', house: 'solid', salaried: 'yes', motorbike: 'yes', fridge: 'yes' },
          deprived: [],
        }),
      },
    ]);
    const code = (await ctx.services.registry.getHousehold(factoryActor, householdIds[0]!)).code;
    const decision = await docxText(`/api/v1/poverty/campaigns/${campaignId}/decision.docx`);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'QUYẾT ĐỊNH',
      `Số: ${decisionNo}`,
      'Công nhận 1 hộ nghèo, 1 hộ cận nghèo, 1 hộ thoát nghèo',
      code,
      'DANH SÁCH KÈM THEO',
    ])
      expect(decision).toContain(s);
    const certificates = await docxText(`/api/v1/poverty/campaigns/${campaignId}/certificates.docx`);
    expect(certificates.match(/GIẤY CHỨNG NHẬN HỘ/g)).toHaveLength(2);
    expect(certificates).toContain('GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO');
    expect(certificates).toContain('đến ngày 31/12/2025');
  });

  it('before the recognition there is nothing to print', async () => {
    const id = await buildCampaign(ctx);
    expectProblem(await tinh.inject('GET', `/api/v1/poverty/campaigns/${id}/decision.docx`), 409, 'NOT_RECOGNIZED');
  });
});
