import {
  CorrectValueBody,
  CreateIndicatorBody,
  OverrideBody,
  ReportsPolicySettings,
  ReportsPolicySettingsBody,
  WithdrawValueBody,
  CreatePlanBody,
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
  TargetBody,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportsPolicy } from './reports.policy.js';
import { reportDocumentsRoutes } from './reports.documents.routes.js';
import type { ReportsService } from './reports.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const TargetParams = z.object({ id: z.coerce.number().int().positive(), targetId: z.coerce.number().int().positive() });
const { read, manage } = reportsPolicy.table;

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
      '/api/v1/reports/values/:id/history',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'An entered value with every correction and withdrawal of the same figure',
          params: IdParams,
          response: { 200: z.object({ items: z.array(EnteredValueOut) }) },
        },
      },
      (req) => service.valueHistory(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/reports/values/:id/correct',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Correct an entered value: a new value supersedes it, with the reason (history kept)',
          params: IdParams,
          body: CorrectValueBody,
          response: { 201: EnteredValueOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.correctValue(req.actor!, req.params.id, req.body)),
    );
    app.post(
      '/api/v1/reports/values/:id/withdraw',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Withdraw an entered value, with the reason',
          params: IdParams,
          body: WithdrawValueBody,
          response: { 200: EnteredValueOut },
        },
      },
      (req) => service.withdrawValue(req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/v1/reports/overrides',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Type a value in place of a computed figure, with a written reason ("số liệu nhập thay")',
          body: OverrideBody,
          response: { 201: EnteredValueOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.overrideValue(req.actor!, req.body)),
    );
    app.get(
      '/api/v1/reports/rules',
      {
        config: { access: read },
        schema: {
          tags,
          summary: "The province's report rules: records kept since (per module), issuing with missing figures",
          response: { 200: ReportsPolicySettings },
        },
      },
      (req) => service.reportRules(req.actor!),
    );
    app.put(
      '/api/v1/reports/rules',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: "Change the province's report rules (the Department only)",
          body: ReportsPolicySettingsBody,
          response: { 200: ReportsPolicySettings },
        },
      },
      (req) => service.putReportRules(req.actor!, req.body),
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

    // Templates, the issuing agency and report documents, on the same instance.
    await reportDocumentsRoutes(service)(app, {});
  };
}
