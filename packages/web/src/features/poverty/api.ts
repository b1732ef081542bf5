import { z } from 'zod';
import {
  BreakdownOut,
  CampaignList,
  PovertyImportOut,
  CampaignOut,
  PovertyCasePage,
  MeetingOut,
  PostingOut,
  PovertyProgressOut,
  RecognitionOut,
  SurveyOut,
  type BreakdownQuery,
  type CreateCampaignBody,
  type PovertyImportKind,
  type DistrictOpinionBody,
  type MeetingBody,
  type PostingBody,
  type PovertyStandard,
  type RecognitionBody,
  type SurveyBody,
} from '@ansinh/domain';
import { apiUrl, request } from '../../kernel/http';

/** The poverty module's endpoints, on the shared client (validated by the shared contracts). */
export const povertyApi = {
  campaigns: (q: { year?: number }, signal?: AbortSignal) =>
    request('GET', '/poverty/campaigns', { query: q, schema: CampaignList, signal }),
  campaign: (id: number, signal?: AbortSignal) =>
    request('GET', `/poverty/campaigns/${id}`, { schema: CampaignOut, signal }),
  create: (body: CreateCampaignBody) => request('POST', '/poverty/campaigns', { body, schema: CampaignOut }),
  rules: async (id: number, signal?: AbortSignal) =>
    (await request<{ standard: unknown }>('GET', `/poverty/campaigns/${id}/rules`, { signal }))
      .standard as PovertyStandard,
  cases: (id: number, q: { step?: string; limit?: number }, signal?: AbortSignal) =>
    request('GET', `/poverty/campaigns/${id}/cases`, { query: { limit: 500, ...q }, schema: PovertyCasePage, signal }),
  listCurrent: (id: number) =>
    request('POST', `/poverty/campaigns/${id}/cases`, {
      body: { currentLists: true },
      schema: z.object({ listed: z.number() }),
    }),
  survey: (caseId: number, body: SurveyBody) =>
    request('POST', `/poverty/cases/${caseId}/survey`, { body, schema: SurveyOut }),
  meeting: (id: number, body: MeetingBody) =>
    request('POST', `/poverty/campaigns/${id}/meetings`, { body, schema: MeetingOut }),
  posting: (id: number, body: PostingBody) =>
    request('POST', `/poverty/campaigns/${id}/postings`, { body, schema: PostingOut }),
  opinion: (id: number, body: DistrictOpinionBody) =>
    request('POST', `/poverty/campaigns/${id}/district-opinion`, { body }),
  recognize: (id: number, body: RecognitionBody) =>
    request('POST', `/poverty/campaigns/${id}/recognition`, { body, schema: RecognitionOut }),
  progress: (q: { year?: number }, signal?: AbortSignal) =>
    request('GET', '/poverty/progress', { query: q, schema: PovertyProgressOut, signal }),
  breakdown: (q: BreakdownQuery, signal?: AbortSignal) =>
    request('GET', '/poverty/breakdown', { query: { ...q }, schema: BreakdownOut, signal }),
  breakdownXlsxUrl: (q: BreakdownQuery) => apiUrl('/poverty/breakdown.xlsx', { ...q }),
  importFile: (id: number, kind: PovertyImportKind, mode: 'dry_run' | 'commit', file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request('POST', `/poverty/campaigns/${id}/import/${kind}`, {
      query: { mode },
      form,
      schema: PovertyImportOut,
    });
  },
  templateUrl: (kind: PovertyImportKind) => apiUrl(`/poverty/import-templates/${kind}`),
  documentUrl: (id: number, doc: 'decision' | 'certificates') => apiUrl(`/poverty/campaigns/${id}/${doc}.docx`),
};

/** Query keys of the poverty pages. */
export const pk = {
  all: ['poverty'] as const,
  campaigns: (year?: number) => ['poverty', 'campaigns', year ?? null] as const,
  campaign: (id: number) => ['poverty', 'campaign', id] as const,
  cases: (id: number, step?: string) => ['poverty', 'cases', id, step ?? null] as const,
  rules: (id: number) => ['poverty', 'rules', id] as const,
  progress: (year?: number) => ['poverty', 'progress', year ?? null] as const,
  breakdown: (q: BreakdownQuery) => ['poverty', 'breakdown', q] as const,
};
