import ExcelJS from 'exceljs';
import { formatDateVi, type BreakdownCells, type BreakdownOut, type BreakdownQuery } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { safeText } from '../../../platform/xlsx-safe.js';
import type { PovertyDeps } from './deps.js';
import { movementBreakdown } from './movement-breakdown.js';

const TITLE: Record<BreakdownOut['by'], string> = {
  cause: 'DIỄN BIẾN HỘ NGHÈO, HỘ CẬN NGHÈO THEO NGUYÊN NHÂN NGHÈO',
  group: 'DIỄN BIẾN HỘ NGHÈO, HỘ CẬN NGHÈO THEO NHÓM HỘ',
  ethnicity: 'DIỄN BIẾN HỘ NGHÈO, HỘ CẬN NGHÈO THEO DÂN TỘC',
};
const COLS = ['Đầu kỳ', 'Thoát', 'Tái nghèo', 'Phát sinh mới', 'Cuối kỳ', 'Giảm thực'];
const cells = (c: BreakdownCells) => [c.start, c.left, c.fellBack, c.new, c.end, c.netDecrease];

/** The breakdown as an XLSX sheet: one block per commune, then the area's total (printable, landscape). */
export function breakdownXlsx(deps: PovertyDeps) {
  const read = movementBreakdown(deps);
  return async (actor: Actor, q: BreakdownQuery): Promise<Buffer> => {
    const b = await read(actor, q);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Diễn biến', {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const width = 2 + COLS.length * 2;
    ws.mergeCells(1, 1, 1, width);
    ws.getCell(1, 1).value = TITLE[b.by];
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    ws.mergeCells(2, 1, 2, width);
    ws.getCell(2, 1).value = `Kỳ rà soát năm ${b.year}${b.asOf ? `, số liệu đến ngày ${formatDateVi(b.asOf)}` : ''}`;
    ws.getCell(2, 1).alignment = { horizontal: 'center' };
    ws.addRow([]);
    ws.addRow(['Địa bàn', 'Chỉ tiêu', 'Hộ nghèo', '', '', '', '', '', 'Hộ cận nghèo']);
    ws.mergeCells(4, 3, 4, 2 + COLS.length);
    ws.mergeCells(4, 3 + COLS.length, 4, width);
    ws.addRow(['', '', ...COLS, ...COLS]);
    for (const r of [4, 5]) ws.getRow(r).font = { bold: true };
    const label = new Map(b.keys.map((k) => [k.code, k.vi]));
    const block = (name: string, lines: BreakdownOut['total']) => {
      for (const l of lines)
        ws.addRow([safeText(name), label.get(l.key) ?? l.key, ...cells(l.poor), ...cells(l.nearPoor)]);
    };
    for (const c of b.communes) block(c.communeName, c.lines);
    const start = ws.rowCount + 1;
    block('Toàn địa bàn', b.total);
    for (let r = start; r <= ws.rowCount; r++) ws.getRow(r).font = { bold: true };
    ws.getColumn(1).width = 28;
    ws.getColumn(2).width = 42;
    for (let i = 3; i <= width; i++) ws.getColumn(i).width = 11;
    ws.views = [{ state: 'frozen', ySplit: 5, xSplit: 2 }];
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
}
