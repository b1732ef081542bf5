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

/**
 * The forms of the petitions module as DOCX in the layout of Decree 30/2020/NĐ-CP
 * (docs/legal/document-format.md): A4, margins 20/20/30/15 mm, Times New Roman; issuing agency on
 * the left, national title and motto on the right, the form number above them; title in bold
 * capitals; body 14 pt justified with a 1 cm first-line indent; signature blocks at the foot.
 * Official forms are always in Vietnamese. Layout only: the use cases fill the text.
 */
const FONT = 'Times New Roman';
const MM = 56.7;
const A4 = { width: 11906, height: 16838 };
const MARGINS = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};
const pt = (n: number) => n * 2;
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

export interface FormHeader {
  /** The body above the issuer ('UBND TỈNH BÌNH PHƯỚC'), empty for none. */
  parent: string;
  issuer: string;
  /** 'Số: …/TB-…' or '' */
  number: string;
  /** 'Bình Phước, ngày … tháng … năm …' */
  placeDate: string;
}

export interface FormSpec {
  /** 'Mẫu số 01/TCD' */
  formNo: string;
  header: FormHeader;
  title: string;
  subtitle?: string;
  /** Body paragraphs; a paragraph starting with '- ' is a list line. */
  paragraphs: readonly string[];
  /** Signature blocks at the foot, left to right (title in capitals, then a note in italics). */
  signers: readonly { title: string; note?: string }[];
}

const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean; underline?: boolean } = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: pt(o.size ?? 14),
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
    ...(o.underline ? { underline: {} } : {}),
  });
const centered = (children: TextRun[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
const cell = (children: Paragraph[], width: number, borders: object = NO_BORDERS) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders });

function headerTable(h: FormHeader, width: number) {
  const left = Math.round(width * 0.42);
  const right = width - left;
  const issuer = [
    ...(h.parent ? [centered([run(h.parent.toUpperCase(), { size: 13 })])] : []),
    centered([run(h.issuer.toUpperCase(), { size: 13, bold: true })]),
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

const formNo = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { after: 120 },
    children: [run(text, { size: 12, bold: true })],
  });

function bodyParagraph(text: string) {
  const list = text.startsWith('- ');
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: list ? 0 : Math.round(10 * MM) },
    spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children: [run(text)],
  });
}

function signersTable(signers: FormSpec['signers'], width: number) {
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

function page(landscape: boolean) {
  return {
    size: landscape
      ? { width: A4.height, height: A4.width, orientation: PageOrientation.LANDSCAPE }
      : { width: A4.width, height: A4.height },
    margin: MARGINS,
  };
}

/** A one-page form (notice, receipt, slip). */
export async function formDocx(f: FormSpec): Promise<Buffer> {
  const width = A4.width - MARGINS.left - MARGINS.right;
  const doc = new Document({
    creator: 'AnSinh',
    title: f.title,
    sections: [
      {
        properties: { page: page(false) },
        children: [
          formNo(f.formNo),
          headerTable(f.header, width),
          centered([run(f.title.toUpperCase(), { bold: true })], f.subtitle ? 0 : 240),
          ...(f.subtitle ? [centered([run(f.subtitle, { bold: true })], 240)] : []),
          ...f.paragraphs.map(bodyParagraph),
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          signersTable(f.signers, width),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** A book (Mẫu 03/TCD): landscape A4, a title, numbered column heads, one row per line. */
export async function bookDocx(b: {
  formNo: string;
  header: FormHeader;
  title: string;
  subtitle: string;
  columns: readonly string[];
  /** Relative widths of the columns. */
  widths: readonly number[];
  rows: readonly (readonly (string | number)[])[];
}): Promise<Buffer> {
  const width = A4.height - MARGINS.left - MARGINS.right;
  const total = b.widths.reduce((a, x) => a + x, 0);
  const cols = b.widths.map((x) => Math.floor((x / total) * width));
  const line = (values: readonly (string | number)[], o: { bold?: boolean; center?: boolean } = {}) =>
    new TableRow({
      tableHeader: !!o.bold,
      children: values.map((v, i) =>
        cell(
          [
            new Paragraph({
              alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
              children: [run(String(v), { size: 11, ...(o.bold ? { bold: true } : {}) })],
            }),
          ],
          cols[i]!,
          GRID,
        ),
      ),
    });
  const doc = new Document({
    creator: 'AnSinh',
    title: b.title,
    sections: [
      {
        properties: { page: page(true) },
        children: [
          formNo(b.formNo),
          headerTable(b.header, width),
          centered([run(b.title.toUpperCase(), { bold: true })]),
          centered([run(b.subtitle, { italics: true })], 240),
          new Table({
            width: { size: width, type: WidthType.DXA },
            columnWidths: cols,
            rows: [
              line(b.columns, { bold: true, center: true }),
              line(
                b.columns.map((_c, i) => `(${i + 1})`),
                { center: true },
              ),
              ...b.rows.map((r) => line(r)),
            ],
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
