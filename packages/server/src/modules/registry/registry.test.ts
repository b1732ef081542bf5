import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdOut, PersonOut, PersonPage, StatusOut, Timeline } from '@ansinh/domain';
import { buildHousehold, buildPerson } from '../../test/factories.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';

let ctx: TestContext;
let xa: Session; // xa.25213: Xã Tiến Hưng, district 689 Đồng Xoài
let xaOther: Session; // xa.25270: a commune of Lộc Ninh (692)
let lanhdao: Session; // tinh.lanhdao: reads, does not write
let giamsat: Session; // supervisor: no registry

beforeAll(async () => {
  ctx = await createTestContext();
  [xa, xaOther, lanhdao, giamsat] = await ctx.loginAll(['xa.25213', 'xa.25270', 'tinh.lanhdao', 'giamsat']);
});
afterAll(async () => {
  await ctx?.close();
});

async function household(s: Session, communeCode = '25213', village = 'Ấp 3'): Promise<HouseholdOut> {
  const res = await s.inject('POST', '/api/v1/households', {
    communeCode,
    village,
    residence: 'rural',
    address: `${village}, xã Tiến Hưng`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as HouseholdOut;
}

async function person(s: Session, body: Record<string, unknown>): Promise<PersonOut> {
  const res = await s.inject('POST', '/api/v1/persons', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PersonOut;
}

const search = async (s: Session, qs: string) => {
  const res = await s.inject('GET', `/api/v1/persons?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PersonPage;
};

describe('households and persons', () => {
  it('a commune officer registers a household and its members; the head is set and names are cleaned', async () => {
    const h = await household(xa);
    expect(h.code).toMatch(/^25213-\d{6}$/);
    expect(h.communeName).toBe('Xã Tiến Hưng');
    const head = await person(xa, {
      householdId: h.id,
      relation: 'head',
      fullName: '  NGUYỄN   văn  an ',
      gender: 'male',
      birthDate: '1950',
      citizenId: '070050000001',
      ethnicCode: '01',
    });
    expect(head.fullName).toBe('Nguyễn Văn An');
    expect(head.ethnicName).toBe('Kinh');
    expect(head.householdCode).toBe(h.code);
    await person(xa, {
      householdId: h.id,
      relation: 'spouse',
      fullName: 'Trần Thị Bình',
      gender: 'female',
      birthDate: '1953-04',
      citizenId: '070153000002',
    });
    const again = (await xa.inject('GET', `/api/v1/households/${h.id}`)).json() as HouseholdOut;
    expect(again.headName).toBe('Nguyễn Văn An');
    expect(again.members.map((m) => m.fullName).sort()).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
  });

  it('refuses a citizen ID that contradicts the person, explaining in Vietnamese', async () => {
    const h = await household(xa);
    // 4th digit 0 = male born 1900–1999, but the person is a woman.
    const res = await xa.inject('POST', '/api/v1/persons', {
      householdId: h.id,
      fullName: 'Lê Thị Cúc',
      gender: 'female',
      birthDate: '05/01/1960'.split('/').reverse().join('-'),
      citizenId: '070060000003',
    });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.details?.[0]?.path).toBe('body.citizenId');
    expect(body.details?.[0]?.message).toMatch(/nữ|nam/);
    const short = expectProblem(
      await xa.inject('POST', '/api/v1/persons', {
        householdId: h.id,
        fullName: 'Lê Thị Cúc',
        gender: 'female',
        birthDate: '1960',
        citizenId: '70160000003',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(short.details?.[0]?.message).toMatch(/12 chữ số/);
  });

  it('refuses the same citizen ID twice (409), and an out-of-area household is 404', async () => {
    const h = await household(xa);
    await person(xa, {
      householdId: h.id,
      fullName: 'Phạm Văn Dũng',
      gender: 'male',
      birthDate: '1970-02-03',
      citizenId: '070070000004',
    });
    expectProblem(
      await xa.inject('POST', '/api/v1/persons', {
        householdId: h.id,
        fullName: 'Phạm Văn Dũng',
        gender: 'male',
        birthDate: '1970-02-03',
        citizenId: '070070000004',
      }),
      409,
      'CITIZEN_ID_TAKEN',
    );
    expectProblem(await xaOther.inject('GET', `/api/v1/households/${h.id}`), 404, 'NOT_FOUND');
    expectProblem(
      await xaOther.inject('POST', '/api/v1/persons', {
        householdId: h.id,
        fullName: 'Ai Đó',
        gender: 'male',
        birthDate: '1990',
      }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('access', () => {
  it('a supervisor has no access to the registry; a leader reads but cannot write', async () => {
    expectProblem(await giamsat.inject('GET', '/api/v1/persons'), 403, 'FORBIDDEN');
    expect((await lanhdao.inject('GET', '/api/v1/persons')).statusCode).toBe(200);
    expectProblem(
      await lanhdao.inject('POST', '/api/v1/households', { communeCode: '25213', residence: 'rural' }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('statuses and timeline', () => {
  it('grants and ends a status with its decision; the history stays and shows in the timeline', async () => {
    const h = await household(xa);
    const p = await person(xa, {
      householdId: h.id,
      relation: 'head',
      fullName: 'Đỗ Văn Hùng',
      gender: 'male',
      birthDate: '1940',
      citizenId: '070040000020',
      disability: 'severe',
    });
    const granted = await xa.inject('POST', '/api/v1/statuses', {
      kind: 'social_assistance',
      personId: p.id,
      category: '5a',
      validFrom: '2024-07-01',
      decisionNo: '123/QĐ-UBND',
      decisionDate: '2024-06-20',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const st = granted.json() as StatusOut;
    expect(st).toMatchObject({ active: true, category: '5a' });
    expect(st.categoryLabel).toMatch(/cao tuổi/i);
    expect((await search(xa, 'statusKind=social_assistance&pageSize=500')).items.map((i) => i.id)).toContain(p.id);

    const poverty = await xa.inject('POST', '/api/v1/statuses', {
      kind: 'poverty',
      householdId: h.id,
      category: 'poor',
      year: 2025,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      decisionNo: '45/QĐ-UBND',
      decisionDate: '2025-12-20',
    });
    expect(poverty.statusCode, poverty.body).toBe(201);
    // A poverty status without its review year is refused, with the field named.
    const noYear = expectProblem(
      await xa.inject('POST', '/api/v1/statuses', {
        kind: 'poverty',
        householdId: h.id,
        category: 'poor',
        validFrom: '2026-01-01',
        decisionNo: '1/QĐ',
        decisionDate: '2025-12-20',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(noYear.details?.some((d) => d.path === 'body.year')).toBe(true);

    const ended = await xa.inject('POST', `/api/v1/statuses/${st.id}/end`, {
      validTo: '2025-01-31',
      reason: 'Chuyển sang diện khác',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ active: false, validTo: '2025-01-31', endedReason: 'Chuyển sang diện khác' });
    const full = (await xa.inject('GET', `/api/v1/persons/${p.id}`)).json() as PersonOut;
    expect(full.statuses.map((s) => s.kind).sort()).toEqual(['poverty', 'social_assistance']);
    expect((await search(xa, 'statusKind=social_assistance&pageSize=500')).items.map((i) => i.id)).not.toContain(p.id);

    const tl = (await xa.inject('GET', `/api/v1/persons/${p.id}/timeline`)).json() as Timeline;
    const titles = tl.items.map((i) => i.title).join(' | ');
    expect(titles).toMatch(/Được công nhận/);
    expect(titles).toMatch(/Chấm dứt/);
    expect(titles).toMatch(/Tạo hồ sơ nhân khẩu/);
  });

  it('records a household event and keeps the history', async () => {
    const h = await buildHousehold(ctx);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const res = await xa.inject('POST', `/api/v1/households/${h.id}/events`, {
      kind: 'moved',
      date: today,
      note: 'Chuyển vào Bình Dương',
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as HouseholdOut;
    expect(out.state).toBe('moved');
    expect(out.events.map((e) => e.kind)).toEqual(['created', 'moved']);
    expectProblem(
      await xa.inject('POST', `/api/v1/households/${h.id}/events`, { kind: 'dissolved', date: today }),
      409,
      'HOUSEHOLD_NOT_ACTIVE',
    );
  });
});

describe('duplicates and merge', () => {
  it('lists the same name and birth year in a commune, and a merge keeps both histories, audited', async () => {
    const h1 = await buildHousehold(ctx);
    const h2 = await buildHousehold(ctx);
    const a = await person(xa, {
      householdId: h1.id,
      fullName: 'Hoàng Văn Tư',
      gender: 'male',
      birthDate: '1955-05-05',
      citizenId: '070055000030',
    });
    const b = await person(xa, { householdId: h2.id, fullName: 'Hoàng văn Tư', gender: 'male', birthDate: '1955' });
    await xa.inject('POST', '/api/v1/statuses', {
      kind: 'meritorious',
      personId: b.id,
      category: 'l',
      validFrom: '2022-01-01',
      decisionNo: '9/QĐ-SLĐTBXH',
      decisionDate: '2021-12-01',
    });
    const dups = (await xa.inject('GET', '/api/v1/registry/duplicates')).json() as {
      items: { reason: string; a: { id: number }; b: { id: number } }[];
    };
    const pair = dups.items.find((d) => [d.a.id, d.b.id].sort().join() === [a.id, b.id].sort().join());
    expect(pair?.reason).toBe('same_name_birth_year');

    const merged = await xa.inject('POST', '/api/v1/registry/duplicates/decisions', {
      personA: a.id,
      personB: b.id,
      decision: 'merge',
      keep: a.id,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const kept = (await xa.inject('GET', `/api/v1/persons/${a.id}`)).json() as PersonOut;
    expect(kept.statuses.map((s) => s.kind)).toContain('meritorious');
    const folded = (await xa.inject('GET', `/api/v1/persons/${b.id}`)).json() as PersonOut;
    expect(folded.mergedIntoId).toBe(a.id);
    expect((await search(xa, 'q=hoang%20van%20tu')).total).toBe(1);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'registry.person.merge')
      .where('entity_id', '=', String(a.id))
      .execute();
    expect(audit.length).toBe(1);
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ kept: { id: a.id }, folded: { id: b.id } });
    const again = (await xa.inject('GET', '/api/v1/registry/duplicates')).json() as {
      items: { a: { id: number }; b: { id: number } }[];
    };
    expect(again.items.some((d) => [d.a.id, d.b.id].includes(b.id))).toBe(false);
  });

  it('"different people" removes the pair from the list', async () => {
    const h = await buildHousehold(ctx);
    const a = await buildPerson(ctx, {
      householdId: h.id,
      fullName: 'Lý Thị Hoa',
      gender: 'female',
      birthDate: '1980-01-01',
      citizenId: null,
    });
    const b = await buildPerson(ctx, {
      householdId: h.id,
      fullName: 'Lý Thị Hoa',
      gender: 'female',
      birthDate: '1980-12-31',
      citizenId: null,
    });
    const res = await xa.inject('POST', '/api/v1/registry/duplicates/decisions', {
      personA: a.id,
      personB: b.id,
      decision: 'different',
      note: 'Hai chị em',
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await xa.inject('GET', '/api/v1/registry/duplicates')).json() as {
      items: { a: { id: number }; b: { id: number } }[];
    };
    expect(list.items.some((d) => [d.a.id, d.b.id].sort().join() === [a.id, b.id].sort().join())).toBe(false);
  });
});

describe('audit of edits', () => {
  it('an edit is audited with before and after, and personal data is not in the logs (logger off here)', async () => {
    const p = await buildPerson(ctx, { fullName: 'Vũ Văn Sáu', gender: 'male', birthDate: '1966', citizenId: null });
    const res = await xa.inject('PATCH', `/api/v1/persons/${p.id}`, { deceasedOn: '2026-10-01' });
    expect(res.statusCode, res.body).toBe(200);
    const ev = await ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'registry.person.update')
      .where('entity_id', '=', String(p.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.before_json!)).toMatchObject({ deceasedOn: null });
    expect(JSON.parse(ev.after_json!)).toMatchObject({ deceasedOn: '2026-10-01' });
    // Deceased people leave the default list but are found when asked for.
    expect((await search(xa, 'q=vu%20van%20sau')).total).toBe(0);
    expect((await search(xa, 'q=vu%20van%20sau&includeInactive=true')).total).toBe(1);
  });
});
