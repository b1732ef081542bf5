import { z } from 'zod';
import {
  DuplicateList,
  HouseholdOut,
  HouseholdPage,
  ImportJobOut,
  PersonOut,
  PersonPage,
  StatusOut,
  Timeline,
  TransferIncoming,
  TransferList,
  TransferOutgoing,
} from '@ansinh/domain';
import type {
  CreateHouseholdBody,
  CreatePersonBody,
  CreateTransferBody,
  DecideTransferBody,
  DuplicateDecisionBody,
  EndStatusBody,
  GrantStatusBody,
  HouseholdEventBody,
  HouseholdsQuery,
  PatchHouseholdBody,
  PatchPersonBody,
  PersonsQuery,
} from '@ansinh/domain';
import { apiUrl, request } from '../../kernel/http';

/** Query objects as the UI holds them: every filter optional, page numbers optional. */
export type PersonsFilter = Partial<PersonsQuery>;
export type HouseholdsFilter = Partial<HouseholdsQuery>;
export type ImportMode = 'dry_run' | 'commit';

const DuplicateDecisionOut = z.object({ ok: z.literal(true), keptId: z.number().int().nullable() });
type DuplicateDecisionOut = z.infer<typeof DuplicateDecisionOut>;
const id = (n: number) => encodeURIComponent(String(n));

export const registryApi = {
  persons: (filter: PersonsFilter, signal?: AbortSignal) =>
    request<PersonPage>('GET', '/persons', { query: { ...filter }, schema: PersonPage, signal }),
  person: (personId: number, signal?: AbortSignal) =>
    request<PersonOut>('GET', `/persons/${id(personId)}`, { schema: PersonOut, signal }),
  timeline: (personId: number, signal?: AbortSignal) =>
    request<Timeline>('GET', `/persons/${id(personId)}/timeline`, { schema: Timeline, signal }),
  createPerson: (body: CreatePersonBody) => request<PersonOut>('POST', '/persons', { body, schema: PersonOut }),
  patchPerson: (personId: number, body: PatchPersonBody) =>
    request<PersonOut>('PATCH', `/persons/${id(personId)}`, { body, schema: PersonOut }),

  households: (filter: HouseholdsFilter, signal?: AbortSignal) =>
    request<HouseholdPage>('GET', '/households', { query: { ...filter }, schema: HouseholdPage, signal }),
  household: (householdId: number, signal?: AbortSignal) =>
    request<HouseholdOut>('GET', `/households/${id(householdId)}`, { schema: HouseholdOut, signal }),
  createHousehold: (body: CreateHouseholdBody) =>
    request<HouseholdOut>('POST', '/households', { body, schema: HouseholdOut }),
  patchHousehold: (householdId: number, body: PatchHouseholdBody) =>
    request<HouseholdOut>('PATCH', `/households/${id(householdId)}`, { body, schema: HouseholdOut }),
  householdEvent: (householdId: number, body: HouseholdEventBody) =>
    request<HouseholdOut>('POST', `/households/${id(householdId)}/events`, { body, schema: HouseholdOut }),

  grantStatus: (body: GrantStatusBody) => request<StatusOut>('POST', '/statuses', { body, schema: StatusOut }),
  endStatus: (statusId: number, body: EndStatusBody) =>
    request<StatusOut>('POST', `/statuses/${id(statusId)}/end`, { body, schema: StatusOut }),

  duplicates: (signal?: AbortSignal) =>
    request<DuplicateList>('GET', '/registry/duplicates', { schema: DuplicateList, signal }),
  transfers: (signal?: AbortSignal) =>
    request<TransferList>('GET', '/registry/transfers', { schema: TransferList, signal }),
  requestTransfer: (body: CreateTransferBody) =>
    request<TransferOutgoing>('POST', '/registry/transfers', { body, schema: TransferOutgoing }),
  decideTransfer: (transferId: number, body: DecideTransferBody) =>
    request<TransferIncoming>('POST', `/registry/transfers/${id(transferId)}/decision`, {
      body,
      schema: TransferIncoming,
    }),
  decideDuplicate: (body: DuplicateDecisionBody) =>
    request<DuplicateDecisionOut>('POST', '/registry/duplicates/decisions', { body, schema: DuplicateDecisionOut }),

  /** Upload a file for a dry run or a commit; answers a job to poll with {@link registryApi.importJob}. */
  startImport: (file: Blob, fileName: string, mode: ImportMode) => {
    const form = new FormData();
    form.append('file', file, fileName);
    return request<ImportJobOut>('POST', '/registry/imports', { query: { mode }, form, schema: ImportJobOut });
  },
  importJob: (jobId: number, signal?: AbortSignal) =>
    request<ImportJobOut>('GET', `/registry/imports/${id(jobId)}`, { schema: ImportJobOut, signal }),
};

/** Download addresses, for plain links with a `download` attribute. */
export const registryUrls = {
  /** The filtered list of persons as XLSX: the same filters as the search, without the page. */
  exportPersons: (filter: PersonsFilter) => {
    const { page: _page, pageSize: _pageSize, ...rest } = filter;
    return apiUrl('/persons/export.xlsx', { ...rest });
  },
  importTemplate: () => apiUrl('/registry/import/template.xlsx'),
  rejectedRows: (jobId: number) => apiUrl(`/registry/imports/${id(jobId)}/rejected.xlsx`),
};

/** Query keys, in one place so invalidation matches. */
export const registryKeys = {
  /** Everything of the registry: invalidated after any change to it. */
  all: ['registry'] as const,
  persons: (filter: PersonsFilter) => ['registry', 'persons', filter] as const,
  person: (personId: number) => ['registry', 'person', personId] as const,
  timeline: (personId: number) => ['registry', 'timeline', personId] as const,
  households: (filter: HouseholdsFilter) => ['registry', 'households', filter] as const,
  household: (householdId: number) => ['registry', 'household', householdId] as const,
  duplicates: ['registry', 'duplicates'] as const,
  transfers: ['registry', 'transfers'] as const,
  importJob: (jobId: number) => ['import-job', jobId] as const,
};
