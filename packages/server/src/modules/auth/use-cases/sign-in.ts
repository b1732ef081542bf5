import { randomBytes } from 'node:crypto';
import type { LoginBody, Me } from '@ansinh/domain';
import type { Config } from '../../../config.js';
import type { Database } from '../../../db/database.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { burnPasswordCheck, verifyPassword } from '../../../platform/passwords.js';
import { authRepo } from '../repo/auth.repo.js';
import { sha256, type Sessions } from './sessions.js';

/**
 * Sign-in: throttled per (account, address) and per address, the same answer for every failure.
 * Not per account alone: usernames are predictable (`xa.<commune code>`), and a lock on the
 * account would let anyone keep any officer out.
 */
export function createSignIn(deps: {
  database: Database;
  config: Pick<Config, 'sessionTtlMs' | 'loginMaxFailures' | 'loginWindowMs'>;
  sessions: Pick<Sessions, 'resolve'>;
}) {
  const { database, config } = deps;
  const db = database.db;
  const resolve = deps.sessions.resolve;

  /**
   * Record the attempt as a failure *before* checking the password, then count only the
   * failures recorded ahead of it: parallel guesses are ranked by the database, so no more than
   * the limit are ever checked. A throttled attempt is removed again (it checked nothing).
   * Returns the attempt's id, to be cleared on success.
   */
  async function reserveAttempt(username: string, ip: string): Promise<number> {
    const now = Date.now();
    const since = new Date(now - config.loginWindowMs).toISOString();
    const attemptId = await authRepo.recordAttempt(db, { username, ip, at: new Date(now).toISOString(), succeeded: 0 });
    const { byUser, byIp } = await authRepo.failuresSince(db, username, ip, since, attemptId);
    const over = (n: number, max: number, oldest: unknown) => {
      if (Number(n) < max || typeof oldest !== 'string') return 0;
      return Math.max(1, Math.ceil((Date.parse(oldest) + config.loginWindowMs - now) / 1000));
    };
    const wait = Math.max(
      over(byUser.n, config.loginMaxFailures, byUser.oldest),
      over(byIp.n, config.loginMaxFailures * 4, byIp.oldest),
    );
    if (wait > 0) {
      await authRepo.deleteAttempt(db, attemptId);
      throw errors.throttled(wait);
    }
    return attemptId;
  }

  /**
   * Check the password (same answer and timing for an unknown user and a wrong password),
   * throttled per account and per address; on success open a session.
   */
  async function login(
    body: LoginBody,
    client: { ip: string; userAgent: string | null; requestId: string },
  ): Promise<{ token: string; me: Me }> {
    const username = body.username.trim().toLowerCase();
    await reserveAttempt(username, client.ip);
    const user = await authRepo.findUserForLogin(db, username);
    const ok =
      user && user.disabled === 0
        ? await verifyPassword(user.password_hash, body.password)
        : (await burnPasswordCheck(body.password), false);
    const at = nowIso();
    // The reserved attempt stays recorded as the failure it is.
    if (!ok || !user) throw errors.invalidCredentials();
    const token = randomBytes(32).toString('base64url');
    const id = sha256(token);
    const csrf = randomBytes(24).toString('base64url');
    const actorBase = { userId: user.id, username: user.username, ip: client.ip, requestId: client.requestId };
    await inTransaction(
      database,
      { kind: 'user', role: 'system', areaCode: null, areaPath: null, areaLevel: null, ...actorBase },
      async (trx, audit) => {
        await authRepo.createSession(trx, {
          id,
          user_id: user.id,
          csrf_token: csrf,
          created_at: at,
          expires_at: new Date(Date.now() + config.sessionTtlMs).toISOString(),
          ip: client.ip,
          user_agent: client.userAgent?.slice(0, 300) ?? null,
        });
        await authRepo.setLastLogin(trx, user.id, at);
        await authRepo.clearFailures(trx, username, client.ip);
        await audit({ action: 'auth.login', entity: 'user', entityId: user.id, areaCode: user.area_code });
      },
    );
    const resolved = await resolve(token, client);
    if (!resolved) throw errors.unauthenticated();
    return { token, me: resolved.me };
  }

  return login;
}
