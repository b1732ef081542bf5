import {
  DossierLookupOut,
  DossierOut,
  DossierPage,
  DossierStatsOut,
  ProcedureImportResult,
  ProcedureOut,
  ProcedurePage,
} from '@ansinh/domain';
import type { DossiersQuery, ProceduresQuery, ReceiveDossierBody } from '@ansinh/domain';
import { apiUrl, request } from '../../kernel/http';

export type DossiersFilter = Partial<DossiersQuery>;
export type ProceduresFilter = Partial<ProceduresQuery>;

export const dk = {
  all: ['dossiers'] as const,
  list: (f: DossiersFilter) => ['dossiers', 'list', f] as const,
  one: (id: number) => ['dossiers', 'one', id] as const,
  procedures: (f: ProceduresFilter) => ['dossiers', 'procedures', f] as const,
  stats: (q: Record<string, string>) => ['dossiers', 'stats', q] as const,
};

/** The dossiers module's endpoints (contracts in @ansinh/domain). */
export const dossiersApi = {
  list: (f: DossiersFilter, signal?: AbortSignal) =>
    request<DossierPage>('GET', '/dossiers', { query: { ...f }, schema: DossierPage, signal }),
  get: (id: number, signal?: AbortSignal) =>
    request<DossierOut>('GET', `/dossiers/${id}`, { schema: DossierOut, signal }),
  receive: (body: ReceiveDossierBody) => request<DossierOut>('POST', '/dossiers', { body, schema: DossierOut }),
  act: (id: number, action: string, body: object) =>
    request<DossierOut>('POST', `/dossiers/${id}/${action}`, { body, schema: DossierOut }),
  attach: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<DossierOut>('POST', `/dossiers/${id}/files`, { form, schema: DossierOut });
  },
  fileUrl: (id: number, fileId: number) => apiUrl(`/dossiers/${id}/files/${fileId}`),
  procedures: (f: ProceduresFilter, signal?: AbortSignal) =>
    request<ProcedurePage>('GET', '/procedures', { query: { ...f }, schema: ProcedurePage, signal }),
  procedure: (id: number, signal?: AbortSignal) =>
    request<ProcedureOut>('GET', `/procedures/${id}`, { schema: ProcedureOut, signal }),
  importProcedures: (file: File, mode: 'dry_run' | 'commit') => {
    const form = new FormData();
    form.append('file', file);
    return request<ProcedureImportResult>('POST', '/procedures/import', {
      query: { mode },
      form,
      schema: ProcedureImportResult,
    });
  },
  templateUrl: () => apiUrl('/procedures/template.xlsx'),
  stats: (q: Record<string, string>, signal?: AbortSignal) =>
    request<DossierStatsOut>('GET', '/dossiers/stats', { query: q, schema: DossierStatsOut, signal }),
  lookup: (code: string, check: string, signal?: AbortSignal) =>
    request<DossierLookupOut>('GET', '/public/dossiers/lookup', {
      query: { code, check },
      schema: DossierLookupOut,
      signal,
    }),
};
