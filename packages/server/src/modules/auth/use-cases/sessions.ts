import { createHash } from 'node:crypto';
import type { Me, Role } from '@ansinh/domain';
import type { Config } from '../../../config.js';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { SESSIONS_TOPIC, type ChangeBus } from '../../../platform/change-bus.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { deepFreeze } from '../../../platform/freeze.js';
import { authRepo } from '../repo/auth.repo.js';
import { presentMe } from '../auth.presenter.js';
import { createSessionCache } from './session-cache.js';

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
 * session. The lookup is one statement compiled once, and what it read is kept until the
 * database says it changed (session-cache.ts).
 */
export function createSessions(deps: {
  database: Database;
  bus: ChangeBus;
  config: Pick<Config, 'sessionTtlMs' | 'loginWindowMs'>;
}) {
  const { database, config } = deps;
  const db = database.db;
  const findSession = authRepo.sessionLookup(database);
  type Row = Awaited<ReturnType<typeof findSession>>[number];
  const cache = createSessionCache<Row>(deps);
  // Answers of GET /auth/me by the kept row they are made of (a changed row is a new object).
  const meOfRow = new WeakMap<object, Me>();

  /** Cookie token -> actor, or null when absent, expired or the user is disabled. */
  async function resolve(token: string, client: { ip: string; requestId: string }): Promise<ResolvedSession | null> {
    if (!token || token.length > 100) return null;
    const now = Date.now();
    let session = await cache.lookup(token, now, sha256, async (id) => {
      const [found] = await findSession([id, new Date(now).toISOString(), 0]);
      return found;
    });
    if (!session) return null;
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) {
      const lastSeenAt = new Date(now).toISOString();
      const expiresAt = new Date(now + config.sessionTtlMs).toISOString();
      await authRepo.touchSession(db, session.id, lastSeenAt, expiresAt);
      session = cache.touched(
        token,
        session.id,
        { ...session.row, last_seen_at: lastSeenAt, expires_at: expiresAt },
        now,
      );
    }
    const { id, row } = session;
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
    let me: Me | undefined;
    return {
      actor,
      sessionId: id,
      csrfToken: row.csrf_token,
      mustChangePassword,
      // Built when read (GET /auth/me), not on every request: it lists the user's abilities. The
      // same kept row gives the same answer, frozen (serialised once).
      get me() {
        if (me) return me;
        me = meOfRow.get(row);
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
          meOfRow.set(row, me);
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
    deps.bus.publishHere(SESSIONS_TOPIC);
  }

  /** Drop expired sessions and login attempts older than the throttle window (both only grow otherwise). */
  async function purgeExpired(): Promise<void> {
    await authRepo.deleteExpiredSessions(db, nowIso());
    await authRepo.deleteAttemptsBefore(db, new Date(Date.now() - config.loginWindowMs).toISOString());
  }

  return { resolve, logout, purgeExpired };
}

export type Sessions = ReturnType<typeof createSessions>;
