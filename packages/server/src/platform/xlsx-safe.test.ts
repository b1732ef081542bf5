import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFirstSheet } from './xlsx-read.js';
import { safeText } from './xlsx-safe.js';

describe('safeText', () => {
  it('defuses text that a spreadsheet would run as a formula, and leaves the rest', () => {
    for (const v of ['=HYPERLINK("http://x","a")', '+cmd|" /C calc"!A0', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(safeText(v)).toBe(`'${v}`);
    for (const v of ['Nguyễn Văn A', '0912345678', 'Thôn 3', '', 5, null]) expect(safeText(v)).toBe(v);
  });

  it('written through exceljs, the cell holds text, not a formula', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow([safeText('=1+1')]);
    const rows = readFirstSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows[0]!.cells[0]).toBe("'=1+1");
  });
});
