import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { nowIso } from '../../../platform/context.js';
import { DciError } from '../interop.envelope.js';
import { partnersRepo } from '../repo/partners.repo.js';
import { toPartner, type InteropDeps, type Partner } from './shared.js';

export const TOKEN_TTL_SECONDS = 3600;

export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * OAuth2 client credentials (RFC 6749 §4.4): a registered, active partner exchanges its client id
 * and secret for a bearer token valid one hour. Only the token's hash is stored.
 */
export async function issueToken(
  deps: InteropDeps,
  clientId: string,
  secret: string,
): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
  const row = await partnersRepo.byClientId(deps.database.db, clientId);
  if (!row || !row.active || row.kind !== 'consumer' || !sameHash(row.secret_hash, sha256(secret)))
    throw new DciError(401, 'err.request.unauthorized', 'invalid_client');
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await partnersRepo.insertToken(deps.database.db, {
    token_hash: sha256(token),
    partner_id: Number(row.id),
    province_code: row.province_code,
    expires_at: new Date(now.getTime() + TOKEN_TTL_SECONDS * 1000).toISOString(),
    created_at: now.toISOString(),
  });
  return { access_token: token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS };
}

/** The partner behind `Authorization: Bearer …`, or a 401 DCI error. */
export async function authenticate(deps: InteropDeps, authorization: string | undefined): Promise<Partner> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!m) throw new DciError(401, 'err.request.unauthorized', 'Bearer token required');
  const row = await partnersRepo.partnerByToken(deps.database.db, sha256(m[1]!), nowIso());
  if (!row) throw new DciError(401, 'err.request.unauthorized', 'Token unknown or expired');
  return toPartner(row);
}
