import {
  BenefitDecisionBody,
  LinkMeritDossierBody,
  CemeteryBody,
  CreateMeritRecordBody,
  GiftCampaignBody,
  GiftTotalsOut,
  GiftTotalsQuery,
  GiveGiftsBody,
  GraveEventBody,
  GravePage,
  HousingBody,
  IdentificationBody,
  IncomingTransferBody,
  IntakeOut,
  MartyrBody,
  MartyrsQuery,
  MeritExtractBody,
  MeritRecordDetail,
  MeritRecordPage,
  MeritRecordsQuery,
  MeritRelativeBody,
  MeritTransferOut,
  RemainsBoard,
  RemainsIntakeBody,
  SampleBody,
  SampleEventBody,
  SampleOut,
  TransferRequestBody,
  TransferStepBody,
  YearlyCountOut,
  IsoDate,
} from '@ansinh/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meritPolicy } from './merit.policy.js';
import type { MeritService } from './merit.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const ExtractParams = IdParams.extend({ extractId: z.coerce.number().int().positive() });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const { read, manage, confirm } = meritPolicy.table;
const P = '/api/v1/merit';

/** HTTP of the merit module: schema in, one service call, the contract out. */
export function meritRoutes(s: MeritService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['merit'];
    /** A printed form (NĐ 131/2021, DOCX in Vietnamese) sent as an attachment. */
    const docx = (reply: FastifyReply, f: { filename: string; body: Buffer }) =>
      reply.type(DOCX).header('content-disposition', `attachment; filename="${f.filename}"`).send(f.body);

    // ---- records
    app.get(
      `${P}/records`,
      {
        config: { access: read },
        schema: { tags, querystring: MeritRecordsQuery, response: { 200: MeritRecordPage } },
      },
      (req) => s.listRecords(req.actor!, req.query),
    );
    app.post(
      `${P}/records`,
      {
        config: { access: manage },
        schema: { tags, body: CreateMeritRecordBody, response: { 201: MeritRecordDetail } },
      },
      async (req, reply) => reply.code(201).send(await s.createRecord(req.actor!, req.body)),
    );
    app.get(
      `${P}/records/:id`,
      { config: { access: read }, schema: { tags, params: IdParams, response: { 200: MeritRecordDetail } } },
      (req) => s.getRecord(req.actor!, req.params.id),
    );
    app.post(
      `${P}/records/:id/relatives`,
      {
        config: { access: confirm },
        schema: { tags, params: IdParams, body: MeritRelativeBody, response: { 200: MeritRecordDetail } },
      },
      (req) => s.addRelative(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/records/:id/extracts`,
      {
        config: { access: manage },
        schema: { tags, params: IdParams, body: MeritExtractBody, response: { 200: MeritRecordDetail } },
      },
      (req) => s.issueExtract(req.actor!, req.params.id, req.body),
    );
    app.get(
      `${P}/records/:id/extracts/:extractId/docx`,
      {
        config: { access: read },
        schema: { tags, summary: 'An issued extract of the dossier (DOCX, Mẫu 95–99)', params: ExtractParams },
      },
      async (req, reply) => docx(reply, await s.extractDocx(req.actor!, req.params.id, req.params.extractId)),
    );
    app.put(
      `${P}/records/:id/dossier`,
      {
        config: { access: manage },
        schema: { tags, params: IdParams, body: LinkMeritDossierBody, response: { 200: MeritRecordDetail } },
      },
      (req) => s.linkDossier(req.actor!, req.params.id, req.body.dossierId),
    );
    app.post(
      `${P}/records/:id/decisions`,
      {
        config: { access: manage },
        schema: { tags, params: IdParams, body: BenefitDecisionBody, response: { 200: MeritRecordDetail } },
      },
      (req) => s.addDecision(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/housing`,
      { config: { access: manage }, schema: { tags, body: HousingBody, response: { 200: MeritRecordDetail } } },
      (req) => s.addHousing(req.actor!, req.body),
    );

    // ---- transfers
    app.get(
      `${P}/transfers`,
      { config: { access: read }, schema: { tags, response: { 200: z.array(MeritTransferOut) } } },
      (req) => s.listTransfers(req.actor!),
    );
    app.post(
      `${P}/transfers`,
      { config: { access: manage }, schema: { tags, body: TransferRequestBody, response: { 201: MeritTransferOut } } },
      async (req, reply) => reply.code(201).send(await s.requestTransfer(req.actor!, req.body)),
    );
    app.post(
      `${P}/transfers/incoming`,
      { config: { access: manage }, schema: { tags, body: IncomingTransferBody, response: { 201: MeritTransferOut } } },
      async (req, reply) => reply.code(201).send(await s.receiveTransfer(req.actor!, req.body)),
    );
    app.post(
      `${P}/transfers/:id/steps`,
      {
        config: { access: manage },
        schema: { tags, params: IdParams, body: TransferStepBody, response: { 200: MeritTransferOut } },
      },
      (req) => s.transferStep(req.actor!, req.params.id, req.body),
    );

    // ---- martyrs, graves, cemeteries
    app.get(`${P}/cemeteries`, { config: { access: read }, schema: { tags } }, (req) => s.listCemeteries(req.actor!));
    app.post(
      `${P}/cemeteries`,
      { config: { access: manage }, schema: { tags, body: CemeteryBody } },
      async (req, reply) => reply.code(201).send(await s.createCemetery(req.actor!, req.body)),
    );
    app.get(
      `${P}/cemeteries/:id/graves.docx`,
      {
        config: { access: read },
        schema: { tags, summary: "The list of martyrs' graves in a cemetery (DOCX, Mẫu 84)", params: IdParams },
      },
      async (req, reply) => docx(reply, await s.cemeteryListDocx(req.actor!, req.params.id)),
    );
    app.get(
      `${P}/graves`,
      { config: { access: read }, schema: { tags, querystring: MartyrsQuery, response: { 200: GravePage } } },
      (req) => s.searchGraves(req.actor!, req.query),
    );
    app.get(`${P}/graves/:id`, { config: { access: read }, schema: { tags, params: IdParams } }, (req) =>
      s.getGrave(req.actor!, req.params.id),
    );
    app.post(`${P}/martyrs`, { config: { access: manage }, schema: { tags, body: MartyrBody } }, async (req, reply) =>
      reply.code(201).send(await s.createMartyr(req.actor!, req.body)),
    );
    app.post(
      `${P}/graves/:id/events`,
      { config: { access: confirm }, schema: { tags, params: IdParams, body: GraveEventBody } },
      (req) => s.addGraveEvent(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/identifications`,
      { config: { access: manage }, schema: { tags, body: IdentificationBody } },
      (req) => s.identify(req.actor!, req.body),
    );

    // ---- remains and samples
    app.get(`${P}/remains`, { config: { access: read }, schema: { tags, response: { 200: RemainsBoard } } }, (req) =>
      s.board(req.actor!),
    );
    app.post(
      `${P}/remains`,
      { config: { access: manage }, schema: { tags, body: RemainsIntakeBody, response: { 201: IntakeOut } } },
      async (req, reply) => reply.code(201).send(await s.receiveRemains(req.actor!, req.body)),
    );
    app.get(
      `${P}/remains/:id/handover.docx`,
      {
        config: { access: read },
        schema: { tags, summary: 'The minutes of remains handed over (DOCX, Mẫu 81/82)', params: IdParams },
      },
      async (req, reply) => docx(reply, await s.handoverDocx(req.actor!, req.params.id)),
    );
    app.post(
      `${P}/remains/:id/reburied`,
      {
        config: { access: manage },
        schema: { tags, params: IdParams, body: z.object({ on: IsoDate }), response: { 200: IntakeOut } },
      },
      (req) => s.markReburied(req.actor!, req.params.id, req.body.on),
    );
    app.post(
      `${P}/samples`,
      { config: { access: manage }, schema: { tags, body: SampleBody, response: { 201: SampleOut } } },
      async (req, reply) => reply.code(201).send(await s.takeSample(req.actor!, req.body)),
    );
    app.post(
      `${P}/samples/:id/events`,
      {
        config: { access: manage },
        schema: { tags, params: IdParams, body: SampleEventBody, response: { 200: SampleOut } },
      },
      (req) => s.sampleEvent(req.actor!, req.params.id, req.body),
    );

    // ---- gifts and figures
    app.get(`${P}/gift-campaigns`, { config: { access: read }, schema: { tags } }, (req) =>
      s.listCampaigns(req.actor!),
    );
    app.post(
      `${P}/gift-campaigns`,
      { config: { access: manage }, schema: { tags, body: GiftCampaignBody } },
      async (req, reply) => reply.code(201).send(await s.createCampaign(req.actor!, req.body)),
    );
    app.post(
      `${P}/gift-campaigns/:id/gifts`,
      { config: { access: manage }, schema: { tags, params: IdParams, body: GiveGiftsBody } },
      (req) => s.giveGifts(req.actor!, req.params.id, req.body),
    );
    app.get(
      `${P}/gift-totals`,
      { config: { access: read }, schema: { tags, querystring: GiftTotalsQuery, response: { 200: GiftTotalsOut } } },
      (req) => s.giftTotals(req.actor!, req.query.year),
    );
    app.get(
      `${P}/yearly-count`,
      { config: { access: read }, schema: { tags, querystring: GiftTotalsQuery, response: { 200: YearlyCountOut } } },
      (req) => s.yearlyCount(req.actor!, req.query.year),
    );
  };
}
