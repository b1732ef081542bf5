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
import { organisationIndicators } from '../organisation/index.js';
import { activitiesIndicators } from '../activities/index.js';

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
  /**
   * A computed indicator that replaces an entered one (`ComputedIndicator.replaces`): listed under
   * the entered code, computed for the periods its module's records cover, entered before.
   */
  enteredBefore?: boolean;
  /** On the computed one's own code: the entered code it replaces (listed once, under that code). */
  aliasOf?: string;
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
    ...organisationIndicators,
    ...activitiesIndicators,
  ];
}

const computedDef = (c: ComputedIndicator): IndicatorDef => ({
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

/**
 * The catalogue: the modules' computed indicators, then the entered ones stored in the database.
 * A computed indicator that replaces an entered one takes the entered code (one indicator, its
 * entered values still read for the years before the module's records); its own code stays, always
 * computed from the records, and is not listed twice.
 */
export async function loadCatalogue(
  db: Executor,
  extra: readonly ComputedIndicator[] = [],
): Promise<Map<string, IndicatorDef>> {
  const out = new Map<string, IndicatorDef>();
  const all = [...computedIndicators(), ...extra];
  for (const c of all) if (!c.replaces) out.set(c.code, computedDef(c));
  const replacing = new Map(all.filter((c) => c.replaces).map((c) => [c.replaces!, c]));
  for (const r of await indicatorsRepo.enteredIndicators(db)) {
    const c = replacing.get(r.code);
    if (c) {
      const def: IndicatorDef = {
        ...computedDef(c),
        code: r.code,
        nameVi: r.name_vi,
        nameEn: r.name_en,
        enteredBefore: true,
      };
      out.set(r.code, def);
      // Asked by its own code, the figure is what the records say, whatever the period (traceability).
      if (c.code !== r.code) out.set(c.code, { ...computedDef(c), aliasOf: r.code });
      continue;
    }
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
  // A replacing indicator whose entered counterpart is not in the catalogue stays as it is.
  for (const c of replacing.values()) if (!out.has(c.code)) out.set(c.code, computedDef(c));
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
  /** How it was obtained: "tính từ dữ liệu", "giá trị của tỉnh cho kỳ này", "cộng từ 3 huyện", "số liệu nhập thay". */
  basis: string;
  /** A value typed in place of the computed figure, with its reason. */
  override: IndicatorValueRow | null;
}

/**
 * Whether a figure came from entered values: an entered indicator, or a computed one that replaces
 * an entered one, asked for a period before its module's records (an override counts as computed,
 * marked "số liệu nhập thay").
 */
export function readFromEntered(def: IndicatorDef, e: Evaluation): boolean {
  return !def.computed || (!!def.enteredBefore && !e.override && e.basis !== COMPUTED_BASIS);
}

/** Since when a module's records are kept in AnSinh in the province of an area (null: not set). */
export type CoverageOf = (areaCode: string, module: string) => Promise<string | null>;

const LEVEL_WORD: Record<number, string> = { 1: 'tỉnh', 2: 'huyện', 3: 'xã' };

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

/** How a figure computed from the records says so. */
export const COMPUTED_BASIS = 'tính từ dữ liệu';

const MISSING: Evaluation = { available: false, value: 0, entered: [], basis: 'chưa có số liệu', override: null };
const partsOf = (r: IndicatorValueRow) =>
  r.numerator !== null && r.denominator !== null ? { numerator: r.numerator, denominator: r.denominator } : {};

/**
 * Evaluates indicators, remembering every answer for the life of one request (a report asks for
 * the same figure several times: in the text, in a table, as a target's progress).
 */
export function createEvaluator(
  db: Executor,
  catalogue: Map<string, IndicatorDef>,
  coverageOf: CoverageOf = () => Promise.resolve(null),
) {
  const memo = new Map<string, Promise<Evaluation>>();

  /**
   * An entered figure: the value entered for exactly this area and period; else the sum of its
   * nearest sub-areas' values for exactly this period. A value of another period never lands here,
   * and a province value does not beat its districts' values by its level (docs/modules/reports.md).
   */
  async function enteredValue(
    def: IndicatorDef,
    area: FigureArea,
    from: string,
    to: string,
    asOf: string,
  ): Promise<Evaluation> {
    const rows = await indicatorsRepo.enteredExact(db, def.code, area, from, to, asOf);
    if (rows.length === 0) return MISSING;
    const own = rows.find((r) => r.area_code === area.code);
    if (own) {
      const basis = `giá trị của ${LEVEL_WORD[area.level] ?? 'đơn vị'} cho kỳ này`;
      return { available: true, value: own.value, ...partsOf(own), entered: [own], basis, override: null };
    }
    const level = Math.min(...rows.map((r) => r.area_level));
    const latest = new Map<string, IndicatorValueRow>();
    for (const r of rows) if (r.area_level === level && !latest.has(r.area_code)) latest.set(r.area_code, r);
    const parts = [...latest.values()].sort((a, b) => a.area_code.localeCompare(b.area_code));
    const v = rollUp(
      parts.map((r) => ({ value: r.value, ...partsOf(r) })),
      def.rollup,
    );
    const basis = `cộng từ ${parts.length} ${LEVEL_WORD[level] ?? 'đơn vị'}`;
    return v ? { available: true, ...v, entered: parts, basis, override: null } : MISSING;
  }

  async function run(
    def: IndicatorDef,
    area: FigureArea,
    from: string,
    to: string,
    asOf: string,
    params: Record<string, string>,
  ): Promise<Evaluation> {
    if (!def.computed) return enteredValue(def, area, from, to, asOf);
    const o = await indicatorsRepo.overrideFor(db, def.code, paramsText(params), area.code, from, to);
    if (o && o.source_date <= asOf)
      return { available: true, value: o.value, ...partsOf(o), entered: [o], basis: 'số liệu nhập thay', override: o };
    if (def.enteredBefore) {
      // Computed only for a period the module's records cover; before that, the entered values.
      const since = await coverageOf(area.code, def.computed.module);
      if (!since || since > from) return enteredValue(def, area, from, to, asOf);
    }
    const v = await def.computed.compute(db, { area: indicatorArea(area.code, area.level), from, to, asOf }, params);
    return {
      available: true,
      value: v.value,
      ...(v.numerator !== undefined ? { numerator: v.numerator } : {}),
      ...(v.denominator !== undefined ? { denominator: v.denominator } : {}),
      entered: [],
      basis: COMPUTED_BASIS,
      override: null,
    };
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
      code = def.code;
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
