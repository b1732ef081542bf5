import { ActivitiesQuery, ActivityBody, ActivityOut, ActivityPage, OkResponse } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activitiesPolicy } from './activities.policy.js';
import type { ActivitiesService } from './activities.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const { read, record } = activitiesPolicy.table;
const P = '/api/v1/activities';
const tags = ['activities'];

/** HTTP only: schema in, one service call, presenter out (the service presents). */
export function activitiesRoutes(service: ActivitiesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      P,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Activities in your area',
          querystring: ActivitiesQuery,
          response: { 200: ActivityPage },
        },
      },
      (req) => service.listActivities(req.actor!, req.query),
    );
    app.post(
      P,
      {
        config: { access: record },
        schema: { tags, summary: 'Record an activity', body: ActivityBody, response: { 201: ActivityOut } },
      },
      async (req, reply) => reply.code(201).send(await service.recordActivity(req.actor!, req.body)),
    );
    app.get(
      `${P}/:id`,
      {
        config: { access: read },
        schema: { tags, summary: 'One activity', params: IdParams, response: { 200: ActivityOut } },
      },
      (req) => service.getActivity(req.actor!, req.params.id),
    );
    app.put(
      `${P}/:id`,
      {
        config: { access: record },
        schema: {
          tags,
          summary: 'Correct an activity',
          params: IdParams,
          body: ActivityBody,
          response: { 200: ActivityOut },
        },
      },
      (req) => service.updateActivity(req.actor!, req.params.id, req.body),
    );
    app.delete(
      `${P}/:id`,
      {
        config: { access: record },
        schema: {
          tags,
          summary: 'Remove an activity recorded by mistake',
          params: IdParams,
          response: { 200: OkResponse },
        },
      },
      (req) => service.removeActivity(req.actor!, req.params.id),
    );
  };
}
