import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { EmpEmployersTable, EmpVacanciesTable } from '../../../db/schema-employment.js';
import type { Actor } from '../../../platform/actor.js';
import { inProvince } from './scope.js';

const VACANCY_COLS = [
  'v.id',
  'v.employer_id',
  'e.name as employer_name',
  'v.title',
  'v.positions',
  'v.qualification',
  'v.wage_min',
  'v.wage_max',
  'v.work_place',
  'v.open_from',
  'v.open_to',
  'v.province_code',
] as const;

export type NewVacancy = Insertable<EmpVacanciesTable>;

/** Employers (labour demand) and their vacancies: province-wide records. */
export const employersRepo = {
  get(ex: Executor, id: number) {
    return ex.selectFrom('emp_employers').selectAll().where('id', '=', id).executeTakeFirst();
  },
  byTaxCode(ex: Executor, provinceCode: string, taxCode: string) {
    return ex
      .selectFrom('emp_employers')
      .select('id')
      .where('province_code', '=', provinceCode)
      .where('tax_code', '=', taxCode)
      .executeTakeFirst();
  },
  /** The province's employers holding any of these tax codes, tax code -> id and name (imports). */
  async byTaxCodes(ex: Executor, provinceCode: string, taxCodes: readonly string[]) {
    const out = new Map<string, { id: number; name: string }>();
    for (let i = 0; i < taxCodes.length; i += 900)
      for (const r of await ex
        .selectFrom('emp_employers')
        .select(['id', 'name', 'tax_code'])
        .where('province_code', '=', provinceCode)
        .where('tax_code', 'in', taxCodes.slice(i, i + 900))
        .execute())
        out.set(r.tax_code, { id: r.id, name: r.name });
    return out;
  },
  async insert(ex: Executor, row: Insertable<EmpEmployersTable>): Promise<number> {
    return (await ex.insertInto('emp_employers').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  async page(ex: Executor, actor: Actor, key: string | undefined, page: { limit: number; offset: number }) {
    let q = ex.selectFrom('emp_employers as e').where(inProvince(actor, 'e'));
    if (key) q = q.where((eb) => eb.or([eb('e.name_key', 'like', `%${key}%`), eb('e.tax_code', 'like', `${key}%`)]));
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q.selectAll('e').orderBy('e.name_key').limit(page.limit).offset(page.offset).execute();
    return { total, rows };
  },

  vacancy(ex: Executor, id: number) {
    return ex
      .selectFrom('emp_vacancies as v')
      .innerJoin('emp_employers as e', 'e.id', 'v.employer_id')
      .select([...VACANCY_COLS, 'v.district_code', 'v.commune_code'])
      .where('v.id', '=', id)
      .executeTakeFirst();
  },
  async insertVacancy(ex: Executor, row: Insertable<EmpVacanciesTable>): Promise<number> {
    return (await ex.insertInto('emp_vacancies').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  /** Vacancies with how many placements filled them, open on a date if given. */
  async vacancies(
    ex: Executor,
    actor: Actor,
    f: { key?: string | undefined; openOn?: string | undefined; employerId?: number | undefined; ids?: number[] },
    page: { limit: number; offset: number },
  ) {
    let q = ex
      .selectFrom('emp_vacancies as v')
      .innerJoin('emp_employers as e', 'e.id', 'v.employer_id')
      .where(inProvince(actor, 'v'));
    if (f.key)
      q = q.where((eb) => eb.or([eb('v.title_key', 'like', `%${f.key}%`), eb('e.name_key', 'like', `%${f.key}%`)]));
    if (f.openOn) {
      const d = f.openOn;
      q = q.where('v.open_from', '<=', d).where((eb) => eb.or([eb('v.open_to', 'is', null), eb('v.open_to', '>=', d)]));
    }
    if (f.employerId) q = q.where('v.employer_id', '=', f.employerId);
    if (f.ids) q = q.where('v.id', 'in', f.ids.length ? f.ids : [0]);
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q
      .select(VACANCY_COLS)
      .select((eb) =>
        eb
          .selectFrom('emp_placements as p')
          .select((e2) => e2.fn.countAll().as('n'))
          .whereRef('p.vacancy_id', '=', 'v.id')
          .as('filled'),
      )
      .orderBy('v.open_from', 'desc')
      .orderBy('v.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total, rows };
  },
};
export type VacancyRow = Awaited<ReturnType<typeof employersRepo.vacancies>>['rows'][number];
