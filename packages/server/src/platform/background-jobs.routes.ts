import { BackgroundJobOut } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BackgroundJobs } from './background-jobs.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['jobs'];

/** Types a finished job's file may have (anything else goes out as bytes). */
const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The status of a background job and its file. Any signed-in user may ask: the job answers only
 * to the actor who started it and to those the job's module lets see its record (404 otherwise).
 */
export function backgroundJobsRoutes(jobs: BackgroundJobs): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/jobs/:id',
      {
        config: { access: 'session' },
        schema: {
          tags,
          summary: 'A background job: progress, result or error',
          params: IdParams,
          response: { 200: BackgroundJobOut },
        },
      },
      (req) => jobs.get(req.actor!, req.params.id),
    );
    app.get(
      '/api/v1/jobs/:id/file',
      {
        config: { access: 'session' },
        schema: { tags, summary: 'The file a finished background job made', params: IdParams },
      },
      async (req, reply) => {
        const f = await jobs.file(req.actor!, req.params.id);
        const type = TYPES[f.name.split('.').pop() ?? ''] ?? 'application/octet-stream';
        return reply.type(type).header('content-disposition', `attachment; filename="${f.name}"`).send(f.data);
      },
    );
  };
}
