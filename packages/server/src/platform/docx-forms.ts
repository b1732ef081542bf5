import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { offThread } from './off-thread.js';

/**
 * Official forms as DOCX in the layout of Decree 30/2020/NĐ-CP (docs/legal/document-format.md):
 * A4 (portrait, or landscape for lists), margins 20/20/30/15 mm, Times New Roman; the issuing
 * agency on the left, national title and motto on the right, the form number above them; title
 * in bold capitals; body 14 pt justified with a 1 cm first-line indent; tables with a grid and
 * numbered column heads; signature blocks at the foot. Forms are always in Vietnamese. Layout
 * only: the use cases fill the text. Documents that are not one such form (a decision with its
 * annex, a report with its own heading) build on the exported page, text run and header table.
 */
export const FONT = 'Times New Roman';
export const MM = 56.7; // twentieths of a point per millimetre
export const A4 = { width: 11906, height: 16838 };
export const MARGINS = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};
/** Width of the text between the margins, in twentieths of a point. */
export const textWidth = (landscape = false) => (landscape ? A4.height : A4.width) - MARGINS.left - MARGINS.right;
/** The page of a section: A4 portrait (or landscape) with the decree's margins. */
export const formPage = (landscape = false) => ({
  size: landscape
    ? { width: A4.height, height: A4.width, orientation: PageOrientation.LANDSCAPE }
    : { width: A4.width, height: A4.height },
  margin: MARGINS,
});
const pt = (n: number) => n * 2; // half-points
export const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
export const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

export interface DocxFormHeader {
  /** The body above the issuer ('UBND TỈNH BÌNH PHƯỚC'), empty for none. */
  parent: string;
  issuer: string;
  /** 'Số: …/BB-…' or '' */
  number: string;
  /** 'Bình Phước, ngày … tháng … năm …' */
  placeDate: string;
  /** A short rule under the issuer, as the commune decisions have. */
  issuerRule?: boolean;
}

/** A table in the body: column heads, relative widths, one row per line. */
export interface DocxFormTable {
  columns: readonly string[];
  widths: readonly number[];
  rows: readonly (readonly (string | number)[])[];
  /** Numbered heads '(1) (2) …' under the column heads, as the decree's list forms have. */
  numbered?: boolean;
  /** Point size of the cells (12 unless given). */
  textSize?: number;
}

/** A body block: a paragraph ('- ' starts a list line), a bold section heading, or a table. */
export type DocxFormBlock = string | { heading: string } | { table: DocxFormTable };

export interface DocxFormSpec {
  /** 'Mẫu số 84' */
  formNo: string;
  header: DocxFormHeader;
  title: string;
  subtitle?: string;
  /** The subtitle in italics (a period under a book's title) rather than bold. */
  subtitleItalics?: boolean;
  body: readonly DocxFormBlock[];
  /** Signature blocks at the foot, left to right (title in capitals, then a note in italics); none: no block. */
  signers: readonly { title: string; note?: string }[];
  landscape?: boolean;
  /** Times New Roman 14 pt as the document's default style (on unless false). */
  defaultStyle?: boolean;
}

export const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean; underline?: boolean } = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: pt(o.size ?? 14),
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
    ...(o.underline ? { underline: {} } : {}),
  });
export const centered = (children: TextRun[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
const cell = (children: Paragraph[], width: number, borders: object = NO_BORDERS) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders });

/** Agency left, national title and motto right; number and place-date under them. */
export function headerTable(h: DocxFormHeader, width: number) {
  const left = Math.round(width * 0.42);
  const right = width - left;
  const issuer = [
    ...(h.parent ? [centered([run(h.parent.toUpperCase(), { size: 13 })])] : []),
    centered([run(h.issuer.toUpperCase(), { size: 13, bold: true })]),
    ...(h.issuerRule
      ? [new Paragraph({ border: { top: LINE }, indent: { left: 1200, right: 1200 }, children: [] })]
      : []),
  ];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(issuer, left),
          cell(
            [
              centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true })]),
              centered([run('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true, underline: true })]),
            ],
            right,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell([centered([run(h.number, { size: 13 })], 120)], left),
          cell([centered([run(h.placeDate, { size: 14, italics: true })], 120)], right),
        ],
      }),
    ],
  });
}

function bodyParagraph(text: string) {
  const list = text.startsWith('- ');
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: list ? 0 : Math.round(10 * MM) },
    spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children: [run(text)],
  });
}

function gridTable(t: DocxFormTable, width: number) {
  const total = t.widths.reduce((a, x) => a + x, 0);
  const cols = t.widths.map((x) => Math.floor((x / total) * width));
  const line = (values: readonly (string | number)[], o: { bold?: boolean; center?: boolean } = {}) =>
    new TableRow({
      tableHeader: !!o.bold,
      children: values.map((v, i) =>
        cell(
          [
            new Paragraph({
              alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
              children: [run(String(v), { size: t.textSize ?? 12, ...(o.bold ? { bold: true } : {}) })],
            }),
          ],
          cols[i]!,
          GRID,
        ),
      ),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: cols,
    rows: [
      line(t.columns, { bold: true, center: true }),
      ...(t.numbered
        ? [
            line(
              t.columns.map((_c, i) => `(${i + 1})`),
              { center: true },
            ),
          ]
        : []),
      ...t.rows.map((r) => line(r)),
    ],
  });
}

function signersTable(signers: DocxFormSpec['signers'], width: number) {
  const w = Math.round(width / Math.max(signers.length, 1));
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: signers.map(() => w),
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: signers.map((s) =>
          cell(
            [
              centered([run(s.title.toUpperCase(), { bold: true })]),
              ...(s.note ? [centered([run(s.note, { italics: true, size: 13 })])] : []),
            ],
            w,
          ),
        ),
      }),
    ],
  });
}

function block(b: DocxFormBlock, width: number): Paragraph | Table {
  if (typeof b === 'string') return bodyParagraph(b);
  if ('heading' in b)
    return new Paragraph({ spacing: { before: 120, after: 120 }, children: [run(b.heading, { bold: true })] });
  return gridTable(b.table, width);
}

/** Times New Roman 14 pt as the document default. */
export const FORM_STYLES = { default: { document: { run: { font: FONT, size: pt(14) } } } };

/** A form (extract, minutes, list) as a one-section DOCX. */
/** `renderFormDocx` in the shared render thread (platform/off-thread.ts): the event loop stays free. */
export const formDocx = offThread<[DocxFormSpec], Buffer>(import.meta.url, 'renderFormDocx');

export async function renderFormDocx(f: DocxFormSpec): Promise<Buffer> {
  const width = textWidth(f.landscape);
  const doc = new Document({
    creator: 'AnSinh',
    title: f.title,
    ...(f.defaultStyle === false ? {} : { styles: FORM_STYLES }),
    sections: [
      {
        properties: { page: formPage(f.landscape) },
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { after: 120 },
            children: [run(f.formNo, { size: 12, bold: true })],
          }),
          headerTable(f.header, width),
          centered([run(f.title.toUpperCase(), { bold: true })], f.subtitle ? 0 : 240),
          ...(f.subtitle
            ? [centered([run(f.subtitle, f.subtitleItalics ? { italics: true } : { bold: true })], 240)]
            : []),
          ...f.body.map((b) => block(b, width)),
          ...(f.signers.length
            ? [new Paragraph({ spacing: { after: 240 }, children: [] }), signersTable(f.signers, width)]
            : []),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** 'ngày 05 tháng 03 năm 2025' from an ISO date. */
export const dateWordsVi = (iso: string) => `ngày ${iso.slice(8, 10)} tháng ${iso.slice(5, 7)} năm ${iso.slice(0, 4)}`;
