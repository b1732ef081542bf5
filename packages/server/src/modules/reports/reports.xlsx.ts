import ExcelJS from 'exceljs';
import { formatDateVi, INDICATOR_UNIT_LABELS, type IndicatorUnit, type ReportPreview } from '@ansinh/domain';

/** Each figure of the report's own area, and its value in every sub-area. */
export interface AreaBreakdown {
  areas: { code: string; name: string }[];
  rows: { key: string; name: string; unit: string; total: number | null; values: (number | null)[] }[];
}

const unitLabel = (u: string) => (u in INDICATOR_UNIT_LABELS ? INDICATOR_UNIT_LABELS[u as IndicatorUnit].vi : u);
const SOURCE = { computed: 'Tính từ dữ liệu', entered: 'Nhập có nguồn', missing: 'Chưa có số liệu' } as const;

/**
 * The annex of a report: sheet "Số liệu" lists every figure with how it was obtained (indicator,
 * area, period, as-of date), its plan target and progress; sheet "Theo địa bàn" breaks each one
 * down by district (or commune). Numbers are stored as numbers, shown with Vietnamese grouping.
 */
export async function buildAnnex(p: ReportPreview, byArea: AreaBreakdown): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AnSinh';
  const title = `${p.report.title} — ${p.report.areaName}, số liệu tính đến ngày ${formatDateVi(p.report.asOf)}`;

  const ws = wb.addWorksheet('Số liệu');
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const head = ws.addRow([
    'STT',
    'Chỉ tiêu',
    'Mã chỉ tiêu',
    'Tham số',
    'Đơn vị tính',
    'Địa bàn',
    'Từ ngày',
    'Đến ngày',
    'Tính đến ngày',
    'Kế hoạch',
    'Thực hiện',
    'Tỷ lệ đạt (%)',
    'Nguồn',
  ]);
  head.font = { bold: true };
  p.figures.forEach((f, i) => {
    const pct = f.available && f.target ? Math.round(((f.value ?? 0) * 10000) / f.target) / 100 : null;
    ws.addRow([
      i + 1,
      f.name,
      f.code,
      f.params,
      unitLabel(f.unit),
      f.areaName,
      formatDateVi(f.from),
      formatDateVi(f.to),
      formatDateVi(f.asOf),
      f.target,
      f.available ? f.value : null,
      pct,
      SOURCE[f.source],
    ]);
  });
  ws.columns.forEach((c, i) => {
    c.width = [6, 50, 34, 16, 12, 22, 12, 12, 14, 14, 16, 12, 18][i] ?? 12;
  });
  for (const col of [10, 11]) ws.getColumn(col).numFmt = '#,##0.##';

  const wa = wb.addWorksheet('Theo địa bàn');
  wa.addRow([title]).font = { bold: true, size: 13 };
  wa.addRow([]);
  wa.addRow(['Chỉ tiêu', 'Đơn vị tính', p.report.areaName, ...byArea.areas.map((a) => a.name)]).font = { bold: true };
  for (const r of byArea.rows) wa.addRow([r.name, unitLabel(r.unit), r.total, ...r.values]);
  wa.getColumn(1).width = 50;
  for (let i = 3; i <= byArea.areas.length + 3; i++) {
    wa.getColumn(i).width = 16;
    wa.getColumn(i).numFmt = '#,##0.##';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
