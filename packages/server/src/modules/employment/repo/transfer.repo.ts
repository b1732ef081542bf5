import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AreaColumn } from '../../../platform/authz.js';
import { inArea, inProvince } from './scope.js';

/** The area a transfer is limited to (beside the actor's own scope): one area-code column, or none. */
export type TransferArea = { column: AreaColumn; code: string } | null;
export interface TransferFilter {
  actor: Actor;
  area: TransferArea;
  from: string;
  to: string;
}

const inChosen = (area: TransferArea, alias: string): Expression<SqlBool> =>
  area ? sql<SqlBool>`${sql.ref(`${alias}.${area.column}`)} = ${area.code}` : sql<SqlBool>`1 = 1`;

/**
 * A supply record belongs to the year's transfer when it was collected in the year or a change of
 * the person's situation (an event) is dated in it: business dates, not the system's clock.
 */
const supplyOfYear = (f: TransferFilter): Expression<SqlBool> =>
  sql<SqlBool>`${inArea(f.actor, 's')} and ${inChosen(f.area, 's')} and (
    s.collected_on between ${f.from} and ${f.to}
    or exists (select 1 from emp_supply_events ev where ev.supply_id = s.id and ev.date between ${f.from} and ${f.to}))`;

const vacancyOfYear = (f: TransferFilter): Expression<SqlBool> =>
  sql<SqlBool>`${inProvince(f.actor, 'v')} and ${inChosen(f.area, 'v')} and v.open_from between ${f.from} and ${f.to}`;

/** Employers first known in the year that have no vacancy opened in it (they get a row of their own). */
const employerAloneOfYear = (f: TransferFilter): Expression<SqlBool> =>
  sql<SqlBool>`${inProvince(f.actor, 'e')} and ${inChosen(f.area, 'e')}
    and e.created_at >= ${f.from} and e.created_at < ${`${Number(f.from.slice(0, 4)) + 1}-01-01`}
    and not exists (select 1 from emp_vacancies v2 where v2.employer_id = e.id and v2.open_from between ${f.from} and ${f.to})`;

const SUPPLY_COLS = [
  's.id',
  's.citizen_id',
  's.full_name',
  's.birth_date',
  's.gender',
  's.ethnic_code',
  's.province_code',
  's.district_code',
  's.commune_code',
  'a.name as commune_name',
  's.collected_on',
  's.schooling',
  's.qualification',
  's.field',
  's.employment_status',
  's.job_title',
  's.workplace_type',
  's.industry',
  's.work_address',
  's.previous_job',
  's.unemployment_duration',
  's.inactive_reason',
  's.needs',
  's.phone',
  's.updated_at',
] as const;

const EMPLOYER_COLS = ['e.id as employer_id', 'e.tax_code', 'e.name', 'e.industry', 'e.address', 'e.phone'] as const;

/** The rows of the yearly data transfer, read in keyset batches so a province does not hold the loop. */
export const transferRepo = {
  async counts(ex: Executor, f: TransferFilter) {
    const one = async (from: RawBuilder<unknown>, where: Expression<SqlBool>, what = sql`count(*)`) =>
      Number(
        (await sql<{ n: number | string }>`select ${what} as n from ${from} where ${where}`.execute(ex)).rows[0]?.n ??
          0,
      );
    return {
      vacancies: await one(sql`emp_vacancies v`, vacancyOfYear(f)),
      employersAlone: await one(sql`emp_employers e`, employerAloneOfYear(f)),
      employersWithVacancies: await one(sql`emp_vacancies v`, vacancyOfYear(f), sql`count(distinct v.employer_id)`),
    };
  },

  /**
   * The year's supply records counted in slices of `step` ids (each slice one short query), so that
   * counting a province's 200.000 records is not one long synchronous scan on SQLite.
   */
  async *supplyCounts(ex: Executor, f: TransferFilter, step: number) {
    const r = await sql<{ lo: number | null; hi: number | null }>`select min(s.id) as lo, max(s.id) as hi
      from emp_supply s where ${inArea(f.actor, 's')} and ${inChosen(f.area, 's')}`.execute(ex);
    const lo = Number(r.rows[0]?.lo ?? 0);
    const hi = Number(r.rows[0]?.hi ?? -1);
    for (let a = lo; a <= hi; a += step) {
      const n = await sql<{ n: number | string }>`select count(*) as n from emp_supply s
        where s.id >= ${a} and s.id < ${a + step} and ${supplyOfYear(f)}`.execute(ex);
      yield Number(n.rows[0]?.n ?? 0);
    }
  },

  async *supply(ex: Executor, f: TransferFilter, batch: number) {
    let after = 0;
    for (;;) {
      const rows = await ex
        .selectFrom('emp_supply as s')
        .innerJoin('areas as a', 'a.code', 's.commune_code')
        .select(SUPPLY_COLS)
        .where(supplyOfYear(f))
        .where('s.id', '>', after)
        .orderBy('s.id')
        .limit(batch)
        .execute();
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]!.id;
    }
  },

  async *vacancies(ex: Executor, f: TransferFilter, batch: number) {
    let after = 0;
    for (;;) {
      const rows = await ex
        .selectFrom('emp_vacancies as v')
        .innerJoin('emp_employers as e', 'e.id', 'v.employer_id')
        .innerJoin('areas as a', 'a.code', 'e.commune_code')
        .select([...EMPLOYER_COLS, 'a.name as commune_name', 'e.commune_code'])
        .select(['v.id', 'v.title', 'v.positions', 'v.qualification', 'v.wage_min', 'v.wage_max', 'v.work_place'])
        .select(['v.open_from', 'v.open_to'])
        .where(vacancyOfYear(f))
        .where('v.id', '>', after)
        .orderBy('v.id')
        .limit(batch)
        .execute();
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]!.id;
    }
  },

  async *employersAlone(ex: Executor, f: TransferFilter, batch: number) {
    let after = 0;
    for (;;) {
      const rows = await ex
        .selectFrom('emp_employers as e')
        .innerJoin('areas as a', 'a.code', 'e.commune_code')
        .select([...EMPLOYER_COLS, 'a.name as commune_name', 'e.commune_code'])
        .where(employerAloneOfYear(f))
        .where('e.id', '>', after)
        .orderBy('e.id')
        .limit(batch)
        .execute();
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]!.employer_id;
    }
  },
};
