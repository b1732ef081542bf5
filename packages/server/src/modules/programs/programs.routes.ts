import {
  AddEntryBody,
  AnswerBody,
  ApproveBody,
  BatchOut,
  BatchPage,
  BulkApproveBody,
  BulkResult,
  CheckResult,
  CreateBatchBody,
  CreateProgramBody,
  EntriesQuery,
  EntryPage,
  GenerateListsBody,
  GenerateResult,
  ListDetail,
  ListPage,
  ListsQuery,
  ProgramProgress,
  ProgramList,
  ProgramOut,
  ProgramRuleIn,
  ProgressQuery,
  PublicList,
  PublicListPage,
  RecordPaymentsBody,
  RecordResult,
  RemarkBody,
  RemoveEntryBody,
  ReturnBody,
  StepBody,
  Totals,
  TotalsQuery,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.js';
import { programsPolicy } from './programs.policy.js';
import type { ProgramsService } from './programs.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const EntryParams = z.object({ id: z.coerce.number().int().positive(), entryId: z.coerce.number().int().positive() });
const Page = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const Ok = z.object({ ok: z.boolean() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const T = programsPolicy.table;

export function programsRoutes(service: ProgramsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['programs'];
    const pay = service.payments;
    app.get(
      '/api/v1/programs',
      { config: { access: T.read }, schema: { tags, summary: 'Support programs', response: { 200: ProgramList } } },
      (req) => service.listPrograms(req.actor!),
    );
    app.get(
      '/api/v1/programs/:id',
      {
        config: { access: T.read },
        schema: { tags, summary: 'One program with its rules', params: IdParams, response: { 200: ProgramOut } },
      },
      (req) => service.getProgram(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/programs',
      {
        config: { access: T.manage },
        schema: {
          tags,
          summary: 'Create a program with its first rule',
          body: CreateProgramBody,
          response: { 201: ProgramOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.createProgram(req.actor!, req.body)),
    );
    app.post(
      '/api/v1/programs/:id/rules',
      {
        config: { access: T.manage },
        schema: {
          tags,
          summary: 'Add a rule in force from a date',
          params: IdParams,
          body: ProgramRuleIn,
          response: { 200: ProgramOut },
        },
      },
      (req) => service.addRule(req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/v1/programs/:id/lists',
      {
        config: { access: T.prepare },
        schema: {
          tags,
          summary: 'Generate lists from the rule (one commune, or every commune without one)',
          params: IdParams,
          body: GenerateListsBody,
          response: { 200: GenerateResult },
        },
      },
      (req) => service.generate(req.actor!, req.params.id, req.body),
    );
    app.get(
      '/api/v1/programs/:id/check',
      {
        config: { access: T.check },
        schema: {
          tags,
          summary: "Check every list of a period in the actor's area",
          params: IdParams,
          querystring: z.object({ period: z.string().min(4) }),
        },
      },
      (req) => service.checkAll(req.actor!, req.params.id, req.query.period),
    );
    app.get(
      '/api/v1/program-progress',
      {
        config: { access: T.report },
        schema: {
          tags,
          summary: 'Lists by state per area, and communes still missing',
          querystring: ProgressQuery,
          response: { 200: ProgramProgress },
        },
      },
      (req) => service.progress(req.actor!, req.query),
    );
    app.get(
      '/api/v1/program-totals',
      {
        config: { access: T.report },
        schema: {
          tags,
          summary: 'Approved and paid, by area or category',
          querystring: TotalsQuery,
          response: { 200: Totals },
        },
      },
      (req) => pay.totals(req.actor!, req.query),
    );

    app.get(
      '/api/v1/lists',
      {
        config: { access: T.read },
        schema: {
          tags,
          summary: "Beneficiary lists in the actor's area",
          querystring: ListsQuery,
          response: { 200: ListPage },
        },
      },
      (req) => service.lists(req.actor!, req.query),
    );
    app.get(
      '/api/v1/lists/:id',
      {
        config: { access: T.read },
        schema: { tags, summary: 'One list with its approval steps', params: IdParams, response: { 200: ListDetail } },
      },
      (req) => service.listDetail(req.actor!, req.params.id),
    );
    app.get(
      '/api/v1/lists/:id/entries',
      {
        config: { access: T.read },
        schema: {
          tags,
          summary: 'Entries of a list',
          params: IdParams,
          querystring: EntriesQuery,
          response: { 200: EntryPage },
        },
      },
      (req) => service.entries(req.actor!, req.params.id, req.query),
    );
    app.get(
      '/api/v1/lists/:id/check',
      {
        config: { access: T.check },
        schema: {
          tags,
          summary: 'Problems to correct before submission',
          params: IdParams,
          response: { 200: CheckResult },
        },
      },
      (req) => service.check(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/lists/:id/entries',
      {
        config: { access: T.edit },
        schema: {
          tags,
          summary: 'Add a person or household with a written reason',
          params: IdParams,
          body: AddEntryBody,
          response: { 200: Ok },
        },
      },
      (req) => service.addEntry(req.actor!, req.params.id, req.body),
    );
    app.delete(
      '/api/v1/lists/:id/entries/:entryId',
      {
        config: { access: T.edit },
        schema: {
          tags,
          summary: 'Remove an entry with a written reason',
          params: EntryParams,
          body: RemoveEntryBody,
          response: { 200: Ok },
        },
      },
      (req) => service.removeEntry(req.actor!, req.params.id, req.params.entryId, req.body.reason),
    );
    app.post(
      '/api/v1/lists/:id/submit',
      {
        config: { access: T.submit },
        schema: {
          tags,
          summary: 'Submit to the level above (after the check passes)',
          params: IdParams,
          body: StepBody,
          response: { 200: ListDetail },
        },
      },
      (req) => service.submit(req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/v1/lists/:id/appraise',
      {
        config: { access: T.appraise },
        schema: {
          tags,
          summary: 'District appraisal',
          params: IdParams,
          body: StepBody,
          response: { 200: ListDetail },
        },
      },
      (req) => service.appraise(req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/v1/lists/:id/return',
      {
        config: { access: T.return },
        schema: {
          tags,
          summary: 'Return to the commune with comments',
          params: IdParams,
          body: ReturnBody,
          response: { 200: ListDetail },
        },
      },
      (req) => service.returnList(req.actor!, req.params.id, req.body.comment),
    );
    app.post(
      '/api/v1/lists/:id/approve',
      {
        config: { access: T.approve },
        schema: {
          tags,
          summary: 'Approve with the decision number and date',
          params: IdParams,
          body: ApproveBody,
          response: { 200: ListDetail },
        },
      },
      (req) => service.approve(req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/v1/lists/approve',
      {
        config: { access: T.approve },
        schema: {
          tags,
          summary: 'Approve many lists under one decision',
          body: BulkApproveBody,
          response: { 200: BulkResult },
        },
      },
      (req) => service.approveMany(req.actor!, req.body.listIds, req.body),
    );
    app.post(
      '/api/v1/lists/:id/supplementary',
      {
        config: { access: T.prepare },
        schema: {
          tags,
          summary: 'Open a supplementary list of an approved one',
          params: IdParams,
          response: { 200: ListDetail },
        },
      },
      (req) => service.supplementary(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/lists/:id/publish',
      {
        config: { access: T.publish },
        schema: { tags, summary: 'Publish an approved list (masked)', params: IdParams, response: { 200: ListDetail } },
      },
      (req) => service.publish(req.actor!, req.params.id),
    );
    app.get(
      '/api/v1/lists/:id/remarks',
      { config: { access: T.read }, schema: { tags, summary: "Supervisors' remarks and answers", params: IdParams } },
      (req) => service.remarks(req.actor!, req.params.id),
    );
    app.post(
      '/api/v1/lists/:id/remarks',
      {
        config: { access: T.remark },
        schema: { tags, summary: "A supervisor's remark on a published list", params: IdParams, body: RemarkBody },
      },
      (req) => service.addRemark(req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/v1/remarks/:id/answer',
      {
        config: { access: T.answer },
        schema: { tags, summary: 'Answer a remark', params: IdParams, body: AnswerBody, response: { 200: Ok } },
      },
      (req) => service.answerRemark(req.actor!, req.params.id, req.body.answer),
    );

    app.get(
      '/api/v1/public/lists',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Published lists (no account needed)',
          querystring: Page.extend({
            programId: z.coerce.number().int().positive().optional(),
            areaCode: z.string().optional(),
          }),
          response: { 200: PublicListPage },
        },
      },
      (req) => service.publicLists(req.query),
    );
    app.get(
      '/api/v1/public/lists/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A published list with masked personal data',
          params: IdParams,
          response: { 200: PublicList },
        },
      },
      (req) => service.publicList(req.params.id),
    );

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

const headerOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
