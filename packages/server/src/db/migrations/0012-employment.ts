import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Tables of the employment module (docs/modules/employment.md): labour supply records (one per
 * person, by personal ID, linked to the registry person when there is one) and their events,
 * employers and vacancies, counselling, referrals, placements with follow-up checkpoints, job
 * fairs with their employers, vacancies and attendees, training courses and enrolments, workers
 * abroad, and jobs created. Every table carries province_code; records of an area carry its
 * district and commune codes (a fair or course may be province-wide: no district).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const table = (name: string) => t.id(db.schema.createTable(name));
  const area = <T extends string, C extends string>(b: CreateTableBuilder<T, C>, commune: boolean) =>
    b
      .addColumn('province_code', 'text', notNull)
      .addColumn('district_code', 'text')
      .addColumn('commune_code', 'text', commune ? notNull : (c) => c);
  const stamp = <T extends string, C extends string>(b: CreateTableBuilder<T, C>) =>
    b.addColumn('created_by', 'text', notNull).addColumn('created_at', t.instant, notNull);

  await stamp(
    area(
      table('emp_supply')
        .addColumn('person_id', t.ref, (c) => c.references('persons.id'))
        .addColumn('citizen_id', 'text', (c) => c.notNull().unique())
        .addColumn('full_name', 'text', notNull)
        .addColumn('name_key', 'text', notNull)
        .addColumn('birth_date', 'text', notNull)
        .addColumn('gender', 'text', notNull)
        .addColumn('ethnic_code', 'text')
        .addColumn('collected_on', 'text', notNull)
        .addColumn('schooling', 'text')
        .addColumn('qualification', 'text')
        .addColumn('field', 'text')
        .addColumn('employment_status', 'text', notNull)
        .addColumn('job_title', 'text')
        .addColumn('workplace_type', 'text')
        .addColumn('industry', 'text')
        .addColumn('work_address', 'text')
        .addColumn('previous_job', 'text')
        .addColumn('unemployment_duration', 'text')
        .addColumn('inactive_reason', 'text')
        .addColumn('needs', 'text', notNull)
        .addColumn('phone', 'text')
        .addColumn('updated_at', t.instant, notNull),
      true,
    ),
  ).execute();
  await db.schema.createIndex('emp_supply_commune').on('emp_supply').columns(['commune_code', 'name_key']).execute();
  await db.schema.createIndex('emp_supply_district').on('emp_supply').columns(['district_code', 'name_key']).execute();
  await db.schema.createIndex('emp_supply_province').on('emp_supply').columns(['province_code', 'name_key']).execute();
  await db.schema.createIndex('emp_supply_person').on('emp_supply').column('person_id').execute();

  await stamp(
    area(
      table('emp_supply_events')
        .addColumn('supply_id', t.ref, (c) => c.notNull().references('emp_supply.id'))
        .addColumn('kind', 'text', notNull)
        .addColumn('date', 'text', notNull)
        .addColumn('changes_json', 'text', notNull)
        .addColumn('note', 'text'),
      true,
    ),
  ).execute();
  await db.schema.createIndex('emp_supply_events_supply').on('emp_supply_events').column('supply_id').execute();

  await stamp(
    area(
      table('emp_employers')
        .addColumn('name', 'text', notNull)
        .addColumn('name_key', 'text', notNull)
        .addColumn('tax_code', 'text', notNull)
        .addColumn('industry', 'text')
        .addColumn('address', 'text')
        .addColumn('phone', 'text'),
      true,
    ),
  ).execute();
  await db.schema
    .createIndex('emp_employers_tax')
    .on('emp_employers')
    .columns(['province_code', 'tax_code'])
    .unique()
    .execute();

  await stamp(
    area(
      table('emp_vacancies')
        .addColumn('employer_id', t.ref, (c) => c.notNull().references('emp_employers.id'))
        .addColumn('title', 'text', notNull)
        .addColumn('title_key', 'text', notNull)
        .addColumn('positions', 'integer', notNull)
        .addColumn('qualification', 'text')
        .addColumn('wage_min', t.bigint)
        .addColumn('wage_max', t.bigint)
        .addColumn('work_place', 'text')
        .addColumn('open_from', 'text', notNull)
        .addColumn('open_to', 'text'),
      true,
    ),
  ).execute();
  await db.schema.createIndex('emp_vacancies_employer').on('emp_vacancies').column('employer_id').execute();
  await db.schema
    .createIndex('emp_vacancies_open')
    .on('emp_vacancies')
    .columns(['province_code', 'open_from'])
    .execute();

  const personRef = <T extends string, C extends string>(b: CreateTableBuilder<T, C>) =>
    b.addColumn('supply_id', t.ref, (c) => c.notNull().references('emp_supply.id'));

  await stamp(
    area(
      personRef(table('emp_counselling'))
        .addColumn('date', 'text', notNull)
        .addColumn('topic', 'text', notNull)
        .addColumn('form', 'text')
        .addColumn('note', 'text'),
      true,
    ),
  ).execute();
  await db.schema.createIndex('emp_counselling_supply').on('emp_counselling').column('supply_id').execute();
  await db.schema
    .createIndex('emp_counselling_date')
    .on('emp_counselling')
    .columns(['province_code', 'date'])
    .execute();

  await stamp(
    area(
      personRef(table('emp_referrals'))
        .addColumn('vacancy_id', t.ref, (c) => c.notNull().references('emp_vacancies.id'))
        .addColumn('date', 'text', notNull)
        .addColumn('outcome', 'text', notNull),
      true,
    ),
  ).execute();

  await stamp(
    area(
      table('emp_fairs')
        .addColumn('name', 'text', notNull)
        .addColumn('date', 'text', notNull)
        .addColumn('place', 'text', notNull)
        .addColumn('mode', 'text', notNull),
      false,
    ),
  ).execute();
  await db.schema.createIndex('emp_fairs_date').on('emp_fairs').columns(['province_code', 'date']).execute();

  await area(
    table('emp_fair_employers')
      .addColumn('fair_id', t.ref, (c) => c.notNull().references('emp_fairs.id'))
      .addColumn('employer_id', t.ref, (c) => c.notNull().references('emp_employers.id')),
    false,
  ).execute();
  await db.schema
    .createIndex('emp_fair_employers_uq')
    .on('emp_fair_employers')
    .columns(['fair_id', 'employer_id'])
    .unique()
    .execute();
  await area(
    table('emp_fair_vacancies')
      .addColumn('fair_id', t.ref, (c) => c.notNull().references('emp_fairs.id'))
      .addColumn('vacancy_id', t.ref, (c) => c.notNull().references('emp_vacancies.id')),
    false,
  ).execute();
  await db.schema
    .createIndex('emp_fair_vacancies_uq')
    .on('emp_fair_vacancies')
    .columns(['fair_id', 'vacancy_id'])
    .unique()
    .execute();

  await area(
    personRef(table('emp_fair_attendees'))
      .addColumn('fair_id', t.ref, (c) => c.notNull().references('emp_fairs.id'))
      .addColumn('checked_in_at', t.instant, notNull)
      .addColumn('checked_in_by', 'text', notNull)
      .addColumn('interviewed_by', t.ref, (c) => c.references('emp_employers.id'))
      .addColumn('hired_vacancy_id', t.ref, (c) => c.references('emp_vacancies.id'))
      .addColumn('placement_id', t.ref),
    true,
  ).execute();
  await db.schema
    .createIndex('emp_fair_attendees_uq')
    .on('emp_fair_attendees')
    .columns(['fair_id', 'supply_id'])
    .unique()
    .execute();

  await stamp(
    area(
      personRef(table('emp_placements'))
        .addColumn('vacancy_id', t.ref, (c) => c.notNull().references('emp_vacancies.id'))
        .addColumn('employer_id', t.ref, (c) => c.notNull().references('emp_employers.id'))
        .addColumn('fair_id', t.ref, (c) => c.references('emp_fairs.id'))
        .addColumn('referral_id', t.ref, (c) => c.references('emp_referrals.id'))
        .addColumn('start_date', 'text', notNull),
      true,
    ),
  ).execute();
  await db.schema.createIndex('emp_placements_supply').on('emp_placements').column('supply_id').execute();

  await stamp(
    area(
      table('emp_placement_checkpoints')
        .addColumn('placement_id', t.ref, (c) => c.notNull().references('emp_placements.id'))
        .addColumn('month', 'integer', notNull)
        .addColumn('date', 'text', notNull)
        .addColumn('result', 'text', notNull)
        .addColumn('note', 'text'),
      true,
    ),
  ).execute();
  await db.schema
    .createIndex('emp_checkpoints_uq')
    .on('emp_placement_checkpoints')
    .columns(['placement_id', 'month'])
    .unique()
    .execute();

  await stamp(
    area(
      table('emp_courses')
        .addColumn('name', 'text', notNull)
        .addColumn('occupation', 'text', notNull)
        .addColumn('level', 'text', notNull)
        .addColumn('provider', 'text', notNull)
        .addColumn('start_date', 'text', notNull)
        .addColumn('end_date', 'text', notNull),
      false,
    ),
  ).execute();

  await stamp(
    area(
      personRef(table('emp_enrolments'))
        .addColumn('course_id', t.ref, (c) => c.notNull().references('emp_courses.id'))
        .addColumn('support_group', 'text')
        .addColumn('supported', 'integer', notNull)
        .addColumn('support_ceiling', t.bigint)
        .addColumn('start_date', 'text', notNull)
        .addColumn('completed_on', 'text')
        .addColumn('passed', 'integer')
        .addColumn('job_after', 'integer', (c) => c.notNull().defaultTo(0)),
      true,
    ),
  ).execute();
  await db.schema
    .createIndex('emp_enrolments_uq')
    .on('emp_enrolments')
    .columns(['course_id', 'supply_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('emp_enrolments_date')
    .on('emp_enrolments')
    .columns(['province_code', 'start_date'])
    .execute();

  await stamp(
    area(
      personRef(table('emp_abroad'))
        .addColumn('form', 'text', notNull)
        .addColumn('company', 'text')
        .addColumn('country', 'text', notNull)
        .addColumn('received_on', 'text')
        .addColumn('registration_due', 'text')
        .addColumn('registered_on', 'text')
        .addColumn('departure_date', 'text')
        .addColumn('return_date', 'text'),
      true,
    ),
  ).execute();

  // One job per record; `counted` = 1 on the first of a person in a year only (jobs.ts).
  await stamp(
    area(
      personRef(table('emp_jobs'))
        .addColumn('citizen_id', 'text', notNull)
        .addColumn('channel', 'text', notNull)
        .addColumn('date', 'text', notNull)
        .addColumn('year', 'integer', notNull)
        .addColumn('counted', 'integer', notNull)
        .addColumn('source_kind', 'text')
        .addColumn('source_id', t.ref)
        .addColumn('note', 'text'),
      true,
    ),
  ).execute();
  await db.schema.createIndex('emp_jobs_district').on('emp_jobs').columns(['district_code', 'date']).execute();
  // Covering the progress query (counted jobs of a province in a period, by district and channel).
  await db.schema
    .createIndex('emp_jobs_province')
    .on('emp_jobs')
    .columns(['province_code', 'counted', 'date', 'district_code', 'channel'])
    .execute();
  await db.schema.createIndex('emp_jobs_commune').on('emp_jobs').columns(['commune_code', 'date']).execute();
  await db.schema.createIndex('emp_jobs_supply').on('emp_jobs').column('supply_id').execute();
  await db.schema
    .createIndex('emp_jobs_once')
    .on('emp_jobs')
    .columns(['citizen_id', 'year'])
    .unique()
    .where(sql.ref('counted'), '=', 1)
    .execute();
}
