import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery } from '../../platform/indicators.js';
import { records, value, type Def } from './repo/indicators.repo.js';

/**
 * Figures of the petitions module for plans and reports (TT 02/2021/TT-TTCP counts), so that
 * "N lượt tiếp công dân" and "không phát sinh khiếu nại đông người" come from records. Each is a
 * condition on one table of the area (an equality on its code column) within the period, as of a
 * date: a record created after `asOf` does not count.
 */

const letter = (id: number) => `/petitions/letters/${id}`;
const kase = (id: number) => `/petitions/cases/${id}`;
const entry = () => '/petitions/reception';
const decided = (q: IndicatorQuery) =>
  sql`t.decided_date >= ${q.from} and t.decided_date <= ${q.to} and t.decided_date <= ${q.asOf}`;

// What a reception line or a call said stays out of the records behind a figure: report readers
// (administrators included) see which line, not its contents.
const BOOK_LINE = 'Sổ tiếp công dân, dòng ';

const DEFS: Def[] = [
  {
    key: 'reception_sessions',
    vi: 'Số buổi tiếp công dân',
    en: 'Reception sessions',
    unit: 'sessions',
    table: 'petition_sessions',
    date: 'date',
    href: entry,
    label: 'place',
  },
  {
    key: 'visits',
    vi: 'Số lượt tiếp công dân',
    en: 'Citizen reception visits',
    unit: 'persons',
    table: 'petition_entries',
    date: 'date',
    // A line of the book is one visit (lượt), whatever the number of people: the entered figure
    // "Số lượt tiếp công dân" counted visits, the people are `petitions.people`.
    replaces: 'petitions.reception_visits',
    href: entry,
    label: 'seq',
    labelPrefix: BOOK_LINE,
  },
  {
    key: 'people',
    vi: 'Số người được tiếp',
    en: 'People received',
    unit: 'persons',
    table: 'petition_entries',
    date: 'date',
    sum: 'people',
    href: entry,
    label: 'seq',
    labelPrefix: BOOK_LINE,
  },
  {
    key: 'groups',
    vi: 'Số đoàn đông người (từ 5 người)',
    en: 'Groups of 5 or more',
    unit: 'cases',
    table: 'petition_entries',
    date: 'date',
    where: () => sql`t.people >= 5`,
    href: entry,
    label: 'seq',
    labelPrefix: BOOK_LINE,
  },
  {
    key: 'hotline_calls_logged',
    vi: 'Số cuộc gọi đường dây nóng (ghi nhận)',
    en: 'Hotline calls logged',
    unit: 'cases',
    table: 'petition_calls',
    date: 'called_date',
    replaces: 'petitions.hotline_calls',
    href: () => '/petitions/hotline',
    label: 'id',
    labelPrefix: 'Cuộc gọi số ',
  },
  {
    key: 'letters_received',
    vi: 'Số đơn tiếp nhận',
    en: 'Letters received',
    unit: 'cases',
    table: 'petition_letters',
    date: 'received_date',
    where: () => sql`t.state <> 'split'`,
    href: letter,
    label: 'code',
  },
  {
    key: 'letters_fit',
    vi: 'Số đơn đủ điều kiện xử lý',
    en: 'Letters fit to handle',
    unit: 'cases',
    table: 'petition_letters',
    date: 'received_date',
    where: () => sql`t.state <> 'split' and t.fit = 1`,
    href: letter,
    label: 'code',
  },
  {
    key: 'letters_in_competence',
    vi: 'Số đơn thuộc thẩm quyền',
    en: 'Letters within competence',
    unit: 'cases',
    table: 'petition_letters',
    date: 'received_date',
    where: () => sql`t.state <> 'split' and t.fit = 1 and t.within_competence = 1`,
    href: letter,
    label: 'code',
  },
  {
    // "Số đơn khiếu nại, tố cáo tiếp nhận": letters received that are complaints or denunciations
    // (the parts of a split letter each count by their own kind; an unclassified letter does not).
    key: 'complaint_denunciation_letters',
    vi: 'Số đơn khiếu nại, tố cáo tiếp nhận',
    en: 'Complaint and denunciation letters received',
    unit: 'cases',
    table: 'petition_letters',
    date: 'received_date',
    where: () => sql`t.state <> 'split' and t.kind in ('complaint', 'denunciation')`,
    lowerIsBetter: true,
    replaces: 'petitions.complaints_denunciations',
    href: letter,
    label: 'code',
  },
  {
    key: 'complaints_accepted',
    vi: 'Số vụ khiếu nại thụ lý',
    en: 'Complaints accepted',
    unit: 'cases',
    table: 'petition_cases',
    date: 'accepted_date',
    where: () => sql`t.kind = 'complaint'`,
    href: kase,
    label: 'code',
  },
  {
    key: 'denunciations_accepted',
    vi: 'Số vụ tố cáo thụ lý',
    en: 'Denunciations accepted',
    unit: 'cases',
    table: 'petition_cases',
    date: 'accepted_date',
    where: () => sql`t.kind = 'denunciation'`,
    href: kase,
    label: 'code',
  },
  {
    // Letters signed by 5 or more, plus (MASS_GROUPS) groups of 5 or more who came to complain:
    // the same count as the periodic report, so "không phát sinh khiếu nại đông người" is a zero here.
    key: 'mass_complaints',
    vi: 'Số vụ khiếu nại đông người',
    en: 'Mass complaints (5 or more)',
    unit: 'cases',
    table: 'petition_letters',
    date: 'received_date',
    where: () => sql`t.state <> 'split' and t.kind = 'complaint' and t.signers >= 5`,
    lowerIsBetter: true,
    href: letter,
    label: 'code',
  },
];
/** The reception side of `petitions.mass_complaints`: groups of 5 or more who came to complain. */
const MASS_GROUPS: Def = {
  key: 'mass_complaint_groups',
  vi: 'Đoàn đông người khiếu nại',
  en: 'Groups complaining',
  unit: 'cases',
  table: 'petition_entries',
  date: 'date',
  where: () => sql`t.people >= 5 and t.kind = 'complaint'`,
  href: entry,
  label: 'seq',
  labelPrefix: BOOK_LINE,
};
for (const kind of ['complaint', 'denunciation'] as const) {
  const vi = kind === 'complaint' ? 'khiếu nại' : 'tố cáo';
  DEFS.push({
    key: `${kind}s_settled`,
    vi: `Số vụ ${vi} đã giải quyết`,
    en: `${kind}s settled`,
    unit: 'cases',
    table: 'petition_cases',
    date: 'decided_date',
    where: (q) => sql`t.kind = ${kind} and ${decided(q)}`,
    href: kase,
    label: 'code',
  });
  DEFS.push({
    key: `${kind}s_settled_on_time`,
    vi: `Số vụ ${vi} giải quyết đúng hạn`,
    en: `${kind}s settled on time`,
    unit: 'cases',
    table: 'petition_cases',
    date: 'decided_date',
    where: (q) => sql`t.kind = ${kind} and t.on_time = 1 and ${decided(q)}`,
    href: kase,
    label: 'code',
  });
  for (const [result, rvi] of [
    ['right', 'đúng'],
    ['partly', 'đúng một phần'],
    ['wrong', 'sai'],
  ] as const) {
    DEFS.push({
      key: `${kind}s_${result}`,
      vi: `Số vụ ${vi} ${rvi}`,
      en: `${kind}s found ${result}`,
      unit: 'cases',
      table: 'petition_cases',
      date: 'decided_date',
      where: (q) => sql`t.kind = ${kind} and t.result = ${result} and ${decided(q)}`,
      href: kase,
      label: 'code',
    });
  }
}

/** Value and records of a definition, with its extra part when it has one (mass complaints). */
const extraOf = (d: Def) => (d.key === 'mass_complaints' ? MASS_GROUPS : null);

async function total(db: Kysely<DB>, d: Def, q: IndicatorQuery): Promise<number> {
  const extra = extraOf(d);
  return (await value(db, d, q)) + (extra ? await value(db, extra, q) : 0);
}

async function allRecords(db: Kysely<DB>, d: Def, q: IndicatorQuery, page: { limit: number; offset: number }) {
  const first = await records(db, d, q, page);
  const extra = extraOf(d);
  if (!extra) return first;
  // The extra records follow the first ones: page through the two lists as one.
  const offset = Math.max(0, page.offset - first.total);
  const limit = page.limit - first.rows.length;
  const second = await records(db, extra, q, { limit: Math.max(limit, 0), offset });
  return { total: first.total + second.total, rows: [...first.rows, ...(limit > 0 ? second.rows : [])] };
}

/** Computed indicators of the petitions module (platform/indicators.ts). */
export const petitionsIndicators: readonly ComputedIndicator[] = DEFS.map((d) => ({
  code: `petitions.${d.key}`,
  module: 'petitions',
  nameVi: d.vi,
  nameEn: d.en.charAt(0).toUpperCase() + d.en.slice(1),
  unit: d.unit,
  rollup: 'sum',
  ...(d.lowerIsBetter ? { lowerIsBetter: true } : {}),
  ...(d.replaces ? { replaces: d.replaces } : {}),
  compute: async (db, q) => ({ value: await total(db, d, q) }),
  records: (db, q, page) => allRecords(db, d, q, page),
}));
