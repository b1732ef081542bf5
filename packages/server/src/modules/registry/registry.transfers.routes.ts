import {
  CreateTransferBody,
  DecideTransferBody,
  TransferIncoming,
  TransferList,
  TransferOutgoing,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registryPolicy } from './registry.policy.js';
import type { RegistryService } from './registry.service.js';

const { read, write } = registryPolicy.table;
const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** Transfer requests between communes (yêu cầu chuyển đến): docs/legal/identity.md, "No ID oracle across areas". */
export const registryTransferRoutes =
  (registry: RegistryService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['registry'];
    app.get(
      '/api/v1/registry/transfers',
      {
        config: { access: read },
        schema: {
          tags,
          summary: "Transfer requests to the actor's area (to decide) and from it (answers)",
          response: { 200: TransferList },
        },
      },
      (req) => registry.listTransfers(req.actor!),
    );
    app.post(
      '/api/v1/registry/transfers',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'Ask the commune holding a citizen ID to transfer the person (the holder is not revealed)',
          body: CreateTransferBody,
          response: { 201: TransferOutgoing },
        },
      },
      async (req, reply) => reply.code(201).send(await registry.requestTransfer(req.actor!, req.body)),
    );
    app.post(
      '/api/v1/registry/transfers/:id/decision',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'Accept (the person moves) or refuse with a reason',
          params: IdParams,
          body: DecideTransferBody,
          response: { 200: TransferIncoming },
        },
      },
      (req) => registry.decideTransfer(req.actor!, req.params.id, req.body),
    );
  };
