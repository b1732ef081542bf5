import { NO_DATA, type MissingItem, type ReportPreview } from '@ansinh/domain';
import { NO_TARGET } from '../reports.render.js';

/** A template's instruction left in the text: a whole block in parentheses, "(Cán bộ nhập nội dung.)". */
const NOTE = /^\s*\(.*\)\s*$/s;
/** A blank the template or a variable leaves: "[chưa có số liệu]", "[chưa có kế hoạch năm]". */
const BLANK = /\[chưa có[^\]]*\]/;

/**
 * What a report written out still lacks (issue 18 item 3): figures written "[chưa có số liệu]",
 * targets "[chưa có chỉ tiêu kế hoạch]", other "[chưa có …]" blanks, and the template's notes to
 * the officer left in place. Each with the section it is in, in document order.
 */
export function missingOf(p: Pick<ReportPreview, 'sections' | 'figures' | 'header'>): MissingItem[] {
  const out: MissingItem[] = [];
  const names = new Map(p.figures.map((f) => [f.key, f.name]));
  const seen = new Set<string>();
  const add = (item: MissingItem) => {
    const k = `${item.kind}|${item.key}|${item.section}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(item);
  };
  const scan = (section: string, segments: { text: string; figure: string | null }[], blockId: string) => {
    for (const s of segments) {
      if (s.figure && s.text.includes(NO_DATA))
        add({ kind: 'figure', key: s.figure, text: `${names.get(s.figure) ?? s.figure}: ${NO_DATA}`, section });
      else if (s.figure && s.text.includes(NO_TARGET))
        add({ kind: 'target', key: s.figure, text: `${names.get(s.figure) ?? s.figure}: ${NO_TARGET}`, section });
      else if (!s.figure && BLANK.test(s.text))
        add({ kind: 'note', key: blockId, text: BLANK.exec(s.text)![0], section });
    }
  };
  if (BLANK.test(p.header.summary))
    add({ kind: 'note', key: 'summary', text: BLANK.exec(p.header.summary)![0], section: 'Trích yếu' });
  for (const sec of p.sections) {
    const section = [sec.number, sec.title].filter(Boolean).join(' ');
    for (const b of sec.blocks) {
      if (b.type === 'table') {
        for (const r of b.rows)
          if (r.achieved.includes(NO_DATA))
            add({ kind: 'figure', key: r.figure, text: `${r.label}: ${NO_DATA}`, section });
        continue;
      }
      const whole = b.segments.map((s) => s.text).join('');
      if (NOTE.test(whole)) add({ kind: 'note', key: b.id, text: whole.trim(), section });
      else scan(section, b.segments, b.id);
    }
  }
  return out;
}
