import { randomUUID } from 'node:crypto';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { callbackHeader, DciError, REG_TYPE, signed, type Envelope } from '../interop.envelope.js';
import { outboxRepo } from '../repo/outbox.repo.js';
import { registryReaderRepo } from '../repo/registry-reader.repo.js';
import { transactionsRepo } from '../repo/transactions.repo.js';
import { partnerActor, toPartner, type InteropDeps, type Partner } from './shared.js';
import { partnersRepo } from '../repo/partners.repo.js';
import { marksRepo } from '../repo/marks.repo.js';

/**
 * Registry events a partner may subscribe to: AnSinh's own names, and the generic SPDCI ones
 * (REGISTER: a status granted; DEREGISTER: a status ended, a death or a move; UPDATE: all).
 */
const EVENTS: Record<string, string[]> = {
  status_granted: ['status_granted'],
  status_ended: ['status_ended'],
  death: ['death'],
  move: ['move'],
  REGISTER: ['status_granted'],
  DEREGISTER: ['status_ended', 'death', 'move'],
  UPDATE: ['status_granted', 'status_ended', 'death', 'move'],
};

interface SubscribeItem {
  reference_id?: unknown;
  subscribe_criteria?: { reg_event_type?: unknown; filter?: unknown; notify_record_type?: unknown };
}

/** Subscribe the partner to registry events; one subscription code per request item. */
export async function subscribe(
  deps: InteropDeps,
  partner: Partner,
  env: Envelope,
  correlationId: string,
  notifyUri: string | null,
  req?: { ip?: string; requestId?: string },
) {
  const items = env.message.subscribe_request;
  if (!Array.isArray(items) || !items.length)
    throw new DciError(400, 'err.request.bad', 'message.subscribe_request must be a non-empty list');
  return inTransaction(deps.database, partnerActor(partner, req), async (trx, audit) => {
    const subscribe_response = [];
    for (const raw of items as SubscribeItem[]) {
      const reference_id = String(raw?.reference_id ?? '');
      const type = String(raw?.subscribe_criteria?.reg_event_type ?? '');
      const now = nowIso();
      if (!EVENTS[type]) {
        subscribe_response.push({
          reference_id,
          timestamp: now,
          status: 'rjct',
          status_reason_code: 'rjct.notify_types.invalid',
          status_reason_message: `reg_event_type must be one of ${Object.keys(EVENTS).join(', ')}`,
        });
        continue;
      }
      const code = `sub-${randomUUID()}`;
      await transactionsRepo.insertSubscription(trx, {
        code,
        partner_id: partner.id,
        province_code: partner.provinceCode,
        event_type: type,
        filter: raw.subscribe_criteria?.filter ? JSON.stringify(raw.subscribe_criteria.filter) : null,
        notify_uri: notifyUri,
        status: 'subscribe',
        created_at: now,
        ended_at: null,
      });
      subscribe_response.push({
        reference_id,
        timestamp: now,
        status: 'succ',
        subscriptions: [{ code, status: 'subscribe', timestamp: now, reg_type: REG_TYPE, reg_event_type: type }],
      });
    }
    await audit({
      action: 'interop.subscribe',
      entity: 'interop_partner',
      entityId: partner.id,
      areaCode: partner.scope.code,
      after: { correlationId, items: subscribe_response.map((s) => s.status) },
    });
    return {
      transaction_id: String(env.message.transaction_id ?? ''),
      correlation_id: correlationId,
      subscribe_response,
    };
  });
}

/** End subscriptions by code; codes the partner does not hold are reported, not an error. */
export async function unsubscribe(
  deps: InteropDeps,
  partner: Partner,
  env: Envelope,
  correlationId: string,
  req?: { ip?: string; requestId?: string },
) {
  const codes = env.message.subscription_codes;
  if (!Array.isArray(codes)) throw new DciError(400, 'err.request.bad', 'message.subscription_codes must be a list');
  return inTransaction(deps.database, partnerActor(partner, req), async (trx, audit) => {
    const ended = await transactionsRepo.endSubscriptions(trx, partner.id, codes.map(String), nowIso());
    await audit({
      action: 'interop.unsubscribe',
      entity: 'interop_partner',
      entityId: partner.id,
      areaCode: partner.scope.code,
      after: { correlationId, ended },
    });
    const unknown = codes.map(String).filter((c) => !ended.includes(c));
    return {
      transaction_id: String(env.message.transaction_id ?? ''),
      correlation_id: correlationId,
      timestamp: nowIso(),
      status: unknown.length && !ended.length ? 'rjct' : 'succ',
      ...(unknown.length
        ? {
            status_reason_code: 'rjct.subscription_code.invalid',
            status_reason_message: `Unknown or already ended: ${unknown.join(', ').slice(0, 900)}`,
          }
        : {}),
      subscription_status: ended.map((code) => ({ code, status: 'unsubscribe' })),
    };
  });
}

/**
 * The timer's sweep (every 15 s on every app server): the changes since the shared mark, taken by
 * one server only (a compare-and-set on `cluster_marks`), so a subscriber is not told twice
 * when several servers run (docs/operations/several-servers.md). Answers how many were queued.
 */
export async function notifyDue(deps: InteropDeps): Promise<number> {
  const since = await marksRepo.advance(deps.database.db, 'interop.notify', nowIso());
  return since === null ? 0 : notifySubscribers(deps, since);
}

/**
 * Queue notifications of registry changes since `since` to every active subscription whose
 * events match, limited to the subscriber's area and fields (run by the server's timer).
 */
export async function notifySubscribers(deps: InteropDeps, since: string): Promise<number> {
  const subs = await transactionsRepo.activeSubscriptions(deps.database.db);
  let queued = 0;
  for (const s of subs) {
    if (!s.notify_uri) continue;
    const row = await partnersRepo.byId(deps.database.db, Number(s.partner_id));
    if (!row || !row.active) continue;
    const partner = toPartner(row);
    const wanted = new Set(EVENTS[s.event_type] ?? []);
    const changes = await registryReaderRepo.changesSince(deps.database.db, partner.scope, since);
    const events: { type: string; record: Record<string, unknown> }[] = [];
    const ids = (citizenId: string | null) =>
      partner.fields.includes('identifier') && citizenId
        ? [{ identifier_type: 'UIN', identifier_value: citizenId }]
        : [];
    for (const st of changes.statuses) {
      const type = st.valid_to ? 'status_ended' : 'status_granted';
      if (wanted.has(type))
        events.push({
          type,
          record: {
            '@type': st.household_code ? 'Group' : 'SRPerson',
            ...(st.household_code
              ? { group_identifier: [{ identifier_type: 'HOUSEHOLD_ID', identifier_value: st.household_code }] }
              : { identifier: ids(st.citizen_id) }),
            program_memberships: [
              { program_identifier: `${st.kind}:${st.category}`, start_date: st.valid_from, end_date: st.valid_to },
            ],
          },
        });
    }
    for (const p of changes.persons) {
      const type = p.deceased_on ? 'death' : 'move';
      if (wanted.has(type))
        events.push({
          type,
          record: {
            '@type': 'SRPerson',
            identifier: ids(p.citizen_id),
            death_date: p.deceased_on,
            moved_out_date: p.moved_out_on,
          },
        });
    }
    if (!events.length) continue;
    const now = nowIso();
    await outboxRepo.enqueue(deps.database.db, {
      partner_id: partner.id,
      province_code: partner.provinceCode,
      uri: s.notify_uri,
      payload: JSON.stringify(
        signed(deps.signingKey, {
          header: callbackHeader('notify', partner.clientId, events.length),
          message: {
            transaction_id: s.code,
            notify_event: events.map((e) => ({
              reference_id: `${s.code}:${randomUUID()}`,
              timestamp: now,
              // The spec knows only REGISTER (a status granted); the other events keep AnSinh's names.
              data: {
                version: '1.0.0',
                reg_type: REG_TYPE,
                reg_event_type: e.type === 'status_granted' ? 'REGISTER' : e.type,
                reg_record_type: String(e.record['@type']),
                reg_records: e.record,
              },
            })),
          },
        }),
      ),
      now,
    });
    queued += events.length;
  }
  return queued;
}
