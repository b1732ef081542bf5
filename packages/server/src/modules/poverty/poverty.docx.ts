import { AlignmentType, Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { POVERTY_CLASS_LABELS, formatDateVi, type PovertyClass } from '@ansinh/domain';
import { FORM_STYLES, LINE, MM, centered, formPage, headerTable, run, textWidth } from '../../platform/docx-forms.js';

/**
 * The documents of the recognition step as DOCX, in the layout of Decree 30/2020/NĐ-CP (A4;
 * margins 20/20/30/15 mm; Times New Roman; national title and motto on the right, the issuing
 * agency on the left; docs/legal/poverty.md): the commune chair's decision recognising the lists
 * (Mẫu 02, QĐ 24/2021/QĐ-TTg) with its annex, and the certificates of poor and near-poor
 * households (Mẫu 03), one per page.
 */
export interface RecognitionDoc {
  communeName: string;
  districtName: string | null;
  year: number;
  decisionNo: string;
  decisionDate: string;
  validFrom: string;
  signer: string;
  households: { code: string; head: string | null; village: string | null; cls: PovertyClass }[];
}

const WIDTH = textWidth();

const para = (text: string, o: { bold?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(10 * MM) },
    spacing: { after: 120, line: 276 },
    children: [run(text, o)],
  });

const placeDate = (d: RecognitionDoc) => {
  const [y, m, day] = d.decisionDate.split('-');
  return `${d.communeName.replace(/^(Xã|Phường|Thị trấn) /, '')}, ngày ${day} tháng ${m} năm ${y}`;
};

/** Agency (with a rule under it) left, national title right; number and place-date under them. */
const heading = (d: RecognitionDoc, number: string) =>
  headerTable(
    {
      parent: '',
      issuer: `UỶ BAN NHÂN DÂN ${d.communeName.toUpperCase()}`,
      number,
      placeDate: placeDate(d),
      issuerRule: true,
    },
    WIDTH,
  );

function signature(d: RecognitionDoc) {
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 240 },
      children: [run('TM. ỦY BAN NHÂN DÂN', { bold: true })],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run('CHỦ TỊCH', { bold: true })] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 1200 },
      children: [run(d.signer, { bold: true })],
    }),
  ];
}

function annex(d: RecognitionDoc) {
  const widths = [800, 1800, 3400, 1900, WIDTH - 7900];
  const c = (t: string, i: number, bold = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
      children: [
        new Paragraph({
          alignment: i === 2 ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(t, { size: 12, bold })],
        }),
      ],
    });
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['STT', 'Mã hộ', 'Họ tên chủ hộ', 'Thôn, tổ', 'Kết quả'].map((h, i) => c(h, i, true)),
      }),
      ...d.households.map(
        (h, i) =>
          new TableRow({
            children: [
              c(String(i + 1), 0),
              c(h.code, 1),
              c(h.head ?? '', 2),
              c(h.village ?? '', 3),
              c(POVERTY_CLASS_LABELS[h.cls].vi, 4),
            ],
          }),
      ),
    ],
  });
}

const doc = (children: (Paragraph | Table)[]) =>
  Packer.toBuffer(
    new Document({
      styles: FORM_STYLES,
      sections: [{ properties: { page: formPage() }, children }],
    }),
  );

/** Mẫu 02: the decision recognising the poor, near-poor and left households, with its annex. */
export function decisionDocx(d: RecognitionDoc): Promise<Buffer> {
  const count = (cls: PovertyClass) => d.households.filter((h) => h.cls === cls).length;
  return doc([
    heading(d, `Số: ${d.decisionNo}`),
    centered([run('QUYẾT ĐỊNH', { bold: true })], 0),
    centered(
      [
        run(`Về việc công nhận hộ nghèo, hộ cận nghèo; hộ thoát nghèo, hộ thoát cận nghèo năm ${d.year}`, {
          bold: true,
        }),
      ],
      120,
    ),
    centered([run(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${d.communeName.toUpperCase()}`, { bold: true })], 120),
    para('Căn cứ Luật Tổ chức chính quyền địa phương;'),
    para(
      'Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm và quy trình xác định hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình;',
    ),
    para(`Căn cứ kết quả rà soát hộ nghèo, hộ cận nghèo năm ${d.year} trên địa bàn;`),
    centered([run('QUYẾT ĐỊNH:', { bold: true })], 120),
    para(
      `Điều 1. Công nhận ${count('poor')} hộ nghèo, ${count('near_poor')} hộ cận nghèo, ${count('left_poverty')} hộ thoát nghèo, ${count('left_near_poverty')} hộ thoát cận nghèo và ${count('average_farm')} hộ làm nông, lâm, ngư, diêm nghiệp có mức sống trung bình (danh sách kèm theo).`,
    ),
    para(`Điều 2. Quyết định có hiệu lực từ ngày ${formatDateVi(d.validFrom)}.`),
    para(
      'Điều 3. Công chức phụ trách lao động - thương binh và xã hội, trưởng thôn, tổ dân phố và các hộ gia đình có tên trong danh sách chịu trách nhiệm thi hành Quyết định này.',
    ),
    ...signature(d),
    new Paragraph({ children: [new PageBreak()] }),
    centered([run('DANH SÁCH KÈM THEO', { bold: true })]),
    centered(
      [run(`(Kèm theo Quyết định số ${d.decisionNo} ngày ${formatDateVi(d.decisionDate)})`, { italics: true })],
      120,
    ),
    annex(d),
  ]);
}

/** Mẫu 03: one certificate per poor or near-poor household, a page each. */
export function certificatesDocx(d: RecognitionDoc): Promise<Buffer> {
  const holders = d.households.filter((h) => h.cls === 'poor' || h.cls === 'near_poor');
  const end = Number(d.validFrom.slice(0, 4));
  return doc(
    holders.flatMap((h, i) => [
      heading(d, ''),
      centered([run(`GIẤY CHỨNG NHẬN HỘ ${h.cls === 'poor' ? 'NGHÈO' : 'CẬN NGHÈO'}`, { bold: true, size: 16 })], 240),
      para(`Ủy ban nhân dân ${d.communeName} chứng nhận:`),
      para(`Hộ ông/bà: ${h.head ?? '...........................'} (mã hộ ${h.code})`),
      para(
        `Địa chỉ: ${h.village ? `${h.village}, ` : ''}${d.communeName}${d.districtName ? `, ${d.districtName}` : ''}`,
      ),
      para(
        `Là hộ ${h.cls === 'poor' ? 'nghèo' : 'cận nghèo'} theo Quyết định số ${d.decisionNo} ngày ${formatDateVi(d.decisionDate)}.`,
      ),
      para(`Giấy chứng nhận có giá trị từ ngày ${formatDateVi(d.validFrom)} đến ngày 31/12/${end}.`),
      ...signature(d),
      ...(i < holders.length - 1 ? [new Paragraph({ children: [new PageBreak()] })] : []),
    ]),
  );
}
