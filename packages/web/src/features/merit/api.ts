import {
  GravePage,
  MeritRecordDetail,
  MeritRecordPage,
  RemainsBoard,
  SampleOut,
  IntakeOut,
  YearlyCountOut,
  GiftTotalsOut,
} from '@ansinh/domain';
import type { MeritExtractBody } from '@ansinh/domain';
import type { z } from 'zod';
import { apiUrl, request } from '../../kernel/http';

export type MeritRecord = z.infer<typeof MeritRecordDetail>;
export type MeritRecords = z.infer<typeof MeritRecordPage>;
export type Graves = z.infer<typeof GravePage>;
export type Board = z.infer<typeof RemainsBoard>;
export type Sample = z.infer<typeof SampleOut>;
export type ExtractForm = z.infer<typeof MeritExtractBody>['form'];

/** Calls of the merit module (answers checked against the contracts). */
export const meritApi = {
  records: (query: { q?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    request('GET', '/merit/records', { query, schema: MeritRecordPage, signal }),
  record: (id: number, signal?: AbortSignal) =>
    request('GET', `/merit/records/${id}`, { schema: MeritRecordDetail, signal }),
  graves: (query: { q?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    request('GET', '/merit/graves', { query, schema: GravePage, signal }),
  board: (signal?: AbortSignal) => request('GET', '/merit/remains', { schema: RemainsBoard, signal }),
  receiveRemains: (body: { team: string; receivedOn: string; remainsCount: number; identifiedCount: number }) =>
    request('POST', '/merit/remains', { body, schema: IntakeOut }),
  takeSample: (body: { code: string; kind: 'remains'; intakeId: number | null; receivedOn: string; takenOn: string }) =>
    request('POST', '/merit/samples', { body, schema: SampleOut }),
  sampleEvent: (
    id: number,
    body: { kind: 'dispatch' | 'result' | 'return'; on: string; lab?: string; outcome?: string },
  ) => request('POST', `/merit/samples/${id}/events`, { body, schema: SampleOut }),
  yearly: (year: number, signal?: AbortSignal) =>
    request('GET', '/merit/yearly-count', { query: { year }, schema: YearlyCountOut, signal }),
  issueExtract: (id: number, body: { form: ExtractForm; issuedOn: string; issuedTo: string }) =>
    request('POST', `/merit/records/${id}/extracts`, { body, schema: MeritRecordDetail }),
  cemeteries: (signal?: AbortSignal) =>
    request<{ id: number; name: string; graves: number }[]>('GET', '/merit/cemeteries', { signal }),
  /** Printed forms (DOCX, always in Vietnamese): plain links, the browser saves the file. */
  extractDocxUrl: (recordId: number, extractId: number) =>
    apiUrl(`/merit/records/${recordId}/extracts/${extractId}/docx`),
  cemeteryListUrl: (cemeteryId: number) => apiUrl(`/merit/cemeteries/${cemeteryId}/graves.docx`),
  handoverUrl: (intakeId: number) => apiUrl(`/merit/remains/${intakeId}/handover.docx`),
  giftTotals: (year: number, signal?: AbortSignal) =>
    request('GET', '/merit/gift-totals', { query: { year }, schema: GiftTotalsOut, signal }),
};

export const meritKeys = {
  all: ['merit'] as const,
  records: (q: object) => ['merit', 'records', q] as const,
  record: (id: number) => ['merit', 'record', id] as const,
  graves: (q: object) => ['merit', 'graves', q] as const,
  board: ['merit', 'board'] as const,
  cemeteries: ['merit', 'cemeteries'] as const,
  yearly: (y: number) => ['merit', 'yearly', y] as const,
};
