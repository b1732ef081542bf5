import {
  CreateTemplateBody,
  SaveTemplateBody,
  TemplateList,
  TemplateOut,
  TemplateQuery,
  TemplateVersionList,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportsPolicy } from './reports.policy.js';
import type { ReportsService } from './reports.service.js';

const CodeParams = z.object({ code: z.string().min(1).max(60) });
const { read, manage } = reportsPolicy.table;

/** The province's report templates: list, one, its versions, create, save a new version, archive. */
export function reportTemplatesRoutes(service: ReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['reports'];
    app.get(
      '/api/v1/reports/templates',
      {
        config: { access: read },
        schema: {
          tags,
          summary: "The province's report templates (archived ones with archived=true), each at its current version",
          querystring: TemplateQuery,
          response: { 200: TemplateList },
        },
      },
      (req) => service.templates(req.actor!, req.query),
    );
    app.get(
      '/api/v1/reports/templates/:code',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'One template at its current version',
          params: CodeParams,
          response: { 200: TemplateOut },
        },
      },
      (req) => service.template(req.actor!, req.params.code),
    );
    app.get(
      '/api/v1/reports/templates/:code/versions',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'The saved versions of a template, the newest first',
          params: CodeParams,
          response: { 200: TemplateVersionList },
        },
      },
      (req) => service.templateVersions(req.actor!, req.params.code),
    );
    app.post(
      '/api/v1/reports/templates',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Create a template of the province (the Department only); its figures are checked',
          body: CreateTemplateBody,
          response: { 201: TemplateOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.createTemplate(req.actor!, req.body)),
    );
    app.put(
      '/api/v1/reports/templates/:code',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Save a template as its next version; reports keep the version they were made from',
          params: CodeParams,
          body: SaveTemplateBody,
          response: { 200: TemplateOut },
        },
      },
      (req) => service.updateTemplate(req.actor!, req.params.code, req.body),
    );
    app.post(
      '/api/v1/reports/templates/:code/archive',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Archive a template (no new reports from it) or bring it back (archived: false)',
          params: CodeParams,
          body: z.object({ archived: z.boolean().default(true) }),
          response: { 200: TemplateOut },
        },
      },
      (req) => service.archiveTemplate(req.actor!, req.params.code, req.body.archived),
    );
  };
}
