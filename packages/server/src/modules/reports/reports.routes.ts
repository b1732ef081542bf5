import {
  AgencySettings,
  CreateIndicatorBody,
  CreatePlanBody,
  CreateReportBody,
  Dashboard,
  DashboardQuery,
  EnteredValueOut,
  EnteredValuePage,
  EnteredValuesQuery,
  EnterValueBody,
  FigureQuery,
  FigureTrace,
  IndicatorList,
  IndicatorOut,
  PlanList,
  PlanOut,
  PlanQuery,
  PlansQuery,
  ReportChanges,
  ReportOut,
  ReportPage,
  ReportPreview,
  ReportsQuery,
  TargetBody,
  TemplateList,
  UpdateReportBody,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportsPolicy } from './reports.policy.js';
import type { ReportsService } from './reports.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const TargetParams = z.object({ id: z.coerce.number().int().positive(), targetId: z.coerce.number().int().positive() });
const { read, manage } = reportsPolicy.table;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="${name}"`;

export function reportsRoutes(service: ReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['reports'];

    app.get(
      '/api/v1/reports/indicators',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'The indicator catalogue: computed by the modules and entered with a source',
          response: { 200: IndicatorList },
        },
      },
      (req) => service.indicators(req.actor!),
    );
    app.post(
      '/api/v1/reports/indicators',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Add an indicator whose values are entered',
          body: CreateIndicatorBody,
          response: { 201: IndicatorOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.createIndicator(req.actor!, req.body)),
    );
    app.get(
      '/api/v1/reports/values',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Entered values with their sources',
          querystring: EnteredValuesQuery,
          response: { 200: EnteredValuePage },
        },
      },
      (req) => service.values(req.actor!, req.query),
    );
    app.post(
      '/api/v1/reports/values',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Enter a value with its source',
          body: EnterValueBody,
          response: { 201: EnteredValueOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.enterValue(req.actor!, req.body)),
    );
    app.get(
      '/api/v1/reports/figure',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'A figure, how it was obtained and the records behind it (traceability)',
          querystring: FigureQuery,
          response: { 200: FigureTrace },
        },
      },
      (req) => service.figure(req.actor!, req.query),
    );
    app.get(
      '/api/v1/reports/dashboard',
      {
        config: { access: read },
        schema: {
          tags,
          summary: "The year's targets and progress as of a date, by area, trend and attention items",
          querystring: DashboardQuery,
          response: { 200: Dashboard },
        },
      },
      (req) => service.dashboard(req.actor!, req.query),
    );

    app.get(
      '/api/v1/plans',
      {
        config: { access: read },
        schema: { tags, summary: "Plans of the actor's area", querystring: PlansQuery, response: { 200: PlanList } },
      },
      (req) => service.plans(req.actor!, req.query.year),
    );
    app.post(
      '/api/v1/plans',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Record a plan issued by a document, with its targets',
          body: CreatePlanBody,
          response: { 201: PlanOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.createPlan(req.actor!, req.body)),
    );
    app.get(
      '/api/v1/plans/:id',
      {
        config: { access: read },
        schema: {
          tags,
          summary: "A plan with each target's progress as of a date",
          params: IdParams,
          querystring: PlanQuery,
          response: { 200: PlanOut },
        },
      },
      (req) => service.getPlan(req.actor!, req.params.id, req.query.asOf),
    );
    app.post(
      '/api/v1/plans/:id/targets',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: "Set a target (for the plan's area or split to a district or commune)",
          params: IdParams,
          body: TargetBody,
          response: { 200: PlanOut },
        },
      },
      (req) => service.setTarget(req.actor!, req.params.id, req.body),
    );
    app.delete(
      '/api/v1/plans/:id/targets/:targetId',
      {
        config: { access: manage },
        schema: { tags, summary: 'Remove a target', params: TargetParams, response: { 200: PlanOut } },
      },
      (req) => service.deleteTarget(req.actor!, req.params.id, req.params.targetId),
    );

    app.get(
      '/api/v1/reports/templates',
      {
        config: { access: read },
        schema: { tags, summary: 'The shipped report templates', response: { 200: TemplateList } },
      },
      (req) => service.templates(req.actor!),
    );
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
          summary: 'Issue: number the report and freeze its figures',
          params: IdParams,
          response: { 200: ReportOut },
        },
      },
      (req) => service.issue(req.actor!, req.params.id),
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
