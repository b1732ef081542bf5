import { nowIso } from '../../../platform/context.js';
import { callbackHeader, DciError, signed, type Envelope } from '../interop.envelope.js';
import { outboxRepo } from '../repo/outbox.repo.js';
import { transactionsRepo } from '../repo/transactions.repo.js';
import type { InteropDeps, Partner } from './shared.js';

/** The callback action answering each asynchronous action. */
export const ON_ACTION = {
  search: 'on-search',
  subscribe: 'on-subscribe',
  unsubscribe: 'on-unsubscribe',
  'txn-status': 'txn-on-status',
} as const;
export type AsyncAction = keyof typeof ON_ACTION;

/**
 * The caller's callback address, if it gave one: it must start with the prefix registered for the
 * partner (AnSinh calls no other address: no request forgery through sender_uri).
 */
export function callbackUri(partner: Partner, env: Envelope): string | null {
  const uri = env.header.sender_uri;
  if (uri === undefined || uri === null || uri === '') return null;
  if (typeof uri !== 'string' || !partner.callbackPrefix || !uri.startsWith(partner.callbackPrefix))
    throw new DciError(400, 'err.sender_uri.invalid', 'sender_uri is not registered for this partner');
  try {
    new URL(uri);
  } catch {
    throw new DciError(400, 'err.sender_uri.invalid', 'sender_uri is not a URL');
  }
  return uri;
}

/** Record an accepted asynchronous request (status 'pdng') before answering ACK. */
export async function openTransaction(
  deps: InteropDeps,
  partner: Partner,
  env: Envelope,
  action: AsyncAction,
  correlationId: string,
): Promise<void> {
  const now = nowIso();
  await transactionsRepo.insert(deps.database.db, {
    partner_id: partner.id,
    province_code: partner.provinceCode,
    transaction_id: String(env.message.transaction_id ?? ''),
    correlation_id: correlationId,
    action,
    status: 'pdng',
    response: null,
    created_at: now,
    updated_at: now,
  });
}

/** Store the answer of a transaction and queue its callback (if the caller gave an address). */
export async function closeTransaction(
  deps: InteropDeps,
  partner: Partner,
  env: Envelope,
  action: AsyncAction,
  correlationId: string,
  message: unknown,
  uri: string | null,
): Promise<void> {
  const now = nowIso();
  await deps.database.db.transaction().execute(async (trx) => {
    await transactionsRepo.finish(trx, correlationId, 'succ', JSON.stringify(message), now);
    if (uri)
      await outboxRepo.enqueue(trx, {
        partner_id: partner.id,
        province_code: partner.provinceCode,
        uri,
        payload: JSON.stringify(
          signed(deps.signingKey, {
            header: callbackHeader(ON_ACTION[action], String(env.header.sender_id), 1),
            message,
          }),
        ),
        now,
      });
  });
}

/**
 * The status of one of the partner's transactions (by transaction_id or our correlation id),
 * with its stored answer; an unknown one answers `rjct.reference_id.invalid`, never another
 * partner's transaction.
 */
export async function txnStatus(deps: InteropDeps, partner: Partner, env: Envelope, correlationId: string) {
  const req = env.message.txnstatus_request as
    { reference_id?: unknown; txn_type?: unknown; attribute_type?: unknown; attribute_value?: unknown } | undefined;
  if (!req || typeof req !== 'object')
    throw new DciError(400, 'err.request.bad', 'message.txnstatus_request is required');
  const transactionId = String(env.message.transaction_id ?? '');
  const value = String(req.attribute_value ?? transactionId);
  const row = await transactionsRepo.find(deps.database.db, partner.id, value);
  const txnType = row?.action === 'subscribe' || row?.action === 'unsubscribe' ? 'subscribe' : 'search';
  const stored = row?.response ? (JSON.parse(row.response) as Record<string, unknown>) : null;
  const txn_status = row
    ? {
        transaction_id: row.transaction_id,
        correlation_id: row.correlation_id,
        search_response: (stored?.search_response as unknown[]) ?? [
          { reference_id: String(req.reference_id ?? ''), timestamp: row.updated_at, status: row.status },
        ],
      }
    : {
        transaction_id: value,
        correlation_id: correlationId,
        search_response: [
          {
            reference_id: String(req.reference_id ?? ''),
            timestamp: nowIso(),
            status: 'rjct',
            status_reason_code: 'rjct.reference_id.invalid',
            status_reason_message: 'No transaction with this id for this partner',
          },
        ],
      };
  return {
    transaction_id: transactionId,
    correlation_id: correlationId,
    txnstatus_response: { txn_type: txnType, txn_status },
  };
}

/**
 * Deliver due callbacks and notifications; a failure is retried later (backoff, at most 10 tries).
 * Every app server drains; each message is claimed for 5 minutes first (POSTs time out well
 * before), so two servers never deliver it twice (docs/operations/several-servers.md).
 */
export async function drainOutbox(deps: InteropDeps): Promise<{ sent: number; failed: number }> {
  const now = nowIso();
  const lease = new Date(Date.parse(now) + 5 * 60_000).toISOString();
  const due = await outboxRepo.claimDue(deps.database, now, lease);
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    let status = 0;
    let error = '';
    try {
      status = await deps.post(row.uri, JSON.parse(row.payload));
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (status >= 200 && status < 300) {
      await outboxRepo.sent(deps.database.db, Number(row.id), nowIso());
      sent++;
    } else {
      const attempts = Number(row.attempts) + 1;
      const next = new Date(Date.now() + attempts * attempts * 30_000).toISOString();
      await outboxRepo.failed(deps.database.db, Number(row.id), attempts, next, error || `HTTP ${status}`);
      failed++;
    }
  }
  return { sent, failed };
}
