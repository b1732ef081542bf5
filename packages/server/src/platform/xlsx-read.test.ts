import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppError } from './errors.js';
import { readFirstSheet, readFirstSheetOffThread } from './xlsx-read.js';

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

describe('limits (a zip bomb, a file of too many rows)', () => {
  /** A sheet of `rows` rows, each cell the same text: it compresses to almost nothing. */
  async function repetitive(rows: number, text = 'x'.repeat(200)): Promise<Buffer> {
    return book((ws) => {
      for (let i = 0; i < rows; i++) ws.addRow([text, text, text, text, text]);
    });
  }

  it('refuses a file that unpacks beyond the limit, before unpacking it all, and says the limits', async () => {
    const buf = await repetitive(5000, 'y'); // a few kB packed, several MB of XML unpacked
    expect(buf.length).toBeLessThan(200_000);
    try {
      readFirstSheet(buf, { maxUncompressedBytes: 300_000, maxRows: 1_000_000 });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('FILE_TOO_LARGE');
      expect((e as AppError).status).toBe(413);
      expect((e as AppError).message).toContain('MB');
    }
  });

  it('refuses a file whose ZIP directory understates what a part unpacks to', async () => {
    const buf = Buffer.from(await repetitive(5000, 'z'));
    // Lie in every central-directory entry: declare 1 byte unpacked.
    for (
      let p = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      p >= 0;
      p = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)
    )
      buf.writeUInt32LE(1, p + 24);
    expect(() => readFirstSheet(buf, { maxUncompressedBytes: 300_000, maxRows: 1_000_000 })).toThrow(/quá lớn/);
  });

  it('refuses more rows than the limit, and reads exactly the limit', async () => {
    // A header and 10 data rows pass a limit of 10; one more row does not.
    const limits = { maxUncompressedBytes: 10_000_000, maxRows: 10 };
    expect(readFirstSheet(await repetitive(11, 'a'), limits)).toHaveLength(11);
    await expect(repetitive(12, 'a').then((b) => readFirstSheet(b, limits))).rejects.toThrow(/10 dòng/);
  });

  it('reads the same rows off the event loop, and refuses there with the same error', async () => {
    const buf = await repetitive(3000, 'b');
    const rows = await readFirstSheetOffThread(buf);
    expect(rows).toEqual(readFirstSheet(buf));
    await expect(
      readFirstSheetOffThread(buf, { maxUncompressedBytes: 10_000_000, maxRows: 100 }),
    ).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
  });
});
