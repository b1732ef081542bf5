import {
  CreateHouseholdBody,
  ImportJobOut,
  CreatePersonBody,
  DuplicateDecisionBody,
  DuplicateList,
  EndStatusBody,
  GrantStatusBody,
  HouseholdEventBody,
  HouseholdOut,
  HouseholdPage,
  HouseholdsQuery,
  PatchHouseholdBody,
  PatchPersonBody,
  PersonOut,
  PersonPage,
  PersonsQuery,
  StatusOut,
  Timeline,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registryPolicy } from './registry.policy.js';
import { errors } from '../../platform/errors.js';
import type { RegistryImport } from './registry.import.js';
import type { RegistryService } from './registry.service.js';
import { MAX_IMPORT_BYTES, templateXlsx } from './registry.sheet.js';
import { registryTransferRoutes } from './registry.transfers.routes.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const { read, write, merge, export: exporters } = registryPolicy.table;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ImportQuery = z.object({ mode: z.enum(['dry_run', 'commit']).default('dry_run') });
const attachment = (name: string) => `attachment; filename="${name}"`;

export const registryRoutes =
  (registry: RegistryService, imports: RegistryImport): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['registry'];
    app.get(
      '/api/v1/persons',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Search persons (name without accents, citizen ID, household code, phone) with filters',
          querystring: PersonsQuery,
          response: { 200: PersonPage },
        },
      },
      (req) => registry.searchPersons(req.actor!, req.query),
    );
    app.get(
      '/api/v1/persons/:id',
      {
        config: { access: read },
        schema: { tags, summary: 'One person with statuses', params: IdParams, response: { 200: PersonOut } },
      },
      (req) => registry.getPerson(req.actor!, req.params.id),
    );
    app.get(
      '/api/v1/persons/:id/timeline',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Everything that happened to a person',
          params: IdParams,
          response: { 200: Timeline },
        },
      },
      (req) => registry.personTimeline(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/persons',
      {
        config: { access: write },
        schema: { tags, summary: 'Register a person', body: CreatePersonBody, response: { 201: PersonOut } },
      },
      async (req, reply) => reply.code(201).send(await registry.createPerson(req.actor!, req.body)),
    );
    app.patch(
      '/api/v1/persons/:id',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'Edit a person',
          params: IdParams,
          body: PatchPersonBody,
          response: { 200: PersonOut },
        },
      },
      (req) => registry.updatePerson(req.actor!, req.params.id, req.body),
    );

    app.get(
      '/api/v1/households',
      {
        config: { access: read },
        schema: { tags, summary: 'Search households', querystring: HouseholdsQuery, response: { 200: HouseholdPage } },
      },
      (req) => registry.searchHouseholds(req.actor!, req.query),
    );
    app.get(
      '/api/v1/households/:id',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'One household with members, statuses and history',
          params: IdParams,
          response: { 200: HouseholdOut },
        },
      },
      (req) => registry.getHousehold(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/households',
      {
        config: { access: write },
        schema: { tags, summary: 'Register a household', body: CreateHouseholdBody, response: { 201: HouseholdOut } },
      },
      async (req, reply) => reply.code(201).send(await registry.createHousehold(req.actor!, req.body)),
    );
    app.patch(
      '/api/v1/households/:id',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'Edit a household',
          params: IdParams,
          body: PatchHouseholdBody,
          response: { 200: HouseholdOut },
        },
      },
      (req) => registry.updateHousehold(req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/v1/households/:id/events',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'Record a move, split, merge or dissolution',
          params: IdParams,
          body: HouseholdEventBody,
          response: { 200: HouseholdOut },
        },
      },
      (req) => registry.householdEvent(req.actor!, req.params.id, req.body),
    );

    app.post(
      '/api/v1/statuses',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'Grant a status with its decision',
          body: GrantStatusBody,
          response: { 201: StatusOut },
        },
      },
      async (req, reply) => reply.code(201).send(await registry.grantStatus(req.actor!, req.body)),
    );
    app.post(
      '/api/v1/statuses/:id/end',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'End a status (history is kept)',
          params: IdParams,
          body: EndStatusBody,
          response: { 200: StatusOut },
        },
      },
      (req) => registry.endStatus(req.actor!, req.params.id, req.body),
    );

    app.get(
      '/api/v1/registry/duplicates',
      {
        config: { access: merge },
        schema: { tags, summary: "Likely duplicates in the actor's area", response: { 200: DuplicateList } },
      },
      (req) => registry.duplicates(req.actor!),
    );
    app.post(
      '/api/v1/registry/duplicates/decisions',
      {
        config: { access: merge },
        schema: {
          tags,
          summary: 'Confirm different people, or merge',
          body: DuplicateDecisionBody,
          response: { 200: z.object({ ok: z.literal(true), keptId: z.number().int().nullable() }) },
        },
      },
      (req) => registry.decideDuplicate(req.actor!, req.body),
    );

    app.get(
      '/api/v1/persons/export.xlsx',
      {
        config: { access: exporters },
        schema: { tags, summary: 'The filtered list of persons as XLSX', querystring: PersonsQuery },
      },
      async (req, reply) => {
        const stream = await registry.exportPersons(req.actor!, req.query);
        return reply.type(XLSX).header('content-disposition', attachment('danh-sach-nhan-khau.xlsx')).send(stream);
      },
    );
    app.get(
      '/api/v1/registry/import/template.xlsx',
      {
        config: { access: write },
        schema: { tags, summary: 'The import template with Vietnamese headers and an example row' },
      },
      async (_req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', attachment('mau-nhap-nhan-khau.xlsx'))
          .send(await templateXlsx()),
    );
    app.post(
      '/api/v1/registry/imports',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'Upload an XLSX/CSV (multipart field "file"): dry run or commit; answers a job to poll',
          querystring: ImportQuery,
          response: { 202: ImportJobOut },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw errors.badRequest('FILE_REQUIRED', 'Chọn một tệp Excel (.xlsx) hoặc CSV để nhập.');
        const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES } });
        if (!part) throw errors.badRequest('FILE_REQUIRED', 'Chọn một tệp Excel (.xlsx) hoặc CSV để nhập.');
        const data = await part.toBuffer().catch(() => {
          throw errors.badRequest(
            'FILE_TOO_LARGE',
            `Tệp lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.`,
          );
        });
        return reply.code(202).send(await imports.start(req.actor!, { name: part.filename, data }, req.query.mode));
      },
    );
    app.get(
      '/api/v1/registry/imports',
      {
        config: { access: write },
        schema: {
          tags,
          summary: "The last 20 import jobs of the actor's area",
          response: { 200: z.object({ items: z.array(ImportJobOut) }) },
        },
      },
      async (req) => ({ items: await imports.listJobs(req.actor!) }),
    );
    app.get(
      '/api/v1/registry/imports/:id',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'An import job: progress and counts',
          params: IdParams,
          response: { 200: ImportJobOut },
        },
      },
      (req) => imports.getJob(req.actor!, req.params.id),
    );
    app.get(
      '/api/v1/registry/imports/:id/rejected.xlsx',
      {
        config: { access: write },
        schema: { tags, summary: 'The rejected rows with a column saying what is wrong', params: IdParams },
      },
      async (req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', attachment(`dong-loi-${req.params.id}.xlsx`))
          .send(await imports.rejectedFile(req.actor!, req.params.id)),
    );
    await app.register(registryTransferRoutes(registry));
  };
