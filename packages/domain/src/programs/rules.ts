/**
 * The two rules of a support program, kept as data: who qualifies (a selection over registry
 * statuses and attributes) and how much (a fixed amount, a table by category, the meritorious gift
 * tables, base level x coefficient, or a quantity in kind). A program keeps its rules with
 * effective dates; a list uses the rule in force on its reference date.
 */
import { z } from 'zod';
import { ageOn } from '../dates.js';
import type { Dong } from '../money.js';
import { giftAmount, highestGift, type GiftEntitlement, type MeritoriousCategory } from './gift-tables.js';
import { STATUS_CATEGORIES, statusCategoryLabel } from '../registry/catalogues.js';
import type { StatusKind } from '../contracts/registry.js';
import {
  socialAssistanceMonthly,
  SOCIAL_ASSISTANCE_CLAUSES,
  type SocialAssistanceClause,
} from './social-assistance.js';

export const PROGRAM_KINDS = ['one_off_cash', 'monthly', 'gift', 'in_kind', 'health_card'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
export const PROGRAM_UNITS = ['dong', 'kg', 'card'] as const;
export type ProgramUnit = (typeof PROGRAM_UNITS)[number];

const StatusKindEnum = z.enum([
  'poverty',
  'social_assistance',
  'meritorious',
  'ethnic_minority_area',
  'health_insurance',
  'child_special_circumstances',
]);

/** One way to qualify: a status in force on the reference date, with optional narrowing. */
export const Selector = z.strictObject({
  status: StatusKindEnum,
  /** Status category codes ('poor', '5a', 'g'); all categories of the kind when absent. */
  categories: z.array(z.string().min(1)).min(1).optional(),
  /** For poverty statuses: the review year ('the 2021 review'). */
  year: z.number().int().min(2000).max(2100).optional(),
  /** Injury rate in percent, at least (war invalids of 81% or more). */
  minDegree: z.number().int().min(1).max(100).optional(),
  /** Age on the reference date, at least / at most (clause 5 aged 80 or more). */
  minAge: z.number().int().min(0).max(130).optional(),
  maxAge: z.number().int().min(0).max(130).optional(),
});
export type Selector = z.infer<typeof Selector>;

export const EligibilityRule = z.strictObject({
  /** Paid per person, or per household (poor households' Tết gifts). */
  per: z.enum(['person', 'household']),
  /** Any of these qualifies. */
  any: z.array(Selector).min(1).max(20),
});
export type EligibilityRule = z.infer<typeof EligibilityRule>;

export const AmountRule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), amount: z.number().int().min(0) }),
  /** Amount by the category of the status that qualifies (Tết gift 600.000đ poor / 300.000đ near-poor). */
  z.strictObject({ type: z.literal('by_category'), amounts: z.record(z.string(), z.number().int().min(0)) }),
  /** The meritorious gift tables (Tết or 27/7), highest gift when several categories apply. */
  z.strictObject({ type: z.literal('gift'), gift: z.enum(['tet', '27_7']) }),
  /** Monthly social assistance: base level x coefficient (NĐ 20/2021 Art. 6). */
  z.strictObject({ type: z.literal('social_assistance') }),
  /** In kind: a quantity per person (per household member when paid per household). */
  z.strictObject({ type: z.literal('quantity'), perPerson: z.number().positive(), unit: z.enum(['kg', 'card']) }),
]);
export type AmountRule = z.infer<typeof AmountRule>;

/** A status of a candidate, as in force on the reference date. */
export interface CandidateStatus {
  readonly kind: string;
  readonly category: string;
  readonly year: number | null;
  readonly degree: number | null;
}

/** A person or a household as the rules see it. */
export interface Candidate {
  readonly birthDate: string | null;
  readonly statuses: readonly CandidateStatus[];
  /** For household programs: how many members live in it (in-kind quantities per member). */
  readonly members?: number;
}

export interface Entitlement {
  readonly amount: Dong;
  /** In-kind quantity (kg, cards); 0 for cash. */
  readonly quantity: number;
  /** The category that decided the amount ('poor', '5a', 'g'), if any. */
  readonly category: string | null;
  /** Why the candidate qualifies and how the amount was reached, in Vietnamese. */
  readonly reason: string;
}

/** The statuses of a candidate that satisfy a selector on the reference date. */
export function matchSelector(sel: Selector, c: Candidate, onDate: string): CandidateStatus[] {
  if (sel.minAge !== undefined || sel.maxAge !== undefined) {
    // Not born yet on the date (a record entered ahead of time): no age, so no match.
    if (!c.birthDate || c.birthDate.slice(0, 10) > onDate) return [];
    const age = ageOn(c.birthDate, onDate);
    if (sel.minAge !== undefined && age < sel.minAge) return [];
    if (sel.maxAge !== undefined && age > sel.maxAge) return [];
  }
  return c.statuses.filter(
    (s) =>
      s.kind === sel.status &&
      (!sel.categories || sel.categories.includes(s.category)) &&
      (sel.year === undefined || s.year === sel.year) &&
      (sel.minDegree === undefined || (s.degree !== null && s.degree >= sel.minDegree)),
  );
}

/** The statuses through which a candidate qualifies (empty: not eligible). */
export function qualifyingStatuses(rule: EligibilityRule, c: Candidate, onDate: string): CandidateStatus[] {
  const out: CandidateStatus[] = [];
  for (const sel of rule.any) for (const s of matchSelector(sel, c, onDate)) if (!out.includes(s)) out.push(s);
  return out;
}

/** "Hộ nghèo (rà soát 2020)", "Thương binh 81%": the catalogue's words, not its codes. */
export const describeStatus = (s: Pick<CandidateStatus, 'kind' | 'category' | 'year' | 'degree'>) =>
  `${Object.hasOwn(STATUS_CATEGORIES, s.kind) ? statusCategoryLabel(s.kind as StatusKind, s.category) : `${s.kind} ${s.category}`}${s.year ? ` (rà soát ${s.year})` : ''}${s.degree ? ` ${s.degree}%` : ''}`;
const describe = describeStatus;

/**
 * What a candidate is entitled to on `onDate` under the two rules, or null when they do not
 * qualify (or the amount rule gives nothing for their categories). Pure: the same inputs always
 * give the same amount, so a list can be re-checked against its rule at any time.
 */
export function entitlement(
  eligibility: EligibilityRule,
  amount: AmountRule,
  c: Candidate,
  onDate: string,
): Entitlement | null {
  const qualifying = qualifyingStatuses(eligibility, c, onDate);
  if (qualifying.length === 0) return null;
  const why = `Đủ điều kiện: ${qualifying.map(describe).join('; ')}`;
  switch (amount.type) {
    case 'fixed':
      return { amount: amount.amount, quantity: 0, category: qualifying[0]!.category, reason: why };
    case 'by_category': {
      let best: { amount: number; category: string } | null = null;
      for (const s of qualifying) {
        const a = Object.hasOwn(amount.amounts, s.category) ? amount.amounts[s.category]! : undefined;
        if (a !== undefined && (!best || a > best.amount)) best = { amount: a, category: s.category };
      }
      return best
        ? {
            amount: best.amount,
            quantity: 0,
            category: best.category,
            reason: `${why}; mức theo diện ${best.category}`,
          }
        : null;
    }
    case 'gift': {
      const gifts: (GiftEntitlement | null)[] = [];
      for (const s of qualifying) {
        if (s.kind !== 'meritorious') continue;
        try {
          gifts.push(giftAmount(amount.gift, s.category as MeritoriousCategory, s.degree, onDate));
        } catch {
          gifts.push(null);
        }
      }
      const g = highestGift(gifts);
      return g ? { amount: g.amount, quantity: 0, category: g.category, reason: `${why}; ${g.rule}` } : null;
    }
    case 'social_assistance': {
      const clauses = qualifying
        .filter(
          (s) =>
            s.kind === 'social_assistance' && (SOCIAL_ASSISTANCE_CLAUSES as readonly string[]).includes(s.category),
        )
        .map((s) => ({
          code: s.category as SocialAssistanceClause,
          ...(s.category === '4' ? { childrenCount: Math.max(1, s.degree ?? 1) } : {}),
        }));
      if (clauses.length === 0 || !c.birthDate) return null;
      try {
        const r = socialAssistanceMonthly({ clauses, birthDate: c.birthDate, onDate });
        return { amount: r.amount, quantity: 0, category: r.basis[0]?.clause ?? null, reason: r.explanation };
      } catch {
        return null;
      }
    }
    case 'quantity': {
      const n = Math.max(1, c.members ?? 1);
      const q = Math.round(amount.perPerson * n * 1000) / 1000;
      return {
        amount: 0,
        quantity: q,
        category: qualifying[0]!.category,
        reason: `${why}; ${amount.perPerson} ${amount.unit}/người x ${n} người`,
      };
    }
  }
}
