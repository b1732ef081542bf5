import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import { buildPartner, buildPerson, unique } from '../../test/factories.js';
import { createInteropService } from './index.js';
import { systemActor } from '../../platform/actor.js';

let ctx: TestContext;
let secret = '';
beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  const { clientId } = await buildPartner(ctx, {
    kind: 'crvs',
    baseUrl: 'http://127.0.0.1:1',
    fields: ['identifier'],
    purposes: ['civil-status'],
  });
  const svc = createInteropService({
    database: ctx.database,
    registry: ctx.services.registry,
    publicUrl: 'http://t',
    post: async () => 202,
  });
  secret = /\/crvs\/([^/]+)\//.exec((await svc.crvsSubscribe(clientId)).notifyUri)![1]!;
});
afterAll(async () => {
  await ctx?.close();
});

/** A death proposal for a new person of commune 25213; returns its id. */
async function proposal(): Promise<number> {
  const person = await buildPerson(ctx);
  const ref = `p-${unique()}`;
  await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/dci/crvs/${secret}/registry/notify`,
    payload: {
      header: {
        message_id: ref,
        message_ts: new Date().toISOString(),
        action: 'notify',
        sender_id: 'crvs',
        total_count: 1,
      },
      message: {
        transaction_id: ref,
        notify_event: [
          {
            reference_id: ref,
            data: {
              reg_event_type: 'Death',
              reg_records: {
                identifier: { identifier_type: 'UIN', identifier_value: person.citizenId },
                death_date: '2026-08-01',
              },
            },
          },
        ],
      },
    },
  });
  const row = await ctx.services.interop.listCrvsEvents(systemActor('t'), ['proposed']);
  return Number(row.find((e) => Number(e.person_id) === person.id)!.id);
}

// role x action x record inside / outside the actor's area (outside: another district's commune
// for district and commune actors, another province for province actors).
const DECIDE: { username: string; inside: number; outside: number }[] = [
  { username: 'xa.25213', inside: 200, outside: 404 },
  { username: 'huyen.689', inside: 200, outside: 404 },
  { username: 'tinh.chuyenvien', inside: 200, outside: 404 },
  { username: 'tinh.lanhdao', inside: 403, outside: 404 },
  { username: 'thanhtra', inside: 403, outside: 404 },
  { username: 'admin', inside: 403, outside: 404 },
];

describe('interop permissions', () => {
  it.each(DECIDE)('$username confirms a death proposal inside ($inside) / outside ($outside) its area', async (row) => {
    const s = await ctx.login(row.username);
    const id = await proposal();
    const res = await s.inject('POST', `/api/v1/interop/crvs-events/${id}/decision`, { decision: 'reject' });
    expect(res.statusCode).toBe(row.inside);
    const outsider = await ctx.login(
      row.username.startsWith('tinh') || row.username === 'admin' || row.username === 'thanhtra'
        ? 'xa.99999'
        : 'xa.25270',
    );
    const id2 = await proposal();
    const refused = await outsider.inject('POST', `/api/v1/interop/crvs-events/${id2}/decision`, {
      decision: 'reject',
    });
    expect(refused.statusCode).toBe(404);
    const after = await ctx.services.interop.listCrvsEvents(systemActor('t'), ['proposed']);
    expect(after.some((e) => Number(e.id) === id2)).toBe(true);
  });

  it.each([
    ['admin', 200, 200],
    ['tinh.lanhdao', 403, 200],
    ['thanhtra', 403, 200],
    ['tinh.chuyenvien', 403, 403],
    ['xa.25213', 403, 403],
  ] as const)('%s: partners %i, disclosures %i', async (username, partners, disclosures) => {
    const s = await ctx.login(username);
    expect((await s.inject('GET', '/api/v1/interop/partners')).statusCode).toBe(partners);
    expect((await s.inject('GET', '/api/v1/interop/disclosures')).statusCode).toBe(disclosures);
  });

  it('an administrator of another province does not see this province’s partners', async () => {
    const s = await ctx.login('admin99');
    expect((await s.inject('GET', '/api/v1/interop/partners')).json()).toEqual([]);
  });
});
