import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFirstSheet } from './xlsx-read.js';

async function book(fill: (ws: ExcelJS.Worksheet) => void, second?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Một'));
  if (second) second(wb.addWorksheet('Hai'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readFirstSheet', () => {
  it('reads strings (shared, rich, with XML entities), numbers, dates by their style, booleans, formulas and gaps', async () => {
    const buf = await book(
      (ws) => {
        ws.addRow(['Họ và tên', 'Ngày sinh', 'Số', 'Đúng', 'Công thức']);
        ws.addRow([
          'Nguyễn Văn A & <Bé> "Tí"',
          new Date(Date.UTC(1950, 0, 5)),
          70050000123,
          true,
          { formula: '1+1', result: 2 },
        ]);
        ws.getCell('A3').value = {
          richText: [{ text: 'Trần ' }, { text: 'Thị', font: { bold: true } }, { text: ' Bình' }],
        };
        ws.getCell('C3').value = 1.5;
        ws.getCell('E5').value = 'xa';
      },
      (ws) => ws.addRow(['không đọc sheet này']),
    );
    const rows = readFirstSheet(buf);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(rows[1]!.cells).toEqual(['Nguyễn Văn A & <Bé> "Tí"', new Date(Date.UTC(1950, 0, 5)), 70050000123, true, 2]);
    expect(rows[2]!.cells).toEqual(['Trần Thị Bình', null, 1.5]);
    expect(rows[3]!.cells).toEqual([null, null, null, null, 'xa']);
  });

  it('refuses a file that is not a ZIP', () => {
    expect(() => readFirstSheet(Buffer.from('not a zip at all, just text'))).toThrow(/ZIP/);
  });
});
