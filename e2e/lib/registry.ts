import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** The columns of the registry import template that the browser tests fill, in order. */
export const IMPORT_HEADERS = [
  'Mã hộ',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số CCCD',
  'Dân tộc',
  'Quan hệ với chủ hộ',
  'Điện thoại',
  'Mã xã',
  'Thôn/ấp/tổ',
] as const;

export type ImportRow = Record<(typeof IMPORT_HEADERS)[number], string>;

/** A fresh temporary directory for the files a test writes and downloads. */
export function tempDir(prefix = 'ansinh-e2e-files-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Writes an import file as an officer would type it: every cell as text (so "05/01/1950" and
 * "070050001001" keep their form), with the template's Vietnamese headers.
 */
export async function writeImportXlsx(file: string, rows: ImportRow[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhân khẩu');
  ws.addRow([...IMPORT_HEADERS]);
  for (const r of rows) ws.addRow(IMPORT_HEADERS.map((h) => r[h]));
  await wb.xlsx.writeFile(file);
  return file;
}

/** The first sheet of an XLSX as rows of text (header row first). */
export async function readXlsxRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(
      values
        .slice(1)
        .map((v) =>
          v === null || v === undefined
            ? ''
            : typeof v === 'object'
              ? String((v as { text?: unknown }).text ?? JSON.stringify(v))
              : String(v),
        ),
    );
  });
  return rows;
}
