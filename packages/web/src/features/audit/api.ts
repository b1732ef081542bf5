import { AuditPage } from '@ansinh/domain';
import type { AuditQuery } from '@ansinh/domain';
import { request } from '../../kernel/http';

/** Query objects as the UI holds them: every filter optional, page numbers optional. */
export type AuditFilter = Partial<AuditQuery>;

export const auditApi = {
  list: (filter: AuditFilter, signal?: AbortSignal) =>
    request<AuditPage>('GET', '/audit', { query: { ...filter }, schema: AuditPage, signal }),
};

/** Query keys, in one place so invalidation matches. */
export const auditKeys = {
  list: (filter: AuditFilter) => ['audit', filter] as const,
};
