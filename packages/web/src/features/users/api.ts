import { UserOut, UserPage } from '@ansinh/domain';
import type { CreateUserBody, PatchUserBody, UsersQuery } from '@ansinh/domain';
import { request } from '../../kernel/http';

/** Query objects as the UI holds them: every filter optional, page numbers optional. */
export type UsersFilter = Partial<UsersQuery>;

export const usersApi = {
  list: (filter: UsersFilter, signal?: AbortSignal) =>
    request<UserPage>('GET', '/users', { query: { ...filter }, schema: UserPage, signal }),
  create: (body: CreateUserBody) => request<UserOut>('POST', '/users', { body, schema: UserOut }),
  patch: (id: number, body: PatchUserBody) =>
    request<UserOut>('PATCH', `/users/${encodeURIComponent(String(id))}`, { body, schema: UserOut }),
};

/** Query keys, in one place so invalidation matches. */
export const usersKeys = {
  all: ['users'] as const,
  list: (filter: UsersFilter) => ['users', filter] as const,
};
