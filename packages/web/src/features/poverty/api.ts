import { z } from 'zod';
import {
  CampaignList,
  CampaignOut,
  PovertyCasePage,
  MeetingOut,
  PostingOut,
  PovertyProgressOut,
  RecognitionOut,
  SurveyOut,
  type CreateCampaignBody,
  type DistrictOpinionBody,
  type MeetingBody,
  type PostingBody,
  type PovertyStandard,
  type RecognitionBody,
  type SurveyBody,
} from '@ansinh/domain';
import { request } from '../../kernel/http';

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
};

/** Query keys of the poverty pages. */
export const pk = {
  all: ['poverty'] as const,
  campaigns: (year?: number) => ['poverty', 'campaigns', year ?? null] as const,
  campaign: (id: number) => ['poverty', 'campaign', id] as const,
  cases: (id: number, step?: string) => ['poverty', 'cases', id, step ?? null] as const,
  rules: (id: number) => ['poverty', 'rules', id] as const,
  progress: (year?: number) => ['poverty', 'progress', year ?? null] as const,
};
