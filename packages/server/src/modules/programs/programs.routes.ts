import {
  CreateProgramBody,
  GenerateListsBody,
  BackgroundJobOut,
  ProgramProgress,
  ProgramList,
  ProgramOut,
  ProgramRuleIn,
  ProgressQuery,
  PublicFacets,
  PublicList,
  PublicListPage,
  Totals,
  TotalsQuery,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Page, T, tags } from './programs.http.js';
import type { ProgramsService } from './programs.service.js';
import { programsListRoutes } from './programs.lists.routes.js';
import { programsPaymentRoutes } from './programs.payments.routes.js';
import { programsImportRoutes } from './programs.import.routes.js';

/** The programs module's HTTP API: the catalogue, progress and totals, published lists, and (below) lists and payments. */
export function programsRoutes(service: ProgramsService): FastifyPluginAsyncZod {
  return async (app) => {
    const pay = service.payments;
    app.get(
      '/api/v1/programs',
      { config: { access: T.read }, schema: { tags, summary: 'Support programs', response: { 200: ProgramList } } },
      (req) => service.listPrograms(req.actor!),
    );
    app.get(
      '/api/v1/programs/:id',
      {
        config: { access: T.read },
        schema: { tags, summary: 'One program with its rules', params: IdParams, response: { 200: ProgramOut } },
      },
      (req) => service.getProgram(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/programs',
      {
        config: { access: T.manage },
        schema: {
          tags,
          summary: 'Create a program with its first rule',
          body: CreateProgramBody,
          response: { 201: ProgramOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.createProgram(req.actor!, req.body)),
    );
    app.post(
      '/api/v1/programs/:id/rules',
      {
        config: { access: T.manage },
        schema: {
          tags,
          summary: 'Add a rule in force from a date',
          params: IdParams,
          body: ProgramRuleIn,
          response: { 200: ProgramOut },
        },
      },
      (req) => service.addRule(req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/v1/programs/:id/lists',
      {
        config: { access: T.prepare },
        schema: {
          tags,
          summary:
            'Generate lists from the rule (one commune, or every commune without one): a background job; ' +
            'poll GET /api/v1/jobs/:id, whose result is { lists, entries, listIds }',
          params: IdParams,
          body: GenerateListsBody,
          response: { 202: BackgroundJobOut },
        },
      },
      async (req, reply) => reply.code(202).send(await service.startGenerate(req.actor!, req.params.id, req.body)),
    );
    app.get(
      '/api/v1/programs/:id/check',
      {
        config: { access: T.check },
        schema: {
          tags,
          summary: "Check every list of a period in the actor's area",
          params: IdParams,
          querystring: z.object({ period: z.string().min(4) }),
        },
      },
      (req) => service.checkAll(req.actor!, req.params.id, req.query.period),
    );
    app.get(
      '/api/v1/program-progress',
      {
        config: { access: T.report },
        schema: {
          tags,
          summary: 'Lists by state per area, and communes still missing',
          querystring: ProgressQuery,
          response: { 200: ProgramProgress },
        },
      },
      (req) => service.progress(req.actor!, req.query),
    );
    app.get(
      '/api/v1/program-totals',
      {
        config: { access: T.report },
        schema: {
          tags,
          summary: 'Approved and paid, by area or category',
          querystring: TotalsQuery,
          response: { 200: Totals },
        },
      },
      (req) => pay.totals(req.actor!, req.query),
    );
    app.get(
      '/api/v1/public/lists',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Published lists (no account needed)',
          querystring: Page.extend({
            programId: z.coerce.number().int().positive().optional(),
            areaCode: z.string().max(20).optional(),
            /** A beneficiary's name, accents optional: lists holding someone of that name. */
            name: z.string().trim().max(100).optional(),
          }),
          response: { 200: PublicListPage },
        },
      },
      (req) => service.publicLists(req.query, { ip: req.ip }),
    );
    app.get(
      '/api/v1/public/lists/facets',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Programs and communes that have a published list', response: { 200: PublicFacets } },
      },
      () => service.publicFacets(),
    );
    app.get(
      '/api/v1/public/lists/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A published list with masked personal data',
          params: IdParams,
          response: { 200: PublicList },
        },
      },
      (req) => service.publicList(req.params.id, { ip: req.ip }),
    );
    await app.register(programsListRoutes(service));
    await app.register(programsPaymentRoutes(service));
    await app.register(programsImportRoutes(service));
  };
}
