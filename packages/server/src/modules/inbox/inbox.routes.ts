import { InboxOut } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inboxPolicy } from './inbox.policy.js';
import type { InboxService } from './inbox.service.js';

export function inboxRoutes(service: InboxService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/inbox',
      {
        config: { access: inboxPolicy.table.read },
        schema: {
          tags: ['inbox'],
          summary: 'What waits for me: lists, dossiers, remarks, petitions and imports, most urgent first',
          response: { 200: InboxOut },
        },
      },
      (req) => service.inbox(req.actor!),
    );
  };
}
