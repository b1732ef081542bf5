import {
  BatchOut,
  BatchPage,
  CreateBatchBody,
  EntriesQuery,
  EntryPage,
  BackgroundJobOut,
  RecordPaymentsBody,
  RecordResult,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.js';
import { IdParams, Page, XLSX, T, tags, headerOf } from './programs.http.js';
import type { ProgramsService } from './programs.service.js';

/** Payment batches: open, read, the sheet, recording and reconciliation. */
export function programsPaymentRoutes(service: ProgramsService): FastifyPluginAsyncZod {
  return async (app) => {
    const pay = service.payments;
    app.post(
      '/api/v1/payment-batches',
      {
        config: { access: T.pay },
        schema: {
          tags,
          summary: 'Open a payment batch of approved entries',
          body: CreateBatchBody,
          response: { 201: BatchOut },
        },
      },
      async (req, reply) => reply.code(201).send(await pay.createBatch(req.actor!, req.body)),
    );
    app.get(
      '/api/v1/payment-batches',
      {
        config: { access: T.pay },
        schema: {
          tags,
          summary: 'Payment batches',
          querystring: Page.extend({ programId: z.coerce.number().int().positive().optional() }),
          response: { 200: BatchPage },
        },
      },
      (req) => pay.batches(req.actor!, req.query),
    );
    app.get(
      '/api/v1/payment-batches/:id',
      {
        config: { access: T.pay },
        schema: { tags, summary: 'One payment batch with totals', params: IdParams, response: { 200: BatchOut } },
      },
      (req) => pay.batch(req.actor!, req.params.id),
    );
    app.get(
      '/api/v1/payment-batches/:id/entries',
      {
        config: { access: T.pay },
        schema: {
          tags,
          summary: 'Entries of a batch with their payment',
          params: IdParams,
          querystring: EntriesQuery,
          response: { 200: EntryPage },
        },
      },
      (req) => pay.batchEntries(req.actor!, req.params.id, req.query),
    );
    app.get(
      '/api/v1/payment-batches/:id/sheet.xlsx',
      { config: { access: T.pay }, schema: { tags, summary: 'Payment sheet (XLSX)', params: IdParams } },
      async (req, reply) => {
        const f = await pay.sheetXlsx(req.actor!, req.params.id);
        return reply.type(XLSX).header('content-disposition', `attachment; filename="${f.name}"`).send(f.data);
      },
    );
    app.post(
      '/api/v1/payment-batches/:id/sheet-jobs',
      {
        config: { access: T.pay },
        schema: {
          tags,
          summary: 'Build the payment sheet (XLSX) in the background; download it from GET /api/v1/jobs/:id/file',
          params: IdParams,
          response: { 202: BackgroundJobOut },
        },
      },
      async (req, reply) => reply.code(202).send(await pay.startSheet(req.actor!, req.params.id)),
    );
    app.post(
      '/api/v1/payment-batches/:id/payments',
      {
        config: { access: T.pay },
        schema: {
          tags,
          summary: 'Record paid / failed / returned for entries (Idempotency-Key header required)',
          params: IdParams,
          body: RecordPaymentsBody,
          response: { 200: RecordResult },
        },
      },
      (req) => pay.recordPayments(req.actor!, req.params.id, req.body, headerOf(req.headers['idempotency-key'])),
    );
    app.post(
      '/api/v1/payment-batches/:id/reconcile',
      {
        config: { access: T.pay },
        schema: {
          tags,
          summary: "Import the payer's reconciliation file (XLSX)",
          params: IdParams,
          response: { 200: RecordResult },
        },
      },
      async (req) => {
        const file = await req.file();
        if (!file) throw errors.badRequest('FILE_REQUIRED', 'Chọn tệp đối soát (.xlsx) để tải lên.');
        const data = await file.toBuffer();
        return pay.reconcile(req.actor!, req.params.id, data, headerOf(req.headers['idempotency-key']));
      },
    );
  };
}
