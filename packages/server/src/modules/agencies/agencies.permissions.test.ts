import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyList, AgencyOut, Role } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince, expectProblem } from '../../test/fixtures.js';
import { buildAgency, buildAgencyUser } from '../../test/factories.js';

/**
 * The permission table of the agencies module: every role x action x an agency inside the actor's
 * province / of another province (99). 404 outside, 403 for a role not allowed (and for an
 * administrator below the province), 2xx allowed; a refused write changes nothing.
 */
let ctx: TestContext;
const sessions = new Map<string, Session>();

const ACTORS: { role: Role; username: string }[] = [
  { role: 'admin', username: 'admin' },
  { role: 'province_leader', username: 'tinh.lanhdao' },
  { role: 'province_officer', username: 'tinh.chuyenvien' },
  { role: 'inspector', username: 'thanhtra' },
  { role: 'supervisor', username: 'giamsat' },
  { role: 'employment_centre', username: 'ttdvvl' },
  { role: 'district_officer', username: 'huyen.689' },
  { role: 'commune_officer', username: 'xa.25213' },
];
/**
 * An administrator whose account the data holds at a district (accounts made today cannot be: an
 * administrator works at the province): in the table, refused by the province-only rule.
 */
let districtAdmin = '';

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  districtAdmin = await buildAgencyUser(ctx, null, { role: 'admin' });
  await ctx.database.db.updateTable('users').set({ area_code: '689' }).where('username', '=', districtAdmin).execute();
  const names = [...ACTORS.map((a) => a.username), districtAdmin];
  const all = await Promise.all(names.map((u) => ctx.login(u)));
  names.forEach((u, i) => sessions.set(u, all[i]!));
});
afterAll(async () => {
  await ctx?.close();
});

const agencyRow = (id: number) =>
  ctx.database.db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
const auditCount = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('entity', '=', 'agency')
        .executeTakeFirstOrThrow()
    ).n,
  );

const body = (n: string) => ({
  code: `P${n}`,
  name: `Sở Y tế ${n}`,
  headerName: 'SỞ Y TẾ',
  parentName: 'UBND TỈNH BÌNH PHƯỚC',
  symbol: `SYT${n}`,
  place: 'Bình Phước',
  signerAuthority: 'KT. GIÁM ĐỐC',
  signerTitle: 'PHÓ GIÁM ĐỐC',
  signerName: 'Lê Văn Y',
});

describe.each(ACTORS)('$role', ({ role, username }) => {
  const s = () => sessions.get(username)!;

  it('lists the agencies of its own province only, and reads one; another province’s is 404', async () => {
    const inside = await buildAgency(ctx);
    const outside = await buildAgency(ctx, { provinceCode: '99' });
    const res = await s().inject('GET', '/api/v1/agencies');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as AgencyList).items;
    expect(items.map((a) => a.code)).toEqual(expect.arrayContaining(['SLDTBXH', 'SNV', inside.code]));
    expect(items.every((a) => a.provinceCode === '70')).toBe(true);
    expect((await s().inject('GET', `/api/v1/agencies/${inside.id}`)).statusCode).toBe(200);
    expectProblem(await s().inject('GET', `/api/v1/agencies/${outside.id}`), 404, 'NOT_FOUND');
  });

  it(
    role === 'admin' ? 'creates an agency (201, audited)' : 'may not create an agency (403, nothing written)',
    async () => {
      const n = String(Date.now() % 1_000_000) + role.length;
      const before = await auditCount();
      const res = await s().inject('POST', '/api/v1/agencies', body(n));
      if (role === 'admin') {
        expect(res.statusCode).toBe(201);
        expect(res.json() as AgencyOut).toMatchObject({ provinceCode: '70', code: `P${n}`, symbol: `SYT${n}` });
        expect(await auditCount()).toBe(before + 1);
      } else {
        expectProblem(res, 403, 'FORBIDDEN');
        expect(await auditCount()).toBe(before);
        const rows = await ctx.database.db.selectFrom('agencies').select('id').where('code', '=', `P${n}`).execute();
        expect(rows).toHaveLength(0);
      }
    },
  );

  it(
    role === 'admin'
      ? 'edits an agency of its province; another province’s is 404'
      : 'may not edit (403: the role is refused before any record is looked up)',
    async () => {
      const inside = await buildAgency(ctx);
      const outside = await buildAgency(ctx, { provinceCode: '99' });
      const [beforeIn, beforeOut, audits] = [
        await agencyRow(inside.id),
        await agencyRow(outside.id),
        await auditCount(),
      ];
      const resIn = await s().inject('PATCH', `/api/v1/agencies/${inside.id}`, { signerName: 'Tên Mới' });
      if (role === 'admin') {
        expect(resIn.statusCode).toBe(200);
        expect((resIn.json() as AgencyOut).signerName).toBe('Tên Mới');
      } else {
        expectProblem(resIn, 403, 'FORBIDDEN');
        expect(await agencyRow(inside.id)).toEqual(beforeIn);
      }
      const resOut = await s().inject('PATCH', `/api/v1/agencies/${outside.id}`, { signerName: 'X Y' });
      if (role === 'admin') expectProblem(resOut, 404, 'NOT_FOUND');
      else expectProblem(resOut, 403, 'FORBIDDEN');
      expect(await agencyRow(outside.id)).toEqual(beforeOut);
      expect(await auditCount()).toBe(audits + (role === 'admin' ? 1 : 0));
    },
  );
});

describe('rules beyond the role table', () => {
  it('an administrator of a district may not create or edit agencies (403, nothing written)', async () => {
    const s = sessions.get(districtAdmin)!;
    const inside = await buildAgency(ctx);
    const before = await agencyRow(inside.id);
    expectProblem(await s.inject('POST', '/api/v1/agencies', body('D1')), 403, 'FORBIDDEN');
    expectProblem(await s.inject('PATCH', `/api/v1/agencies/${inside.id}`, { signerName: 'X Y' }), 403, 'FORBIDDEN');
    expect(await agencyRow(inside.id)).toEqual(before);
  });

  it('a code or symbol already used in the province is 409; the same code in another province is fine', async () => {
    const admin = sessions.get('admin')!;
    expectProblem(await admin.inject('POST', '/api/v1/agencies', { ...body('X9'), code: 'SNV' }), 409, 'AGENCY_TAKEN');
    expectProblem(
      await admin.inject('POST', '/api/v1/agencies', { ...body('X8'), symbol: 'SNV' }),
      409,
      'AGENCY_TAKEN',
    );
    const other = await buildAgency(ctx, { provinceCode: '99', code: 'SNV', symbol: 'SNV' });
    expect(other.provinceCode).toBe('99');
  });

  it('an account is given only an agency of its province (field error otherwise)', async () => {
    const admin = sessions.get('admin')!;
    const other = await buildAgency(ctx, { provinceCode: '99' });
    const res = await admin.inject('POST', '/api/v1/users', {
      username: `cq.sai.${Date.now() % 100000}`,
      password: 'mat-khau-du-dai-1',
      fullName: 'Nguyễn Văn Sai',
      role: 'province_officer',
      areaCode: '70',
      agencyCode: other.code,
    });
    const p = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(p.details?.[0]?.path).toBe('body.agencyCode');
    const good = await admin.inject('POST', '/api/v1/users', {
      username: `cq.dung.${Date.now() % 100000}`,
      password: 'mat-khau-du-dai-1',
      fullName: 'Nguyễn Văn Đúng',
      role: 'province_officer',
      areaCode: '70',
      agencyCode: 'SNV',
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ agencyCode: 'SNV' });
  });
});
