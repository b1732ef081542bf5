import {
  chooseWhenZero,
  documentDateVi,
  documentNumber,
  figureKey,
  formatFigureVi,
  formatPercentOf,
  formatPointsProgressVi,
  formatProgressVi,
  NO_DATA,
  parsePlaceholder,
  parseText,
  type AgencySettings,
  type FigureFormat,
  type FigureKind,
  type FigureOut,
  type FigureRef,
  type PreviewBlock,
  type ReportBody,
  type ReportPreview,
} from '@ansinh/domain';

/** Written where a figure needs the plan's target and the plan has none. */
export const NO_TARGET = '[chưa có chỉ tiêu kế hoạch]';

export interface RenderContext {
  variables: Record<string, string>;
  figures: Map<string, FigureOut>;
}

/** The figure a placeholder or table row stands for, without its kind (value, target and progress share one figure). */
export function baseRef(ref: FigureRef): FigureRef {
  return { kind: 'value', code: ref.code, params: ref.params, area: ref.area };
}

/** Every figure a report body refers to, once each. */
export function figureRefs(body: ReportBody): Map<string, FigureRef> {
  const out = new Map<string, FigureRef>();
  const add = (ref: FigureRef) => out.set(figureKey(baseRef(ref)), baseRef(ref));
  const scan = (text: string) => {
    for (const s of parseText(text)) if (s.kind === 'figure') add(s.placeholder);
  };
  scan(body.summary);
  if (body.addressee) scan(body.addressee);
  for (const sec of body.sections) {
    scan(sec.title);
    for (const b of sec.blocks) {
      if (b.type === 'text') scan(b.text);
      else if (b.type === 'when_zero') {
        const p = parsePlaceholder(b.figure);
        if (p && !('variable' in p)) add(p);
        scan(b.zero);
        scan(b.otherwise);
      } else {
        for (const r of b.rows) {
          const p = parsePlaceholder(r.figure);
          if (p && !('variable' in p)) add(p);
        }
      }
    }
  }
  return out;
}

const valueOf = (f: FigureOut) => ({
  value: f.value ?? 0,
  ...(f.numerator !== null && f.denominator !== null ? { numerator: f.numerator, denominator: f.denominator } : {}),
});

/** A figure written as a placeholder asks: its value, target, progress or share of the target. */
export function writeFigure(f: FigureOut | undefined, kind: FigureKind, format: FigureFormat): string {
  if (!f) return NO_DATA;
  const fmt: FigureFormat = format === 'number' && f.unit === 'percent' && kind === 'value' ? 'percent' : format;
  if (kind === 'target')
    return f.target === null
      ? NO_TARGET
      : formatFigureVi({ value: f.target }, fmt.startsWith('percent') ? 'number' : fmt);
  if (!f.available) return NO_DATA;
  if (kind === 'progress' && f.measure === 'points' && f.target !== null)
    return f.change == null ? NO_DATA : formatPointsProgressVi(f.change, f.target, f.lowerIsBetter);
  if (kind === 'progress')
    return f.target === null
      ? `${formatFigureVi(valueOf(f), fmt)} ${NO_TARGET}`
      : formatProgressVi(f.value ?? 0, f.target);
  if (kind === 'percent')
    return f.target === null || f.target === 0 ? NO_TARGET : formatPercentOf(f.value ?? 0, f.target);
  return formatFigureVi(valueOf(f), fmt);
}

function segmentsOf(text: string, ctx: RenderContext): { text: string; figure: string | null }[] {
  const out: { text: string; figure: string | null }[] = [];
  for (const s of parseText(text)) {
    if (s.kind === 'text') out.push({ text: s.text, figure: null });
    else if (s.kind === 'variable') out.push({ text: ctx.variables[s.name] ?? s.raw, figure: null });
    else {
      const key = figureKey(baseRef(s.placeholder));
      out.push({ text: writeFigure(ctx.figures.get(key), s.placeholder.kind, s.placeholder.format), figure: key });
    }
  }
  // Neighbouring plain parts are merged: the preview and the document get fewer runs.
  return out.reduce<{ text: string; figure: string | null }[]>((acc, s) => {
    const last = acc[acc.length - 1];
    if (last && last.figure === null && s.figure === null) last.text += s.text;
    else acc.push({ ...s });
    return acc;
  }, []);
}

export const plainText = (text: string, ctx: RenderContext) =>
  segmentsOf(text, ctx)
    .map((s) => s.text)
    .join('');

/** The sections with every placeholder written out, each figure still pointing at its key. */
export function renderSections(body: ReportBody, ctx: RenderContext): ReportPreview['sections'] {
  return body.sections.map((sec) => ({
    id: sec.id,
    number: sec.number,
    title: plainText(sec.title, ctx),
    level: sec.level,
    blocks: sec.blocks.map((b): PreviewBlock => {
      if (b.type === 'text') return { type: 'text', id: b.id, source: b.text, segments: segmentsOf(b.text, ctx) };
      if (b.type === 'when_zero') {
        const p = parsePlaceholder(b.figure);
        const f = p && !('variable' in p) ? ctx.figures.get(figureKey(baseRef(p))) : undefined;
        const value = f && f.available ? f.value : null;
        const chosen = chooseWhenZero(value, { zero: b.zero, otherwise: b.otherwise });
        return {
          type: 'when_zero',
          id: b.id,
          zero: b.zero,
          otherwise: b.otherwise,
          isZero: value === 0,
          segments: segmentsOf(chosen, ctx),
        };
      }
      return {
        type: 'table',
        id: b.id,
        caption: plainText(b.caption, ctx),
        rows: b.rows.map((r) => {
          const p = parsePlaceholder(r.figure);
          const ref = p && !('variable' in p) ? p : null;
          const key = ref ? figureKey(baseRef(ref)) : r.figure;
          const f = ctx.figures.get(key);
          const format = ref?.format ?? 'number';
          return {
            label: r.label,
            figure: key,
            target: f?.target === null || !f ? '' : writeFigure(f, 'target', format),
            achieved: writeFigure(f, 'value', format),
            percent:
              f && f.target !== null && f.target !== 0 && f.available ? writeFigure(f, 'percent', 'percent') : '',
          };
        }),
      };
    }),
  }));
}

/**
 * The document's header and closing parts (Decree 30/2020 layout): the summary line, "Kính gửi",
 * "Nơi nhận" and signer are the report's own (copied from its template, changed before issue);
 * the agency settings give the names, the number symbol, the recipients every report of the
 * agency keeps ("Lưu: VT") and the signer when the report names none.
 */
export function renderHeader(
  body: ReportBody,
  agency: AgencySettings,
  ctx: RenderContext,
  r: { numberSeq: number | null; date: string },
): ReportPreview['header'] {
  return {
    parentAgency: agency.parentAgency,
    agency: agency.agency,
    number: `Số: ${documentNumber(r.numberSeq, agency.symbol)}`,
    placeDate: `${agency.place}, ${documentDateVi(r.date)}`,
    docTitle: body.docTitle,
    summary: plainText(body.summary, ctx),
    addressee: body.addressee ? plainText(body.addressee, ctx) : null,
    recipients: [
      ...body.recipients.map((x) => plainText(x, ctx)),
      ...agency.recipients.filter((x) => !body.recipients.includes(x)),
    ],
    // The report's (or its template's) own signer, else the agency's.
    signerAuthority: body.signer ? body.signer.authority : agency.signerAuthority,
    signerTitle: body.signer ? body.signer.title : agency.signerTitle,
    signerName: body.signer ? body.signer.name : agency.signerName,
  };
}

/** The value of a figure as written in a list of changes. */
export function changeText(f: FigureOut | undefined): string {
  if (!f) return NO_DATA;
  const v = writeFigure(f, 'value', f.unit === 'dong' ? 'dong' : 'number');
  return f.target === null ? v : `${v} (kế hoạch ${writeFigure(f, 'target', 'number')})`;
}
