/* eslint-disable @typescript-eslint/no-explicit-any -- SPDCI answers are deep JSON read field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { buildPartner, buildPerson, unique } from '../../test/factories.js';
import { systemActor } from '../../platform/actor.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

function deathNotice(ref: string, citizenId: string, date = '2026-10-03') {
  return {
    header: {
      version: '1.0.0',
      message_id: `m-${unique()}`,
      message_ts: new Date().toISOString(),
      action: 'notify',
      sender_id: 'crvs',
      total_count: 1,
    },
    message: {
      transaction_id: `t-${unique()}`,
      notify_event: [
        {
          reference_id: ref,
          timestamp: new Date().toISOString(),
          data: {
            version: '1.0.0',
            reg_type: 'ns:org:RegistryType:CRVS',
            reg_event_type: 'spdci-common:RegistryEventType:Death',
            reg_record_type: 'Person',
            reg_records: {
              identifier: { identifier_type: 'UIN', identifier_value: citizenId },
              name: { surname: 'Tạ', given_name: 'Tâm' },
              death_date: date,
            },
          },
        },
      ],
    },
  };
}

/** Post to the notify address of a CRVS partner registered with a known secret. */
async function notify(secret: string, body: unknown) {
  return ctx.app.inject({ method: 'POST', url: `/api/v1/dci/crvs/${secret}/registry/notify`, payload: body as object });
}

/** A CRVS partner AnSinh subscribed to (the registry faked), and the secret of its notify address. */
async function partnerWithSecret(): Promise<string> {
  const { clientId } = await buildPartner(ctx, {
    kind: 'crvs',
    baseUrl: 'http://127.0.0.1:1',
    fields: ['identifier'],
    purposes: ['civil-status'],
  });
  const posts: { uri: string; body: any }[] = [];
  const { createInteropService } = await import('./index.js');
  const svc = createInteropService({
    database: ctx.database,
    registry: ctx.services.registry,
    publicUrl: 'http://ansinh.test',
    post: async (uri, body) => (posts.push({ uri, body }), 202),
  });
  const r = await svc.crvsSubscribe(clientId);
  expect(r.status).toBe(202);
  expect(posts[0]!.uri).toBe('http://127.0.0.1:1/registry/subscribe');
  expect(posts[0]!.body.message.subscribe_request.map((s: any) => s.subscribe_criteria.reg_event_type)).toEqual([
    'spdci-common:RegistryEventType:Death',
    'spdci-common:RegistryEventType:LiveBirth',
  ]);
  return /\/crvs\/([^/]+)\/registry\/notify$/.exec(r.notifyUri)![1]!;
}

describe('CRVS death notifications', () => {
  it('applies a notification that arrives twice once, as a proposal in the commune queue', async () => {
    const secret = await partnerWithSecret();
    const person = await buildPerson(ctx);
    const ref = `ev-${unique()}`;
    expect((await notify(secret, deathNotice(ref, person.citizenId!))).json().message.ack_status).toBe('ACK');
    expect((await notify(secret, deathNotice(ref, person.citizenId!))).statusCode).toBe(200);
    const xa = await ctx.login('xa.25213');
    const list = (await xa.inject('GET', '/api/v1/interop/crvs-events')).json() as any[];
    const mine = list.filter((e) => e.personId === person.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      state: 'proposed',
      eventDate: '2026-10-03',
      title: 'Người này đã mất theo hộ tịch ngày 03/10/2026',
    });
  });

  it('keeps a notification for a person AnSinh does not know for the province to review', async () => {
    const secret = await partnerWithSecret();
    const ref = `ev-${unique()}`;
    await notify(secret, deathNotice(ref, '070099123456'));
    const xa = await ctx.login('xa.25213');
    expect(
      ((await xa.inject('GET', '/api/v1/interop/crvs-events')).json() as any[]).some(
        (e) => e.citizenId === '070099123456',
      ),
    ).toBe(false);
    const tinh = await ctx.login('tinh.chuyenvien');
    const all = (await tinh.inject('GET', '/api/v1/interop/crvs-events?state=unmatched')).json() as any[];
    expect(all.find((e) => e.citizenId === '070099123456')).toMatchObject({ state: 'unmatched', personId: null });
  });

  it('an officer of the commune confirms: the person is marked deceased; another district gets 404', async () => {
    const secret = await partnerWithSecret();
    const person = await buildPerson(ctx);
    await notify(secret, deathNotice(`ev-${unique()}`, person.citizenId!, '2026-09-20'));
    const xa = await ctx.login('xa.25213');
    const ev = ((await xa.inject('GET', '/api/v1/interop/crvs-events')).json() as any[]).find(
      (e) => e.personId === person.id,
    );
    const other = await ctx.login('xa.25270');
    const refused = await other.inject('POST', `/api/v1/interop/crvs-events/${ev.id}/decision`, {
      decision: 'confirm',
    });
    expect(refused.statusCode).toBe(404);
    const leader = await ctx.login('tinh.lanhdao');
    expect(
      (await leader.inject('POST', `/api/v1/interop/crvs-events/${ev.id}/decision`, { decision: 'confirm' }))
        .statusCode,
    ).toBe(403);
    expect((await ctx.services.registry.getPerson(systemActor('t'), person.id)).deceasedOn).toBeNull();
    const ok = await xa.inject('POST', `/api/v1/interop/crvs-events/${ev.id}/decision`, { decision: 'confirm' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().state).toBe('confirmed');
    expect((await ctx.services.registry.getPerson(systemActor('t'), person.id)).deceasedOn).toBe('2026-09-20');
    const again = await xa.inject('POST', `/api/v1/interop/crvs-events/${ev.id}/decision`, { decision: 'reject' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses an unknown notify address', async () => {
    const res = await notify('x'.repeat(32), deathNotice('e', '070099123456'));
    expect(res.statusCode).toBe(401);
  });
});
