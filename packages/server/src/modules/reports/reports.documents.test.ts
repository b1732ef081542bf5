import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { EnteredValuePage, ReportChanges, ReportOut, ReportPreview } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import {
  buildReport,
  buildReportsRegistry,
  buildReportsValues2025,
  buildReportsYear2025,
} from '../../test/factories.js';

/**
 * Report documents. Tests that only read (and make drafts) share one world: the registry and the
 * year 2025 (buildReportsYear2025). A test that issues a report (numbers follow each other in a
 * province) or enters a late figure builds its own. Plans and the dashboard: reports.plans.test.ts.
 */
interface World {
  ctx: TestContext;
  tinh: Session; // tinh.chuyenvien: province officer, manages plans and reports
  lanhdao: Session; // tinh.lanhdao: reads
  huyen692: Session;
  thanhtra: Session; // inspector: reads reports only
}

async function makeWorld(opts: { plan?: boolean } = {}): Promise<World> {
  const ctx = await createTestContext();
  const [tinh, lanhdao, huyen692, thanhtra] = (await Promise.all(
    ['tinh.chuyenvien', 'tinh.lanhdao', 'huyen.692', 'thanhtra'].map((u) => ctx.login(u)),
  )) as [Session, Session, Session, Session];
  await buildReportsRegistry(ctx);
  if (opts.plan === false) await buildReportsValues2025(ctx);
  else await buildReportsYear2025(ctx);
  return { ctx, tinh, lanhdao, huyen692, thanhtra };
}

/** A world of the test's own, closed when the test ends. */
async function ownWorld(opts: { plan?: boolean } = {}): Promise<World> {
  const w = await makeWorld(opts);
  onTestFinished(() => w.ctx.close());
  return w;
}

let shared: World;
beforeAll(async () => {
  shared = await makeWorld();
}, 60_000);
afterAll(async () => {
  await shared?.ctx.close();
});

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 800)).toBe(status);
  return res.json() as T;
};

// A test in a world of its own creates a database and the registry first: slow on a busy PostgreSQL.
describe('report documents', { timeout: 120_000 }, () => {
  it('writes the annual report from the records, with markers for figures that do not exist yet', async () => {
    const { tinh, lanhdao } = shared;
    const report = await ok<ReportOut>(
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
    expect(join('s3.1.p1')).toContain('Giải quyết việc làm cho 75 lao động, đạt 75% kế hoạch năm');
    expect(join('s3.3.p1')).toContain('số hộ thoát nghèo trong năm là 1/2, đạt 50% kế hoạch');
    expect(join('s3.2.p1')).toContain('[chưa có số liệu]');
    expect(join('s3.7.p1')).toContain('[chưa có số liệu]');
    const table = text('s3.9.t1');
    expect(table.type === 'table' && table.rows[0]).toMatchObject({ target: '100', achieved: '75', percent: '75%' });
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

  it('lets officers edit the narrative of a draft, then issue it with a number and frozen figures', async () => {
    const { ctx, tinh, lanhdao, thanhtra } = await ownWorld();
    const report = await buildReport(ctx);
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
    const issued = await ok<ReportOut>(
      tinh.inject('POST', `/api/v1/reports/${report.id}/issue`, { acceptMissing: true }),
    );
    expect(issued.state).toBe('issued');
    expect(issued.number).toBe('01/BC-SLĐTBXH');
    expectProblem(
      await tinh.inject('PATCH', `/api/v1/reports/${report.id}`, { texts: { 's3.8.p2': 'x' } }),
      409,
      'REPORT_ISSUED',
    );

    // A late correction changes the records, not the issued report; the regeneration shows the change.
    const old = await ok<EnteredValuePage>(
      tinh.inject('GET', '/api/v1/reports/values?areaCode=692&indicatorCode=employment.jobs_created&year=2025'),
    );
    await ok(
      tinh.inject('POST', `/api/v1/reports/values/${old.items[0]!.id}/correct`, {
        value: 40,
        sourceRef: 'Báo cáo bổ sung của Phòng LĐ-TB&XH Lộc Ninh',
        sourceDate: '2025-12-28',
        reason: 'Phòng LĐ-TB&XH Lộc Ninh báo cáo bổ sung',
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
    const { ctx, lanhdao } = await ownWorld();
    const report = await buildReport(ctx, { issue: true });
    const res = await lanhdao.inject('GET', `/api/v1/reports/${report.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      // The agency names in whole word groups (non-breaking spaces inside each group).
      'UBND|TỈNH\u00A0BÌNH\u00A0PHƯỚC',
      'SỞ\u00A0LAO\u00A0ĐỘNG\u00A0-|THƯƠNG\u00A0BINH\u00A0VÀ\u00A0XÃ\u00A0HỘI',
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
    expect(text).toContain('Giải quyết việc làm cho 75 lao động, đạt 75% kế hoạch năm');
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
    const { ctx, lanhdao } = shared;
    const report = await buildReport(ctx);
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
    const { ctx, tinh, huyen692 } = await ownWorld();
    await buildReport(ctx, { issue: true });
    const q = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'ket-qua-quy', year: 2025, quarter: 4 }),
      201,
    );
    expect([q.periodFrom, q.periodTo, q.title]).toEqual([
      '2025-10-01',
      '2025-12-31',
      'Báo cáo kết quả quý IV năm 2025',
    ]);
    expect(
      (await ok<ReportOut>(tinh.inject('POST', `/api/v1/reports/${q.id}/issue`, { acceptMissing: true }))).number,
    ).toBe('02/BC-SLĐTBXH');
    expectProblem(await huyen692.inject('GET', `/api/v1/reports/${q.id}`), 404, 'NOT_FOUND');
    expectProblem(
      await tinh.inject('POST', '/api/v1/reports', { templateCode: 'ket-qua-quy', year: 2025 }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('two reports issued at the same moment get different numbers; the same report issued twice at once is issued once', async () => {
    const { ctx, tinh } = await ownWorld();
    await buildReport(ctx, { issue: true });
    await buildReport(ctx, { issue: true });
    const a = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'ket-qua-quy', year: 2025, quarter: 1 }),
      201,
    );
    const b = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'ket-qua-quy', year: 2025, quarter: 2 }),
      201,
    );
    const [ra, rb] = await Promise.all([
      tinh.inject('POST', `/api/v1/reports/${a.id}/issue`, { acceptMissing: true }),
      tinh.inject('POST', `/api/v1/reports/${b.id}/issue`, { acceptMissing: true }),
    ]);
    expect([ra.json().number, rb.json().number].sort()).toEqual(['03/BC-SLĐTBXH', '04/BC-SLĐTBXH']);
    const c = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: 'ket-qua-quy', year: 2025, quarter: 3 }),
      201,
    );
    const [c1, c2] = await Promise.all([
      tinh.inject('POST', `/api/v1/reports/${c.id}/issue`, { acceptMissing: true }),
      tinh.inject('POST', `/api/v1/reports/${c.id}/issue`, { acceptMissing: true }),
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
