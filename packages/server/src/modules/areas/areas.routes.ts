import { AreaList, AreaOut, AreaParams, AreasQuery } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AreasService } from './areas.service.js';

export const areasRoutes =
  (areas: AreasService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/areas',
      {
        config: { access: 'session' },
        schema: {
          tags: ['areas'],
          summary: "Children of an area (?parent=CODE), a name search (?q=), or the actor's home area",
          querystring: AreasQuery,
          response: { 200: AreaList },
        },
      },
      (req) => areas.list(req.actor!, req.query),
    );
    app.get(
      '/api/v1/areas/:code',
      {
        config: { access: 'session' },
        schema: { tags: ['areas'], summary: 'One area by GSO code', params: AreaParams, response: { 200: AreaOut } },
      },
      (req) => areas.get(req.actor!, req.params.code),
    );
  };
