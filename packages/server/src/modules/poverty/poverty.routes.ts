import {
  CampaignList,
  CampaignOut,
  CampaignsQuery,
  PovertyCasePage,
  PovertyCasesQuery,
  CreateCampaignBody,
  DistrictOpinionBody,
  ListHouseholdsBody,
  MeetingBody,
  MeetingOut,
  MovementOut,
  MovementQuery,
  OkResponse,
  PostingBody,
  PostingOut,
  PovertyProgressOut,
  RecognitionBody,
  RecognitionOut,
  ScoreOut,
  SurveyBody,
  SurveyOut,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { povertyPolicy } from './poverty.policy.js';
import { povertyImportRoutes } from './poverty.import.routes.js';
import { povertyReportsRoutes } from './poverty.reports.routes.js';
import type { PovertyService } from './poverty.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const { read, manage, survey, opine, recognize } = povertyPolicy.table;
const P = '/api/v1/poverty';

/** HTTP only: schema in, one service call, presenter out (docs/modules/poverty.md). */
export function povertyRoutes(service: PovertyService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['poverty'];
    const ok = { ok: true as const };
    await app.register(povertyReportsRoutes(service));
    await app.register(povertyImportRoutes(service));

    app.get(
      `${P}/campaigns`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Review campaigns in your area',
          querystring: CampaignsQuery,
          response: { 200: CampaignList },
        },
      },
      (req) => service.listCampaigns(req.actor!, req.query),
    );
    app.post(
      `${P}/campaigns`,
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Open a review campaign for a commune',
          body: CreateCampaignBody,
          response: { 201: CampaignOut },
        },
      },
      async (req, reply) => {
        const { id } = await service.createCampaign(req.actor!, req.body);
        return reply.code(201).send(await service.getCampaign(req.actor!, id));
      },
    );
    app.get(
      `${P}/campaigns/:id`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'One campaign with its households by step',
          params: IdParams,
          response: { 200: CampaignOut },
        },
      },
      (req) => service.getCampaign(req.actor!, req.params.id),
    );
    app.get(
      `${P}/campaigns/:id/rules`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: "The campaign's standard and B1 table (for live scoring)",
          params: IdParams,
          response: { 200: z.object({ standard: z.unknown() }) },
        },
      },
      (req) => service.rules(req.actor!, req.params.id),
    );
    app.get(
      `${P}/campaigns/:id/cases`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'The listed households',
          params: IdParams,
          querystring: PovertyCasesQuery,
          response: { 200: PovertyCasePage },
        },
      },
      (req) => service.listCases(req.actor!, req.params.id, req.query),
    );
    app.post(
      `${P}/campaigns/:id/cases`,
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'List households for review',
          params: IdParams,
          body: ListHouseholdsBody,
          response: { 200: z.object({ listed: z.number().int() }) },
        },
      },
      (req) => service.listHouseholds(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/cases/:id/survey`,
      {
        config: { access: survey },
        schema: {
          tags,
          summary: 'Record Phiếu A/B and classify',
          params: IdParams,
          body: SurveyBody,
          response: { 200: SurveyOut },
        },
      },
      (req) => service.recordSurvey(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/campaigns/:id/score`,
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Score and classify the whole campaign again (set-based)',
          params: IdParams,
          response: { 200: ScoreOut },
        },
      },
      (req) => service.scoreCampaign(req.actor!, req.params.id),
    );
    app.post(
      `${P}/campaigns/:id/meetings`,
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Record a village meeting',
          params: IdParams,
          body: MeetingBody,
          response: { 200: MeetingOut },
        },
      },
      (req) => service.recordMeeting(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/campaigns/:id/postings`,
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Record the public posting and objections',
          params: IdParams,
          body: PostingBody,
          response: { 200: PostingOut },
        },
      },
      (req) => service.recordPosting(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/objections/:id/answer`,
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Answer an objection',
          params: IdParams,
          body: z.strictObject({ answer: z.string().trim().min(1, 'Nhập nội dung trả lời').max(1000) }),
          response: { 200: OkResponse },
        },
      },
      async (req) => {
        await service.answerObjection(req.actor!, req.params.id, req.body.answer);
        return ok;
      },
    );
    app.post(
      `${P}/campaigns/:id/district-opinion`,
      {
        config: { access: opine },
        schema: {
          tags,
          summary: "The district's opinion (reviews before 1/7/2025)",
          params: IdParams,
          body: DistrictOpinionBody,
          response: { 200: OkResponse },
        },
      },
      async (req) => {
        await service.recordDistrictOpinion(req.actor!, req.params.id, req.body);
        return ok;
      },
    );
    app.post(
      `${P}/campaigns/:id/recognition`,
      {
        config: { access: recognize },
        schema: {
          tags,
          summary: "The commune chair's decision (Mẫu 02): changes the registry statuses",
          params: IdParams,
          body: RecognitionBody,
          response: { 200: RecognitionOut },
        },
      },
      (req) => service.recognize(req.actor!, req.params.id, req.body),
    );
    app.get(
      `${P}/progress`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Progress by commune',
          querystring: CampaignsQuery,
          response: { 200: PovertyProgressOut },
        },
      },
      (req) => service.progress(req.actor!, req.query),
    );
    app.get(
      `${P}/movement`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Movement of poor and near-poor households',
          querystring: MovementQuery,
          response: { 200: MovementOut },
        },
      },
      (req) => service.movement(req.actor!, req.query),
    );
  };
}
