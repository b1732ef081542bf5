import type { Me, Role } from '@ansinh/domain';
import type { Actor } from './actor.js';

/**
 * Who may call a route, declared on every route (the app refuses to start otherwise):
 * 'public' (no account), 'session' (any signed-in user; the module's policy decides the rest),
 * the roles allowed, or 'partner' (another system with an OAuth2 bearer token: the interop module's
 * hook authenticates it; the session rules do not apply).
 */
export type RouteAccess = 'public' | 'session' | 'partner' | readonly Role[];

export interface SessionInfo {
  id: string;
  csrfToken: string;
  userId: number;
  mustChangePassword: boolean;
  me: Me;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
