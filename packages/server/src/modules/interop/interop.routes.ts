import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkSignature, DciError, err, newCorrelationId, readEnvelope, callbackHeader } from './interop.envelope.js';
import { crvsEventOut, partnerOut } from './interop.presenter.js';
import type { InteropService } from './interop.service.js';
import type { Partner } from './use-cases/shared.js';
import type { AsyncAction } from './use-cases/transactions.js';

const DCI = '/api/v1/dci';
const partners = new WeakMap<FastifyRequest, Partner>();
const meta = (req: FastifyRequest) => ({ ip: req.ip, requestId: String(req.id) });

/** A DCI error as the HTTP answer: status and the SPDCI error body (ack_status ERR). */
function sendDci(reply: FastifyReply, e: unknown, correlationId: string) {
  if (e instanceof DciError) return reply.code(e.httpStatus).send(err(correlationId, e.code, e.message));
  throw e;
}

const hide = { hide: true } as const;

/**
 * The SPDCI Social Registry API under /api/v1/dci (docs/modules/interop.md): partners call with
 * an OAuth2 bearer token (access 'partner', checked by this module's onRequest hook), the
 * CRVS registry calls back on its secret notify address, and officers review civil-registration
 * notifications under /api/v1/interop.
 */
export const interopRoutes =
  (svc: InteropService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.addHook('onRequest', async (req, reply) => {
      if (req.routeOptions.config.access !== 'partner') return;
      try {
        partners.set(req, await svc.authenticate(req.headers.authorization));
      } catch (e) {
        return sendDci(reply, e, newCorrelationId());
      }
    });

    app.post(
      `${DCI}/oauth2/client/token`,
      { config: { access: 'public' }, schema: { tags: ['interop'], summary: 'OAuth2 client credentials token' } },
      async (req, reply) => {
        const b = (req.body ?? {}) as Record<string, unknown>;
        let id = typeof b.client_id === 'string' ? b.client_id : '';
        let secret = typeof b.client_secret === 'string' ? b.client_secret : '';
        const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
        if (basic) [id = '', secret = ''] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
        if (b.grant_type !== undefined && b.grant_type !== 'client_credentials')
          return reply.code(400).send({ error: 'unsupported_grant_type' });
        try {
          reply.header('cache-control', 'no-store');
          return await svc.issueToken(id, secret);
        } catch {
          return reply.code(401).send({ error: 'invalid_client' });
        }
      },
    );

    const asyncRoute = (path: string, action: AsyncAction) =>
      app.post(`${DCI}/registry/${path}`, { config: { access: 'partner' }, schema: hide }, async (req, reply) => {
        const correlationId = newCorrelationId();
        try {
          const partner = partners.get(req)!;
          const env = readEnvelope(req.body, action);
          checkSignature(partner.signatureMode, partner.publicKey, env);
          return reply.code(202).send(await svc.acceptAsync(partner, env, action, correlationId, meta(req)));
        } catch (e) {
          return sendDci(reply, e, correlationId);
        }
      });
    asyncRoute('search', 'search');
    asyncRoute('subscribe', 'subscribe');
    asyncRoute('unsubscribe', 'unsubscribe');
    asyncRoute('txn/status', 'txn-status');

    app.post(`${DCI}/registry/sync/search`, { config: { access: 'partner' }, schema: hide }, async (req, reply) => {
      const correlationId = newCorrelationId();
      try {
        const partner = partners.get(req)!;
        const env = readEnvelope(req.body, 'search');
        checkSignature(partner.signatureMode, partner.publicKey, env);
        const message = await svc.searchSync(partner, env, correlationId, meta(req));
        return svc.sign({
          header: callbackHeader('on-search', String(env.header.sender_id), message.search_response.length),
          message,
        });
      } catch (e) {
        return sendDci(reply, e, correlationId);
      }
    });

    app.post(`${DCI}/registry/sync/txn/status`, { config: { access: 'partner' }, schema: hide }, async (req, reply) => {
      const correlationId = newCorrelationId();
      try {
        const partner = partners.get(req)!;
        const env = readEnvelope(req.body, 'txn-status');
        checkSignature(partner.signatureMode, partner.publicKey, env);
        const message = await svc.txnStatusSync(partner, env, correlationId);
        return svc.sign({ header: callbackHeader('txn-on-status', String(env.header.sender_id), 1), message });
      } catch (e) {
        return sendDci(reply, e, correlationId);
      }
    });

    // The CRVS registry calls back on the secret address issued when AnSinh subscribed.
    const Secret = z.object({ secret: z.string().min(16).max(128) });
    for (const [path, action] of [
      ['notify', 'notify'],
      ['on-subscribe', 'on-subscribe'],
      ['on-unsubscribe', 'on-unsubscribe'],
    ] as const)
      app.post(
        `${DCI}/crvs/:secret/registry/${path}`,
        { config: { access: 'public' }, schema: { ...hide, params: Secret } },
        async (req, reply) => {
          const correlationId = newCorrelationId();
          try {
            const partner = await svc.crvsPartnerByPath(req.params.secret);
            const env = readEnvelope(req.body, action);
            checkSignature(partner.signatureMode, partner.publicKey, env);
            if (action === 'notify') await svc.receiveCrvsNotify(partner, env);
            return {
              message: { ack_status: 'ACK', timestamp: new Date().toISOString(), correlation_id: correlationId },
            };
          } catch (e) {
            return sendDci(reply, e, correlationId);
          }
        },
      );

    const CRVS_STATES = ['proposed', 'unmatched', 'review', 'confirmed', 'rejected', 'already_recorded'];
    const States = z.object({
      state: z
        .string()
        .max(100)
        .refine((v) => v.split(',').every((x) => x === '' || CRVS_STATES.includes(x)), {
          message: `Trạng thái là một hoặc nhiều trong: ${CRVS_STATES.join(', ')}`,
        })
        .optional(),
    });
    app.get(
      '/api/v1/interop/crvs-events',
      {
        config: { access: 'session' },
        schema: { tags: ['interop'], summary: 'Civil-registration notifications', querystring: States },
      },
      async (req) => {
        const asked = (req.query.state ?? '').split(',').filter(Boolean);
        const states = asked.length ? asked : ['proposed', 'unmatched'];
        return (await svc.listCrvsEvents(req.actor!, states)).map(crvsEventOut);
      },
    );
    app.post(
      '/api/v1/interop/crvs-events/:id/decision',
      {
        config: { access: 'session' },
        schema: {
          tags: ['interop'],
          summary: 'Confirm (mark the person deceased) or reject a civil-registration notification',
          params: z.object({ id: z.coerce.number().int().positive() }),
          body: z.object({
            decision: z.enum(['confirm', 'reject']),
            personId: z.number().int().positive().optional(),
            note: z.string().max(500).optional(),
          }),
        },
      },
      async (req) => crvsEventOut(await svc.decideCrvsEvent(req.actor!, req.params.id, req.body)),
    );
    app.get(
      '/api/v1/interop/partners',
      { config: { access: 'session' }, schema: { tags: ['interop'], summary: 'Registered partner systems' } },
      async (req) => (await svc.listPartners(req.actor!)).map(partnerOut),
    );
    app.get(
      '/api/v1/interop/disclosures',
      {
        config: { access: 'session' },
        schema: {
          tags: ['interop'],
          summary: 'Disclosure log (purpose of every disclosure)',
          querystring: z.object({ partnerId: z.coerce.number().int().positive().optional() }),
        },
      },
      async (req) => svc.listDisclosures(req.actor!, req.query.partnerId ?? null),
    );
  };
