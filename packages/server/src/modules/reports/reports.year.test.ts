import JSZip from 'jszip';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { EnteredValueOut, MissingList, PlanOut, ReportOut, ReportPreview } from '@ansinh/domain';
import { createTestContext, type Session } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';

/**
 * Issue 11, done-when: a year (2023) recreated through the API in 2024 — entered values with their
 * sources for several areas and periods (among them a wrong 9-month province value and the year
 * before's value, which must not land in 2023), a correction and a withdrawal, the People's
 * Committee's plan and the Department's own, a computed figure typed in with its reason — then the
 * annual report issued and its DOCX read figure by figure, the annex included.
 */
const ok = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 800)).toBe(status);
  return res.json() as T;
};

async function docxText(s: Session, id: number): Promise<string> {
  const res = await s.inject('GET', `/api/v1/reports/${id}/document.docx`);
  expect(res.statusCode).toBe(200);
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

const Y0 = '2023-01-01';
const Y1 = '2023-12-31';

describe('a year recreated through the API', { timeout: 180_000 }, () => {
  it('prints every figure of the 2023 report from the entered values, plans and overrides as intended', async () => {
    const ctx = await createTestContext();
    onTestFinished(() => ctx.close());
    const tinh = await ctx.login('tinh.chuyenvien');
    const value = (body: Record<string, unknown>) =>
      ok<EnteredValueOut>(
        tinh.inject('POST', '/api/v1/reports/values', { sourceKind: 'agency', sourceDate: '2024-01-10', ...body }),
        201,
      );

    // Jobs: the districts' full-year figures; a wrong 9-month province figure; the year before's.
    await value({
      indicatorCode: 'employment.jobs_created',
      areaCode: '689',
      periodFrom: Y0,
      periodTo: Y1,
      value: 700,
      sourceRef: 'Báo cáo 21/BC-LĐTBXH Đồng Xoài',
    });
    await value({
      indicatorCode: 'employment.jobs_created',
      areaCode: '692',
      periodFrom: Y0,
      periodTo: Y1,
      value: 500,
      sourceRef: 'Báo cáo 33/BC-LĐTBXH Lộc Ninh',
    });
    await value({
      indicatorCode: 'employment.jobs_created',
      areaCode: '70',
      periodFrom: Y0,
      periodTo: '2023-09-30',
      value: 9999,
      sourceRef: 'Báo cáo 9 tháng (nhập nhầm)',
      sourceDate: '2023-10-05',
    });
    await value({
      indicatorCode: 'employment.jobs_created',
      areaCode: '70',
      periodFrom: '2022-01-01',
      periodTo: '2022-12-31',
      value: 8888,
      sourceRef: 'Báo cáo năm 2022',
      sourceDate: '2023-01-05',
    });
    // Trainees: the province's own full-year figure (a district's does not add to it).
    await value({
      indicatorCode: 'employment.vocational_trainees',
      areaCode: '70',
      periodFrom: Y0,
      periodTo: Y1,
      value: 950,
      sourceRef: 'Báo cáo 12/BC-SLĐTBXH',
    });
    await value({
      indicatorCode: 'employment.vocational_trainees',
      areaCode: '689',
      periodFrom: Y0,
      periodTo: Y1,
      value: 100,
      sourceRef: 'Báo cáo 22/BC-LĐTBXH Đồng Xoài',
    });
    // Counselling: entered, then corrected with a reason; job fairs: entered, then withdrawn.
    const counselling = await value({
      indicatorCode: 'employment.career_counselling',
      areaCode: '70',
      periodFrom: Y0,
      periodTo: Y1,
      value: 4321,
      sourceRef: 'Báo cáo 215/BC-TTDVVL',
    });
    expectProblem(
      await tinh.inject('POST', '/api/v1/reports/values', {
        indicatorCode: 'employment.career_counselling',
        areaCode: '70',
        periodFrom: Y0,
        periodTo: Y1,
        value: 1,
        sourceKind: 'agency',
        sourceRef: 'Lần hai',
        sourceDate: '2024-01-10',
      }),
      409,
      'VALUE_EXISTS',
    );
    const corrected = await ok<EnteredValueOut>(
      tinh.inject('POST', `/api/v1/reports/values/${counselling.id}/correct`, {
        value: 4400,
        sourceRef: 'Báo cáo 215/BC-TTDVVL (bổ sung)',
        reason: 'Trung tâm báo cáo bổ sung tháng 12',
      }),
      201,
    );
    const fairs = await value({
      indicatorCode: 'employment.job_fairs',
      areaCode: '70',
      periodFrom: Y0,
      periodTo: Y1,
      value: 12,
      sourceRef: 'Báo cáo 215/BC-TTDVVL',
    });
    await ok(
      tinh.inject('POST', `/api/v1/reports/values/${fairs.id}/withdraw`, {
        reason: 'Số phiên chưa đối chiếu với Trung tâm',
      }),
    );
    const history = await ok<{ items: EnteredValueOut[] }>(
      tinh.inject('GET', `/api/v1/reports/values/${corrected.id}/history`),
    );
    expect(history.items.map((v) => [v.value, v.status, v.statusReason ?? null])).toEqual([
      [4400, 'active', null],
      [4321, 'superseded', 'Trung tâm báo cáo bổ sung tháng 12'],
    ]);
    // A computed figure the registry cannot give yet, typed in with its reason.
    expectProblem(
      await tinh.inject('POST', '/api/v1/reports/overrides', {
        indicatorCode: 'registry.meritorious_persons',
        areaCode: '70',
        periodFrom: Y0,
        periodTo: Y1,
        value: 1234,
        sourceRef: 'Sổ quản lý',
        sourceDate: '2024-01-10',
        reason: 'ngắn',
      }),
      400,
      'VALIDATION_FAILED',
    );
    await ok(
      tinh.inject('POST', '/api/v1/reports/overrides', {
        indicatorCode: 'registry.meritorious_persons',
        areaCode: '70',
        periodFrom: Y0,
        periodTo: Y1,
        value: 1234,
        sourceRef: 'Sổ quản lý người có công năm 2023',
        sourceDate: '2024-01-10',
        reason: 'Sổ đăng ký chưa nhập đủ người có công năm đầu sử dụng',
      }),
      201,
    );

    // Two plans: the People's Committee's (the default) and the Department's own, issued later.
    const plan = (kind: string, docNumber: string, docDate: string, jobs: number, trainees: number) =>
      ok<PlanOut>(
        tinh.inject('POST', '/api/v1/plans', {
          year: 2023,
          areaCode: '70',
          kind,
          title: `Kế hoạch thực hiện chỉ tiêu năm 2023 (${kind})`,
          docNumber,
          docDate,
          issuer: kind === 'ubnd' ? 'UBND tỉnh Bình Phước' : 'Sở Lao động - Thương binh và Xã hội',
          targets: [
            { indicatorCode: 'employment.jobs_created', target: jobs },
            { indicatorCode: 'employment.vocational_trainees', target: trainees },
          ],
        }),
        201,
      );
    await plan('ubnd', '15/KH-UBND', '2023-01-10', 2000, 1000);
    const dept = await plan('department', '08/KH-SLĐTBXH', '2023-03-01', 2400, 1900);

    const report = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'dan-van-nam', year: 2023, asOf: '2024-01-31' }),
      201,
    );
    const p = await ok<ReportPreview>(tinh.inject('GET', `/api/v1/reports/${report.id}/preview`));
    const fig = (code: string) => p.figures.find((f) => f.code === code)!;
    expect(fig('employment.jobs_created')).toMatchObject({ value: 1200, target: 2000, basis: 'cộng từ 2 huyện' });
    expect(fig('employment.jobs_created').sources!.map((s) => [s.areaCode, s.value, s.periodTo])).toEqual([
      ['689', 700, Y1],
      ['692', 500, Y1],
    ]);
    expect(fig('employment.vocational_trainees')).toMatchObject({ value: 950, basis: 'giá trị của tỉnh cho kỳ này' });
    expect(fig('employment.career_counselling')).toMatchObject({ value: 4400 });
    expect(fig('employment.job_fairs')).toMatchObject({ available: false });
    expect(fig('registry.meritorious_persons')).toMatchObject({
      value: 1234,
      overridden: true,
      basis: 'số liệu nhập thay',
    });

    // Issuing with holes: refused without a confirmation, with the list; the list on its own.
    const refused = await tinh.inject('POST', `/api/v1/reports/${report.id}/issue`, {});
    expectProblem(refused, 409, 'REPORT_MISSING');
    expect(refused.body).toContain('Số phiên giao dịch việc làm');
    const missing = await ok<MissingList>(tinh.inject('GET', `/api/v1/reports/${report.id}/missing`));
    expect(missing.mode).toBe('confirm');
    expect(missing.items.some((m) => m.kind === 'figure' && m.key === 'employment.job_fairs')).toBe(true);
    const issued = await ok<ReportOut>(
      tinh.inject('POST', `/api/v1/reports/${report.id}/issue`, { acceptMissing: true }),
    );
    expect(issued.state).toBe('issued');

    const text = await docxText(tinh, report.id);
    expect(text).toContain('Kế hoạch số 15/KH-UBND ngày 10/1/2023');
    expect(text).toMatch(/Giải quyết việc làm cho 1\.200 lao động, đạt 60(,00)?% kế hoạch năm/);
    expect(text).toMatch(/đào tạo nghề cho 950\/1\.000, đạt 95(,00)?% kế hoạch/);
    expect(text).toMatch(/tư vấn, giới thiệu việc làm cho 4\.400 lượt người/);
    expect(text).toMatch(/tổ chức \[chưa có số liệu\] phiên giao dịch việc làm/);
    expect(text).toMatch(/Hiện đang quản lý 1\.234 người có công/);
    for (const wrong of ['9.999', '8.888', '4.321', '1.050']) expect(text).not.toContain(wrong);
    // The annex: each entered figure with its source and its own period; the override marked.
    const annex = text.slice(text.indexOf('PHỤ LỤC: NGUỒN SỐ LIỆU'));
    expect(annex).toContain('Số lao động được giải quyết việc làm (Tỉnh Bình Phước): 1.200 — cộng từ 2 huyện');
    expect(annex).toContain(
      'Thành phố Đồng Xoài: 700; kỳ 01/01/2023 – 31/12/2023; nguồn: Báo cáo 21/BC-LĐTBXH Đồng Xoài, ngày 10/01/2024',
    );
    expect(annex).toMatch(
      /1\.234 — SỐ LIỆU NHẬP THAY \(lý do: Sổ đăng ký chưa nhập đủ người có công năm đầu sử dụng\)/,
    );
    expect(annex).toContain('Nguồn: Sổ quản lý người có công năm 2023, ngày 10/01/2024; kỳ 01/01/2023 – 31/12/2023');

    // A report that chooses the Department's own plan takes its targets from it.
    const own = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', {
        templateCode: 'dan-van-nam',
        year: 2023,
        asOf: '2024-01-31',
        planId: dept.id,
      }),
      201,
    );
    expect(own.planId).toBe(dept.id);
    const p2 = await ok<ReportPreview>(tinh.inject('GET', `/api/v1/reports/${own.id}/preview`));
    expect(p2.figures.find((f) => f.code === 'employment.jobs_created')).toMatchObject({ value: 1200, target: 2400 });
    const s2 = p2.sections.flatMap((s) => s.blocks).find((b) => b.id === 's2.p1')!;
    expect(s2.type === 'text' && s2.segments.map((s) => s.text).join('')).toContain(
      'Kế hoạch số 08/KH-SLĐTBXH ngày 1/3/2023',
    );

    // Every change is audited.
    const actions = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'reports.value.%')
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['reports.value.enter', 'reports.value.correct', 'reports.value.withdraw', 'reports.value.override']),
    );
  });
});
