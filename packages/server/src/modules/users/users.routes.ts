import { CreateUserBody, PatchUserBody, UserOut, UserPage, UsersQuery } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UsersService } from './users.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

export const usersRoutes =
  (users: UsersService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['users'];
    app.get(
      '/api/v1/users',
      {
        config: { access: ['admin'] },
        schema: { tags, summary: "Accounts in the actor's area", querystring: UsersQuery, response: { 200: UserPage } },
      },
      (req) => users.list(req.actor!, req.query),
    );
    app.get(
      '/api/v1/users/:id',
      {
        config: { access: ['admin'] },
        schema: { tags, summary: 'One account', params: IdParams, response: { 200: UserOut } },
      },
      (req) => users.get(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/users',
      {
        config: { access: ['admin'] },
        schema: { tags, summary: 'Create an account', body: CreateUserBody, response: { 201: UserOut } },
      },
      async (req, reply) => reply.code(201).send(await users.create(req.actor!, req.body)),
    );
    app.patch(
      '/api/v1/users/:id',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Edit, disable or reset the password of an account',
          params: IdParams,
          body: PatchUserBody,
          response: { 200: UserOut },
        },
      },
      (req) => users.update(req.actor!, req.params.id, req.body),
    );
  };
