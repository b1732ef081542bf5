import { AgencyList, AgencyOut } from '@ansinh/domain';
import type { AgencyBody, PatchAgencyBody } from '@ansinh/domain';
import { request } from '../../kernel/http';

export const agenciesApi = {
  list: (signal?: AbortSignal) => request<AgencyList>('GET', '/agencies', { schema: AgencyList, signal }),
  create: (body: AgencyBody) => request<AgencyOut>('POST', '/agencies', { body, schema: AgencyOut }),
  patch: (id: number, body: PatchAgencyBody) =>
    request<AgencyOut>('PATCH', `/agencies/${encodeURIComponent(String(id))}`, { body, schema: AgencyOut }),
};

/** Query keys, in one place so invalidation matches. */
export const agenciesKeys = { all: ['agencies'] as const };
