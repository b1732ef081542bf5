import {
  BackgroundJobOut,
  AgencySettings,
  CreateReportBody,
  IssueBody,
  MissingList,
  ReportChanges,
  ReportOut,
  ReportPage,
  ReportPreview,
  ReportsQuery,
  UpdateReportBody,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportsPolicy } from './reports.policy.js';
import type { ReportsService } from './reports.service.js';
import { reportTemplatesRoutes } from './reports.templates.routes.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const { read, manage } = reportsPolicy.table;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="${name}"`;

/** Report templates, the issuing agency and report documents (registered by reportsRoutes). */
export function reportDocumentsRoutes(service: ReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['reports'];
    await reportTemplatesRoutes(service)(app, {});

    app.get(
      '/api/v1/reports/settings',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'The issuing agency: names, number symbol, place, signer',
          response: { 200: AgencySettings },
        },
      },
      (req) => service.settings(req.actor!),
    );
    app.put(
      '/api/v1/reports/settings',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Change the issuing agency (the Department only)',
          body: AgencySettings,
          response: { 200: AgencySettings },
        },
      },
      (req) => service.putSettings(req.actor!, req.body),
    );

    app.get(
      '/api/v1/reports',
      {
        config: { access: read },
        schema: {
          tags,
          summary: "Report documents of the actor's area",
          querystring: ReportsQuery,
          response: { 200: ReportPage },
        },
      },
      (req) => service.list(req.actor!, req.query),
    );
    app.post(
      '/api/v1/reports',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Start a report from a template for a year or quarter, an area and an as-of date',
          body: CreateReportBody,
          response: { 201: ReportOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.create(req.actor!, req.body)),
    );
    app.get(
      '/api/v1/reports/:id',
      {
        config: { access: read },
        schema: { tags, summary: 'One report', params: IdParams, response: { 200: ReportOut } },
      },
      (req) => service.get(req.actor!, req.params.id),
    );
    app.patch(
      '/api/v1/reports/:id',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Edit the narrative of a draft',
          params: IdParams,
          body: UpdateReportBody,
          response: { 200: ReportOut },
        },
      },
      (req) => service.update(req.actor!, req.params.id, req.body),
    );
    app.get(
      '/api/v1/reports/:id/preview',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'The report written out, each figure with how it was obtained',
          params: IdParams,
          response: { 200: ReportPreview },
        },
      },
      (req) => service.preview(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/reports/:id/issue',
      {
        config: { access: manage },
        schema: {
          tags,
          summary:
            'Issue: number the report and freeze its figures. With missing figures or template notes: 409 REPORT_MISSING unless acceptMissing (and the province does not refuse)',
          params: IdParams,
          body: IssueBody.nullish(),
          response: { 200: ReportOut },
        },
      },
      (req) => service.issue(req.actor!, req.params.id, req.body ?? {}),
    );
    app.get(
      '/api/v1/reports/:id/missing',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'What the report still lacks ("[chưa có số liệu]" figures, template notes) and the issuing rule',
          params: IdParams,
          response: { 200: MissingList },
        },
      },
      (req) => service.missing(req.actor!, req.params.id),
    );
    app.get(
      '/api/v1/reports/:id/changes',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Figures of an issued report that changed since it was issued',
          params: IdParams,
          response: { 200: ReportChanges },
        },
      },
      (req) => service.changes(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/reports/:id/docx-jobs',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Render the report as DOCX in the background; download it from GET /api/v1/jobs/:id/file',
          params: IdParams,
          response: { 202: BackgroundJobOut },
        },
      },
      async (req, reply) => reply.code(202).send(await service.startDocx(req.actor!, req.params.id)),
    );
    app.get(
      '/api/v1/reports/:id/document.docx',
      {
        config: { access: read },
        schema: { tags, summary: 'The report as DOCX (Decree 30/2020 layout)', params: IdParams },
      },
      async (req, reply) => {
        const f = await service.docx(req.actor!, req.params.id);
        return reply.type(DOCX).header('content-disposition', attachment(f.fileName)).send(f.data);
      },
    );
    app.get(
      '/api/v1/reports/:id/annex.xlsx',
      {
        config: { access: read },
        schema: { tags, summary: 'The XLSX annex: every figure and its breakdown by area', params: IdParams },
      },
      async (req, reply) => {
        const f = await service.annex(req.actor!, req.params.id);
        return reply.type(XLSX).header('content-disposition', attachment(f.fileName)).send(f.data);
      },
    );
  };
}
