import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonOut, TransferList } from '@ansinh/domain';
import { buildPerson, citizenIdFor } from '../../test/factories.js';
import { addOtherProvince, expectProblem } from '../../test/fixtures.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { readXlsx, runImport, xlsx } from '../../test/upload.js';
import { ID_CONFLICT_AUDIT } from './use-cases/id-conflicts.js';

/**
 * No province-wide ID oracle (docs/legal/identity.md, "No ID oracle across areas"): a citizen ID held outside the officer's
 * area is answered the same way whatever the holder's area, naming no record, area or status;
 * every such answer is audited and counted (N = 3 here), and the officer may ask the holding
 * commune for the person (transfer request), which that commune accepts or refuses.
 */
const N = 3;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { REGISTRY_ID_CONFLICTS_PER_DAY: String(N) } });
  await addOtherProvince(ctx);
});
afterAll(async () => ctx?.close());

const newPerson = (citizenId: string, communeCode: string) => ({
  fullName: 'Lê Văn Chuyển',
  gender: 'male',
  birthDate: '1971-05-05',
  citizenId,
  communeCode,
});
const maleId = () => citizenIdFor('male', '1971-05-05');
/** Whether a response body (without its request id) mentions any of these words. */
const mentions = (body: string, words: (string | number)[]) => {
  const text = JSON.stringify(stable(body));
  return words.filter((w) => new RegExp(`(^|[^0-9])${String(w)}([^0-9]|$)`).test(text));
};
/** The problem body without its per-request parts. */
const stable = (body: string) => {
  const { requestId: _r, instance: _i, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
};
const conflictsOf = (username: string) =>
  ctx.database.db
    .selectFrom('audit_events')
    .select(['entity_id', 'after_json'])
    .where('action', '=', ID_CONFLICT_AUDIT)
    .where('actor_username', '=', username)
    .execute();

describe('an ID held outside the officer’s area', () => {
  it('POST /persons answers one 409 whatever the holder’s area, with no id, area or name; each is audited', async () => {
    const officer = await ctx.login('xa.25270');
    const near = await buildPerson(ctx, { birthDate: '1971-05-05', gender: 'male', citizenId: maleId() });
    const far = await buildPerson(ctx, {
      birthDate: '1971-05-05',
      gender: 'male',
      citizenId: maleId(),
      communeCode: '99999',
    });
    const a = await officer.inject('POST', '/api/v1/persons', newPerson(near.citizenId!, '25270'));
    const b = await officer.inject('POST', '/api/v1/persons', newPerson(far.citizenId!, '25270'));
    expectProblem(a, 409, 'CITIZEN_ID_ELSEWHERE');
    expect(stable(a.body)).toEqual(stable(b.body));
    for (const res of [a, b]) {
      expect(mentions(res.body, [near.id, far.id, '25213', '99999', near.fullName, far.fullName, 'Tiến Hưng'])).toEqual(
        [],
      );
      expect(res.body).not.toMatch(/#\d+|địa bàn khác|trợ giúp|hộ nghèo|khuyết tật/);
    }
    const audited = await conflictsOf('xa.25270');
    expect(audited.map((e) => Number(e.entity_id)).sort()).toEqual([near.id, far.id].sort());
    // Nothing was written.
    const mine = (await officer.inject('GET', `/api/v1/persons?q=${near.citizenId}`)).json() as { total: number };
    expect(mine.total).toBe(0);
  });

  it('PATCH to an ID held elsewhere answers the same 409; an ID in the officer’s own area names no record', async () => {
    const officer = await ctx.login('xa.25216');
    const mine = (await officer.inject('POST', '/api/v1/persons', newPerson(maleId(), '25216'))).json() as PersonOut;
    const held = await buildPerson(ctx, { birthDate: '1971-05-05', gender: 'male', citizenId: maleId() });
    const res = await officer.inject('PATCH', `/api/v1/persons/${mine.id}`, { citizenId: held.citizenId });
    expectProblem(res, 409, 'CITIZEN_ID_ELSEWHERE');
    expect(mentions(res.body, [held.id, '25213'])).toEqual([]);
    const twin = await officer.inject('POST', '/api/v1/persons', newPerson(mine.citizenId!, '25216'));
    expectProblem(twin, 409, 'CITIZEN_ID_TAKEN');
    expect(twin.body).not.toContain(`#${mine.id}`);
    expect(await conflictsOf('xa.25216')).toHaveLength(1);
  });

  it(`after ${N} conflicts in 24 hours, every ID not in the officer's area answers 429, held or free`, async () => {
    const officer = await ctx.login('xa.25222');
    for (let i = 0; i < N; i++) {
      const held = await buildPerson(ctx, { birthDate: '1971-05-05', gender: 'male', citizenId: maleId() });
      expectProblem(
        await officer.inject('POST', '/api/v1/persons', newPerson(held.citizenId!, '25222')),
        409,
        'CITIZEN_ID_ELSEWHERE',
      );
    }
    const held = await buildPerson(ctx, { birthDate: '1971-05-05', gender: 'male', citizenId: maleId() });
    const busy = await officer.inject('POST', '/api/v1/persons', newPerson(held.citizenId!, '25222'));
    expectProblem(busy, 429, 'TOO_MANY_ID_CONFLICTS');
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    // A free ID is refused the same way: the refusal says nothing about the registry either.
    expectProblem(
      await officer.inject('POST', '/api/v1/persons', newPerson(maleId(), '25222')),
      429,
      'TOO_MANY_ID_CONFLICTS',
    );
    // Another officer is not affected.
    const other = await ctx.login('xa.25207');
    expect((await other.inject('POST', '/api/v1/persons', newPerson(maleId(), '25207'))).statusCode).toBe(201);
  });

  it('the import dry run rejects such a row without saying where; audited; a file past the limit is refused', async () => {
    const officer = await ctx.login('xa.25210');
    const held = await buildPerson(ctx, { birthDate: '1971-05-05', gender: 'male', citizenId: maleId() });
    const headers = ['Mã hộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Mã xã'];
    const row = (cid: string) => ['H01', 'Lê Văn Chuyển', 'Nam', '05/05/1971', cid, '25210'];
    const dry = await runImport(ctx, officer, 'a.xlsx', await xlsx([headers, row(held.citizenId!)]), 'dry_run');
    expect(dry.counts).toMatchObject({ rejected: 1 });
    const rej = await officer.inject('GET', `/api/v1/registry/imports/${dry.id}/rejected.xlsx`);
    expect(rej.statusCode).toBe(200);
    const reason = String((await readXlsx(rej.rawPayload))[1]!.at(-1));
    expect(reason).toMatch(/Yêu cầu chuyển đến/);
    expect(reason).not.toMatch(/địa bàn khác|25213|Tiến Hưng/);
    const audited = await conflictsOf('xa.25210');
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0]!.after_json!)).toMatchObject({ source: 'import', citizenIds: [held.citizenId] });
    // N more conflicts in one file: the whole dry run is refused, naming no row.
    const more = [];
    for (let i = 0; i < N; i++)
      more.push((await buildPerson(ctx, { birthDate: '1971-05-05', gender: 'male', citizenId: maleId() })).citizenId!);
    const refused = await runImport(ctx, officer, 'b.xlsx', await xlsx([headers, ...more.map(row)]), 'dry_run');
    expect(refused).toMatchObject({ state: 'failed', message: expect.stringMatching(/quá nhiều số CCCD/) });
    for (const cid of more) expect(refused.message).not.toContain(cid);
  });
});

describe('transfer requests', () => {
  it('the holding commune sees the request and accepting moves the person; the requester never sees the holder', async () => {
    const officer = await ctx.login('xa.25270');
    const holder = await ctx.login('xa.25213');
    const p = await buildPerson(ctx, { birthDate: '1971-05-05', gender: 'male', citizenId: maleId() });
    const req = await officer.inject('POST', '/api/v1/registry/transfers', {
      citizenId: p.citizenId,
      communeCode: '25270',
      note: 'Đã chuyển về ở với con gái',
    });
    expect(req.statusCode).toBe(201);
    // The answer is the request itself: no holder's record, name or area.
    expect(Object.keys(req.json()).sort()).toEqual(
      ['citizenId', 'decidedAt', 'id', 'note', 'refusalReason', 'requestedAt', 'state', 'toCommuneCode'].sort(),
    );
    expect(mentions(req.body, ['25213', p.fullName])).toEqual([]);
    const id = req.json().id as number;
    // The requester cannot decide it (the record is outside their area).
    expectProblem(
      await officer.inject('POST', `/api/v1/registry/transfers/${id}/decision`, { decision: 'accept' }),
      404,
      'NOT_FOUND',
    );
    const incoming = ((await holder.inject('GET', '/api/v1/registry/transfers')).json() as TransferList).incoming;
    expect(incoming.find((t) => t.id === id)).toMatchObject({
      state: 'pending',
      personId: p.id,
      fullName: p.fullName,
      toCommuneCode: '25270',
      note: 'Đã chuyển về ở với con gái',
    });
    const ok = await holder.inject('POST', `/api/v1/registry/transfers/${id}/decision`, { decision: 'accept' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'accepted' });
    expect((await officer.inject('GET', `/api/v1/persons/${p.id}`)).json()).toMatchObject({
      communeCode: '25270',
      householdId: null,
    });
    expectProblem(await holder.inject('GET', `/api/v1/persons/${p.id}`), 404, 'NOT_FOUND');
    const outgoing = ((await officer.inject('GET', '/api/v1/registry/transfers')).json() as TransferList).outgoing;
    expect(outgoing.find((t) => t.id === id)).toMatchObject({ state: 'accepted' });
    const moved = await ctx.database.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'registry.person.transfer')
      .execute();
    expect(moved.map((m) => Number(m.entity_id))).toContain(p.id);
    // Answered once only.
    expectProblem(
      await holder.inject('POST', `/api/v1/registry/transfers/${id}/decision`, { decision: 'accept' }),
      409,
      'TRANSFER_DECIDED',
    );
  });

  it('a refusal needs a reason, keeps the person, and the requester reads the reason', async () => {
    const officer = await ctx.login('xa.25216');
    const holder = await ctx.login('xa.25213');
    const p = await buildPerson(ctx, { birthDate: '1971-05-05', gender: 'male', citizenId: maleId() });
    const id = (
      await officer.inject('POST', '/api/v1/registry/transfers', { citizenId: p.citizenId, communeCode: '25216' })
    ).json().id as number;
    expectProblem(
      await holder.inject('POST', `/api/v1/registry/transfers/${id}/decision`, { decision: 'refuse' }),
      400,
      'VALIDATION_FAILED',
    );
    const no = await holder.inject('POST', `/api/v1/registry/transfers/${id}/decision`, {
      decision: 'refuse',
      reason: 'Người này vẫn đang cư trú tại xã',
    });
    expect(no.json()).toMatchObject({ state: 'refused' });
    expect((await holder.inject('GET', `/api/v1/persons/${p.id}`)).json()).toMatchObject({ communeCode: '25213' });
    const outgoing = ((await officer.inject('GET', '/api/v1/registry/transfers')).json() as TransferList).outgoing;
    expect(outgoing.find((t) => t.id === id)).toMatchObject({
      state: 'refused',
      refusalReason: 'Người này vẫn đang cư trú tại xã',
    });
  });
});

describe('transfer request permissions: role x inside/outside the holding commune', () => {
  const ACTORS: { username: string; role: string; outside: string; writes: boolean }[] = [
    { username: 'xa.25213', role: 'commune_officer', outside: '25270', writes: true },
    { username: 'huyen.689', role: 'district_officer', outside: '25270', writes: true },
    { username: 'tinh.chuyenvien', role: 'province_officer', outside: '99999', writes: true },
    { username: 'tinh.lanhdao', role: 'province_leader', outside: '99999', writes: false },
    { username: 'thanhtra', role: 'inspector', outside: '99999', writes: false },
    { username: 'admin', role: 'admin', outside: '99999', writes: false },
    { username: 'giamsat', role: 'supervisor', outside: '99999', writes: false },
  ];
  /** A pending request for a person held in `holder`, asked by commune 25216 (written directly). */
  async function pending(holder: string) {
    const p = await buildPerson(ctx, {
      communeCode: holder,
      birthDate: '1971-05-05',
      gender: 'male',
      citizenId: maleId(),
    });
    const codes = await ctx.database.db
      .selectFrom('persons')
      .select(['province_code', 'district_code', 'commune_code'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    const row = await ctx.database.db
      .insertInto('registry_transfer_requests')
      .values({
        ...codes,
        person_id: p.id,
        citizen_id: p.citizenId!,
        to_province_code: '70',
        to_district_code: '688',
        to_commune_code: '25216',
        note: null,
        state: 'pending',
        requested_by: 'xa.25216',
        requested_at: new Date().toISOString(),
        decided_by: null,
        decided_at: null,
        refusal_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }
  const stateOf = async (id: number) =>
    (
      await ctx.database.db
        .selectFrom('registry_transfer_requests')
        .select('state')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).state;

  for (const a of ACTORS)
    for (const where of ['inside', 'outside'] as const) {
      const expected = !a.writes ? 403 : where === 'outside' ? 404 : 200;
      it(`${a.role} decides a request ${where} -> ${expected}`, async () => {
        const s = await ctx.login(a.username);
        const id = await pending(where === 'inside' ? '25213' : a.outside);
        const res = await s.inject('POST', `/api/v1/registry/transfers/${id}/decision`, {
          decision: 'refuse',
          reason: 'Người này vẫn cư trú tại đây',
        });
        if (expected === 200) {
          expect(res.statusCode, res.body).toBe(200);
          expect(await stateOf(id)).toBe('refused');
        } else {
          expectProblem(res, expected, expected === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
          expect(await stateOf(id)).toBe('pending');
        }
        const list = await s.inject('GET', '/api/v1/registry/transfers');
        expect(list.statusCode).toBe(a.role === 'supervisor' ? 403 : 200);
        if (!a.writes)
          expectProblem(
            await s.inject('POST', '/api/v1/registry/transfers', { citizenId: maleId(), communeCode: '25213' }),
            403,
            'FORBIDDEN',
          );
      });
    }
});
