import {
  CallsQuery,
  CaseOut,
  CasePage,
  CasesQuery,
  CaseStepBody,
  ClassifyLetterBody,
  DecideLetterBody,
  DueList,
  HotlineCallBody,
  HotlineCallOut,
  HotlineCallPage,
  IdentityOut,
  LetterBody,
  LetterOut,
  LetterPage,
  LettersQuery,
  NotifyLetterBody,
  PeriodQuery,
  PetitionStats,
  ReceptionEntriesQuery,
  ReceptionEntryBody,
  ReceptionEntryOut,
  ReceptionEntryPage,
  ReceptionSessionBody,
  ReceptionSessionOut,
  ReceptionSessionPage,
  SplitLetterBody,
  StatsQuery,
  IsoDate,
  PageQuery,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { petitionsPolicy } from './petitions.policy.js';
import type { PetitionsService } from './petitions.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const { read, receive, classify, settle, identity, stats } = petitionsPolicy.table;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const P = '/api/v1/petitions';
const tags = ['petitions'];
const DecideOut = z.object({ letter: LetterOut, case: CaseOut.nullable() });
const SplitOut = z.object({ parent: LetterOut, parts: z.array(LetterOut) });

/** HTTP only: schema in, one service call, presenter out (the service presents). */
export function petitionsRoutes(service: PetitionsService): FastifyPluginAsyncZod {
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

    // ---- letters
    app.get(
      `${P}/letters`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Letters; due=overdue|soon for the citizen notice',
          querystring: LettersQuery,
          response: { 200: LetterPage },
        },
      },
      (req) => service.listLetters(req.actor!, req.query),
    );
    app.post(
      `${P}/letters`,
      {
        config: { access: receive },
        schema: { tags, summary: 'Receive a letter', body: LetterBody, response: { 201: LetterOut } },
      },
      async (req, reply) => reply.code(201).send(await service.receiveLetter(req.actor!, req.body)),
    );
    app.get(
      `${P}/letters/:id`,
      {
        config: { access: read },
        schema: { tags, summary: 'One letter', params: IdParams, response: { 200: LetterOut } },
      },
      (req) => service.getLetter(req.actor!, req.params.id),
    );
    app.get(
      `${P}/letters/:id/identity`,
      {
        config: { access: identity },
        schema: { tags, summary: "A denouncer's identity (audited)", params: IdParams, response: { 200: IdentityOut } },
      },
      (req) => service.readIdentity(req.actor!, 'letter', req.params.id),
    );
    app.post(
      `${P}/letters/:id/classify`,
      {
        config: { access: classify },
        schema: {
          tags,
          summary: 'Classify a letter and check it is fit to handle',
          params: IdParams,
          body: ClassifyLetterBody,
          response: { 200: LetterOut },
        },
      },
      (req) => service.classifyLetter(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/letters/:id/split`,
      {
        config: { access: classify },
        schema: {
          tags,
          summary: 'Split a mixed letter',
          params: IdParams,
          body: SplitLetterBody,
          response: { 200: SplitOut },
        },
      },
      (req) => service.splitLetter(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/letters/:id/decide`,
      {
        config: { access: classify },
        schema: {
          tags,
          summary: 'Decide: accept, transfer, guide, return, file',
          params: IdParams,
          body: DecideLetterBody,
          response: { 200: DecideOut },
        },
      },
      (req) => service.decideLetter(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/letters/:id/notify`,
      {
        config: { access: receive },
        schema: {
          tags,
          summary: 'Record the notice to the citizen',
          params: IdParams,
          body: NotifyLetterBody,
          response: { 200: LetterOut },
        },
      },
      (req) => service.notifyLetter(req.actor!, req.params.id, req.body),
    );

    // ---- cases
    app.get(
      `${P}/cases`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Complaint and denunciation cases',
          querystring: CasesQuery,
          response: { 200: CasePage },
        },
      },
      (req) => service.listCases(req.actor!, req.query),
    );
    app.get(
      `${P}/cases/:id`,
      {
        config: { access: read },
        schema: { tags, summary: 'One case with its clocks and steps', params: IdParams, response: { 200: CaseOut } },
      },
      (req) => service.getCase(req.actor!, req.params.id),
    );
    app.post(
      `${P}/cases/:id/steps`,
      {
        config: { access: settle },
        schema: {
          tags,
          summary: 'Add a step: verify, dialogue, suspend, resume, extend, decide, publish ...',
          params: IdParams,
          body: CaseStepBody,
          response: { 200: CaseOut },
        },
      },
      (req) => service.addCaseStep(req.actor!, req.params.id, req.body),
    );

    // ---- due list and counts
    app.get(
      `${P}/due`,
      {
        config: { access: read },
        schema: { tags, summary: 'My letters and cases due soon or overdue', response: { 200: DueList } },
      },
      (req) => service.dueList(req.actor!),
    );
    app.get(
      `${P}/stats`,
      {
        config: { access: stats },
        schema: {
          tags,
          summary: 'Counts for a period and area (supervisors: counts only)',
          querystring: StatsQuery,
          response: { 200: PetitionStats },
        },
      },
      (req) => service.stats(req.actor!, req.query),
    );
  };
}
