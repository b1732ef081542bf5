import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { formatDateVi, formatNumberVi, type EmploymentReportOut } from '@ansinh/domain';
import { FONT, LINE, NONE, formPage, textWidth } from '../../platform/docx-forms.js';

/**
 * The periodic employment reports as files. DOCX: A4 portrait, Times New Roman, the national
 * title and motto and the administrative layout of Decree 30/2020 (docs/legal/document-format.md),
 * then one table per section and the plan-vs-actual table. XLSX: the same figures, one sheet of
 * lines and one of jobs created by district and channel. The forms' own line order is not
 * verified (docs/legal/employment.md, "Reports"); the file says so under the title.
 */
const WIDTH = textWidth();
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };

const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: (o.size ?? 13) * 2, bold: !!o.bold, italics: !!o.italics });
const para = (
  children: TextRun[],
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {},
) => new Paragraph({ alignment: o.align ?? AlignmentType.LEFT, spacing: { after: o.after ?? 80 }, children });
const num = (n: number) => formatNumberVi(n);

function cell(text: string, width: number, o: { bold?: boolean; right?: boolean; borders?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: o.borders === false ? NO_BORDERS : BORDERS,
    children: [
      para([run(text, { size: 12, bold: !!o.bold })], {
        align: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        after: 0,
      }),
    ],
  });
}

function table(widths: number[], head: string[], rows: string[][], rightFrom = 1) {
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, widths[i]!, { bold: true })) }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, widths[i]!, { right: i >= rightFrom })) })),
    ],
  });
}

function heading(r: EmploymentReportOut) {
  const half = Math.round(WIDTH / 2);
  const side = (lines: Paragraph[]) =>
    new TableCell({ width: { size: half, type: WidthType.DXA }, borders: NO_BORDERS, children: lines });
  const c = (t: string, o: { bold?: boolean; italics?: boolean } = {}) =>
    para([run(t, o)], { align: AlignmentType.CENTER, after: 0 });
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: [half, WIDTH - half],
    rows: [
      new TableRow({
        children: [
          side([c(`UBND ${r.provinceName.toUpperCase()}`), c('TRUNG TÂM DỊCH VỤ VIỆC LÀM', { bold: true })]),
          side([
            c('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }),
            c('Độc lập - Tự do - Hạnh phúc', { bold: true }),
          ]),
        ],
      }),
    ],
  });
}

/** The report as a DOCX for signing. */
export async function employmentReportDocx(r: EmploymentReportOut): Promise<Buffer> {
  const w3 = [Math.round(WIDTH * 0.62), Math.round(WIDTH * 0.14)];
  const widths3 = [w3[0]!, w3[1]!, WIDTH - w3[0]! - w3[1]!];
  const children: (Paragraph | Table)[] = [
    heading(r),
    para([run(r.title.toUpperCase(), { size: 14, bold: true })], { align: AlignmentType.CENTER, after: 40 }),
    para([run(`Từ ngày ${formatDateVi(r.from)} đến ngày ${formatDateVi(r.to)}`, { italics: true })], {
      align: AlignmentType.CENTER,
      after: 40,
    }),
    para([run(`Căn cứ: ${r.basis}. Hạn gửi: ${formatDateVi(r.due)}.`, { size: 12, italics: true })], {
      align: AlignmentType.CENTER,
      after: 200,
    }),
  ];
  if (!r.layoutVerified)
    children.push(
      para(
        [
          run(
            `Bố cục các dòng theo nội dung các điều đã dẫn; chưa đối chiếu với ${r.form} — kiểm tra trước khi ký gửi.`,
            { size: 11, italics: true },
          ),
        ],
        { after: 200 },
      ),
    );
  r.sections.forEach((s, i) => {
    children.push(para([run(`${toRoman(i + 1)}. ${s.title}`, { bold: true })], { after: 80 }));
    children.push(
      table(
        widths3,
        ['Chỉ tiêu', 'Đơn vị tính', 'Số liệu'],
        s.lines.map((l) => [l.label, l.unit, num(l.value)]),
        2,
      ),
    );
    children.push(para([], { after: 120 }));
  });
  children.push(
    para([
      run(`${toRoman(r.sections.length + 1)}. Kết quả giải quyết việc làm so với kế hoạch năm ${r.plan.year}`, {
        bold: true,
      }),
    ]),
  );
  const nameW = Math.round(WIDTH * 0.2);
  const progW = Math.round(WIDTH * 0.2);
  const chW = Math.floor((WIDTH - nameW - progW) / (r.plan.channels.length + 1));
  const widths = [nameW, ...r.plan.channels.map(() => chW), chW, WIDTH - nameW - chW * (r.plan.channels.length + 1)];
  children.push(
    table(
      widths,
      ['Địa bàn', ...r.plan.channels.map((c) => c.label), 'Tổng', 'Thực hiện/kế hoạch'],
      r.plan.rows.map((x) => [
        x.areaName,
        ...r.plan.channels.map((c) => num(x.byChannel[c.code] ?? 0)),
        num(x.total),
        x.target === null ? `${num(x.total)} (không có kế hoạch)` : x.progress,
      ]),
    ),
  );
  if (r.plan.channelTargets.length) {
    children.push(para([], { after: 120 }));
    children.push(
      table(
        widths3,
        ['Kênh giải quyết việc làm', 'Kế hoạch', 'Thực hiện/kế hoạch'],
        r.plan.channelTargets.map((t) => [
          r.plan.channels.find((c) => c.code === t.channel)?.label ?? t.channel,
          num(t.target),
          t.progress,
        ]),
      ),
    );
  }
  children.push(para([], { after: 240 }));
  children.push(para([run('GIÁM ĐỐC', { bold: true })], { align: AlignmentType.RIGHT }));
  const doc = new Document({
    creator: 'AnSinh',
    title: r.title,
    sections: [{ properties: { page: formPage() }, children }],
  });
  return Packer.toBuffer(doc);
}

function toRoman(n: number): string {
  return ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n);
}

/** The same figures as a workbook: lines, then jobs created by district and channel against the plan. */
export async function employmentReportXlsx(r: EmploymentReportOut): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AnSinh';
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow([r.title]).font = { bold: true, size: 13 };
  ws.addRow([
    `${r.provinceName} — từ ${formatDateVi(r.from)} đến ${formatDateVi(r.to)}; hạn gửi ${formatDateVi(r.due)}`,
  ]);
  ws.addRow([`Căn cứ: ${r.basis}${r.layoutVerified ? '' : ` (bố cục chưa đối chiếu với ${r.form})`}`]);
  ws.addRow([]);
  ws.addRow(['Mục', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu']).font = { bold: true };
  for (const s of r.sections) {
    ws.addRow([s.title]).font = { bold: true };
    for (const l of s.lines) ws.addRow([l.code, l.label, l.unit, l.value]);
  }
  [22, 70, 12, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const plan = wb.addWorksheet('Kế hoạch');
  plan.addRow([`Giải quyết việc làm so với kế hoạch năm ${r.plan.year}`]).font = { bold: true };
  plan.addRow([
    'Mã',
    'Địa bàn',
    ...r.plan.channels.map((c) => c.label),
    'Tổng',
    'Kế hoạch',
    'Thực hiện/kế hoạch',
  ]).font = { bold: true };
  for (const x of r.plan.rows)
    plan.addRow([
      x.areaCode,
      x.areaName,
      ...r.plan.channels.map((c) => x.byChannel[c.code] ?? 0),
      x.total,
      x.target,
      x.progress,
    ]);
  if (r.plan.channelTargets.length) {
    plan.addRow([]);
    plan.addRow(['Kênh', '', 'Thực hiện', 'Kế hoạch', 'Thực hiện/kế hoạch']).font = { bold: true };
    for (const t of r.plan.channelTargets) plan.addRow([t.channel, '', t.actual, t.target, t.progress]);
  }
  plan.getColumn(2).width = 28;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
