import { ChangePasswordBody, LoginBody, Me, OkResponse } from '@ansinh/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../platform/errors.js';
import { SESSION_COOKIE, type AuthService } from './auth.service.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** All a user whose password was set or reset by an admin may do before choosing their own. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/v1/auth/me', '/api/v1/auth/password', '/api/v1/auth/logout']);

/**
 * Resolve the session cookie into `request.actor` and enforce each route's declared access and
 * the CSRF rule: a state-changing request with a session must carry `X-CSRF-Token` equal to the
 * session's token (a cross-site form cannot read it; a script gets it from login or /auth/me).
 */
export function installAuthHooks(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRoute', (route) => {
    // Every API route says who may call it; the web app's static files are public by nature.
    if (route.config?.access === undefined && route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')) {
      throw new Error(`Route ${route.method} ${route.url} does not declare who may call it (config.access).`);
    }
  });
  // preValidation, not preHandler: who may call comes before what they sent (a request without
  // a session answers 401, not 400 on its body).
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access ?? 'public';
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const s = await auth.resolve(token, { ip: request.ip, requestId: String(request.id) });
      if (s) {
        request.actor = s.actor;
        request.session = {
          id: s.sessionId,
          csrfToken: s.csrfToken,
          userId: s.actor.userId!,
          mustChangePassword: s.mustChangePassword,
          get me() {
            return s.me;
          },
        };
      }
    }
    if (access === 'public' || access === 'partner') return;
    if (!request.actor || !request.session) throw errors.unauthenticated();
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== request.session.csrfToken)
      throw errors.csrf();
    if (request.session.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url ?? '')) {
      throw errors.passwordChangeRequired();
    }
    if (access !== 'session' && !access.includes(request.actor.role as never)) throw errors.forbidden();
  });
}

export const authRoutes =
  (auth: AuthService, cookie: { secure: 'auto' | boolean; ttlMs: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const setCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: cookie.secure === 'auto' ? request.protocol === 'https' : cookie.secure,
        maxAge: Math.floor(cookie.ttlMs / 1000),
      });

    app.post(
      '/api/v1/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the session cookie and returns the user with the CSRF token',
          body: LoginBody,
          response: { 200: Me },
        },
      },
      async (req, reply) => {
        const { token, me } = await auth.login(req.body, {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          requestId: String(req.id),
        });
        setCookie(req, reply, token);
        return me;
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { config: { access: 'session' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 200: OkResponse } } },
      async (req, reply) => {
        await auth.logout(req.actor!, req.session!.id);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        config: { access: 'session' },
        schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Me } },
      },
      async (req) => req.session!.me,
    );

    app.post(
      '/api/v1/auth/password',
      {
        config: { access: 'session' },
        schema: {
          tags: ['auth'],
          summary: "Change one's own password",
          body: ChangePasswordBody,
          response: { 200: OkResponse },
        },
      },
      async (req) => {
        await auth.changePassword(req.actor!, req.session!.id, req.body);
        return { ok: true as const };
      },
    );
  };
