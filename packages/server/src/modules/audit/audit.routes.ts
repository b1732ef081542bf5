import { AuditPage, AuditQuery } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditService } from './audit.service.js';

export const auditRoutes =
  (audit: AuditService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/audit',
      {
        config: { access: ['admin', 'inspector'] },
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first, filterable',
          querystring: AuditQuery,
          response: { 200: AuditPage },
        },
      },
      (req) => audit.list(req.actor!, req.query),
    );
  };
