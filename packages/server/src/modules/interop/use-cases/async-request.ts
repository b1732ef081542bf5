import { ack, DciError, type Envelope } from '../interop.envelope.js';
import { searchRegistry } from './search-registry.js';
import { subscribe, unsubscribe } from './subscriptions.js';
import {
  callbackUri,
  closeTransaction,
  drainOutbox,
  openTransaction,
  txnStatus,
  type AsyncAction,
} from './transactions.js';
import type { InteropDeps, Partner } from './shared.js';

/**
 * An asynchronous request: checked, recorded, answered ACK at once; the work runs after the
 * answer and its result goes to the caller's `sender_uri` as the on-* callback (through the
 * outbox, so a failed delivery is retried). `pending` lets tests and shutdown wait for the work.
 */
export function createAsyncRunner(deps: InteropDeps) {
  const pending = new Set<Promise<unknown>>();

  async function accept(
    partner: Partner,
    env: Envelope,
    action: AsyncAction,
    correlationId: string,
    req?: { ip?: string; requestId?: string },
  ) {
    const uri = callbackUri(partner, env);
    // What can be refused at once is refused in the answer, not in a callback.
    if (action === 'search' && !Array.isArray(env.message.search_request))
      throw new DciError(400, 'err.request.bad', 'message.search_request must be a list');
    if (action === 'subscribe' && !Array.isArray(env.message.subscribe_request))
      throw new DciError(400, 'err.request.bad', 'message.subscribe_request must be a list');
    if (action === 'unsubscribe' && !Array.isArray(env.message.subscription_codes))
      throw new DciError(400, 'err.request.bad', 'message.subscription_codes must be a list');
    if (action === 'txn-status' && typeof env.message.txnstatus_request !== 'object')
      throw new DciError(400, 'err.request.bad', 'message.txnstatus_request is required');
    await openTransaction(deps, partner, env, action, correlationId);
    const job = (async () => {
      const message =
        action === 'search'
          ? await searchRegistry(deps, partner, env, correlationId, req)
          : action === 'subscribe'
            ? await subscribe(
                deps,
                partner,
                env,
                correlationId,
                uri ? uri.replace(/on-subscribe$/, 'notify') : null,
                req,
              )
            : action === 'unsubscribe'
              ? await unsubscribe(deps, partner, env, correlationId, req)
              : await txnStatus(deps, partner, env, correlationId);
      await closeTransaction(deps, partner, env, action, correlationId, message, uri);
      if (uri) await drainOutbox(deps);
    })().catch(() => undefined);
    pending.add(job);
    void job.finally(() => pending.delete(job));
    return ack(correlationId);
  }

  /** Wait until the work of every accepted request is done (tests, shutdown). */
  async function settle(): Promise<void> {
    while (pending.size) await Promise.all([...pending]);
  }

  return { accept, settle };
}
