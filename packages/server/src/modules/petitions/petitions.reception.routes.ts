import {
  CallsQuery,
  HotlineCallBody,
  HotlineCallOut,
  HotlineCallPage,
  IdentityOut,
  IsoDate,
  PageQuery,
  PeriodQuery,
  ReceptionEntriesQuery,
  ReceptionEntryBody,
  ReceptionEntryOut,
  ReceptionEntryPage,
  ReceptionSessionBody,
  ReceptionSessionOut,
  ReceptionSessionPage,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { petitionsPolicy } from './petitions.policy.js';
import type { PetitionsService } from './petitions.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const { read, receive, identity } = petitionsPolicy.table;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const P = '/api/v1/petitions';
const tags = ['petitions'];

/** Routes of reception (sessions, the reception book and its print) and the hotline. */
export function receptionRoutes(service: PetitionsService): FastifyPluginAsyncZod {
  return async (app) => {
    // ---- reception
    app.get(
      `${P}/sessions`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Reception sessions',
          querystring: PageQuery.extend(PeriodQuery.shape),
          response: { 200: ReceptionSessionPage },
        },
      },
      (req) => service.listSessions(req.actor!, req.query),
    );
    app.post(
      `${P}/sessions`,
      {
        config: { access: receive },
        schema: {
          tags,
          summary: 'Record a reception session',
          body: ReceptionSessionBody,
          response: { 201: ReceptionSessionOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.recordSession(req.actor!, req.body)),
    );
    app.get(
      `${P}/entries`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'The reception book (Mẫu 03/TCD) lines',
          querystring: ReceptionEntriesQuery,
          response: { 200: ReceptionEntryPage },
        },
      },
      (req) => service.listEntries(req.actor!, req.query),
    );
    app.post(
      `${P}/entries`,
      {
        config: { access: receive },
        schema: {
          tags,
          summary: 'Write a line of the reception book',
          body: ReceptionEntryBody,
          response: { 201: ReceptionEntryOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.recordEntry(req.actor!, req.body)),
    );
    app.get(
      `${P}/entries/:id/identity`,
      {
        config: { access: identity },
        schema: {
          tags,
          summary: "A denouncer's identity at reception (audited)",
          params: IdParams,
          response: { 200: IdentityOut },
        },
      },
      (req) => service.readIdentity(req.actor!, 'entry', req.params.id),
    );
    app.get(
      `${P}/book.xlsx`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'The reception book for a period (XLSX, Mẫu 03/TCD)',
          querystring: z.object({ from: IsoDate, to: IsoDate }),
        },
      },
      async (req, reply) =>
        reply
          .type(XLSX)
          .header(
            'content-disposition',
            `attachment; filename="so-tiep-cong-dan-${req.query.from}-${req.query.to}.xlsx"`,
          )
          .send(await service.receptionBook(req.actor!, req.query)),
    );
    app.get(
      `${P}/book.docx`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'The reception book for a period (DOCX, Mẫu 03/TCD)',
          querystring: z.object({ from: IsoDate, to: IsoDate }),
        },
      },
      async (req, reply) =>
        reply
          .type(DOCX)
          .header(
            'content-disposition',
            `attachment; filename="so-tiep-cong-dan-${req.query.from}-${req.query.to}.docx"`,
          )
          .send(await service.receptionBookDocx(req.actor!, req.query)),
    );

    // ---- hotline
    app.get(
      `${P}/calls`,
      {
        config: { access: read },
        schema: { tags, summary: 'Hotline calls', querystring: CallsQuery, response: { 200: HotlineCallPage } },
      },
      (req) => service.listCalls(req.actor!, req.query),
    );
    app.post(
      `${P}/calls`,
      {
        config: { access: receive },
        schema: { tags, summary: 'Log a hotline call', body: HotlineCallBody, response: { 201: HotlineCallOut } },
      },
      async (req, reply) => reply.code(201).send(await service.logCall(req.actor!, req.body)),
    );
  };
}
