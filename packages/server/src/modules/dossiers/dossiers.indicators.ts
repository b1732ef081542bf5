import { addWorkingDays, defaultCalendar } from '@ansinh/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { codesOfCommune } from '../../platform/authz.js';
import type { ComputedIndicator, IndicatorQuery, IndicatorRecord } from '../../platform/indicators.js';

/**
 * Each counting indicator is a condition on the dossiers of the area (an indexed equality on
 * its code column); the records behind a value are the same rows. "As of" a date: a dossier
 * received, settled or closed after it does not count (or still counts as pending).
 */
type Cond = (q: IndicatorQuery) => RawBuilder<unknown>;

const pendingAt = (asOf: string) =>
  sql`d.received_date <= ${asOf} and (d.settled_date is null or d.settled_date > ${asOf}) and (d.closed_date is null or d.closed_date > ${asOf})`;
const settledIn = (q: IndicatorQuery) =>
  sql`d.settled_date between ${q.from} and ${q.to} and d.settled_date <= ${q.asOf}`;

const CONDITIONS: Record<string, Cond> = {
  received: (q) => sql`d.received_date between ${q.from} and ${q.to} and d.received_date <= ${q.asOf}`,
  settled_early: (q) => sql`${settledIn(q)} and d.timeliness = 'early'`,
  settled_on_time: (q) => sql`${settledIn(q)} and d.timeliness = 'on_time'`,
  settled_late: (q) => sql`${settledIn(q)} and d.timeliness = 'late'`,
  pending: (q) => pendingAt(q.asOf),
  overdue_pending: (q) => sql`${pendingAt(q.asOf)} and d.due_date < ${q.asOf}`,
  due_within_2_days: (q) =>
    sql`${pendingAt(q.asOf)} and d.due_date >= ${q.asOf} and d.due_date <= ${addWorkingDays(defaultCalendar, q.asOf, 2)}`,
};

async function count(db: Kysely<DB>, q: IndicatorQuery, cond: RawBuilder<unknown>): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*) as n from dossiers d where ${sql.ref(`d.${q.area.column}`)} = ${q.area.code} and ${cond}`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0);
}

async function records(
  db: Kysely<DB>,
  q: IndicatorQuery,
  cond: RawBuilder<unknown>,
  page: { limit: number; offset: number },
) {
  const total = await count(db, q, cond);
  const rows = await sql<{
    id: number;
    code: string;
    applicant_name: string;
    commune_code: string;
    received_date: string;
  }>`
    select d.id, d.code, d.applicant_name, d.commune_code, d.received_date from dossiers d
    where ${sql.ref(`d.${q.area.column}`)} = ${q.area.code} and ${cond} order by d.id limit ${page.limit} offset ${page.offset}`.execute(
    db,
  );
  return {
    total,
    rows: rows.rows.map((r): IndicatorRecord => ({
      kind: 'dossier',
      id: r.id,
      label: `${r.code} — ${r.applicant_name}`,
      href: `/dossiers/${r.id}`,
      areaCode: r.commune_code,
      date: r.received_date,
      amount: 1,
    })),
  };
}

const NAMES: Record<string, [string, string, boolean?]> = {
  received: ['Hồ sơ TTHC tiếp nhận', 'Dossiers received'],
  settled_early: ['Hồ sơ giải quyết trước hạn', 'Dossiers settled early'],
  settled_on_time: ['Hồ sơ giải quyết đúng hạn', 'Dossiers settled on time'],
  settled_late: ['Hồ sơ giải quyết quá hạn', 'Dossiers settled late', true],
  pending: ['Hồ sơ đang giải quyết', 'Dossiers pending'],
  overdue_pending: ['Hồ sơ đang giải quyết đã quá hạn', 'Pending dossiers past due', true],
  due_within_2_days: ['Hồ sơ đến hạn trong 2 ngày làm việc', 'Dossiers due within 2 working days'],
};

const counting: ComputedIndicator[] = Object.entries(CONDITIONS).map(([key, cond]) => ({
  code: `dossiers.${key}`,
  module: 'dossiers',
  nameVi: NAMES[key]![0],
  nameEn: NAMES[key]![1],
  unit: 'dossiers',
  rollup: 'sum',
  ...(NAMES[key]![2] ? { lowerIsBetter: true } : {}),
  compute: async (db, q) => ({ value: await count(db, q, cond(q)) }),
  records: (db, q, page) => records(db, q, cond(q), page),
}));

const pct = (num: number, den: number) => (den ? Math.round((num * 10000) / den) / 100 : 0);

/** Computed indicators of the dossiers module (platform/indicators.ts). */
/** The province an area belongs to (the first code of its path), whose catalogue the area uses. */
async function provinceOfArea(db: Kysely<DB>, code: string): Promise<string> {
  const a = await db.selectFrom('areas').select('path').where('code', '=', code).executeTakeFirst();
  return a ? codesOfCommune(code, a.path).province_code : '__nothing__';
}

/**
 * The province's catalogue as it stood on a date (migration 0018): each procedure's latest version
 * from on or before the date, when that version has it in the catalogue.
 */
async function catalogueOn(db: Kysely<DB>, province: string, date: string) {
  const r = await sql<{ id: number; code: string; name: string; online_mode: string }>`
    select p.id, p.code, p.name, v.online_mode from procedure_versions v join procedures p on p.id = v.procedure_id
    where v.province_code = ${province} and v.active = 1 and v.valid_from = (
      select max(w.valid_from) from procedure_versions w where w.procedure_id = v.procedure_id and w.valid_from <= ${date})
    order by p.code`.execute(db);
  return r.rows;
}

function procedureRecords(all: { id: number; code: string; name: string }[], page: { limit: number; offset: number }) {
  return {
    total: all.length,
    rows: all.slice(page.offset, page.offset + page.limit).map((p): IndicatorRecord => ({
      kind: 'procedure',
      id: Number(p.id),
      label: `${p.code} — ${p.name}`,
      href: `/dossiers/procedures/${p.id}`,
      areaCode: '',
      date: null,
      amount: 1,
    })),
  };
}

export const dossiersIndicators: readonly ComputedIndicator[] = [
  ...counting,
  {
    code: 'dossiers.settled_on_time_rate',
    module: 'dossiers',
    nameVi: 'Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn',
    nameEn: 'Share of dossiers settled early or on time',
    unit: 'percent',
    rollup: 'ratio',
    async compute(db, q) {
      const good = await count(db, q, sql`${settledIn(q)} and d.timeliness in ('early', 'on_time')`);
      const all = await count(db, q, settledIn(q));
      return { value: pct(good, all), numerator: good, denominator: all };
    },
    records: (db, q, page) => records(db, q, settledIn(q), page),
  },
  {
    code: 'dossiers.procedures_fully_online',
    module: 'dossiers',
    nameVi: 'Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến toàn trình (danh mục tại ngày báo cáo)',
    nameEn: 'Share of procedures fully online (catalogue as of the date)',
    unit: 'percent',
    rollup: 'ratio',
    // The catalogue is the province's, not an area's: the same value at every level of a province.
    async compute(db, q) {
      const rows = await catalogueOn(db, await provinceOfArea(db, q.area.code), q.asOf);
      const full = rows.filter((r) => r.online_mode === 'full').length;
      return { value: pct(full, rows.length), numerator: full, denominator: rows.length };
    },
    records: async (db, q, page) =>
      procedureRecords(
        (await catalogueOn(db, await provinceOfArea(db, q.area.code), q.asOf)).filter((r) => r.online_mode === 'full'),
        page,
      ),
  },
  {
    code: 'dossiers.procedures_in_catalogue',
    module: 'dossiers',
    nameVi: 'Số thủ tục hành chính trong danh mục (tại ngày báo cáo)',
    nameEn: 'Procedures in the catalogue (as of the date)',
    unit: 'procedures',
    rollup: 'sum',
    async compute(db, q) {
      return { value: (await catalogueOn(db, await provinceOfArea(db, q.area.code), q.asOf)).length };
    },
    records: async (db, q, page) =>
      procedureRecords(await catalogueOn(db, await provinceOfArea(db, q.area.code), q.asOf), page),
  },
];
