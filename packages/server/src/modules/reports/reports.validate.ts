import { parsePlaceholder, parseText, PROGRAM_GROUPS, type ReportBody } from '@ansinh/domain';
import type { ComputedIndicator } from '../../platform/indicators.js';
import { computedIndicators } from './reports.catalogue.js';

/** A placeholder a template may not hold, with where it is and what to write instead. */
export interface TemplateProblem {
  /** Where: 'summary', a section id, a block id ('s3.5.p1'), a table row ('s3.9.t1.rows.2'). */
  path: string;
  placeholder: string;
  message: string;
}

/**
 * Checks the figures a template refers to against the computed indicators (docs/modules/reports.md):
 * a parameter the indicator does not take, a programme group that does not exist, and above all a
 * figure that would sum unrelated records because it names none of its `filterParams` ("Covid
 * support" summing gifts, rice and monthly allowances) are refused, not silently summed. Run on
 * every shipped template by a test; a template editor runs it on save.
 */
export function validateTemplate(
  body: ReportBody,
  indicators: readonly ComputedIndicator[] = computedIndicators(),
): TemplateProblem[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const problems: TemplateProblem[] = [];
  const check = (path: string, inner: string) => {
    const p = parsePlaceholder(inner);
    if (!p || 'variable' in p) return;
    const ind = byCode.get(p.code);
    if (!ind) return; // an entered indicator: its code is checked when the report is computed
    const raw = `{${inner}}`;
    for (const k of Object.keys(p.params))
      if (!(ind.params ?? []).includes(k))
        problems.push({
          path,
          placeholder: raw,
          message: `Chỉ tiêu ${p.code} không có tham số "${k}"; dùng: ${(ind.params ?? []).join(', ') || '(không có)'}. / ${p.code} takes no "${k}" parameter.`,
        });
    if (p.params.group !== undefined && !(PROGRAM_GROUPS as readonly string[]).includes(p.params.group))
      problems.push({
        path,
        placeholder: raw,
        message: `Không có nhóm chương trình "${p.params.group}"; chọn một trong: ${PROGRAM_GROUPS.join(', ')}. / No programme group "${p.params.group}".`,
      });
    const filters = ind.filterParams ?? [];
    if (filters.length && !filters.some((f) => p.params[f] !== undefined))
      problems.push({
        path,
        placeholder: raw,
        message: filters.includes('program')
          ? `Chỉ tiêu ${p.code} sẽ cộng mọi chương trình với nhau: ghi rõ chương trình hoặc nhóm, ví dụ {${p.code}(group=covid)} hoặc {${p.code}(program=NQ68-2021-HKD)}. / Name the programme or group this figure sums.`
          : `Chỉ tiêu ${p.code} sẽ cộng mọi loại với nhau: ghi rõ ${filters.join(' hoặc ')}, ví dụ {${p.code}(${filters[0]}=…)}. / Name the ${filters.join(' or ')} this figure sums.`,
      });
  };
  const scan = (path: string, text: string) => {
    for (const seg of parseText(text)) if (seg.kind === 'figure') check(path, seg.placeholder.raw.slice(1, -1));
  };
  scan('summary', body.summary);
  if (body.addressee) scan('addressee', body.addressee);
  for (const sec of body.sections) {
    scan(sec.id, sec.title);
    for (const b of sec.blocks) {
      if (b.type === 'text') scan(b.id, b.text);
      else if (b.type === 'when_zero') {
        check(b.id, b.figure);
        scan(b.id, b.zero);
        scan(b.id, b.otherwise);
      } else {
        scan(b.id, b.caption);
        b.rows.forEach((r, i) => check(`${b.id}.rows.${i}`, r.figure));
      }
    }
  }
  return problems;
}
