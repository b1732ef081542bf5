import {
  CaseOut,
  CasePage,
  DueList,
  HotlineCallOut,
  HotlineCallPage,
  IdentityOut,
  LetterOut,
  LetterPage,
  PetitionStats,
  ReceptionEntryOut,
  ReceptionEntryPage,
} from '@ansinh/domain';
import type {
  CaseStepBody,
  CasesQuery,
  ClassifyLetterBody,
  DecideLetterBody,
  HotlineCallBody,
  LetterBody,
  LettersQuery,
  ReceptionEntryBody,
  SplitLetterBody,
} from '@ansinh/domain';
import { z } from 'zod';
import { apiUrl, request } from '../../kernel/http';

export type LettersFilter = Partial<LettersQuery>;
export type CasesFilter = Partial<CasesQuery>;

export const pk = {
  all: ['petitions'] as const,
  letters: (f: LettersFilter) => ['petitions', 'letters', f] as const,
  letter: (id: number) => ['petitions', 'letter', id] as const,
  cases: (f: CasesFilter) => ['petitions', 'cases', f] as const,
  case: (id: number) => ['petitions', 'case', id] as const,
  calls: (page: number) => ['petitions', 'calls', page] as const,
  entries: (f: Record<string, string>) => ['petitions', 'entries', f] as const,
  due: ['petitions', 'due'] as const,
  stats: (q: Record<string, string>) => ['petitions', 'stats', q] as const,
};

const DecideOut = z.object({ letter: LetterOut, case: CaseOut.nullable() });
const SplitOut = z.object({ parent: LetterOut, parts: z.array(LetterOut) });
const P = '/petitions';

/** The petitions module's endpoints (contracts in @ansinh/domain). */
export const petitionsApi = {
  letters: (f: LettersFilter, signal?: AbortSignal) =>
    request<LetterPage>('GET', `${P}/letters`, { query: { ...f }, schema: LetterPage, signal }),
  letter: (id: number, signal?: AbortSignal) =>
    request<LetterOut>('GET', `${P}/letters/${id}`, { schema: LetterOut, signal }),
  receive: (body: Partial<LetterBody>) => request<LetterOut>('POST', `${P}/letters`, { body, schema: LetterOut }),
  classify: (id: number, body: ClassifyLetterBody) =>
    request<LetterOut>('POST', `${P}/letters/${id}/classify`, { body, schema: LetterOut }),
  split: (id: number, body: SplitLetterBody) => request('POST', `${P}/letters/${id}/split`, { body, schema: SplitOut }),
  decide: (id: number, body: Partial<DecideLetterBody>) =>
    request('POST', `${P}/letters/${id}/decide`, { body, schema: DecideOut }),
  notify: (id: number, body: { date: string; documentRef?: string | null }) =>
    request<LetterOut>('POST', `${P}/letters/${id}/notify`, { body, schema: LetterOut }),
  identity: (id: number) => request<IdentityOut>('GET', `${P}/letters/${id}/identity`, { schema: IdentityOut }),
  cases: (f: CasesFilter, signal?: AbortSignal) =>
    request<CasePage>('GET', `${P}/cases`, { query: { ...f }, schema: CasePage, signal }),
  case: (id: number, signal?: AbortSignal) => request<CaseOut>('GET', `${P}/cases/${id}`, { schema: CaseOut, signal }),
  step: (id: number, body: Partial<CaseStepBody>) =>
    request<CaseOut>('POST', `${P}/cases/${id}/steps`, { body, schema: CaseOut }),
  calls: (page: number, signal?: AbortSignal) =>
    request<HotlineCallPage>('GET', `${P}/calls`, { query: { page, pageSize: 20 }, schema: HotlineCallPage, signal }),
  logCall: (body: Partial<HotlineCallBody>) =>
    request<HotlineCallOut>('POST', `${P}/calls`, { body, schema: HotlineCallOut }),
  entries: (f: Record<string, string>, signal?: AbortSignal) =>
    request<ReceptionEntryPage>('GET', `${P}/entries`, { query: f, schema: ReceptionEntryPage, signal }),
  addEntry: (body: Partial<ReceptionEntryBody>) =>
    request<ReceptionEntryOut>('POST', `${P}/entries`, { body, schema: ReceptionEntryOut }),
  bookUrl: (from: string, to: string) => apiUrl(`${P}/book.xlsx`, { from, to }),
  bookDocxUrl: (from: string, to: string) => apiUrl(`${P}/book.docx`, { from, to }),
  /** Mẫu 01/TCD, 02/TCD or the slip of the decision, as DOCX. */
  formUrl: (id: number, form: '01-tcd' | '02-tcd' | 'slip') => apiUrl(`${P}/letters/${id}/forms/${form}`, {}),
  statsXlsxUrl: (q: { from: string; to: string }) => apiUrl(`${P}/stats.xlsx`, q),
  extendCheck: (id: number, body: { date: string; reason: string }) =>
    request<LetterOut>('POST', `${P}/letters/${id}/extend-check`, { body, schema: LetterOut }),
  due: (signal?: AbortSignal) => request<DueList>('GET', `${P}/due`, { schema: DueList, signal }),
  stats: (q: Record<string, string>, signal?: AbortSignal) =>
    request<PetitionStats>('GET', `${P}/stats`, { query: q, schema: PetitionStats, signal }),
};
