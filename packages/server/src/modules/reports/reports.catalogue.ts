import { rollUp, type FigureValue } from '@ansinh/domain';
import type { Executor } from '../../db/database.js';
import { indicatorArea, type ComputedIndicator } from '../../platform/indicators.js';
import { dossiersIndicators } from '../dossiers/index.js';
import { petitionsIndicators } from '../petitions/index.js';
import { programsIndicators } from '../programs/index.js';
import { registryIndicators } from '../registry/index.js';
import { indicatorsRepo, type IndicatorValueRow } from './repo/indicators.repo.js';
import { employmentIndicators } from '../employment/index.js';
import { povertyIndicators } from '../poverty/index.js';
import { meritIndicators } from '../merit/index.js';

/** One indicator of the catalogue, computed from records or entered with its source. */
export interface IndicatorDef {
  code: string;
  module: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  rollup: 'sum' | 'ratio';
  lowerIsBetter: boolean;
  source: 'computed' | 'entered';
  params: readonly string[];
  computed: ComputedIndicator | null;
}

/** Every computed indicator the modules offer (read at each call: the lists fill up as modules land). */
export function computedIndicators(): ComputedIndicator[] {
  return [
    ...registryIndicators,
    ...programsIndicators,
    ...dossiersIndicators,
    ...petitionsIndicators,
    ...employmentIndicators,
    ...povertyIndicators,
    ...meritIndicators,
  ];
}

/** The catalogue: the modules' computed indicators, then the entered ones stored in the database. */
export async function loadCatalogue(db: Executor): Promise<Map<string, IndicatorDef>> {
  const out = new Map<string, IndicatorDef>();
  for (const c of computedIndicators()) {
    out.set(c.code, {
      code: c.code,
      module: c.module,
      nameVi: c.nameVi,
      nameEn: c.nameEn,
      unit: c.unit,
      rollup: c.rollup,
      lowerIsBetter: !!c.lowerIsBetter,
      source: 'computed',
      params: c.params ?? [],
      computed: c,
    });
  }
  for (const r of await indicatorsRepo.enteredIndicators(db)) {
    if (out.has(r.code)) continue;
    out.set(r.code, {
      code: r.code,
      module: r.module,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      unit: r.unit,
      rollup: r.rollup === 'ratio' ? 'ratio' : 'sum',
      lowerIsBetter: r.lower_is_better === 1,
      source: 'entered',
      params: [],
      computed: null,
    });
  }
  return out;
}

export interface FigureArea {
  code: string;
  level: number;
}

export interface Evaluation extends FigureValue {
  available: boolean;
  /** The entered values the figure was taken from. */
  entered: IndicatorValueRow[];
}

export const parseParams = (s: string | undefined | null): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const part of (s ?? '').split(',')) {
    const [k, v] = part.split('=');
    if (k && v) out[k.trim()] = v.trim();
  }
  return out;
};

export const paramsText = (p: Record<string, string>): string =>
  Object.keys(p)
    .sort()
    .map((k) => `${k}=${p[k]}`)
    .join(',');

const MISSING: Evaluation = { available: false, value: 0, entered: [] };

/**
 * Evaluates indicators, remembering every answer for the life of one request (a report asks for
 * the same figure several times: in the text, in a table, as a target's progress).
 */
export function createEvaluator(db: Executor, catalogue: Map<string, IndicatorDef>) {
  const memo = new Map<string, Promise<Evaluation>>();

  async function enteredValue(
    def: IndicatorDef,
    area: FigureArea,
    from: string,
    to: string,
    asOf: string,
  ): Promise<Evaluation> {
    const rows = await indicatorsRepo.enteredFor(db, def.code, area, from, to, asOf);
    if (rows.length === 0) return MISSING;
    // The area's own figure when it has one; otherwise its nearest sub-units' figures rolled up.
    const own = rows.filter((r) => r.area_code === area.code);
    if (own.length > 0) {
      const r = own[0]!;
      return {
        available: true,
        value: r.value,
        ...(r.numerator !== null && r.denominator !== null
          ? { numerator: r.numerator, denominator: r.denominator }
          : {}),
        entered: [r],
      };
    }
    const level = Math.min(...rows.map((r) => r.area_level));
    const latest = new Map<string, IndicatorValueRow>();
    for (const r of rows) if (r.area_level === level && !latest.has(r.area_code)) latest.set(r.area_code, r);
    const parts = [...latest.values()].sort((a, b) => a.area_code.localeCompare(b.area_code));
    const v = rollUp(
      parts.map((r) => ({
        value: r.value,
        ...(r.numerator !== null && r.denominator !== null
          ? { numerator: r.numerator, denominator: r.denominator }
          : {}),
      })),
      def.rollup,
    );
    return v ? { available: true, ...v, entered: parts } : MISSING;
  }

  async function run(
    def: IndicatorDef,
    area: FigureArea,
    from: string,
    to: string,
    asOf: string,
    params: Record<string, string>,
  ): Promise<Evaluation> {
    if (def.computed) {
      const v = await def.computed.compute(db, { area: indicatorArea(area.code, area.level), from, to, asOf }, params);
      return {
        available: true,
        value: v.value,
        ...(v.numerator !== undefined ? { numerator: v.numerator } : {}),
        ...(v.denominator !== undefined ? { denominator: v.denominator } : {}),
        entered: [],
      };
    }
    return enteredValue(def, area, from, to, asOf);
  }

  return {
    catalogue,
    /** The value of an indicator for an area, period and as-of date; unavailable when unknown. */
    evaluate(
      code: string,
      area: FigureArea,
      from: string,
      to: string,
      asOf: string,
      params: Record<string, string> = {},
    ): Promise<Evaluation> {
      const def = catalogue.get(code);
      if (!def) return Promise.resolve(MISSING);
      const key = `${code}|${area.code}|${from}|${to}|${asOf}|${paramsText(params)}`;
      let hit = memo.get(key);
      if (!hit) {
        hit = run(def, area, from, to, asOf, params);
        memo.set(key, hit);
      }
      return hit;
    },
  };
}
export type Evaluator = ReturnType<typeof createEvaluator>;
