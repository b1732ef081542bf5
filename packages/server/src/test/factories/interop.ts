import type { TestContext } from '../helpers.js';
import { factoryActor, unique } from './base.js';
import type { NewPartnerInput } from '../../modules/interop/index.js';

export interface BuiltPartner {
  id: number;
  clientId: string;
  secret: string;
  /** A bearer token issued through the token endpoint. */
  token: string;
}

/**
 * A partner system registered by the system actor (default: the whole demo province 70, every
 * field, purpose "social-assistance-check", callbacks to 127.0.0.1) and a bearer token for it.
 */
export async function buildPartner(ctx: TestContext, overrides: Partial<NewPartnerInput> = {}): Promise<BuiltPartner> {
  const n = unique();
  const clientId = overrides.clientId ?? `partner-${n}`;
  const secret = overrides.secret ?? `secret-${n}-abcdefghijklmnopqrstuvwxyz`;
  const r = await ctx.services.interop.createPartner(factoryActor, {
    name: `Đối tác ${n}`,
    kind: 'consumer',
    clientId,
    secret,
    areaCode: '70',
    fields: ['identifier', 'name', 'sex', 'birth_date', 'location', 'household', 'memberships', 'vital_status'],
    purposes: ['social-assistance-check'],
    callbackPrefix: 'http://127.0.0.1:',
    ...overrides,
  });
  const token =
    (overrides.kind ?? 'consumer') === 'consumer'
      ? (await ctx.services.interop.issueToken(clientId, secret)).access_token
      : '';
  return { id: r.id, clientId, secret, token };
}
