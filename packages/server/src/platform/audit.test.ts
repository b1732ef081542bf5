import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AuditPage, UserOut } from '@ansinh/domain';
import type { AuditEventsTable } from '../db/schema.js';
import { systemActor } from './actor.js';
import { verifyAuditChain } from './audit.js';
import { inTransaction } from './context.js';
import { createTestContext, type Session, type TestContext } from '../test/helpers.js';
import { expectProblem, userIdOf } from '../test/fixtures.js';

type EventRow = Omit<AuditEventsTable, 'id'> & { id: number };

let ctx: TestContext;
let admin: Session;
let created: UserOut;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  // A few writes through the API on top of the seed.
  const res = await admin.inject('POST', '/api/v1/users', {
    username: 'nv.nhatky',
    password: 'mat-khau-nhat-ky',
    fullName: 'Đỗ Văn Nhật Ký',
    role: 'commune_officer',
    areaCode: '25213',
  });
  expect(res.statusCode).toBe(201);
  created = res.json() as UserOut;
  expect((await admin.inject('PATCH', `/api/v1/users/${created.id}`, { fullName: 'Đỗ Văn Ký' })).statusCode).toBe(200);
  expect((await admin.inject('PATCH', `/api/v1/users/${created.id}`, { disabled: true })).statusCode).toBe(200);
});
afterAll(async () => {
  await ctx?.close();
});

const db = () => ctx.database.db;
const verify = () => verifyAuditChain(db());
const eventCount = async (action?: string) => {
  let q = db()
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (action) q = q.where('action', '=', action);
  return Number((await q.executeTakeFirstOrThrow()).n);
};
const eventIds = async () =>
  (await db().selectFrom('audit_events').select('id').orderBy('id').execute()).map((r) => r.id);
const loadEvent = async (id: number) =>
  (await db().selectFrom('audit_events').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as EventRow;
/** Put a deleted event back exactly as it was (the chain must then verify again). */
const putBack = async (row: EventRow) => {
  await db().insertInto('audit_events').values(row).execute();
};

const audit = async (s: Session, query: string) => {
  const res = await s.inject('GET', `/api/v1/audit${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as AuditPage;
};

describe('the hash chain', () => {
  it('verifies after the seed and some writes', async () => {
    const r = await verify();
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(await eventCount());
    // Seed: one areas.import and 130 accounts (with the employment centre); then a login, a creation, a rename, a disable.
    expect(r.checked).toBeGreaterThanOrEqual(128 + 4);
  });

  it('reports an event whose after_json was edited, naming the event', async () => {
    const row = await loadEvent(
      (
        await db()
          .selectFrom('audit_events')
          .select('id')
          .where('action', '=', 'users.create')
          .where('entity_id', '=', String(created.id))
          .executeTakeFirstOrThrow()
      ).id,
    );
    const forged = row.after_json!.replace('commune_officer', 'admin');
    expect(forged).not.toBe(row.after_json);
    await db().updateTable('audit_events').set({ after_json: forged }).where('id', '=', row.id).execute();

    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toContain(`#${row.id}`);
    expect(r.problems.join('\n')).toContain('bị sửa');

    await db().updateTable('audit_events').set({ after_json: row.after_json }).where('id', '=', row.id).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('reports an edit of any other chained field (who, when, which record)', async () => {
    const ids = await eventIds();
    const row = await loadEvent(ids[Math.floor(ids.length / 3)]!);
    for (const set of [
      { actor_username: 'someone-else' },
      { entity_id: '424242' },
      { at: '2020-01-01T00:00:00.000Z' },
    ] as const) {
      await db().updateTable('audit_events').set(set).where('id', '=', row.id).execute();
      expect((await verify()).ok).toBe(false);
      await db()
        .updateTable('audit_events')
        .set({ actor_username: row.actor_username, entity_id: row.entity_id, at: row.at })
        .where('id', '=', row.id)
        .execute();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('reports a deleted event in the middle', async () => {
    const ids = await eventIds();
    const middle = await loadEvent(ids[Math.floor(ids.length / 2)]!);
    await db().deleteFrom('audit_events').where('id', '=', middle.id).execute();

    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/bị xoá/);
    expect(r.checked).toBe(ids.length - 1);

    await putBack(middle);
    expect((await verify()).ok).toBe(true);
  });

  it('reports the deletion of the last event', async () => {
    const ids = await eventIds();
    const last = await loadEvent(ids[ids.length - 1]!);
    await db().deleteFrom('audit_events').where('id', '=', last.id).execute();

    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toContain(`#${last.id}`);

    await putBack(last);
    expect((await verify()).ok).toBe(true);
  });

  it('reports an inserted event', async () => {
    const ids = await eventIds();
    const last = await loadEvent(ids[ids.length - 1]!);
    const { id: _id, ...copy } = last;
    await db()
      .insertInto('audit_events')
      .values({ ...copy, action: 'users.delete' })
      .execute();
    expect((await verify()).ok).toBe(false);
    await db().deleteFrom('audit_events').where('action', '=', 'users.delete').execute();
    expect((await verify()).ok).toBe(true);
  });

  it('the CLI/service verification needs the right to read the log', async () => {
    expect((await ctx.services.audit.verify(systemActor('test'))).ok).toBe(true);
  });
});

describe('events are written in the same transaction as the change', () => {
  it('a refused creation (duplicate username) leaves no users.create event', async () => {
    const before = await eventCount('users.create');
    const all = await eventCount();
    const res = await admin.inject('POST', '/api/v1/users', {
      username: 'nv.nhatky',
      password: 'mat-khau-khac-nua',
      fullName: 'Người Trùng Tên',
      role: 'commune_officer',
      areaCode: '25213',
    });
    expectProblem(res, 409, 'USERNAME_TAKEN');
    expect(await eventCount('users.create')).toBe(before);
    expect(await eventCount()).toBe(all);
  });

  it('a failure after the event is recorded rolls the event back with the change', async () => {
    const all = await eventCount();
    const head = await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await expect(
      inTransaction(ctx.database, systemActor('test'), async (trx, record) => {
        await trx.updateTable('users').set({ full_name: 'Sẽ bị huỷ' }).where('id', '=', created.id).execute();
        await record({
          action: 'users.update',
          entity: 'user',
          entityId: created.id,
          after: { fullName: 'Sẽ bị huỷ' },
        });
        throw new Error('failure after the audit event');
      }),
    ).rejects.toThrow('failure after the audit event');
    expect(await eventCount()).toBe(all);
    expect(await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()).toEqual(head);
    const user = await db()
      .selectFrom('users')
      .select('full_name')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(user.full_name).toBe('Đỗ Văn Ký');
    expect((await verify()).ok).toBe(true);
  });

  it('concurrent writes keep one unbroken chain', async () => {
    const ids = await Promise.all(['xa.25207', 'xa.25210', 'xa.25195', 'xa.25198'].map((u) => userIdOf(ctx, u)));
    const results = await Promise.all(
      ids.map((id, i) => admin.inject('PATCH', `/api/v1/users/${id}`, { fullName: `Cán bộ đổi tên ${i}` })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect((await verify()).ok).toBe(true);
  });
});

describe('GET /api/v1/audit', () => {
  it('filters by action, with the total', async () => {
    const page = await audit(admin, '?action=users.create&pageSize=500');
    expect(page.total).toBe(await eventCount('users.create'));
    expect(page.total).toBeGreaterThanOrEqual(128);
    expect(page.items).toHaveLength(page.total);
    expect(page.items.every((e) => e.action === 'users.create')).toBe(true);
    // Newest first.
    const ids = page.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('an action prefix takes the family (users.create, users.update, users.disable …)', async () => {
    const page = await audit(admin, `?action=users&entityId=${created.id}`);
    expect(page.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['users.create', 'users.update', 'users.disable']),
    );
  });

  it('filters by actor', async () => {
    const page = await audit(admin, '?actor=admin&pageSize=500');
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items.every((e) => e.actorUsername === 'admin')).toBe(true);
    expect(page.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login', 'users.create', 'users.update', 'users.disable']),
    );
    const seed = await audit(admin, '?actor=seed&action=users.create&pageSize=1');
    expect(seed.total).toBe(130);
    expect(seed.items).toHaveLength(1);
  });

  it('filters by entity and entity id: the history of one account', async () => {
    const page = await audit(admin, `?entity=user&entityId=${created.id}`);
    expect(page.items.every((e) => e.entity === 'user' && e.entityId === String(created.id))).toBe(true);
    const actions = page.items.map((e) => e.action);
    expect(actions[actions.length - 1]).toBe('users.create');
    expect(page.total).toBe(page.items.length);
    const create = page.items.find((e) => e.action === 'users.create')!;
    expect(create).toMatchObject({
      actorUsername: 'admin',
      areaCode: '25213',
      after: { username: 'nv.nhatky' },
      before: null,
    });
    expect(create.hash).toMatch(/^[0-9a-f]{64}$/);
    const disable = page.items.find((e) => e.action === 'users.disable')!;
    expect(disable).toMatchObject({ before: { disabled: false }, after: { disabled: true } });

    expect((await audit(admin, '?entity=area_list')).items.map((e) => e.action)).toContain('areas.import');
    expect((await audit(admin, '?entity=nothing-like-this')).total).toBe(0);
  });

  it('filters by date (local Vietnamese day)', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const all = await audit(admin, '?pageSize=1');
    expect((await audit(admin, `?from=${today}&to=${today}&pageSize=1`)).total).toBe(all.total);
    expect((await audit(admin, '?to=2000-01-01')).total).toBe(0);
    expectProblem(await admin.inject('GET', '/api/v1/audit?from=01/02/2025'), 400, 'VALIDATION_FAILED');
  });

  it('the inspector can read it', async () => {
    const inspector = await ctx.login('thanhtra');
    const page = await audit(inspector, '?action=users.create&pageSize=1');
    expect(page.total).toBe(await eventCount('users.create'));
  });

  it('a province officer, a district officer and a supervisor get 403', async () => {
    for (const username of ['tinh.chuyenvien', 'huyen.689', 'giamsat']) {
      const s = await ctx.login(username);
      expectProblem(await s.inject('GET', '/api/v1/audit'), 403, 'FORBIDDEN');
    }
  });

  it('without a session: 401', async () => {
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/v1/audit' }), 401, 'AUTH_REQUIRED');
  });
});
