import { ActivityOut, ActivityPage, OkResponse } from '@ansinh/domain';
import type { ActivitiesQuery, ActivityBody } from '@ansinh/domain';
import { request } from '../../kernel/http';

export type ActivitiesFilter = Partial<ActivitiesQuery>;

export const activitiesKeys = {
  all: ['activities'] as const,
  list: (f: ActivitiesFilter) => ['activities', 'list', f] as const,
};

/** The activities register's endpoints (contracts in @ansinh/domain). */
export const activitiesApi = {
  list: (filter: ActivitiesFilter, signal?: AbortSignal) =>
    request<ActivityPage>('GET', '/activities', { query: { ...filter }, schema: ActivityPage, signal }),
  create: (body: ActivityBody) => request<ActivityOut>('POST', '/activities', { body, schema: ActivityOut }),
  update: (id: number, body: ActivityBody) =>
    request<ActivityOut>('PUT', `/activities/${id}`, { body, schema: ActivityOut }),
  remove: (id: number) => request('DELETE', `/activities/${id}`, { schema: OkResponse }),
};
