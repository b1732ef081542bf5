import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/** The code of the agency every existing record is given: the Department of Labour, Invalids and Social Affairs. */
export const DEFAULT_AGENCY_CODE = 'SLDTBXH';

/**
 * Agencies as data (docs/modules/agencies.md): since the 2025 reorganisation one province's
 * AnSinh serves several departments (the Sở Nội vụ took over the Sở LĐ-TBXH; social protection
 * went to the Sở Y tế ...). Users, programs, procedures and reports get a nullable `agency_code`;
 * every province that already has any of them gets one default agency, built from its
 * `reports.agency` setting (the Sở LĐ-TBXH of today), and its records are back-filled to it.
 * Report numbers become unique per province, year of issue and number text (the text carries the
 * agency's symbol: "01/BC-SNV" and "01/BC-SLĐTBXH" are two numbers).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await t
    .id(db.schema.createTable('agencies'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('code', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('header_name', 'text', notNull)
    .addColumn('parent_name', 'text', notNull)
    .addColumn('symbol', 'text', notNull)
    .addColumn('place', 'text', notNull)
    .addColumn('signer_authority', 'text', notNull)
    .addColumn('signer_title', 'text', notNull)
    .addColumn('signer_name', 'text', notNull)
    .addColumn('recipients_json', 'text', notNull)
    .addColumn('fields_json', 'text', notNull)
    .addColumn('active_from', 'text')
    .addColumn('active_to', 'text')
    .addColumn('created_at', t.instant, notNull)
    .addColumn('updated_at', t.instant, notNull)
    .execute();
  await db.schema
    .createIndex('agencies_code_unique')
    .on('agencies')
    .columns(['province_code', 'code'])
    .unique()
    .execute();
  await db.schema
    .createIndex('agencies_symbol_unique')
    .on('agencies')
    .columns(['province_code', 'symbol'])
    .unique()
    .execute();

  for (const table of ['users', 'programs', 'procedures', 'reports']) {
    await db.schema.alterTable(table).addColumn('agency_code', 'text').execute();
  }
  await db.schema.createIndex('programs_agency').on('programs').columns(['province_code', 'agency_code']).execute();
  await db.schema.createIndex('procedures_agency').on('procedures').columns(['province_code', 'agency_code']).execute();
  await db.schema.createIndex('reports_agency').on('reports').columns(['province_code', 'agency_code']).execute();

  // Numbers per agency: the number text carries the agency's symbol.
  await db.schema.dropIndex('reports_number_unique').execute();
  await db.schema
    .createIndex('reports_number_unique')
    .on('reports')
    .columns(['province_code', 'issue_year', 'number'])
    .unique()
    .execute();

  // Back-fill: one default agency per province that has records, from its reports.agency setting.
  const provinces = await sql<{ p: string }>`
    select province_code as p from programs
    union select province_code from procedures
    union select province_code from reports
    union select province_code from province_settings where key = 'reports.agency'
  `.execute(db);
  const userAreas = await sql<{ path: string }>`
    select distinct a.path from users u join areas a on a.code = u.area_code`.execute(db);
  const codes = [
    ...new Set([
      ...provinces.rows.map((r) => r.p),
      ...userAreas.rows.map((r) => r.path.split('/').find(Boolean) ?? ''),
    ]),
  ].filter(Boolean);
  const now = new Date().toISOString();
  for (const p of codes) {
    const setting = await sql<{
      value_json: string;
    }>`select value_json from province_settings where province_code = ${p} and key = 'reports.agency'`.execute(db);
    const name = await sql<{ name: string }>`select name from areas where code = ${p}`.execute(db);
    const provinceName = name.rows[0]?.name ?? 'Tỉnh';
    let s: Record<string, unknown> = {};
    try {
      s = JSON.parse(setting.rows[0]?.value_json ?? '{}') as Record<string, unknown>;
    } catch {
      s = {};
    }
    const str = (k: string, d: string) =>
      typeof s[k] === 'string' && (s[k] as string).length >= 2 ? (s[k] as string) : d;
    const recipients = Array.isArray(s['recipients']) ? s['recipients'] : ['Lưu: VT, VP'];
    await sql`insert into agencies (province_code, code, name, header_name, parent_name, symbol, place,
        signer_authority, signer_title, signer_name, recipients_json, fields_json, active_from, active_to, created_at, updated_at)
      values (${p}, ${DEFAULT_AGENCY_CODE}, ${str('agencyName', 'Sở Lao động - Thương binh và Xã hội')},
        ${str('agency', 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')}, ${str('parentAgency', `UBND ${provinceName.toUpperCase()}`)},
        ${str('symbol', 'SLĐTBXH')}, ${str('place', provinceName.replace(/^Tỉnh |^Thành phố /, ''))},
        ${typeof s['signerAuthority'] === 'string' ? s['signerAuthority'] : 'KT. GIÁM ĐỐC'}, ${str('signerTitle', 'PHÓ GIÁM ĐỐC')},
        ${str('signerName', '……')}, ${JSON.stringify(recipients)},
        ${JSON.stringify(['lao động', 'người có công', 'bảo trợ xã hội', 'giảm nghèo', 'trẻ em'])}, null, null, ${now}, ${now})`.execute(
      db,
    );
    for (const table of ['programs', 'procedures', 'reports']) {
      await sql`update ${sql.table(table)} set agency_code = ${DEFAULT_AGENCY_CODE}
        where province_code = ${p} and agency_code is null`.execute(db);
    }
    await sql`update users set agency_code = ${DEFAULT_AGENCY_CODE} where agency_code is null
      and area_code in (select code from areas where path like ${`/${p}/%`})`.execute(db);
  }
}
