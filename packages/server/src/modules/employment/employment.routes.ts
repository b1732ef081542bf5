import {
  CreateEmployerBody,
  CreateSupplyBody,
  CreateVacancyBody,
  EmployerOut,
  EmployerPage,
  EmployersQuery,
  PersonEmploymentOut,
  SupplyImportOut,
  SupplyImportQuery,
  SupplyOut,
  SupplyPage,
  SupplyQuery,
  UpdateSupplyBody,
  VacanciesQuery,
  VacancyOut,
  VacancyPage,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.js';
import { MAX_IMPORT_FILE_BYTES, templateWorkbook } from '../../platform/sheet-import.js';
import { employmentPolicy } from './employment.policy.js';
import type { EmploymentService } from './employment.service.js';
import { SUPPLY_COLUMNS } from './employment.sheet.js';
import { importRoutes } from './employment.routes-imports.js';
import { reportRoutes } from './employment.routes-reports.js';
import { serviceRoutes } from './employment.routes-services.js';

const Id = z.object({ id: z.coerce.number().int().positive() });
const { read, collect, employers } = employmentPolicy.table;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const P = '/api/v1/employment';

/** HTTP only: schema in, one service call, presenter out (docs/modules/employment.md lists the routes). */
export function employmentRoutes(service: EmploymentService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['employment'];

    // ---- labour supply
    app.get(
      `${P}/supply`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Labour supply records in your area',
          querystring: SupplyQuery,
          response: { 200: SupplyPage },
        },
      },
      (req) => service.listSupply(req.actor!, req.query),
    );
    app.post(
      `${P}/supply`,
      {
        config: { access: collect },
        schema: {
          tags,
          summary: 'Register a labour supply record (TT 01/2022 Mẫu 01)',
          body: CreateSupplyBody,
          response: { 201: SupplyOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.createSupply(req.actor!, req.body)),
    );
    app.get(
      `${P}/supply/:id`,
      {
        config: { access: read },
        schema: { tags, summary: 'One labour supply record', params: Id, response: { 200: SupplyOut } },
      },
      (req) => service.getSupply(req.actor!, req.params.id),
    );
    app.patch(
      `${P}/supply/:id`,
      {
        config: { access: collect },
        schema: {
          tags,
          summary: "A change in the person's situation (an event)",
          params: Id,
          body: UpdateSupplyBody,
          response: { 200: SupplyOut },
        },
      },
      (req) => service.updateSupply(req.actor!, req.params.id, req.body),
    );
    app.get(
      `${P}/supply/template.xlsx`,
      { config: { access: collect }, schema: { tags, summary: 'The import template' } },
      async (_req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="mau-cung-lao-dong.xlsx"')
          .send(await templateWorkbook('Cung lao động', SUPPLY_COLUMNS)),
    );
    app.post(
      `${P}/supply/import`,
      {
        config: { access: collect },
        schema: {
          tags,
          summary: 'Import an XLSX/CSV (multipart field "file"): dry run or commit',
          querystring: SupplyImportQuery,
          response: { 200: SupplyImportOut },
        },
      },
      async (req) => {
        if (!req.isMultipart())
          throw errors.badRequest('FILE_REQUIRED', 'Chọn một tệp Excel (.xlsx) hoặc CSV để nhập.');
        const part = await req.file({ limits: { fileSize: MAX_IMPORT_FILE_BYTES } });
        if (!part) throw errors.badRequest('FILE_REQUIRED', 'Chọn một tệp Excel (.xlsx) hoặc CSV để nhập.');
        const data = await part.toBuffer().catch(() => {
          throw errors.badRequest(
            'FILE_TOO_LARGE',
            'Tệp lớn hơn 20 MB. Chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.',
          );
        });
        return service.importSupply(req.actor!, { name: part.filename, data }, req.query.mode);
      },
    );
    app.get(
      `${P}/supply/import/:id/errors.xlsx`,
      {
        config: { access: collect },
        schema: { tags, summary: 'The rejected rows of an import, with what to fix', params: Id },
      },
      async (req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="dong-loi.xlsx"')
          .send(await service.importErrors(req.actor!, req.params.id)),
    );
    app.get(
      `${P}/supply/:id/overview`,
      {
        config: { access: read },
        schema: { tags, summary: "A person's employment page", params: Id, response: { 200: PersonEmploymentOut } },
      },
      (req) => service.personEmployment(req.actor!, { supplyId: req.params.id }),
    );
    app.get(
      `${P}/persons/:id`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'The employment page of a registry person',
          params: Id,
          response: { 200: PersonEmploymentOut },
        },
      },
      (req) => service.personEmployment(req.actor!, { personId: req.params.id }),
    );

    // ---- employers and vacancies
    app.get(
      `${P}/employers`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Employers of the province',
          querystring: EmployersQuery,
          response: { 200: EmployerPage },
        },
      },
      (req) => service.listEmployers(req.actor!, req.query),
    );
    app.post(
      `${P}/employers`,
      {
        config: { access: employers },
        schema: { tags, summary: 'Add an employer', body: CreateEmployerBody, response: { 201: EmployerOut } },
      },
      async (req, reply) => reply.code(201).send(await service.createEmployer(req.actor!, req.body)),
    );
    app.get(
      `${P}/vacancies`,
      {
        config: { access: read },
        schema: { tags, summary: 'The vacancy board', querystring: VacanciesQuery, response: { 200: VacancyPage } },
      },
      (req) => service.listVacancies(req.actor!, req.query),
    );
    app.post(
      `${P}/vacancies`,
      {
        config: { access: employers },
        schema: { tags, summary: 'Post a vacancy', body: CreateVacancyBody, response: { 201: VacancyOut } },
      },
      async (req, reply) => reply.code(201).send(await service.createVacancy(req.actor!, req.body)),
    );

    await app.register(serviceRoutes(service));
    await app.register(reportRoutes(service));
    await app.register(importRoutes(service));
  };
}
