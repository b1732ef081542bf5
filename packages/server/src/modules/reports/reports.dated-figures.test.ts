import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportOut, ReportPreview } from '@ansinh/domain';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import {
  buildBeneficiary,
  buildProgram,
  nextCommune,
  programsDecideAndPay,
  programsRecordedLater,
} from '../../test/factories.js';

/**
 * Issue 11, end to end: a year decided and paid in 2021 but recorded in 2026 prints its figures in
 * the 2021 annual report, and the Covid paragraph sums the Covid programmes only.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const program2021 = (group: 'covid' | 'tet', amount: number) =>
  buildProgram(ctx, {
    name: `Chương trình ${group} 2021`,
    legalDate: '2021-07-01',
    kind: group === 'tet' ? 'gift' : 'one_off_cash',
    refDate: '2021-07-01',
    periodFrom: '2021-07-01',
    periodTo: '2021-12-31',
    group,
    rule: {
      validFrom: '2021-01-01',
      eligibility: { per: 'person', any: [{ status: 'social_assistance' }] },
      amount: { type: 'fixed', amount },
    },
  });

describe('the 2021 annual report of a back-filled year', () => {
  it('prints the Covid support decided and paid in 2021, recorded in 2026, and only the Covid programmes', async () => {
    const commune = await nextCommune(ctx);
    const statuses = [{ kind: 'social_assistance' as const, category: '5a', validFrom: '2020-01-01' }];
    for (let i = 0; i < 3; i++) await buildBeneficiary(ctx, { communeCode: commune, statuses });
    const covid = await program2021('covid', 1_500_000);
    const tet = await program2021('tet', 400_000);
    const lists = [
      await programsDecideAndPay(ctx, covid.id, commune, undefined, '2021-08-20', '2021-09-10'),
      await programsDecideAndPay(ctx, tet.id, commune, undefined, '2021-07-05', '2021-07-10'),
    ];
    await programsRecordedLater(ctx, lists, '2026-03-02T08:00:00.000Z');

    const tinh = await ctx.login('tinh.chuyenvien');
    const created = await tinh.inject('POST', '/api/v1/reports', {
      templateCode: 'dan-van-nam',
      year: 2021,
      asOf: '2021-12-31',
    });
    expect(created.statusCode, created.body.slice(0, 500)).toBe(201);
    const report = created.json() as ReportOut;
    const preview = (await tinh.inject('GET', `/api/v1/reports/${report.id}/preview`)).json() as ReportPreview;
    const block = preview.sections.flatMap((s) => s.blocks).find((b) => b.id === 's3.5.p1')!;
    const covidText = block.type === 'table' ? '' : block.segments.map((s) => s.text).join('');
    const expected =
      'Phê duyệt hỗ trợ cho 3 người và 0 hộ với tổng kinh phí 4.500.000 đồng; đã chi trả cho 3 người và 0 hộ, số tiền 4.500.000 đồng.';
    expect(covidText).toBe(expected);

    const res = await tinh.inject('GET', `/api/v1/reports/${report.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(expected);
  });
});
