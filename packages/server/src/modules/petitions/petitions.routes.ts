import {
  CaseOut,
  CasePage,
  CasesQuery,
  CaseStepBody,
  ClassifyLetterBody,
  DecideLetterBody,
  DueList,
  ExtendCheckBody,
  IdentityOut,
  LetterBody,
  LetterOut,
  LetterPage,
  LettersQuery,
  NotifyLetterBody,
  PetitionStats,
  SplitLetterBody,
  StatsQuery,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { petitionsPolicy } from './petitions.policy.js';
import type { PetitionsService } from './petitions.service.js';
import { receptionRoutes } from './petitions.reception.routes.js';
import { LETTER_FORMS } from './use-cases/forms.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const { read, receive, classify, settle, identity, stats } = petitionsPolicy.table;
const P = '/api/v1/petitions';
const tags = ['petitions'];
const DecideOut = z.object({ letter: LetterOut, case: CaseOut.nullable() });
const SplitOut = z.object({ parent: LetterOut, parts: z.array(LetterOut) });

/** HTTP only: schema in, one service call, presenter out (the service presents). */
export function petitionsRoutes(service: PetitionsService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(receptionRoutes(service));

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
      `${P}/letters/:id/extend-check`,
      {
        config: { access: classify },
        schema: {
          tags,
          summary: 'Extend the check of a denunciation to 10 working days (Luật Tố cáo 2018 Art. 24)',
          params: IdParams,
          body: ExtendCheckBody,
          response: { 200: LetterOut },
        },
      },
      (req) => service.extendCheck(req.actor!, req.params.id, req.body),
    );
    app.get(
      `${P}/letters/:id/forms/:form`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Print a form of the letter as DOCX: 01-tcd, 02-tcd, or the slip of its decision',
          params: z.object({ id: z.coerce.number().int().positive(), form: z.enum(LETTER_FORMS) }),
          querystring: z.object({ reason: z.string().max(500, 'Lý do tối đa 500 ký tự.').optional() }),
        },
      },
      async (req, reply) => {
        const f = await service.letterForm(req.actor!, req.params.id, req.params.form, req.query);
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename="${f.filename}"`)
          .send(f.body);
      },
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
      `${P}/stats.xlsx`,
      {
        config: { access: stats },
        schema: {
          tags,
          summary: 'The periodic report (TT 02/2021/TT-TTCP counts) for a period and area, as XLSX',
          querystring: StatsQuery,
        },
      },
      async (req, reply) =>
        reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="bao-cao-don-thu-${req.query.from}-${req.query.to}.xlsx"`,
          )
          .send(await service.statsXlsx(req.actor!, req.query)),
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
