import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { agencyLines, type ReportPreview } from '@ansinh/domain';
import { offThread } from '../../platform/off-thread.js';
import { annexChildren } from './reports.annex.js';

/**
 * A report as a DOCX in the layout of Decree 30/2020/NĐ-CP (docs/legal/document-format.md, Phụ lục I and Mẫu
 * 1.4 of Phụ lục III): A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman;
 * national title (12 pt bold, on one line: the right column is 60% of the width) and motto on the
 * right, parent and issuing agency on the left in lines that never break inside a word group
 * (agencyLines), each rule 1/3–1/2 of the line above it (RULE_SHARE), number, place
 * and date; title in bold capitals; body 14 pt justified with a 1 cm first-line indent, 6 pt
 * after each paragraph and 1,15 line spacing; "Nơi nhận:" 12 pt bold italic with the recipients
 * in 11 pt; the signer's authority and title in bold capitals. Page numbers centred in the top
 * margin from page 2.
 */
const FONT = 'Times New Roman';
const MM = 56.7; // twentieths of a point per millimetre
const A4 = { width: 11906, height: 16838 };
export const PAGE_MARGINS = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};
const CONTENT_WIDTH = A4.width - PAGE_MARGINS.left - PAGE_MARGINS.right;
const pt = (n: number) => n * 2; // half-points

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function run(text: string, o: { size?: number; bold?: boolean; italics?: boolean; underline?: boolean } = {}) {
  return new TextRun({
    text,
    font: FONT,
    size: pt(o.size ?? 14),
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
    ...(o.underline ? { underline: {} } : {}),
  });
}

function centered(children: TextRun[], after = 0) {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
}

/** The share of its line a rule takes: between 1/3 and 1/2 (NĐ 30/2020, Phụ lục I). */
export const RULE_SHARE = 0.4;
/** The header columns: the national title needs 60% of the width to stay on one line. */
export const HEADER_LEFT_SHARE = 0.4;
const CELL_MARGINS = 2 * 108; // Word's default cell margins, left and right

/**
 * The width of a line of Times New Roman, in twentieths of a point, estimated from its letters
 * (capitals are wider than small letters, spaces narrower). Enough to size rules and to check
 * that a title fits its column; Word measures the real thing.
 */
export function textWidth(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ' || ch === '\u00A0') em += 0.25;
    else if (/[-.,:;]/.test(ch)) em += 0.33;
    else if (ch === ch.toUpperCase() && ch !== ch.toLowerCase()) em += bold ? 0.72 : 0.68;
    else em += bold ? 0.5 : 0.46;
  }
  return Math.round(em * sizePt * 20);
}

/** A rule under a line of `lineWidth` in a column of `columnWidth`: RULE_SHARE of the line, centred. */
function rule(lineWidth: number, columnWidth: number) {
  const width = Math.round(Math.min(lineWidth, columnWidth) * RULE_SHARE);
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    border: { top: LINE },
    spacing: { after: 0 },
    children: [],
  });
}

/** The characters of capitals that fit a header column at a size (for agencyLines). */
const charsFitting = (width: number, sizePt: number, bold: boolean) =>
  Math.floor((width - CELL_MARGINS) / ((bold ? 0.72 : 0.68) * sizePt * 20));

function headerTable(p: ReportPreview) {
  const left = Math.round(CONTENT_WIDTH * HEADER_LEFT_SHARE);
  const right = CONTENT_WIDTH - left;
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
  const parent = agencyLines(p.header.parentAgency.toUpperCase(), charsFitting(left, 13, false));
  const agency = agencyLines(p.header.agency.toUpperCase(), charsFitting(left, 13, true));
  const agencyWidth = Math.max(...agency.map((l) => textWidth(l, 13, true)));
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...parent.map((l) => centered([run(l, { size: 13 })])),
              ...agency.map((l) => centered([run(l, { size: 13, bold: true })])),
              rule(agencyWidth, left - CELL_MARGINS),
            ],
            left,
          ),
          cell(
            [
              centered([run(NATIONAL_TITLE, { size: NATIONAL_TITLE_PT, bold: true })]),
              centered([run('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true, underline: true })]),
            ],
            right,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell([centered([run(p.header.number, { size: 13 })], 120)], left),
          cell([centered([run(p.header.placeDate, { size: 14, italics: true })], 120)], right),
        ],
      }),
    ],
  });
}

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_TITLE_PT = 12;
/** The width the national title has in the header's right column (it must fit on one line). */
export const NATIONAL_TITLE_COLUMN = CONTENT_WIDTH - Math.round(CONTENT_WIDTH * HEADER_LEFT_SHARE) - CELL_MARGINS;

function body(text: string | TextRun[], o: { bold?: boolean; indent?: boolean } = {}) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: o.indent === false ? {} : { firstLine: Math.round(10 * MM) },
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children: typeof text === 'string' ? [run(text, { bold: !!o.bold })] : text,
  });
}

function figuresTable(block: Extract<ReportPreview['sections'][number]['blocks'][number], { type: 'table' }>) {
  const widths = [700, 4200, 1400, 1400, CONTENT_WIDTH - 700 - 4200 - 2800];
  const border = { top: LINE, bottom: LINE, left: LINE, right: LINE };
  const c = (
    text: string,
    i: number,
    o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
  ) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders: border,
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: o.align ?? AlignmentType.LEFT,
          children: [run(text, { size: 12, bold: !!o.bold })],
        }),
      ],
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['STT', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ đạt'].map((h, i) =>
          c(h, i, { bold: true, align: AlignmentType.CENTER }),
        ),
      }),
      ...block.rows.map(
        (r, i) =>
          new TableRow({
            children: [
              c(String(i + 1), 0, { align: AlignmentType.CENTER }),
              c(r.label, 1),
              c(r.target, 2, { align: AlignmentType.RIGHT }),
              c(r.achieved, 3, { align: AlignmentType.RIGHT }),
              c(r.percent, 4, { align: AlignmentType.RIGHT }),
            ],
          }),
      ),
    ],
  });
}

function closing(p: ReportPreview) {
  const left = Math.round(CONTENT_WIDTH * 0.5);
  const right = CONTENT_WIDTH - left;
  const recips = p.header.recipients.map((r, i, all) => {
    const last = i === all.length - 1;
    const line = last ? `- ${r.replace(/[.;]$/, '')}.` : `- ${r.replace(/[.;]$/, '')};`;
    return new Paragraph({ spacing: { after: 0 }, children: [run(line, { size: 11 })] });
  });
  const signer = [
    ...(p.header.signerAuthority
      ? [centered([run(p.header.signerAuthority.toUpperCase(), { size: 14, bold: true })])]
      : []),
    centered([run(p.header.signerTitle.toUpperCase(), { size: 14, bold: true })]),
    new Paragraph({ spacing: { after: 1200 }, children: [] }),
    centered([run(p.header.signerName, { size: 14, bold: true })]),
  ];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: [
              new Paragraph({
                spacing: { after: 0 },
                children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })],
              }),
              ...recips,
            ],
          }),
          new TableCell({ width: { size: right, type: WidthType.DXA }, borders: NO_BORDERS, children: signer }),
        ],
      }),
    ],
  });
}

/** `renderReportDocx` in the shared render thread (platform/off-thread.ts): the event loop stays free. */
export const buildDocx = offThread<[ReportPreview], Buffer>(import.meta.url, 'renderReportDocx');
export async function renderReportDocx(p: ReportPreview): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [headerTable(p)];
  children.push(centered([run(p.header.docTitle.toUpperCase(), { size: 14, bold: true })], 0));
  children.push(centered([run(p.header.summary, { size: 14, bold: true })], 0));
  children.push(rule(textWidth(p.header.summary, 14, true), CONTENT_WIDTH));
  if (p.header.addressee) children.push(centered([run(p.header.addressee, { size: 14 })], 240));
  else children.push(new Paragraph({ spacing: { after: 240 }, children: [] }));
  for (const sec of p.sections) {
    children.push(body(`${sec.number} ${sec.title}`, { bold: true }));
    for (const b of sec.blocks) {
      if (b.type === 'table') {
        if (b.caption) children.push(centered([run(b.caption, { size: 13, bold: true })], 120));
        children.push(figuresTable(b));
        children.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
      } else {
        const text = b.segments.map((s) => s.text).join('');
        for (const para of text.split(/\n+/)) if (para.trim()) children.push(body(para));
      }
    }
  }
  children.push(new Paragraph({ spacing: { after: 240 }, children: [] }));
  children.push(closing(p));
  children.push(...annexChildren(p));

  const doc = new Document({
    creator: 'AnSinh',
    title: p.report.title,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { ...PAGE_MARGINS, header: Math.round(10 * MM), footer: Math.round(10 * MM) },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
              }),
            ],
          }),
          first: new Header({ children: [] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
