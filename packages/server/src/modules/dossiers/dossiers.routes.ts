import {
  DossierApologyBody,
  DossierLookupOut,
  DossierLookupQuery,
  DossierNoteBody,
  DossierOut,
  DossierPage,
  DossierReasonBody,
  DossierResultBody,
  DossiersQuery,
  DossierStatsOut,
  DossierStatsQuery,
  DossierSupplementBody,
  PatchProcedureBody,
  ProcedureBody,
  ProcedureImportResult,
  ProcedureOut,
  ProcedurePage,
  ProceduresQuery,
  ReceiveDossierBody,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.js';
import { dossiersPolicy } from './dossiers.policy.js';
import { MAX_FILE_BYTES, type DossiersService } from './dossiers.service.js';
import { procedureTemplate } from './dossiers.sheet.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const FileParams = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
const { read, receive, process, catalogue, stats } = dossiersPolicy.table;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function dossiersRoutes(service: DossiersService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['dossiers'];
    // ---- catalogue
    app.get(
      '/api/v1/procedures',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'The procedure catalogue',
          querystring: ProceduresQuery,
          response: { 200: ProcedurePage },
        },
      },
      (req) => service.listProcedures(req.actor!, req.query),
    );
    app.get(
      '/api/v1/procedures/template.xlsx',
      { config: { access: catalogue }, schema: { tags, summary: 'The catalogue import template' } },
      async (_req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="mau-thu-tuc.xlsx"')
          .send(await procedureTemplate()),
    );
    app.get(
      '/api/v1/procedures/:id',
      {
        config: { access: read },
        schema: { tags, summary: 'One procedure', params: IdParams, response: { 200: ProcedureOut } },
      },
      (req) => service.getProcedure(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/procedures',
      {
        config: { access: catalogue },
        schema: { tags, summary: 'Add a procedure', body: ProcedureBody, response: { 201: ProcedureOut } },
      },
      async (req, reply) => reply.code(201).send(await service.createProcedure(req.actor!, req.body)),
    );
    app.patch(
      '/api/v1/procedures/:id',
      {
        config: { access: catalogue },
        schema: {
          tags,
          summary: 'Edit a procedure',
          params: IdParams,
          body: PatchProcedureBody,
          response: { 200: ProcedureOut },
        },
      },
      (req) => service.updateProcedure(req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/v1/procedures/import',
      {
        config: { access: catalogue },
        schema: {
          tags,
          summary: 'Import the catalogue from XLSX (multipart "file"); dry run or commit',
          querystring: z.object({ mode: z.enum(['dry_run', 'commit']).default('dry_run') }),
          response: { 200: ProcedureImportResult },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw errors.badRequest('FILE_REQUIRED', 'Chọn tệp Excel (.xlsx) danh mục thủ tục.');
        const part = await req.file();
        if (!part) throw errors.badRequest('FILE_REQUIRED', 'Chọn tệp Excel (.xlsx) danh mục thủ tục.');
        return service.importProcedures(req.actor!, await part.toBuffer(), req.query.mode);
      },
    );

    // ---- dossiers
    app.get(
      '/api/v1/dossiers',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Dossiers of the area; mine=1 for those held at my level, due=overdue|today|tomorrow|soon',
          querystring: DossiersQuery,
          response: { 200: DossierPage },
        },
      },
      (req) => service.list(req.actor!, req.query),
    );
    app.get(
      '/api/v1/dossiers/stats',
      {
        config: { access: stats },
        schema: {
          tags,
          summary: 'Statistics for an area and a period',
          querystring: DossierStatsQuery,
          response: { 200: DossierStatsOut },
        },
      },
      (req) => service.stats(req.actor!, req.query),
    );
    app.post(
      '/api/v1/dossiers',
      {
        config: { access: receive },
        schema: {
          tags,
          summary: 'Receive a dossier (counter, post, online, assisted)',
          body: ReceiveDossierBody,
          response: { 201: DossierOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.receive(req.actor!, req.body)),
    );
    app.get(
      '/api/v1/dossiers/:id',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'A dossier with its levels, timeline and files',
          params: IdParams,
          response: { 200: DossierOut },
        },
      },
      (req) => service.get(req.actor!, req.params.id),
    );
    const act = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      run: (actor: Parameters<DossiersService['get']>[0], id: number, b: z.infer<B>) => Promise<DossierOut>,
    ) =>
      app.post(
        `/api/v1/dossiers/:id/${path}`,
        {
          config: { access: process },
          schema: { tags, summary, params: IdParams, body, response: { 200: DossierOut } },
        },
        (req) => run(req.actor!, req.params.id, req.body as z.infer<B>),
      );
    act('forward', 'Pass to the next level', DossierNoteBody, (a, id, b) => service.forward(a, id, b.note));
    act('result', 'The deciding level records the result', DossierResultBody, (a, id, b) => service.result(a, id, b));
    act('return', 'Hand the result to the applicant', DossierNoteBody, (a, id, b) =>
      service.returnResult(a, id, b.note),
    );
    act('supplement', 'Ask for supplements (the clock stops)', DossierSupplementBody, (a, id, b) =>
      service.requestSupplement(a, id, b.missing, b.note),
    );
    act('supplied', 'Supplements received (the clock restarts)', DossierNoteBody, (a, id, b) =>
      service.supplied(a, id, b.note),
    );
    act('refuse', 'Refuse with reasons', DossierReasonBody, (a, id, b) => service.refuse(a, id, b.reason));
    act('withdraw', "Withdraw at the applicant's request", DossierReasonBody, (a, id, b) =>
      service.withdraw(a, id, b.reason),
    );
    act('apology', 'Apology and new appointment (once, before the due date)', DossierApologyBody, (a, id, b) =>
      service.apologize(a, id, b.reason, b.newDate),
    );
    app.post(
      '/api/v1/dossiers/:id/files',
      {
        config: { access: process },
        schema: {
          tags,
          summary: 'Attach a PDF, JPEG or PNG (multipart "file", ≤ 10 MB)',
          params: IdParams,
          response: { 200: DossierOut },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw errors.badRequest('FILE_REQUIRED', 'Chọn tệp PDF, JPEG hoặc PNG để đính kèm.');
        const part = await req.file({ limits: { fileSize: MAX_FILE_BYTES + 1 } });
        if (!part) throw errors.badRequest('FILE_REQUIRED', 'Chọn tệp PDF, JPEG hoặc PNG để đính kèm.');
        const data = await part.toBuffer().catch(() => {
          throw errors.badRequest('FILE_TOO_LARGE', 'Tệp lớn hơn 10 MB. Quét ở độ phân giải thấp hơn rồi gửi lại.');
        });
        return service.attach(req.actor!, req.params.id, { name: part.filename, data });
      },
    );
    app.get(
      '/api/v1/dossiers/:id/files/:fileId',
      { config: { access: read }, schema: { tags, summary: 'Download an attached file', params: FileParams } },
      async (req, reply) => {
        const f = await service.file(req.actor!, req.params.id, req.params.fileId);
        return reply
          .type(f.mime)
          .header(
            'content-disposition',
            `attachment; filename="tep-${req.params.fileId}${f.mime === 'application/pdf' ? '.pdf' : f.mime === 'image/png' ? '.png' : '.jpg'}"`,
          )
          .header('x-content-type-options', 'nosniff')
          .send(f.content);
      },
    );

    // ---- public
    app.get(
      '/api/v1/public/dossiers/lookup',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Citizen lookup by code and phone (or last digits of the ID), no account',
          querystring: DossierLookupQuery,
          response: { 200: DossierLookupOut },
        },
      },
      (req) => service.lookup(req.query.code, req.query.check, { ip: req.ip }),
    );
  };
}
