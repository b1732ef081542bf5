import { AgencyBody, AgencyList, AgencyOut, PatchAgencyBody } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AgenciesService } from './agencies.service.js';
import { agenciesPolicy } from './agencies.policy.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

export const agenciesRoutes =
  (agencies: AgenciesService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['agencies'];
    const read = { access: agenciesPolicy.table.read };
    const manage = { access: agenciesPolicy.table.manage };
    app.get(
      '/api/v1/agencies',
      { config: read, schema: { tags, summary: "Agencies of the actor's province", response: { 200: AgencyList } } },
      (req) => agencies.list(req.actor!),
    );
    app.get(
      '/api/v1/agencies/:id',
      { config: read, schema: { tags, summary: 'One agency', params: IdParams, response: { 200: AgencyOut } } },
      (req) => agencies.get(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/agencies',
      {
        config: manage,
        schema: { tags, summary: 'Add an agency to the province', body: AgencyBody, response: { 201: AgencyOut } },
      },
      async (req, reply) => reply.code(201).send(await agencies.create(req.actor!, req.body)),
    );
    app.patch(
      '/api/v1/agencies/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit an agency (its header, symbol, signer, recipients, fields, dates)',
          params: IdParams,
          body: PatchAgencyBody,
          response: { 200: AgencyOut },
        },
      },
      (req) => agencies.update(req.actor!, req.params.id, req.body),
    );
  };
