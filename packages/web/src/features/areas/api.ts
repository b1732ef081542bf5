import { AreaList, AreaOut } from '@ansinh/domain';
import { request } from '../../kernel/http';

export const areasApi = {
  /** The actor's home area(s), as the roots of the tree. */
  roots: (signal?: AbortSignal) => request<AreaList>('GET', '/areas', { schema: AreaList, signal }),
  children: (parent: string, signal?: AbortSignal) =>
    request<AreaList>('GET', '/areas', { query: { parent }, schema: AreaList, signal }),
  search: (q: string, signal?: AbortSignal) =>
    request<AreaList>('GET', '/areas', { query: { q }, schema: AreaList, signal }),
  get: (code: string, signal?: AbortSignal) =>
    request<AreaOut>('GET', `/areas/${encodeURIComponent(code)}`, { schema: AreaOut, signal }),
};

/** Query keys, in one place so invalidation matches. */
export const areasKeys = {
  roots: ['areas', 'roots'] as const,
  children: (code: string) => ['areas', 'children', code] as const,
  search: (q: string) => ['areas', 'search', q] as const,
  one: (code: string) => ['areas', 'one', code] as const,
};
