import type { z } from 'zod';
import {
  AreaList,
  AreaOut,
  AuditPage,
  Me,
  OkResponse,
  UserOut,
  UserPage,
} from '@ansinh/domain';
import type {
  AuditQuery,
  ChangePasswordBody,
  CreateUserBody,
  LoginBody,
  PatchUserBody,
  UsersQuery,
} from '@ansinh/domain';
import { request } from './client';

type Ok = z.infer<typeof OkResponse>;

/** Query objects as the UI holds them: every filter optional, page numbers optional. */
export type UsersFilter = Partial<UsersQuery>;
export type AuditFilter = Partial<AuditQuery>;

export const authApi = {
  login: (body: LoginBody) => request<Me>('POST', '/auth/login', { body, schema: Me }),
  logout: () => request<Ok>('POST', '/auth/logout', { schema: OkResponse }),
  me: (signal?: AbortSignal) => request<Me>('GET', '/auth/me', { schema: Me, signal }),
  changePassword: (body: ChangePasswordBody) =>
    request<Ok>('POST', '/auth/password', { body, schema: OkResponse }),
};

export const usersApi = {
  list: (filter: UsersFilter, signal?: AbortSignal) =>
    request<UserPage>('GET', '/users', { query: { ...filter }, schema: UserPage, signal }),
  create: (body: CreateUserBody) => request<UserOut>('POST', '/users', { body, schema: UserOut }),
  patch: (id: number, body: PatchUserBody) =>
    request<UserOut>('PATCH', `/users/${encodeURIComponent(String(id))}`, { body, schema: UserOut }),
};

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

export const auditApi = {
  list: (filter: AuditFilter, signal?: AbortSignal) =>
    request<AuditPage>('GET', '/audit', { query: { ...filter }, schema: AuditPage, signal }),
};

/** Query keys, in one place so invalidation matches. */
export const qk = {
  me: ['me'] as const,
  users: (filter: UsersFilter) => ['users', filter] as const,
  usersAll: ['users'] as const,
  areaRoots: ['areas', 'roots'] as const,
  areaChildren: (code: string) => ['areas', 'children', code] as const,
  areaSearch: (q: string) => ['areas', 'search', q] as const,
  area: (code: string) => ['areas', 'one', code] as const,
  audit: (filter: AuditFilter) => ['audit', filter] as const,
};
