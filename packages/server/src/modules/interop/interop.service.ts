import type { Database } from '../../db/database.js';
import type { RegistryService } from '../registry/index.js';
import { loadSigningKey, signed } from './interop.envelope.js';
import { interopPolicy } from './interop.policy.js';
import { createAsyncRunner } from './use-cases/async-request.js';
import {
  crvsPartnerByPath,
  crvsSubscribe,
  decideCrvsEvent,
  listCrvsEvents,
  receiveCrvsNotify,
} from './use-cases/crvs.js';
import { authenticate, issueToken } from './use-cases/partner-auth.js';
import { createPartner, listDisclosures, listPartners } from './use-cases/partners.js';
import { searchRegistry } from './use-cases/search-registry.js';
import type { InteropDeps } from './use-cases/shared.js';
import { notifyDue, notifySubscribers } from './use-cases/subscriptions.js';
import { drainOutbox, txnStatus } from './use-cases/transactions.js';

/** One JSON POST with a timeout; the HTTP status (the outbox retries anything else than 2xx). */
async function postJson(uri: string, body: unknown): Promise<number> {
  const res = await fetch(uri, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer().catch(() => undefined);
  return res.status;
}

/** Interoperability: the SPDCI Social Registry API for partners, and the CRVS client. */
export function createInteropService(deps: {
  database: Database;
  registry: Pick<RegistryService, 'updatePerson'>;
  publicUrl: string;
  /** AnSinh's Ed25519 private key (PEM) to sign outgoing messages; unset: unsigned. */
  signingKeyPem?: string | undefined;
  post?: InteropDeps['post'];
}) {
  const d: InteropDeps = {
    database: deps.database,
    registry: deps.registry,
    publicUrl: deps.publicUrl,
    signingKey: loadSigningKey(deps.signingKeyPem),
    post: deps.post ?? postJson,
  };
  const runner = createAsyncRunner(d);
  type Tail<F> = F extends (deps: InteropDeps, ...rest: infer R) => infer O ? (...rest: R) => O : never;
  const bind = <F extends (deps: InteropDeps, ...rest: never[]) => unknown>(f: F): Tail<F> =>
    ((...rest: unknown[]) => (f as unknown as (...a: unknown[]) => unknown)(d, ...rest)) as Tail<F>;
  return {
    policy: interopPolicy,
    /** Sign an outgoing envelope with AnSinh's key (sync answers; callbacks are signed when queued). */
    sign: <T extends { header: Record<string, unknown>; message: unknown }>(env: T) => signed(d.signingKey, env),
    issueToken: bind(issueToken),
    authenticate: bind(authenticate),
    searchSync: bind(searchRegistry),
    txnStatusSync: bind(txnStatus),
    acceptAsync: runner.accept,
    settle: runner.settle,
    drainOutbox: bind(drainOutbox),
    notifySubscribers: bind(notifySubscribers),
    notifyDue: bind(notifyDue),
    createPartner: bind(createPartner),
    listPartners: bind(listPartners),
    listDisclosures: bind(listDisclosures),
    crvsPartnerByPath: bind(crvsPartnerByPath),
    receiveCrvsNotify: bind(receiveCrvsNotify),
    crvsSubscribe: bind(crvsSubscribe),
    listCrvsEvents: bind(listCrvsEvents),
    decideCrvsEvent: bind(decideCrvsEvent),
  };
}

export type InteropService = ReturnType<typeof createInteropService>;
