import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Dashboard,
  FigureTrace,
  HouseholdOut,
  PersonOut,
  PlanOut,
  ReportChanges,
  ReportOut,
  ReportPreview,
} from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { dossiersIndicators } from '../dossiers/index.js';

let ctx: TestContext;
let xa: Session; // xa.25213, district 689 (Đồng Xoài)
let xaOther: Session; // xa.25270, district 692 (Lộc Ninh)
let tinh: Session; // tinh.chuyenvien: province officer, manages plans and reports
let lanhdao: Session; // tinh.lanhdao: reads
let huyen692: Session;
let giamsat: Session;
let thanhtra: Session; // inspector: reads reports only

beforeAll(async () => {
  ctx = await createTestContext();
  [xa, xaOther, tinh, lanhdao, huyen692, giamsat, thanhtra] = await Promise.all(
    ['xa.25213', 'xa.25270', 'tinh.chuyenvien', 'tinh.lanhdao', 'huyen.692', 'giamsat', 'thanhtra'].map((u) =>
      ctx.login(u),
    ),
  );
  await buildRegistry();
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 800)).toBe(status);
  return res.json() as T;
};

const households: Record<string, HouseholdOut> = {};

async function household(s: Session, key: string, communeCode: string) {
  households[key] = await ok<HouseholdOut>(
    s.inject('POST', '/api/v1/households', { communeCode, village: 'Ấp 1', residence: 'rural' }),
    201,
  );
  return households[key]!;
}

async function poverty(s: Session, h: HouseholdOut, category: string, year: number, decisionDate: string) {
  await ok(
    s.inject('POST', '/api/v1/statuses', {
      kind: 'poverty',
      householdId: h.id,
      category,
      year,
      validFrom: `${year + 1}-01-01`,
      validTo: `${year + 1}-12-31`,
      decisionNo: `${year}/QĐ-UBND`,
      decisionDate,
    }),
    201,
  );
}

/**
 * Four households: A and B poor in the review of 2024; the review of 2025 (decided 10/12/2025)
 * finds A near-poor, B and C poor; D (another district) poor in 2025. Two persons get a monthly
 * social allowance from March and from August 2025.
 */
async function buildRegistry() {
  const a = await household(xa, 'A', '25213');
  const b = await household(xa, 'B', '25213');
  const c = await household(xa, 'C', '25213');
  const d = await household(xaOther, 'D', '25270');
  await poverty(xa, a, 'poor', 2024, '2024-12-15');
  await poverty(xa, b, 'poor', 2024, '2024-12-15');
  await poverty(xa, a, 'near_poor', 2025, '2025-12-10');
  await poverty(xa, b, 'poor', 2025, '2025-12-10');
  await poverty(xa, c, 'poor', 2025, '2025-12-10');
  await poverty(xaOther, d, 'poor', 2025, '2025-12-10');
  let n = 0;
  for (const [from, decided] of [
    ['2025-03-01', '2025-02-20'],
    ['2025-08-01', '2025-07-20'],
  ] as const) {
    n++;
    const p = await ok<PersonOut>(
      xa.inject('POST', '/api/v1/persons', {
        householdId: a.id,
        relation: 'parent',
        fullName: `Nguyễn Văn Cụ ${n === 1 ? 'Một' : 'Hai'}`,
        gender: 'male',
        birthDate: '1940',
      }),
      201,
    );
    await ok(
      xa.inject('POST', '/api/v1/statuses', {
        kind: 'social_assistance',
        personId: p.id,
        category: '5c',
        validFrom: from,
        decisionNo: `${n}/QĐ-UBND`,
        decisionDate: decided,
      }),
      201,
    );
  }
}

const figure = (s: Session, code: string, areaCode: string, from: string, to: string, asOf: string, extra = '') =>
  s.inject(
    'GET',
    `/api/v1/reports/figure?code=${code}&areaCode=${areaCode}&from=${from}&to=${to}&asOf=${asOf}${extra}`,
  );

describe('computed indicators as of two dates', () => {
  it('counts poor households on a date, by area, and lists them', async () => {
    const mid2025 = await ok<FigureTrace>(
      figure(lanhdao, 'registry.poor_households', '70', '2025-01-01', '2025-12-31', '2025-06-30'),
    );
    expect(mid2025.value).toBe(2);
    expect(mid2025.records.total).toBe(2);
    expect(mid2025.records.items.map((r) => r.label).sort()).toEqual([households.A!.code, households.B!.code].sort());
    expect(mid2025.records.items[0]!.href).toMatch(/^\/registry\/households\/\d+$/);
    expect(mid2025.records.items[0]!.areaName).toBe('Xã Tiến Hưng');

    const mid2026 = await ok<FigureTrace>(
      figure(lanhdao, 'registry.poor_households', '70', '2026-01-01', '2026-12-31', '2026-06-30'),
    );
    expect(mid2026.value).toBe(3);
    expect(
      (
        await ok<FigureTrace>(
          figure(lanhdao, 'registry.poor_households', '689', '2026-01-01', '2026-12-31', '2026-06-30'),
        )
      ).value,
    ).toBe(2);
    expect(
      (
        await ok<FigureTrace>(
          figure(lanhdao, 'registry.poor_households', '692', '2026-01-01', '2026-12-31', '2026-06-30'),
        )
      ).value,
    ).toBe(1);
  });

  it('recomputes the poverty rate from its parts at each level', async () => {
    const d689 = await ok<FigureTrace>(
      figure(lanhdao, 'registry.poverty_rate', '689', '2026-01-01', '2026-12-31', '2026-06-30'),
    );
    expect([d689.numerator, d689.denominator, d689.text]).toEqual([2, 3, '2/3 (66,67%)']);
    const d692 = await ok<FigureTrace>(
      figure(lanhdao, 'registry.poverty_rate', '692', '2026-01-01', '2026-12-31', '2026-06-30'),
    );
    expect(d692.text).toBe('1/1 (100,00%)');
    // Not the average of 66,67% and 100%.
    const province = await ok<FigureTrace>(
      figure(lanhdao, 'registry.poverty_rate', '70', '2026-01-01', '2026-12-31', '2026-06-30'),
    );
    expect(province.text).toBe('3/4 (75,00%)');
  });

  it('counts households that left poverty only once the review decision is signed', async () => {
    const before = await ok<FigureTrace>(
      figure(lanhdao, 'registry.households_left_poverty', '70', '2025-01-01', '2025-12-31', '2025-12-01'),
    );
    expect(before.value).toBe(0);
    const after = await ok<FigureTrace>(
      figure(lanhdao, 'registry.households_left_poverty', '70', '2025-01-01', '2025-12-31', '2025-12-31'),
    );
    expect(after.value).toBe(1);
    expect(after.records.items.map((r) => r.label)).toEqual([households.A!.code]);
  });

  it('counts new social-allowance recipients of the period as of each date', async () => {
    expect(
      (
        await ok<FigureTrace>(
          figure(lanhdao, 'registry.social_assistance_new', '70', '2025-01-01', '2025-12-31', '2025-06-30'),
        )
      ).value,
    ).toBe(1);
    const end = await ok<FigureTrace>(
      figure(lanhdao, 'registry.social_assistance_new', '70', '2025-01-01', '2025-12-31', '2025-12-31'),
    );
    expect(end.value).toBe(2);
    expect(end.records.items.map((r) => r.label)).toEqual(['Nguyễn Văn Cụ Hai (1940)', 'Nguyễn Văn Cụ Một (1940)']);
    expect(
      (
        await ok<FigureTrace>(
          figure(lanhdao, 'registry.social_assistance_persons', '689', '2025-01-01', '2025-12-31', '2025-12-31'),
        )
      ).value,
    ).toBe(2);
  });

  it("keeps figures inside the actor's area: 404 outside it, 403 for roles that do not read reports", async () => {
    expectProblem(
      await figure(huyen692, 'registry.poor_households', '689', '2026-01-01', '2026-12-31', '2026-06-30'),
      404,
      'NOT_FOUND',
    );
    expect(
      (
        await ok<FigureTrace>(
          figure(huyen692, 'registry.poor_households', '692', '2026-01-01', '2026-12-31', '2026-06-30'),
        )
      ).value,
    ).toBe(1);
    expectProblem(
      await figure(xa, 'registry.poor_households', '25213', '2026-01-01', '2026-12-31', '2026-06-30'),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await figure(giamsat, 'registry.poor_households', '70', '2026-01-01', '2026-12-31', '2026-06-30'),
      403,
      'FORBIDDEN',
    );
  });

  it('uses the dossiers indicators when that module offers them', async () => {
    const codes = new Set(dossiersIndicators.map((i) => i.code));
    if (!codes.has('dossiers.received')) return;
    const r = await ok<FigureTrace>(
      figure(lanhdao, 'dossiers.received', '70', '2025-01-01', '2025-12-31', '2025-12-31'),
    );
    expect(r.available).toBe(true);
    expect(r.value).toBeGreaterThanOrEqual(0);
  });
});

describe('entered values, plans and the dashboard', () => {
  it("enters figures with their source; a parent area adds its districts' figures", async () => {
    for (const [area, value] of [
      ['689', 45],
      ['692', 30],
    ] as const) {
      await ok(
        tinh.inject('POST', '/api/v1/reports/values', {
          indicatorCode: 'employment.jobs_created',
          areaCode: area,
          periodFrom: '2025-01-01',
          periodTo: '2025-12-31',
          value,
          sourceKind: 'agency',
          sourceRef: 'Báo cáo số 10/BC-TTDVVL của Trung tâm Dịch vụ việc làm',
          sourceDate: '2025-12-20',
        }),
        201,
      );
    }
    const f = await ok<FigureTrace>(
      figure(lanhdao, 'employment.jobs_created', '70', '2025-01-01', '2025-12-31', '2025-12-31'),
    );
    expect(f.value).toBe(75);
    expect(f.entered.map((e) => [e.areaName, e.value, e.enteredBy])).toEqual([
      ['Thành phố Đồng Xoài', 45, 'tinh.chuyenvien'],
      ['Huyện Lộc Ninh', 30, 'tinh.chuyenvien'],
    ]);
    // Known only from the source's date.
    expect(
      (
        await ok<FigureTrace>(
          figure(lanhdao, 'employment.jobs_created', '70', '2025-01-01', '2025-12-31', '2025-12-19'),
        )
      ).available,
    ).toBe(false);
  });

  it('refuses to enter a computed indicator, and a district officer enters only in the district', async () => {
    const body = {
      indicatorCode: 'registry.poor_households',
      areaCode: '70',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      value: 1,
      sourceKind: 'other',
      sourceRef: 'thử',
      sourceDate: '2025-12-31',
    };
    expectProblem(await tinh.inject('POST', '/api/v1/reports/values', body), 400, 'VALIDATION_FAILED');
    expectProblem(
      await huyen692.inject('POST', '/api/v1/reports/values', {
        ...body,
        indicatorCode: 'employment.jobs_created',
        areaCode: '689',
        sourceRef: 'Báo cáo huyện',
      }),
      404,
      'NOT_FOUND',
    );
  });

  let plan: PlanOut;
  it('records a plan with targets split to districts and shows progress in Vietnamese', async () => {
    plan = await ok<PlanOut>(
      tinh.inject('POST', '/api/v1/plans', {
        year: 2025,
        areaCode: '70',
        title: 'Kế hoạch thực hiện chỉ tiêu năm 2025',
        docNumber: '169/KH-SLĐTBXH',
        docDate: '2025-07-21',
        issuer: 'Sở Lao động - Thương binh và Xã hội',
        targets: [
          { indicatorCode: 'employment.jobs_created', target: 100 },
          { indicatorCode: 'employment.jobs_created', areaCode: '689', target: 60 },
          { indicatorCode: 'registry.households_left_poverty', target: 2 },
          { indicatorCode: 'registry.poor_households', target: 2 },
        ],
      }),
      201,
    );
    expect(plan.citation).toBe('Kế hoạch số 169/KH-SLĐTBXH ngày 21/7/2025');
    const atEnd = await ok<PlanOut>(lanhdao.inject('GET', `/api/v1/plans/${plan.id}?asOf=2025-12-31`));
    const jobs = atEnd.targets.find((t) => t.indicatorCode === 'employment.jobs_created' && t.areaCode === '70')!;
    expect(jobs.text).toBe('75/100, đạt 75,00%');
    expect(jobs.status).toBe('behind');
    const split = atEnd.targets.find((t) => t.areaCode === '689')!;
    expect([split.areaName, split.text]).toEqual(['Thành phố Đồng Xoài', '45/60, đạt 75,00%']);
    const poor = atEnd.targets.find((t) => t.indicatorCode === 'registry.poor_households')!;
    expect([poor.text, poor.status, poor.lowerIsBetter]).toEqual(['2/2, đạt 100,00%', 'met', true]);
    expectProblem(
      await thanhtra.inject('POST', `/api/v1/plans/${plan.id}/targets`, {
        indicatorCode: 'employment.jobs_created',
        target: 5,
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('shows the year on the dashboard: progress, districts side by side, monthly trend, attention', async () => {
    const d = await ok<Dashboard>(lanhdao.inject('GET', '/api/v1/reports/dashboard?year=2025&asOf=2025-12-31'));
    expect(d.plan?.citation).toBe('Kế hoạch số 169/KH-SLĐTBXH ngày 21/7/2025');
    expect(d.children).toHaveLength(11);
    const jobs = d.targets.find((t) => t.indicatorCode === 'employment.jobs_created')!;
    expect(jobs.text).toBe('75/100, đạt 75,00%');
    expect(jobs.byArea.find((a) => a.areaCode === '689')).toMatchObject({
      target: 60,
      achieved: 45,
      text: '45/60, đạt 75,00%',
    });
    expect(jobs.byArea.find((a) => a.areaCode === '692')).toMatchObject({ target: null, achieved: 30 });
    const trend = d.trend.find((t) => t.indicatorCode === 'registry.households_left_poverty')!;
    expect(trend.points).toHaveLength(12);
    expect(trend.points[10]!.value).toBe(0);
    expect(trend.points[11]!.value).toBe(1);
    expect(d.attention.some((a) => a.kind === 'behind' && a.indicatorCode === 'employment.jobs_created')).toBe(true);
    // A district officer sees the district and its communes.
    const dd = await ok<Dashboard>(huyen692.inject('GET', '/api/v1/reports/dashboard?year=2025&asOf=2025-12-31'));
    expect(dd.area.code).toBe('692');
    expectProblem(await huyen692.inject('GET', '/api/v1/reports/dashboard?areaCode=689'), 404, 'NOT_FOUND');
  });
});

describe('report documents', () => {
  let report: ReportOut;

  it('writes the annual report from the records, with markers for figures that do not exist yet', async () => {
    report = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'dan-van-nam', year: 2025, asOf: '2025-12-31' }),
      201,
    );
    expect(report.title).toBe('Báo cáo công tác dân vận chính quyền năm 2025');
    const p = await ok<ReportPreview>(lanhdao.inject('GET', `/api/v1/reports/${report.id}/preview`));
    const text = (id: string) => p.sections.flatMap((s) => s.blocks).find((b) => b.id === id)!;
    const join = (id: string) => {
      const b = text(id);
      return b.type === 'table' ? '' : b.segments.map((s) => s.text).join('');
    };
    expect(join('s2.p1')).toContain('Kế hoạch số 169/KH-SLĐTBXH ngày 21/7/2025');
    expect(join('s3.1.p1')).toContain('Giải quyết việc làm cho 75 lao động, đạt 75,00% kế hoạch năm');
    expect(join('s3.3.p1')).toContain('số hộ thoát nghèo trong năm là 1/2, đạt 50,00% kế hoạch');
    expect(join('s3.2.p1')).toContain('[chưa có số liệu]');
    expect(join('s3.7.p1')).toContain('[chưa có số liệu]');
    const table = text('s3.9.t1');
    expect(table.type === 'table' && table.rows[0]).toMatchObject({ target: '100', achieved: '75', percent: '75,00%' });
    // Traceability: each figure says how it was obtained.
    const jobsSeg =
      text('s3.1.p1').type === 'text'
        ? (text('s3.1.p1') as { segments: { text: string; figure: string | null }[] }).segments.find(
            (s) => s.text === '75',
          )!
        : null;
    const f = p.figures.find((x) => x.key === jobsSeg!.figure)!;
    expect(f).toMatchObject({
      code: 'employment.jobs_created',
      areaCode: '70',
      from: '2025-01-01',
      to: '2025-12-31',
      asOf: '2025-12-31',
      source: 'entered',
      value: 75,
      target: 100,
    });
    expect(p.header).toMatchObject({ number: 'Số:    /BC-SLĐTBXH', parentAgency: 'UBND TỈNH BÌNH PHƯỚC' });
  });

  it('says in words that no complaints arose when the count is zero', async () => {
    await ok(
      tinh.inject('POST', '/api/v1/reports/values', {
        indicatorCode: 'petitions.complaints_denunciations',
        areaCode: '70',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        value: 0,
        sourceKind: 'document',
        sourceRef: 'Sổ theo dõi đơn thư năm 2025',
        sourceDate: '2025-12-31',
      }),
      201,
    );
    const p = await ok<ReportPreview>(lanhdao.inject('GET', `/api/v1/reports/${report.id}/preview`));
    const c = p.sections.flatMap((s) => s.blocks).find((b) => b.id === 's3.7.c1')!;
    expect(c.type === 'when_zero' && c.segments.map((s) => s.text).join('')).toBe(
      'Trong năm không phát sinh đơn thư khiếu nại, tố cáo.',
    );
  });

  it('lets officers edit the narrative of a draft, then issue it with a number and frozen figures', async () => {
    expectProblem(
      await thanhtra.inject('PATCH', `/api/v1/reports/${report.id}`, { texts: { 's3.8.p2': 'x' } }),
      403,
      'FORBIDDEN',
    );
    await ok(
      tinh.inject('PATCH', `/api/v1/reports/${report.id}`, {
        texts: {
          's3.8.p2': 'Khó khăn: nguồn lực còn hạn chế; đã giải quyết việc làm cho {employment.jobs_created} lao động.',
        },
      }),
    );
    expectProblem(
      await tinh.inject('PATCH', `/api/v1/reports/${report.id}`, { texts: { nope: 'x' } }),
      400,
      'VALIDATION_FAILED',
    );
    const issued = await ok<ReportOut>(tinh.inject('POST', `/api/v1/reports/${report.id}/issue`));
    expect(issued.state).toBe('issued');
    expect(issued.number).toBe('01/BC-SLĐTBXH');
    expectProblem(
      await tinh.inject('PATCH', `/api/v1/reports/${report.id}`, { texts: { 's3.8.p2': 'x' } }),
      409,
      'REPORT_ISSUED',
    );

    // A late figure changes the records, not the issued report; the regeneration shows the change.
    await ok(
      tinh.inject('POST', '/api/v1/reports/values', {
        indicatorCode: 'employment.jobs_created',
        areaCode: '692',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        value: 40,
        sourceKind: 'agency',
        sourceRef: 'Báo cáo bổ sung của Phòng LĐ-TB&XH Lộc Ninh',
        sourceDate: '2025-12-28',
      }),
      201,
    );
    const p = await ok<ReportPreview>(lanhdao.inject('GET', `/api/v1/reports/${report.id}/preview`));
    expect(p.frozen).toBe(true);
    const edited = p.sections.flatMap((s) => s.blocks).find((b) => b.id === 's3.8.p2')!;
    expect(edited.type === 'text' && edited.segments.map((s) => s.text).join('')).toBe(
      'Khó khăn: nguồn lực còn hạn chế; đã giải quyết việc làm cho 75 lao động.',
    );
    const changes = await ok<ReportChanges>(lanhdao.inject('GET', `/api/v1/reports/${report.id}/changes`));
    expect(changes.items).toContainEqual({
      key: 'employment.jobs_created',
      name: 'Số lao động được giải quyết việc làm',
      before: '75 (kế hoạch 100)',
      after: '85 (kế hoạch 100)',
    });
  });

  it('generates the DOCX in the Decree 30/2020 layout', async () => {
    const res = await lanhdao.inject('GET', `/api/v1/reports/${report.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND TỈNH BÌNH PHƯỚC',
      'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
      'Số: 01/BC-SLĐTBXH',
      'BÁO CÁO',
      'Kết quả thực hiện công tác dân vận chính quyền năm 2025',
      'Nơi nhận:',
      '- Lưu: VT, VP.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/Bình Phước, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(text).toContain('Giải quyết việc làm cho 75 lao động, đạt 75,00% kế hoạch năm');
    // A4, margins 20/20/30/15 mm, Times New Roman 14 pt body, justified with a 1 cm first-line indent.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:jc w:val="both"/>');
    expect(xml).toContain('<w:ind w:firstLine="567"/>');
    expect(xml).toContain('<w:sz w:val="28"/>');
    expect(xml).toMatch(/<w:b\/><w:bCs\/><w:i\/><w:iCs\/>.{0,200}<w:sz w:val="24"\/>.{0,200}Nơi nhận:/s);
    expect(xml).toContain('<w:titlePg/>');
  });

  it('generates the XLSX annex with every figure and its breakdown by area', async () => {
    const res = await lanhdao.inject('GET', `/api/v1/reports/${report.id}/annex.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const figures = wb.getWorksheet('Số liệu')!;
    const rows = figures.getSheetValues().filter(Boolean) as unknown[][];
    const jobs = rows.find((r) => r[3] === 'employment.jobs_created')!;
    expect([jobs[2], jobs[6], jobs[10], jobs[11], jobs[12], jobs[13]]).toEqual([
      'Số lao động được giải quyết việc làm',
      'Tỉnh Bình Phước',
      100,
      75,
      75,
      'Nhập có nguồn',
    ]);
    const byArea = wb.getWorksheet('Theo địa bàn')!;
    const header = byArea.getRow(3).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['Chỉ tiêu', 'Đơn vị tính', 'Tỉnh Bình Phước']);
    const col689 = header.indexOf('Thành phố Đồng Xoài');
    const jobsRow = (byArea.getSheetValues() as unknown[][]).find(
      (r) => r && r[1] === 'Số lao động được giải quyết việc làm',
    )!;
    expect([jobsRow[3], jobsRow[col689]]).toEqual([75, 45]);
  });

  it('numbers the next issued report after the first, and keeps reports to their area', async () => {
    const q = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'ket-qua-quy', year: 2025, quarter: 4 }),
      201,
    );
    expect([q.periodFrom, q.periodTo, q.title]).toEqual([
      '2025-10-01',
      '2025-12-31',
      'Báo cáo kết quả quý IV năm 2025',
    ]);
    expect((await ok<ReportOut>(tinh.inject('POST', `/api/v1/reports/${q.id}/issue`))).number).toBe('02/BC-SLĐTBXH');
    expectProblem(await huyen692.inject('GET', `/api/v1/reports/${q.id}`), 404, 'NOT_FOUND');
    expectProblem(
      await tinh.inject('POST', '/api/v1/reports', { templateCode: 'ket-qua-quy', year: 2025 }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('two reports issued at the same moment get different numbers; the same report issued twice at once is issued once', async () => {
    const a = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'ket-qua-quy', year: 2025, quarter: 1 }),
      201,
    );
    const b = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'ket-qua-quy', year: 2025, quarter: 2 }),
      201,
    );
    const [ra, rb] = await Promise.all([
      tinh.inject('POST', `/api/v1/reports/${a.id}/issue`),
      tinh.inject('POST', `/api/v1/reports/${b.id}/issue`),
    ]);
    expect([ra.json().number, rb.json().number].sort()).toEqual(['03/BC-SLĐTBXH', '04/BC-SLĐTBXH']);
    const c = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'ket-qua-quy', year: 2025, quarter: 3 }),
      201,
    );
    const [c1, c2] = await Promise.all([
      tinh.inject('POST', `/api/v1/reports/${c.id}/issue`),
      tinh.inject('POST', `/api/v1/reports/${c.id}/issue`),
    ]);
    expect([c1.statusCode, c2.statusCode].sort()).toEqual([200, 409]);
    const issues = await ctx.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'reports.report.issue')
      .where('entity_id', '=', String(c.id))
      .execute();
    expect(issues).toHaveLength(1);
  });
});
