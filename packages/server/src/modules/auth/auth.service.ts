import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { ChangeBus } from '../../platform/change-bus.js';
import { createChangePassword } from './use-cases/change-password.js';
import { createSessions } from './use-cases/sessions.js';
import { createSignIn } from './use-cases/sign-in.js';

export { type ResolvedSession } from './use-cases/sessions.js';
export const SESSION_COOKIE = 'ansinh_sid';

/** Sign-in, sessions, throttling and password changes. */
export function createAuthService(deps: {
  database: Database;
  /** Tells this server (and, on PostgreSQL, is told by the database) when sessions change. */
  bus: ChangeBus;
  config: Pick<Config, 'sessionTtlMs' | 'loginMaxFailures' | 'loginWindowMs'>;
}) {
  const sessions = createSessions(deps);
  return {
    login: createSignIn({ ...deps, sessions }),
    resolve: sessions.resolve,
    logout: sessions.logout,
    changePassword: createChangePassword(deps),
    purgeExpired: sessions.purgeExpired,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
