import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery, IndicatorRecord } from '../../../platform/indicators.js';

/** One petitions figure: a condition on one table of the area within the period (petitions.indicators.ts). */
export interface Def {
  key: string;
  vi: string;
  en: string;
  unit: ComputedIndicator['unit'];
  table: 'petition_entries' | 'petition_calls' | 'petition_letters' | 'petition_cases' | 'petition_sessions';
  date: string;
  /** Extra condition (SQL on alias t). */
  where?: (q: IndicatorQuery) => RawBuilder<unknown>;
  /** Summed column instead of a count. */
  sum?: string;
  lowerIsBetter?: boolean;
  /** The entered indicator (seed/reports-seed.ts) this one computes from records, same meaning. */
  replaces?: string;
  href: (id: number) => string;
  label: string;
  /** Put before the label column's value ('Sổ tiếp công dân, dòng '). */
  labelPrefix?: string;
}

function cond(d: Def, q: IndicatorQuery) {
  const col = sql.ref(`t.${d.date}`);
  const base = sql`${sql.ref(`t.${q.area.column}`)} = ${q.area.code} and ${col} >= ${q.from} and ${col} <= ${q.to} and ${col} <= ${q.asOf}`;
  return d.where ? sql`${base} and ${d.where(q)}` : base;
}

export async function value(db: Kysely<DB>, d: Def, q: IndicatorQuery): Promise<number> {
  const what = d.sum ? sql`coalesce(sum(${sql.ref(`t.${d.sum}`)}), 0)` : sql`count(*)`;
  const r = await sql<{ n: number }>`select ${what} as n from ${sql.table(d.table)} t where ${cond(d, q)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export async function records(db: Kysely<DB>, d: Def, q: IndicatorQuery, page: { limit: number; offset: number }) {
  const total = Number(
    (await sql<{ n: number }>`select count(*) as n from ${sql.table(d.table)} t where ${cond(d, q)}`.execute(db))
      .rows[0]?.n ?? 0,
  );
  const rows = await sql<{ id: number; label: string; area: string; date: string; amount: number }>`
    select t.id, ${sql.ref(`t.${d.label}`)} as label, coalesce(t.commune_code, t.district_code, t.province_code) as area,
      ${sql.ref(`t.${d.date}`)} as date, ${d.sum ? sql.ref(`t.${d.sum}`) : sql`1`} as amount
    from ${sql.table(d.table)} t where ${cond(d, q)} order by t.id limit ${page.limit} offset ${page.offset}`.execute(
    db,
  );
  return {
    total,
    // A record's label is its code or summary, never a person's name (denouncers are secret).
    rows: rows.rows.map((r): IndicatorRecord => ({
      kind: d.table,
      id: r.id,
      label: `${d.labelPrefix ?? ''}${String(r.label)}`.slice(0, 120),
      href: d.href(r.id),
      areaCode: r.area,
      date: r.date,
      amount: Number(r.amount),
    })),
  };
}
