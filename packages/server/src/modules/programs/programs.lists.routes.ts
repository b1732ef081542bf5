import {
  AddEntryBody,
  AnswerBody,
  ApproveBody,
  BulkApproveBody,
  BulkResult,
  CheckResult,
  EntriesQuery,
  EntryPage,
  ListDetail,
  ListPage,
  ListsQuery,
  RemarkBody,
  RemoveEntryBody,
  ReturnBody,
  StepBody,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, EntryParams, Ok, T, tags } from './programs.http.js';
import type { ProgramsService } from './programs.service.js';

/** Beneficiary lists: read, check, edit, the approval path, publication and remarks. */
export function programsListRoutes(service: ProgramsService): FastifyPluginAsyncZod {
  return async (app) => {
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
  };
}
