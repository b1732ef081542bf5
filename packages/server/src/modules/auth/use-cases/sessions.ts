import { createHash } from 'node:crypto';
import type { Me, Role } from '@ansinh/domain';
import type { Config } from '../../../config.js';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { deepFreeze } from '../../../platform/freeze.js';
import { authRepo } from '../repo/auth.repo.js';
import { presentMe } from '../auth.presenter.js';

const TOUCH_EVERY_MS = 5 * 60_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface ResolvedSession {
  actor: Actor;
  me: Me;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

/**
 * Sessions live in the database as the sha256 of the cookie token: any app server resolves any
 * session. The lookup is one statement compiled once (it runs on every request).
 */
export function createSessions(deps: { database: Database; config: Pick<Config, 'sessionTtlMs' | 'loginWindowMs'> }) {
  const { database, config } = deps;
  const db = database.db;
  const findSession = authRepo.sessionLookup(database);
  // Answers of GET /auth/me keyed by everything they are made of (a changed row is a new key).
  const meCache = new Map<string, Me>();

  /** Cookie token -> actor, or null when absent, expired or the user is disabled. */
  async function resolve(token: string, client: { ip: string; requestId: string }): Promise<ResolvedSession | null> {
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
      agencyCode: row.agency_code,
      ip: client.ip,
      requestId: client.requestId,
    };
    const mustChangePassword = row.must_change_password === 1;
    const meKey = [
      row.user_id,
      row.username,
      row.role,
      row.area_code,
      row.area_path,
      row.agency_code,
      row.full_name,
      row.area_name,
      row.agency_name,
      row.csrf_token,
      row.must_change_password,
    ].join('\u0000');
    let me: Me | undefined;
    return {
      actor,
      sessionId: id,
      csrfToken: row.csrf_token,
      mustChangePassword,
      // Built when read (GET /auth/me), not on every request: it lists the user's abilities. The
      // same session with the same row gives the same answer, kept frozen (serialised once).
      get me() {
        if (me) return me;
        me = meCache.get(meKey);
        if (!me) {
          me = deepFreeze(
            presentMe(actor, {
              fullName: row.full_name,
              areaName: row.area_name,
              agencyName: row.agency_name,
              csrfToken: row.csrf_token,
              mustChangePassword,
            }),
          );
          if (meCache.size >= 10_000) meCache.clear();
          meCache.set(meKey, me);
        }
        return me;
      },
    };
  }

  async function logout(actor: Actor, sessionId: string): Promise<void> {
    await inTransaction(database, actor, async (trx, audit) => {
      await authRepo.deleteSession(trx, sessionId);
      await audit({ action: 'auth.logout', entity: 'user', entityId: actor.userId, areaCode: actor.areaCode });
    });
  }

  /** Drop expired sessions and login attempts older than the throttle window (both only grow otherwise). */
  async function purgeExpired(): Promise<void> {
    await authRepo.deleteExpiredSessions(db, nowIso());
    await authRepo.deleteAttemptsBefore(db, new Date(Date.now() - config.loginWindowMs).toISOString());
  }

  return { resolve, logout, purgeExpired };
}

export type Sessions = ReturnType<typeof createSessions>;
