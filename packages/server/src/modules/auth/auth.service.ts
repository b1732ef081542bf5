import { createHash, randomBytes } from 'node:crypto';
import type { ChangePasswordBody, LoginBody, Me, Role } from '@ansinh/domain';
import type { Config } from '../../config.js';
import { preparedQuery, type Database } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import { inTransaction, nowIso } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/passwords.js';
import { authRepo } from './auth.repo.js';
import { presentMe } from './auth.presenter.js';

const TOUCH_EVERY_MS = 5 * 60_000;
export const SESSION_COOKIE = 'ansinh_sid';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface ResolvedSession {
  actor: Actor;
  me: Me;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** Sign-in, sessions, throttling and password changes. */
export function createAuthService(deps: {
  database: Database;
  config: Pick<Config, 'sessionTtlMs' | 'loginMaxFailures' | 'loginWindowMs'>;
}) {
  const { database, config } = deps;
  const db = database.db;
  const findSession = preparedQuery(database, authRepo.findSessionQuery(db).compile());

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

  return {
    /**
     * Check the password (same answer and timing for an unknown user and a wrong password),
     * throttled per account and per address; on success open a session.
     */
    async login(
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
          await authRepo.clearFailures(trx, username);
          await audit({ action: 'auth.login', entity: 'user', entityId: user.id, areaCode: user.area_code });
        },
      );
      const resolved = await this.resolve(token, client);
      if (!resolved) throw errors.unauthenticated();
      return { token, me: resolved.me };
    },

    /** Cookie token -> actor, or null when absent, expired or the user is disabled. */
    async resolve(token: string, client: { ip: string; requestId: string }): Promise<ResolvedSession | null> {
      if (!token || token.length > 100) return null;
      const id = sha256(token);
      const now = new Date();
      const [row] = await findSession([id, now.toISOString(), 0]);
      if (!row) return null;
      if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
        await authRepo.touchSession(
          db,
          id,
          now.toISOString(),
          new Date(now.getTime() + config.sessionTtlMs).toISOString(),
        );
      }
      const actor: Actor = {
        kind: 'user',
        userId: row.user_id,
        username: row.username,
        role: row.role as Role,
        areaCode: row.area_code,
        areaPath: row.area_path,
        areaLevel: row.area_level,
        ip: client.ip,
        requestId: client.requestId,
      };
      const mustChangePassword = row.must_change_password === 1;
      return {
        actor,
        sessionId: id,
        csrfToken: row.csrf_token,
        mustChangePassword,
        me: presentMe(actor, {
          fullName: row.full_name,
          areaName: row.area_name,
          csrfToken: row.csrf_token,
          mustChangePassword,
        }),
      };
    },

    async logout(actor: Actor, sessionId: string): Promise<void> {
      await inTransaction(database, actor, async (trx, audit) => {
        await authRepo.deleteSession(trx, sessionId);
        await audit({ action: 'auth.logout', entity: 'user', entityId: actor.userId, areaCode: actor.areaCode });
      });
    },

    /** Change one's own password; other sessions of the user are closed. */
    async changePassword(actor: Actor, sessionId: string, body: ChangePasswordBody): Promise<void> {
      const row = await authRepo.findPasswordHash(db, actor.userId!);
      if (!row || !(await verifyPassword(row.password_hash, body.currentPassword))) {
        throw errors.badRequest('PASSWORD_WRONG', 'Mật khẩu hiện tại không đúng. Nhập lại mật khẩu bạn đang dùng.', [
          { path: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
        ]);
      }
      if (body.currentPassword === body.newPassword) {
        throw errors.badRequest('PASSWORD_SAME', 'Mật khẩu mới phải khác mật khẩu hiện tại.', [
          { path: 'body.newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
        ]);
      }
      const hash = await hashPassword(body.newPassword);
      await inTransaction(database, actor, async (trx, audit) => {
        await authRepo.setPassword(trx, actor.userId!, hash, nowIso());
        await authRepo.deleteUserSessions(trx, actor.userId!, sessionId);
        await audit({
          action: 'auth.password.change',
          entity: 'user',
          entityId: actor.userId,
          areaCode: actor.areaCode,
        });
      });
    },

    /** Drop expired sessions and login attempts older than the throttle window (both only grow otherwise). */
    async purgeExpired(): Promise<void> {
      await authRepo.deleteExpiredSessions(db, nowIso());
      await authRepo.deleteAttemptsBefore(db, new Date(Date.now() - config.loginWindowMs).toISOString());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
