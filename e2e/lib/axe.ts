import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read once and injected into each page scanned. */
const require = createRequire(import.meta.url);
let source: string | undefined;
function axeSource(): string {
  source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (the target of issue 18). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';

export interface AxeRule {
  id: string;
  impact: Impact;
  help: string;
  /** How many elements break the rule, and the first few of them (CSS selectors). */
  nodes: number;
  targets: string[];
}

export interface AxeResult {
  state: string;
  rules: AxeRule[];
  /** Elements in violation by impact (an element breaking two rules counts twice). */
  counts: Record<Impact, number>;
}

/** Runs axe-core over the page as it is now; `state` names it in the results. */
export async function axeScan(page: Page, state: string): Promise<AxeResult> {
  // Evaluated through the DevTools protocol, which the app's Content-Security-Policy (script-src 'self') does not block.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource()}\n;void 0`);
  const rules = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    const res = (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    return res.violations.map((v) => ({
      id: v.id,
      impact: (v.impact ?? 'minor') as Impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => {
        // The reason, shortened: "Element has insufficient color contrast of 4.1 (foreground ...)".
        const why = (n.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
        return `${n.target.map(String).join(' ')}${why ? ` — ${why.slice(0, 200)}` : ''}`;
      }),
    }));
  }, WCAG_TAGS);
  const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const r of rules) counts[r.impact] += r.nodes;
  return { state, rules, counts };
}

/** The violations that fail a page: critical and serious. */
export function blocking(result: AxeResult): AxeRule[] {
  return result.rules.filter((r) => r.impact === 'critical' || r.impact === 'serious');
}

/** One line per state and rule, readable in a test failure. */
export function describeViolations(results: AxeResult[], impacts: Impact[] = ['critical', 'serious']): string {
  const lines: string[] = [];
  for (const r of results) {
    const rules = r.rules.filter((x) => impacts.includes(x.impact));
    if (rules.length === 0) continue;
    lines.push(`${r.state}:`);
    for (const x of rules)
      lines.push(`  [${x.impact}] ${x.id} (${x.nodes}): ${x.help}\n      ${x.targets.join('\n      ')}`);
  }
  return lines.join('\n');
}

/** Totals over several states: elements by impact and the distinct rules broken. */
export function totals(results: AxeResult[]): Record<Impact, number> & { rules: number } {
  const t = { critical: 0, serious: 0, moderate: 0, minor: 0, rules: 0 };
  const ids = new Set<string>();
  for (const r of results) {
    for (const k of ['critical', 'serious', 'moderate', 'minor'] as const) t[k] += r.counts[k];
    for (const x of r.rules) ids.add(x.id);
  }
  t.rules = ids.size;
  return t;
}

/** Scans the page and throws, listing them, on any critical or serious violation. */
export async function expectAccessible(page: Page, state: string): Promise<AxeResult> {
  const result = await axeScan(page, state);
  if (blocking(result).length > 0) throw new Error(`axe: violations on ${state}\n${describeViolations([result])}`);
  return result;
}
