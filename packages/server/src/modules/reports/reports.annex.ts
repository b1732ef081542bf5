import { formatDateVi, formatFigureVi, type FigureOut, type ReportPreview } from '@ansinh/domain';
import { AlignmentType, PageBreak, Paragraph, TextRun } from 'docx';

/**
 * The annex "Nguồn số liệu" of a report (issue 11, docs/modules/reports.md): each figure with how
 * it was obtained; each entered figure with its source document and its own period (not the
 * report's); a value typed in place of a computed figure marked "số liệu nhập thay" with its reason.
 */
export const OVERRIDE_MARK = 'số liệu nhập thay';

const period = (from: string, to: string) => `${formatDateVi(from)} – ${formatDateVi(to)}`;
const num = (v: number) => formatFigureVi({ value: v }, 'number');

/** The annex's lines for one figure: a heading line, then one line per entered value used. */
export function annexLines(f: FigureOut): string[] {
  const value = f.available && f.value !== null ? num(f.value) : '[chưa có số liệu]';
  const head = `${f.name} (${f.areaName}): ${value}`;
  if (f.source === 'missing' || !f.available) return [`${head} — chưa có số liệu`];
  if (f.overridden)
    return [
      `${head} — ${OVERRIDE_MARK.toUpperCase()} (lý do: ${f.overrideReason ?? ''})`,
      ...(f.sources ?? []).map(
        (s) => `  Nguồn: ${s.sourceRef}, ngày ${formatDateVi(s.sourceDate)}; kỳ ${period(s.periodFrom, s.periodTo)}`,
      ),
    ];
  if (!f.sources || f.sources.length === 0)
    return [`${head} — ${f.basis ?? 'tính từ dữ liệu'} (kỳ ${period(f.from, f.to)})`];
  return [
    `${head} — ${f.basis ?? 'số liệu nhập'}`,
    ...f.sources.map(
      (s) =>
        `  ${s.areaName}: ${num(s.value)}; kỳ ${period(s.periodFrom, s.periodTo)}; nguồn: ${s.sourceRef}, ngày ${formatDateVi(s.sourceDate)}`,
    ),
  ];
}

/** The annex as DOCX paragraphs, on a new page after the signature. */
export function annexChildren(p: Pick<ReportPreview, 'figures'>): Paragraph[] {
  const run = (text: string, bold = false) => new TextRun({ text, font: 'Times New Roman', size: 26, bold });
  const out: Paragraph[] = [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run('PHỤ LỤC: NGUỒN SỐ LIỆU', true)],
    }),
  ];
  p.figures.forEach((f, i) => {
    annexLines(f).forEach((line, j) =>
      out.push(
        new Paragraph({
          spacing: { after: 60 },
          indent: j === 0 ? {} : { left: 567 },
          children: [run(j === 0 ? `${i + 1}. ${line}` : line.trim(), j === 0 && !!f.overridden)],
        }),
      ),
    );
  });
  return out;
}
