import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@ansinh/domain';
import type { LightMyRequestResponse } from 'fastify';
import { systemActor, type Actor } from '../../platform/actor.js';
import { addOtherProvince } from '../../test/fixtures.js';
import {
  buildBeneficiary,
  buildProgram,
  giftProgramBody,
  programsGenerateViaHttp,
  unique,
  type ListStage,
} from '../../test/factories.js';
import { createTestContext, DEMO_PASSWORD, type Session, type TestContext } from '../../test/helpers.js';

/**
 * The permission table of the programs module: role x action x a record inside / outside the
 * actor's area. Outside answers 404 (the record's existence does not leak), a role the route or
 * the policy refuses answers 403, an allowed action 2xx; a refused write changes nothing.
 *
 * Province-level actors sit at province 70, so their "outside" is province 99 (its own program and
 * list); district and commune actors' "outside" is a commune of another district (25273, in 692).
 * Programs are a province's catalogue: their "outside" is always province 99's.
 */

const sys = systemActor('test');
let ctx: TestContext;
const sessions = new Map<string, Session>();

type Where = 'inside' | 'outside';
type Place = { province: string; commune: string };
const P70: Place = { province: '70', commune: '25213' };
const P692: Place = { province: '70', commune: '25273' };
const P99: Place = { province: '99', commune: '99999' };

interface ActorCase {
  username: string;
  role: Role;
  outside: Place;
}
const ACTORS: ActorCase[] = [
  { username: 'admin', role: 'admin', outside: P99 },
  { username: 'tinh.lanhdao', role: 'province_leader', outside: P99 },
  { username: 'tinh.chuyenvien', role: 'province_officer', outside: P99 },
  { username: 'thanhtra', role: 'inspector', outside: P99 },
  { username: 'giamsat', role: 'supervisor', outside: P99 },
  { username: 'huyen.689', role: 'district_officer', outside: P692 },
  { username: 'xa.25213', role: 'commune_officer', outside: P692 },
];

/** What an action acts on, built fresh for each case. */
interface World {
  programId: number;
  commune: string;
  listId: number;
  batchId?: number;
  entryId?: number;
  remarkId?: number;
}

interface ActionCase {
  /** The stage the list must be at for the allowed roles to succeed. */
  stage: ListStage | 'none';
  /** The record is a catalogue: outside is always another province. */
  catalogue?: boolean;
  /** Roles that succeed inside (route role and record rules both allow). */
  allowed: Role[];
  /** Roles the route lets through (the rest get 403 before any record is read). */
  route: Role[];
  extra?: 'batch' | 'remark';
  noOutside?: boolean;
  call(s: Session, w: World): Promise<LightMyRequestResponse>;
}

const READERS: Role[] = [
  'admin',
  'province_leader',
  'province_officer',
  'district_officer',
  'commune_officer',
  'inspector',
  'supervisor',
];
const OFFICERS: Role[] = ['province_officer', 'district_officer', 'commune_officer'];
const RULE = {
  validFrom: '2025-06-01',
  eligibility: { per: 'person', any: [{ status: 'social_assistance' }] },
  amount: { type: 'fixed', amount: 400_000 },
};

const ACTIONS: Record<string, ActionCase> = {
  'read program': {
    stage: 'none',
    catalogue: true,
    allowed: READERS,
    route: READERS,
    call: (s, w) => s.inject('GET', `/api/v1/programs/${w.programId}`),
  },
  'create program': {
    stage: 'none',
    noOutside: true,
    allowed: ['province_officer'],
    route: ['province_officer'],
    call: (s) => s.inject('POST', '/api/v1/programs', giftProgramBody()),
  },
  'add rule': {
    stage: 'none',
    catalogue: true,
    allowed: ['province_officer'],
    route: ['province_officer'],
    call: (s, w) => s.inject('POST', `/api/v1/programs/${w.programId}/rules`, RULE),
  },
  'generate list': {
    stage: 'none',
    allowed: ['province_officer', 'commune_officer'],
    route: ['province_officer', 'commune_officer'],
    // A background job (202): waited for, so what it wrote is there before the next actor tries.
    call: (s, w) => programsGenerateViaHttp(s, w.programId, { communeCode: w.commune }),
  },
  submit: {
    stage: 'draft',
    allowed: ['commune_officer'],
    route: ['province_officer', 'commune_officer'],
    call: (s, w) => s.inject('POST', `/api/v1/lists/${w.listId}/submit`, {}),
  },
  appraise: {
    stage: 'submitted',
    allowed: ['district_officer'],
    route: ['district_officer'],
    call: (s, w) => s.inject('POST', `/api/v1/lists/${w.listId}/appraise`, {}),
  },
  return: {
    stage: 'submitted',
    allowed: ['district_officer'],
    route: ['district_officer', 'province_officer'],
    call: (s, w) => s.inject('POST', `/api/v1/lists/${w.listId}/return`, { comment: 'Bổ sung hồ sơ' }),
  },
  approve: {
    stage: 'appraised',
    allowed: ['province_officer'],
    route: ['province_officer'],
    call: (s, w) =>
      s.inject('POST', `/api/v1/lists/${w.listId}/approve`, { decisionNo: '9/QĐ-UBND', decisionDate: '2025-01-15' }),
  },
  publish: {
    stage: 'approved',
    allowed: OFFICERS,
    route: OFFICERS,
    call: (s, w) => s.inject('POST', `/api/v1/lists/${w.listId}/publish`),
  },
  pay: {
    stage: 'approved',
    allowed: ['province_officer'],
    route: ['province_officer'],
    call: (s, w) =>
      s.inject('POST', '/api/v1/payment-batches', {
        programId: w.programId,
        period: '2025',
        channel: 'post_office',
        areaCode: w.commune,
      }),
  },
  'record payment': {
    stage: 'approved',
    extra: 'batch',
    allowed: ['province_officer'],
    route: ['province_officer'],
    call: (s, w) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/payment-batches/${w.batchId}/payments`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': `perm-${unique()}` },
        payload: { entryIds: [w.entryId], state: 'paid', paidOn: '2025-01-22' },
      }),
  },
  remark: {
    stage: 'published',
    allowed: ['supervisor'],
    route: ['supervisor'],
    call: (s, w) => s.inject('POST', `/api/v1/lists/${w.listId}/remarks`, { text: 'Đề nghị xác minh lại' }),
  },
  answer: {
    stage: 'published',
    extra: 'remark',
    allowed: OFFICERS,
    route: OFFICERS,
    call: (s, w) => s.inject('POST', `/api/v1/remarks/${w.remarkId}/answer`, { answer: 'Đã xác minh' }),
  },
};

/** A fresh program of the place's province and, at `stage`, a list of its commune (built as the system). */
async function buildWorld(place: Place, a: ActionCase): Promise<World> {
  const program = await buildProgram(ctx, { provinceCode: place.province });
  const w: World = { programId: program.id, commune: place.commune, listId: 0 };
  if (a.stage === 'none') return w;
  const svc = ctx.services.programs;
  w.listId = (await svc.generate(sys, program.id, { communeCode: place.commune })).listIds[0]!;
  const order: ListStage[] = ['draft', 'submitted', 'appraised', 'approved', 'published'];
  const upTo = order.indexOf(a.stage);
  if (upTo >= 1) await svc.submit(sys, w.listId, {});
  if (upTo >= 2) await svc.appraise(sys, w.listId, {});
  if (upTo >= 3) await svc.approve(sys, w.listId, { decisionNo: '8/QĐ-UBND', decisionDate: '2025-01-15' });
  if (upTo >= 4) await svc.publish(sys, w.listId);
  if (a.extra === 'batch') {
    const b = await svc.payments.createBatch(sys, {
      programId: program.id,
      period: '2025',
      channel: 'post_office',
      areaCode: place.commune,
    });
    w.batchId = b.id;
    w.entryId = (await svc.payments.batchEntries(sys, b.id, { limit: 1, offset: 0 })).items[0]!.id;
  }
  if (a.extra === 'remark') w.remarkId = (await svc.addRemark(sys, w.listId, { text: 'Ý kiến thử' })).id;
  return w;
}

/** Everything a programs write could change, as counts and the list's own state. */
async function snapshot(w: World) {
  const db = ctx.database.db;
  const count = async (
    t:
      | 'programs'
      | 'program_rules'
      | 'program_lists'
      | 'list_entries'
      | 'list_steps'
      | 'payment_batches'
      | 'payments'
      | 'list_remarks',
  ) =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const list = w.listId
    ? await db
        .selectFrom('program_lists')
        .select(['state', 'published_at'])
        .where('id', '=', w.listId)
        .executeTakeFirst()
    : null;
  const answered = await db
    .selectFrom('list_remarks')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('answer', 'is not', null)
    .executeTakeFirstOrThrow();
  return {
    programs: await count('programs'),
    rules: await count('program_rules'),
    lists: await count('program_lists'),
    entries: await count('list_entries'),
    steps: await count('list_steps'),
    batches: await count('payment_batches'),
    payments: await count('payments'),
    remarks: await count('list_remarks'),
    answered: Number(answered.n),
    list,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  await ctx.services.users.create(
    sys,
    {
      username: 'tinh99',
      password: DEMO_PASSWORD,
      fullName: 'Chuyên viên Tỉnh Thử Nghiệm',
      role: 'province_officer',
      areaCode: '99',
    },
    { mustChangePassword: false },
  );
  for (const commune of [P70.commune, P692.commune, P99.commune])
    await buildBeneficiary(ctx, { communeCode: commune, name: `Người Hưởng ${commune}` });
  for (const a of [...ACTORS.map((x) => x.username), 'tinh99']) sessions.set(a, await ctx.login(a));
}, 120_000);
afterAll(() => ctx.close());

const ROWS = Object.entries(ACTIONS).flatMap(([action, a]) =>
  ACTORS.flatMap((actor) =>
    (['inside', 'outside'] as Where[])
      .filter((where) => !(where === 'outside' && a.noOutside))
      .map((where) => {
        const status = !a.route.includes(actor.role)
          ? 403
          : where === 'outside'
            ? 404
            : a.allowed.includes(actor.role)
              ? 200
              : 403;
        return { action, role: actor.role, where, status, actor, a };
      }),
  ),
);

describe('programs permission table', () => {
  it('has a row for every role x action x inside/outside', () => {
    expect(ROWS.length).toBe(Object.keys(ACTIONS).length * ACTORS.length * 2 - ACTORS.length);
  });

  it.each(ROWS.map((r) => [r.action, r.role, r.where, r.status, r] as const))(
    '%s by %s, %s: %i',
    async (_action, _role, where, status, r) => {
      const place = where === 'inside' ? P70 : r.a.catalogue ? P99 : r.actor.outside;
      const w = await buildWorld(place, r.a);
      const before = await snapshot(w);
      const res = await r.a.call(sessions.get(r.actor.username)!, w);
      if (status === 200) {
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
        expect(res.statusCode, res.body).toBeLessThan(300);
      } else {
        expect(res.statusCode, res.body).toBe(status);
        // A refused write changed nothing.
        expect(await snapshot(w)).toEqual(before);
      }
    },
  );
});

describe('programs: two provinces, one catalogue each', () => {
  it('an officer of one province cannot list, read, add a rule to or generate lists for the other’s programs; the same code exists in both', async () => {
    const code = `TET-BOTH-${unique()}`;
    const p70 = await buildProgram(ctx, { code, provinceCode: '70' });
    const p99 = await buildProgram(ctx, { code, provinceCode: '99' });
    const officer70 = sessions.get('tinh.chuyenvien')!;
    const officer99 = sessions.get('tinh99')!;
    for (const [me, mine, theirs, commune] of [
      [officer70, p70, p99, '99999'],
      [officer99, p99, p70, '25213'],
    ] as const) {
      const listed = (await me.inject('GET', '/api/v1/programs')).json().items as { id: number; code: string }[];
      expect(listed.map((p) => p.id)).toContain(mine.id);
      expect(listed.map((p) => p.id)).not.toContain(theirs.id);
      expect((await me.inject('GET', `/api/v1/programs/${mine.id}`)).json().code).toBe(code);
      expect((await me.inject('GET', `/api/v1/programs/${theirs.id}`)).statusCode).toBe(404);
      const before = await snapshot({ programId: theirs.id, commune, listId: 0 });
      expect((await me.inject('POST', `/api/v1/programs/${theirs.id}/rules`, RULE)).statusCode).toBe(404);
      expect(
        (await me.inject('POST', `/api/v1/programs/${theirs.id}/lists`, { communeCode: commune })).statusCode,
      ).toBe(404);
      expect(await snapshot({ programId: theirs.id, commune, listId: 0 })).toEqual(before);
    }
    // A program created over HTTP belongs to its creator's province.
    const created = await officer99.inject('POST', '/api/v1/programs', giftProgramBody({ code }));
    expect(created.statusCode).toBe(409);
    const row = await ctx.database.db
      .selectFrom('programs')
      .select(['province_code'])
      .where('code', '=', code)
      .orderBy('province_code')
      .execute();
    expect(row.map((r) => r.province_code)).toEqual(['70', '99']);
    const fresh = await officer99.inject('POST', '/api/v1/programs', giftProgramBody());
    expect(fresh.statusCode).toBe(201);
    const owner = await ctx.database.db
      .selectFrom('programs')
      .select('province_code')
      .where('id', '=', fresh.json().id)
      .executeTakeFirstOrThrow();
    expect(owner.province_code).toBe('99');
  });
});

describe('programs: an actor with no resolvable area is refused, not let through', () => {
  it('a province officer without a home area reads, creates, pays and counts nothing', async () => {
    const lost: Actor = {
      kind: 'user',
      userId: null,
      username: 'lost',
      role: 'province_officer',
      areaCode: null,
      areaPath: null,
      areaLevel: null,
      ip: null,
      requestId: null,
    };
    const svc = ctx.services.programs;
    const w = await buildWorld(P70, { ...ACTIONS.pay!, extra: 'batch' });
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: { status?: number }) => e.status,
      );
    const before = await snapshot(w);
    expect(await status(svc.getProgram(lost, w.programId))).toBe(404);
    expect((await svc.listPrograms(lost)).items).toEqual([]);
    expect(await status(svc.listDetail(lost, w.listId))).toBe(404);
    expect(await status(svc.addRule(lost, w.programId, RULE as never))).toBe(404);
    expect(await status(svc.createProgram(lost, giftProgramBody()))).toBe(400);
    expect(await status(svc.generate(lost, w.programId, {}))).toBe(404);
    expect(await status(svc.payments.batch(lost, w.batchId!))).toBe(404);
    expect(
      await status(
        svc.payments.createBatch(lost, {
          programId: w.programId,
          period: '2025',
          channel: 'post_office',
          areaCode: '25213',
        }),
      ),
    ).toBe(404);
    expect(await status(svc.payments.totals(lost, { programId: w.programId, areaCode: '70', groupBy: 'area' }))).toBe(
      404,
    );
    expect(await status(svc.progress(lost, { programId: w.programId, areaCode: '70' }))).toBe(404);
    expect((await svc.lists(lost, { limit: 50, offset: 0 } as never)).items).toEqual([]);
    expect(await snapshot(w)).toEqual(before);
  });
});
