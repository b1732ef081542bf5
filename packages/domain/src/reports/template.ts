/**
 * Placeholders in the narrative of a report template, and how a text with placeholders is turned
 * into segments (plain text and figures). The syntax, inside braces:
 *
 *   {year} {areaName} {asOf} {plan} …            a variable of the report
 *   {programs.persons_paid}                      the value of an indicator for the report's area
 *   {programs.amount_paid(program=COVID68)|million}   with parameters and a format
 *   {target:employment.jobs_created}             the year's target of the report's plan
 *   {progress:employment.jobs_created}           "28.101/38.000, đạt 73,95%"
 *   {percent:employment.jobs_created}            achieved / target: "73,95%"
 *   {dossiers.received@689}                      for another area (inside the report's)
 *
 * Formats: see FIGURE_FORMATS. A placeholder's key (without the format) names the figure: the
 * same figure written twice is computed once, and frozen once when the report is issued.
 */
import { FIGURE_FORMATS, type FigureFormat } from './figures.js';

export type FigureKind = 'value' | 'target' | 'progress' | 'percent';

export interface FigureRef {
  kind: FigureKind;
  code: string;
  params: Record<string, string>;
  /** Another area than the report's, when given. */
  area: string | null;
}

export interface Placeholder extends FigureRef {
  format: FigureFormat;
  /** The text as written, braces included. */
  raw: string;
}

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: string; raw: string }
  | { kind: 'figure'; placeholder: Placeholder };

const TOKEN = /\{([^{}]+)\}/g;
const REF =
  /^(?:(value|target|progress|percent):)?([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)(?:\(([^)]*)\))?(?:@(\d{2,5}))?(?:\|([a-z][a-z0-9_]*))?$/;
const VARIABLE = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** A figure reference written as a key: "progress:employment.jobs_created(program=X)@689". */
export function figureKey(ref: FigureRef): string {
  const params = Object.keys(ref.params)
    .sort()
    .map((k) => `${k}=${ref.params[k]}`)
    .join(',');
  return `${ref.kind === 'value' ? '' : `${ref.kind}:`}${ref.code}${params ? `(${params})` : ''}${ref.area ? `@${ref.area}` : ''}`;
}

/** Reads one placeholder (the text between braces); null when it is not one. */
export function parsePlaceholder(inner: string): Placeholder | { variable: string } | null {
  const s = inner.trim();
  if (VARIABLE.test(s)) return { variable: s };
  const m = REF.exec(s);
  if (!m) return null;
  const params: Record<string, string> = {};
  if (m[3]) {
    for (const part of m[3].split(',')) {
      const [k, v] = part.split('=').map((x) => x.trim());
      if (!k || v === undefined || v === '') return null;
      params[k] = v;
    }
  }
  const format = (m[5] ?? defaultFormat(m[1] as FigureKind | undefined)) as FigureFormat;
  if (!(FIGURE_FORMATS as readonly string[]).includes(format)) return null;
  return {
    kind: (m[1] as FigureKind | undefined) ?? 'value',
    code: m[2]!,
    params,
    area: m[4] ?? null,
    format,
    raw: `{${inner}}`,
  };
}

function defaultFormat(kind: FigureKind | undefined): FigureFormat {
  return kind === 'percent' ? 'percent' : 'number';
}

/** Splits a text into plain text, variables and figures. Braces that are not a placeholder stay as text. */
export function parseText(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const p = parsePlaceholder(m[1]!);
    if (!p) continue;
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push('variable' in p ? { kind: 'variable', name: p.variable, raw: m[0] } : { kind: 'figure', placeholder: p });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Every figure a text refers to. */
export function figuresOf(text: string): Placeholder[] {
  return parseText(text).flatMap((s) => (s.kind === 'figure' ? [s.placeholder] : []));
}

/** Writes a text with its placeholders replaced; `figure` and `variable` answer each one. */
export function renderText(
  text: string,
  resolve: { figure(p: Placeholder): string; variable(name: string): string | undefined },
): string {
  return parseText(text)
    .map((s) =>
      s.kind === 'text'
        ? s.text
        : s.kind === 'variable'
          ? (resolve.variable(s.name) ?? s.raw)
          : resolve.figure(s.placeholder),
    )
    .join('');
}

/**
 * Conditional text: when the figure is zero the report says so in words ("Không phát sinh đơn
 * thư khiếu nại, tố cáo"), otherwise it gives the figures. A figure that has no data yet is not
 * zero: the `otherwise` text is shown, with its "no data" markers.
 */
export function chooseWhenZero(value: number | null, texts: { zero: string; otherwise: string }): string {
  return value === 0 ? texts.zero : texts.otherwise;
}

/** The marker written where a figure has no data yet. */
export const NO_DATA = '[chưa có số liệu]';
