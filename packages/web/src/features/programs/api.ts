import { z } from 'zod';
import {
  BatchOut,
  BatchPage,
  BulkResult,
  CheckResult,
  EntryPage,
  BackgroundJobOut,
  ImportListOut,
  ListDetail,
  ListPage,
  ProgramList,
  ProgramOut,
  ProgramProgress,
  PublicList,
  PublicListPage,
  RecordResult,
  Totals,
} from '@ansinh/domain';
import type {
  ApproveBody,
  CreateProgramBody,
  ImportListQuery,
  ListsQuery,
  PaymentChannel,
  RecordPaymentsBody,
  StepBody,
} from '@ansinh/domain';
import { apiUrl, request } from '../../kernel/http';

/** The API of the support-programs module, as the pages call it. */

const Ok = z.object({ ok: z.boolean() });
type Ok = z.infer<typeof Ok>;
const Created = z.object({ id: z.number() });
export const Remark = PublicList.shape.remarks.element;
export type Remark = z.infer<typeof Remark>;
const Remarks = z.array(Remark);

export type ListsFilter = Partial<ListsQuery>;
export interface EntriesFilter {
  q?: string;
  limit: number;
  offset: number;
}
export interface TotalsFilter {
  programId: number;
  period?: string;
  areaCode?: string;
  groupBy: 'area' | 'category';
}

const id = (n: number) => encodeURIComponent(String(n));

export const programsApi = {
  programs: (signal?: AbortSignal) => request('GET', '/programs', { schema: ProgramList, signal }),
  program: (programId: number, signal?: AbortSignal) =>
    request<ProgramOut>('GET', `/programs/${id(programId)}`, { schema: ProgramOut, signal }),
  createProgram: (body: CreateProgramBody) => request<ProgramOut>('POST', '/programs', { body, schema: ProgramOut }),
  setSettings: (programId: number, body: { listByImport: boolean }) =>
    request<ProgramOut>('PUT', `/programs/${id(programId)}/settings`, { body, schema: ProgramOut }),
  /** A list of people outside the registry from Excel: a dry run, or the commit when no row is rejected. */
  importList: (programId: number, q: ImportListQuery, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<ImportListOut>('POST', `/programs/${id(programId)}/import`, {
      query: { ...q },
      form,
      schema: ImportListOut,
    });
  },
  /** Queue the generation of lists (a background job; its result is `GenerateResult`). */
  generate: (programId: number, body: { period?: string; communeCode?: string }) =>
    request('POST', `/programs/${id(programId)}/lists`, { body, schema: BackgroundJobOut }),
  /** Queue the building of a batch's payment sheet (a background job; its file is the XLSX). */
  sheetJob: (batchId: number) =>
    request('POST', `/payment-batches/${id(batchId)}/sheet-jobs`, { body: {}, schema: BackgroundJobOut }),
  progress: (q: { programId: number; period?: string; areaCode?: string }, signal?: AbortSignal) =>
    request('GET', '/program-progress', { query: { ...q }, schema: ProgramProgress, signal }),
  totals: (q: TotalsFilter, signal?: AbortSignal) =>
    request<Totals>('GET', '/program-totals', { query: { ...q }, schema: Totals, signal }),

  lists: (q: ListsFilter, signal?: AbortSignal) =>
    request('GET', '/lists', { query: { ...q }, schema: ListPage, signal }),
  list: (listId: number, signal?: AbortSignal) =>
    request<ListDetail>('GET', `/lists/${id(listId)}`, { schema: ListDetail, signal }),
  entries: (listId: number, q: EntriesFilter, signal?: AbortSignal) =>
    request('GET', `/lists/${id(listId)}/entries`, { query: { ...q }, schema: EntryPage, signal }),
  check: (listId: number) => request<CheckResult>('GET', `/lists/${id(listId)}/check`, { schema: CheckResult }),
  addEntry: (listId: number, body: { personId: number; reason: string; amount?: number }) =>
    request<Ok>('POST', `/lists/${id(listId)}/entries`, { body, schema: Ok }),
  removeEntry: (listId: number, entryId: number, reason: string) =>
    request<Ok>('DELETE', `/lists/${id(listId)}/entries/${id(entryId)}`, { body: { reason }, schema: Ok }),
  submit: (listId: number, body: StepBody) =>
    request<ListDetail>('POST', `/lists/${id(listId)}/submit`, { body, schema: ListDetail }),
  appraise: (listId: number, body: StepBody) =>
    request<ListDetail>('POST', `/lists/${id(listId)}/appraise`, { body, schema: ListDetail }),
  returnList: (listId: number, comment: string) =>
    request<ListDetail>('POST', `/lists/${id(listId)}/return`, { body: { comment }, schema: ListDetail }),
  approve: (listId: number, body: ApproveBody) =>
    request<ListDetail>('POST', `/lists/${id(listId)}/approve`, { body, schema: ListDetail }),
  approveMany: (body: ApproveBody & { listIds: number[] }) =>
    request('POST', '/lists/approve', { body, schema: BulkResult }),
  publish: (listId: number) => request<ListDetail>('POST', `/lists/${id(listId)}/publish`, { schema: ListDetail }),
  supplementary: (listId: number) =>
    request<ListDetail>('POST', `/lists/${id(listId)}/supplementary`, { schema: ListDetail }),
  remarks: (listId: number, signal?: AbortSignal) =>
    request<Remark[]>('GET', `/lists/${id(listId)}/remarks`, { schema: Remarks, signal }),
  addRemark: (listId: number, body: { entryId?: number; text: string }) =>
    request<{ id: number }>('POST', `/lists/${id(listId)}/remarks`, { body, schema: Created }),
  answer: (remarkId: number, answer: string) =>
    request<Ok>('POST', `/remarks/${id(remarkId)}/answer`, { body: { answer }, schema: Ok }),

  publicLists: (q: { limit: number; offset: number; programId?: number; areaCode?: string }, signal?: AbortSignal) =>
    request('GET', '/public/lists', { query: { ...q }, schema: PublicListPage, signal }),
  publicList: (listId: number, signal?: AbortSignal) =>
    request<PublicList>('GET', `/public/lists/${id(listId)}`, { schema: PublicList, signal }),

  batches: (q: { programId?: number; limit: number; offset: number }, signal?: AbortSignal) =>
    request('GET', '/payment-batches', { query: { ...q }, schema: BatchPage, signal }),
  batch: (batchId: number, signal?: AbortSignal) =>
    request<BatchOut>('GET', `/payment-batches/${id(batchId)}`, { schema: BatchOut, signal }),
  batchEntries: (batchId: number, q: EntriesFilter, signal?: AbortSignal) =>
    request('GET', `/payment-batches/${id(batchId)}/entries`, { query: { ...q }, schema: EntryPage, signal }),
  createBatch: (body: { programId: number; period: string; channel: PaymentChannel; areaCode?: string }) =>
    request<BatchOut>('POST', '/payment-batches', { body, schema: BatchOut }),
  /** The Idempotency-Key makes a retried request (after a network error) take effect once. */
  recordPayments: (batchId: number, body: RecordPaymentsBody, key: string) =>
    request<RecordResult>('POST', `/payment-batches/${id(batchId)}/payments`, {
      body,
      headers: { 'Idempotency-Key': key },
      schema: RecordResult,
    }),
  reconcile: (batchId: number, file: Blob, fileName: string, key: string) => {
    const form = new FormData();
    form.append('file', file, fileName);
    return request<RecordResult>('POST', `/payment-batches/${id(batchId)}/reconcile`, {
      form,
      headers: { 'Idempotency-Key': key },
      schema: RecordResult,
    });
  },
};

export const programsUrls = {
  sheet: (batchId: number) => apiUrl(`/payment-batches/${id(batchId)}/sheet.xlsx`),
  importTemplate: (programId: number) => apiUrl(`/programs/${id(programId)}/import-template.xlsx`),
};

/** Query keys; everything of the module starts with 'programs' so one invalidation refreshes it all. */
export const pk = {
  all: ['programs'] as const,
  programs: ['programs', 'list'] as const,
  program: (programId: number) => ['programs', 'one', programId] as const,
  progress: (programId: number, period: string | undefined) => ['programs', 'progress', programId, period] as const,
  totals: (f: TotalsFilter) => ['programs', 'totals', f] as const,
  lists: (f: ListsFilter) => ['programs', 'lists', f] as const,
  list: (listId: number) => ['programs', 'list-one', listId] as const,
  entries: (listId: number, f: EntriesFilter) => ['programs', 'entries', listId, f] as const,
  remarks: (listId: number) => ['programs', 'remarks', listId] as const,
  batches: (programId: number) => ['programs', 'batches', programId] as const,
  batch: (batchId: number) => ['programs', 'batch', batchId] as const,
  batchEntries: (batchId: number, f: EntriesFilter) => ['programs', 'batch-entries', batchId, f] as const,
  publicLists: (page: number) => ['public-lists', page] as const,
  publicList: (listId: number) => ['public-list', listId] as const,
};
