import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import { buildProgram } from '../../test/factories.js';
import { up } from './0028-agencies.js';

/**
 * Migration 0028 on a database as 0027 left it (a migrated test database with what 0028 created
 * dropped): each province with records gets one default agency built from its `reports.agency`
 * setting, and its users, programs, procedures and reports are back-filled to it.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ seed: false });
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('migration 0028-agencies', () => {
  it("creates the province's default agency from its setting and back-fills its records", async () => {
    const db = ctx.database.db;
    await addOtherProvince(ctx);
    const program = await buildProgram(ctx, { provinceCode: '99' });
    const setting = {
      parentAgency: 'UBND TỈNH THỬ NGHIỆM',
      agency: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
      agencyName: 'Sở Lao động - Thương binh và Xã hội',
      symbol: 'LĐTBXH-TN',
      place: 'Thử Nghiệm',
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: 'Trần Thị Ký',
      recipients: ['Lưu: VT'],
    };
    await db
      .insertInto('province_settings')
      .values({
        province_code: '99',
        key: 'reports.agency',
        value_json: JSON.stringify(setting),
        updated_at: new Date().toISOString(),
      })
      .execute();
    for (const index of ['programs_agency', 'procedures_agency', 'reports_agency', 'reports_number_unique'])
      await sql`drop index ${sql.id(index)}`.execute(db);
    for (const table of ['users', 'programs', 'procedures', 'reports'])
      await sql`alter table ${sql.table(table)} drop column agency_code`.execute(db);
    await sql`drop table agencies`.execute(db);
    await sql`create unique index reports_number_unique on reports (province_code, issue_year, number_seq)`.execute(db);

    await up(db as unknown as Kysely<unknown>, ctx.database.dialect);

    const agencies = await db.selectFrom('agencies').selectAll().execute();
    expect(agencies).toHaveLength(1);
    expect(agencies[0]).toMatchObject({
      province_code: '99',
      code: 'SLDTBXH',
      name: 'Sở Lao động - Thương binh và Xã hội',
      header_name: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
      parent_name: 'UBND TỈNH THỬ NGHIỆM',
      symbol: 'LĐTBXH-TN',
      signer_name: 'Trần Thị Ký',
      recipients_json: JSON.stringify(['Lưu: VT']),
    });
    const p = await db
      .selectFrom('programs')
      .select('agency_code')
      .where('id', '=', program.id)
      .executeTakeFirstOrThrow();
    expect(p.agency_code).toBe('SLDTBXH');
    const users = await db.selectFrom('users').select(['username', 'agency_code']).orderBy('username').execute();
    expect(users).toEqual([
      { username: 'admin99', agency_code: 'SLDTBXH' },
      { username: 'xa.99999', agency_code: 'SLDTBXH' },
    ]);
  });
});
