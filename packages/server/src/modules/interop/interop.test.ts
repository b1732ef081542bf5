/* eslint-disable @typescript-eslint/no-explicit-any -- SPDCI answers are deep JSON read field by field */
import http from 'node:http';
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { buildPartner, buildPerson, buildStatus } from '../../test/factories.js';
import { checkSignature, signedBytes } from './interop.envelope.js';
import { createInteropService } from './index.js';

let ctx: TestContext;
let callbacks: { path: string; body: Record<string, any> }[] = [];
let receiver: http.Server;
let receiverUrl = '';

beforeAll(async () => {
  ctx = await createTestContext();
  receiver = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      callbacks.push({ path: req.url ?? '', body: JSON.parse(data) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((r) => receiver.close(r));
  await ctx?.close();
});

let seq = 0;
function envelope(action: string, message: Record<string, unknown>, header: Record<string, unknown> = {}) {
  seq++;
  return {
    signature: 'unsigned',
    header: {
      version: '1.0.0',
      message_id: `m-${seq}`,
      message_ts: new Date().toISOString(),
      action,
      sender_id: 'test',
      total_count: 1,
      ...header,
    },
    message: { transaction_id: `t-${seq}`, ...message },
  };
}
const byId = (type: string, value: string) =>
  envelope('search', {
    search_request: [
      {
        reference_id: 'r1',
        timestamp: new Date().toISOString(),
        search_criteria: { query_type: 'idtype-value', query: { type, value } },
      },
    ],
  });

function call(token: string, path: string, payload: unknown) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/dci/${path}`,
    headers: { authorization: `Bearer ${token}` },
    payload: payload as object,
  });
}

describe('SPDCI Social Registry API', () => {
  it('issues tokens only for the right client secret, and refuses requests without one', async () => {
    const p = await buildPartner(ctx);
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/dci/oauth2/client/token',
      payload: { grant_type: 'client_credentials', client_id: p.clientId, client_secret: 'wrong' },
    });
    expect(bad.statusCode).toBe(401);
    const good = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/dci/oauth2/client/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${p.clientId}&client_secret=${p.secret}`,
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const none = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/dci/registry/sync/search',
      payload: byId('UIN', '1'),
    });
    expect(none.statusCode).toBe(401);
    expect(none.json().message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.request.unauthorized' } });
  });

  it('finds a person by citizen ID, gives only the agreed fields, and logs the purpose and the audit', async () => {
    const person = await buildPerson(ctx);
    const p = await buildPartner(ctx, { fields: ['identifier', 'location'] });
    const res = await call(p.token, 'registry/sync/search', byId('UIN', person.citizenId!));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.header.action).toBe('on-search');
    const item = body.message.search_response[0];
    expect(item.status).toBe('succ');
    expect(item.pagination.total_count).toBe(1);
    const rec = item.data.reg_records[0];
    expect(rec.identifier[0]).toMatchObject({ identifier_type: 'UIN', identifier_value: person.citizenId });
    expect(rec.address.admin_area.at(-1).code).toBe('25213');
    expect(rec.name).toBeUndefined();
    expect(rec.birth_date).toBeUndefined();
    const log = await ctx.services.interop.listDisclosures(
      { ...(await import('../../platform/actor.js')).systemActor('t') },
      p.id,
    );
    expect(log[0]).toMatchObject({ purpose: 'social-assistance-check', records: 1, action: 'search' });
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_username'])
      .where('action', '=', 'interop.search')
      .where('actor_username', '=', `partner:${p.clientId}`)
      .execute();
    expect(audit.length).toBe(1);
  });

  it('never returns a person outside the partner area', async () => {
    const person = await buildPerson(ctx, { communeCode: '25270' });
    const p = await buildPartner(ctx, { areaCode: '25213' });
    const res = await call(p.token, 'registry/sync/search', byId('NIN', person.citizenId!));
    expect(res.json().message.search_response[0].data.reg_records).toEqual([]);
  });

  it('answers expression and predicate queries, and rejects attributes the registry does not hold', async () => {
    const person = await buildPerson(ctx, { gender: 'female', birthDate: '1950-03-15' });
    await buildStatus(ctx, person.id);
    const p = await buildPartner(ctx, { areaCode: '25213' });
    const predicate = envelope('search', {
      search_request: [
        {
          reference_id: 'r',
          timestamp: new Date().toISOString(),
          search_criteria: {
            query_type: 'predicate',
            query: [
              {
                seq_num: 1,
                expression1: { attribute_name: 'sex', operator: 'eq', attribute_value: 'female' },
                condition: 'and',
                expression2: { attribute_name: 'birth_year', operator: 'eq', attribute_value: '1950' },
              },
            ],
          },
        },
      ],
    });
    const r1 = (await call(p.token, 'registry/sync/search', predicate)).json().message.search_response[0];
    expect(r1.status).toBe('succ');
    expect(r1.data.reg_records.map((r: any) => r.identifier[0].identifier_value)).toContain(person.citizenId);
    const expr = envelope('search', {
      search_request: [
        {
          reference_id: 'r',
          timestamp: new Date().toISOString(),
          search_criteria: {
            query_type: 'expression',
            query: {
              type: 'ns:org:QueryType:expression',
              value: {
                expression: {
                  collection: 'Group',
                  query: { $and: [{ membership: { $eq: '5a' } }, { location: { $eq: '25213' } }] },
                },
              },
            },
          },
        },
      ],
    });
    const r2 = (await call(p.token, 'registry/sync/search', expr)).json().message.search_response[0];
    expect(r2.data.reg_record_type).toBe('Group');
    expect(
      r2.data.reg_records.some((g: any) =>
        g.members.some((m: any) => m.demographic_info.identifier[0]?.identifier_value === person.citizenId),
      ),
    ).toBe(true);
    const bad = envelope('search', {
      search_request: [
        {
          reference_id: 'r',
          timestamp: new Date().toISOString(),
          search_criteria: {
            query_type: 'predicate',
            query: [
              { seq_num: 1, expression1: { attribute_name: 'poverty_score', operator: 'lt', attribute_value: '2' } },
            ],
          },
        },
      ],
    });
    const r3 = (await call(p.token, 'registry/sync/search', bad)).json().message.search_response[0];
    expect(r3).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.search_criteria.invalid' });
  });

  it('pages results and refuses a page size out of bounds', async () => {
    const p = await buildPartner(ctx, { areaCode: '25213' });
    await buildPerson(ctx);
    await buildPerson(ctx);
    const q = (size: number, page: number) =>
      envelope('search', {
        search_request: [
          {
            reference_id: 'r',
            timestamp: 'x',
            search_criteria: {
              query_type: 'predicate',
              query: [
                { seq_num: 1, expression1: { attribute_name: 'location', operator: 'eq', attribute_value: '25213' } },
              ],
              pagination: { page_size: size, page_number: page },
            },
          },
        ],
      });
    const first = (await call(p.token, 'registry/sync/search', q(1, 1))).json().message.search_response[0];
    const second = (await call(p.token, 'registry/sync/search', q(1, 2))).json().message.search_response[0];
    expect(first.data.reg_records.length).toBe(1);
    expect(first.pagination.total_count).toBeGreaterThanOrEqual(2);
    expect(second.data.reg_records[0]).not.toEqual(first.data.reg_records[0]);
    const tooBig = (await call(p.token, 'registry/sync/search', q(100000, 1))).json().message.search_response[0];
    expect(tooBig.status_reason_code).toBe('rjct.pagination.invalid');
  });

  it('acknowledges an async search, calls back on-search with the ids, and keeps it for txn status', async () => {
    const person = await buildPerson(ctx);
    const p = await buildPartner(ctx);
    callbacks = [];
    const env = { ...byId('UIN', person.citizenId!) };
    env.header = { ...env.header, sender_uri: `${receiverUrl}/registry/on-search` } as typeof env.header;
    const res = await call(p.token, 'registry/search', env);
    expect(res.statusCode).toBe(202);
    const correlation = res.json().message.correlation_id;
    await ctx.services.interop.settle();
    const cb = callbacks.find((c) => c.body.message?.correlation_id === correlation)!;
    expect(cb.path).toBe('/registry/on-search');
    expect(cb.body.header.action).toBe('on-search');
    expect(cb.body.message.transaction_id).toBe(env.message.transaction_id);
    expect(cb.body.message.search_response[0].data.reg_records).toHaveLength(1);
    const status = envelope('txn-status', {
      txnstatus_request: {
        reference_id: 'x',
        txn_type: 'search',
        attribute_type: 'transaction_id',
        attribute_value: env.message.transaction_id,
      },
    });
    const st = (await call(p.token, 'registry/sync/txn/status', status)).json().message.txnstatus_response;
    expect(st.txn_status.correlation_id).toBe(correlation);
    expect(st.txn_status.search_response[0].data.reg_records).toHaveLength(1);
    const unknown = envelope('txn-status', {
      txnstatus_request: {
        reference_id: 'x',
        txn_type: 'search',
        attribute_type: 'transaction_id',
        attribute_value: 'nope',
      },
    });
    const un = (await call(p.token, 'registry/sync/txn/status', unknown)).json().message.txnstatus_response;
    expect(un.txn_status.search_response[0].status_reason_code).toBe('rjct.reference_id.invalid');
  });

  it('refuses callbacks to an address not registered for the partner, and schema-invalid requests', async () => {
    const p = await buildPartner(ctx);
    const env = byId('UIN', '1');
    env.header = { ...env.header, sender_uri: 'http://10.0.0.1/steal' } as typeof env.header;
    const res = await call(p.token, 'registry/search', env);
    expect(res.statusCode).toBe(400);
    expect(res.json().message.error.code).toBe('err.sender_uri.invalid');
    const { message: _m, ...noMessage } = byId('UIN', '1');
    const bad = await call(p.token, 'registry/sync/search', noMessage);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message.ack_status).toBe('ERR');
  });

  it('subscribes and unsubscribes, with callbacks', async () => {
    const p = await buildPartner(ctx);
    callbacks = [];
    const sub = envelope(
      'subscribe',
      {
        subscribe_request: [
          {
            reference_id: 'r',
            timestamp: 'x',
            subscribe_criteria: { reg_event_type: 'death', filter: {}, notify_record_type: 'SRPerson' },
          },
        ],
      },
      { sender_uri: `${receiverUrl}/registry/on-subscribe` },
    );
    expect((await call(p.token, 'registry/subscribe', sub)).statusCode).toBe(202);
    await ctx.services.interop.settle();
    const code = callbacks.find((c) => c.path === '/registry/on-subscribe')!.body.message.subscribe_response[0]
      .subscriptions[0].code;
    const uns = envelope(
      'unsubscribe',
      { timestamp: 'x', subscription_codes: [code, 'sub-unknown'] },
      { sender_uri: `${receiverUrl}/registry/on-unsubscribe` },
    );
    expect((await call(p.token, 'registry/unsubscribe', uns)).statusCode).toBe(202);
    await ctx.services.interop.settle();
    const un = callbacks.find((c) => c.path === '/registry/on-unsubscribe')!.body.message;
    expect(un.subscription_status).toEqual([{ code, status: 'unsubscribe' }]);
    expect(un.status_reason_code).toBe('rjct.subscription_code.invalid');
  });

  it('notifies a subscriber of a death in its area, at the notify address of its subscription', async () => {
    const p = await buildPartner(ctx, { areaCode: '25213' });
    const sub = envelope(
      'subscribe',
      {
        subscribe_request: [
          {
            reference_id: 'r',
            timestamp: 'x',
            subscribe_criteria: { reg_event_type: 'DEREGISTER', filter: {}, notify_record_type: 'SRPerson' },
          },
        ],
      },
      { sender_uri: `${receiverUrl}/registry/on-subscribe` },
    );
    await call(p.token, 'registry/subscribe', sub);
    await ctx.services.interop.settle();
    const since = new Date(Date.now() - 1000).toISOString();
    const person = await buildPerson(ctx);
    const elsewhere = await buildPerson(ctx, { communeCode: '25270' });
    const { systemActor } = await import('../../platform/actor.js');
    await ctx.services.registry.updatePerson(systemActor('t'), person.id, { deceasedOn: '2026-11-01' });
    await ctx.services.registry.updatePerson(systemActor('t'), elsewhere.id, { deceasedOn: '2026-11-01' });
    callbacks = [];
    expect(await ctx.services.interop.notifySubscribers(since)).toBeGreaterThanOrEqual(1);
    await ctx.services.interop.drainOutbox();
    const notes = callbacks.filter((c) => c.path === '/registry/notify').flatMap((c) => c.body.message.notify_event);
    const ids = notes.map((n: any) => n.data.reg_records.identifier[0]?.identifier_value);
    expect(ids).toContain(person.citizenId);
    expect(ids).not.toContain(elsewhere.citizenId);
    expect(
      notes.find((n: any) => n.data.reg_records.identifier[0]?.identifier_value === person.citizenId).data,
    ).toMatchObject({
      reg_event_type: 'death',
      reg_records: { death_date: '2026-11-01' },
    });
  });

  it('signs its callbacks with its own key when one is configured', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const posts: { uri: string; body: any }[] = [];
    const svc = createInteropService({
      database: ctx.database,
      registry: ctx.services.registry,
      publicUrl: 'http://t',
      signingKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      post: async (uri, body) => (posts.push({ uri, body }), 200),
    });
    const p = await buildPartner(ctx);
    const partner = await svc.authenticate(`Bearer ${p.token}`);
    const env = byId('UIN', '1');
    env.header = { ...env.header, sender_uri: 'http://127.0.0.1:9/registry/on-search' } as typeof env.header;
    await svc.acceptAsync(partner, env as any, 'search', `c-${Date.now()}`);
    await svc.settle();
    const cb = posts[0]!.body;
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => checkSignature('ed25519', pem, cb)).not.toThrow();
    expect(() => checkSignature('ed25519', pem, { ...cb, message: { ...cb.message, transaction_id: 'x' } })).toThrow();
  });

  it('checks Ed25519 signatures for a partner registered with a key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const p = await buildPartner(ctx, {
      signatureMode: 'ed25519',
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    const env = byId('UIN', '1');
    const unsigned = await call(p.token, 'registry/sync/search', { ...env, signature: undefined });
    expect(unsigned.json().message.error.code).toBe('err.signature.missing');
    const wrong = await call(p.token, 'registry/sync/search', { ...env, signature: 'invalid-signature' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message.error.code).toBe('err.signature.invalid');
    const good = await call(p.token, 'registry/sync/search', {
      ...env,
      signature: sign(null, signedBytes(env), privateKey).toString('base64'),
    });
    expect(good.statusCode).toBe(200);
  });
});
