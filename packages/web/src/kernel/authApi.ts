import type { z } from 'zod';
import { Me, OkResponse } from '@ansinh/domain';
import type { ChangePasswordBody, LoginBody } from '@ansinh/domain';
import { request } from './http';

type Ok = z.infer<typeof OkResponse>;

/** The session: who is signed in, sign in and out, change one's own password. */
export const authApi = {
  login: (body: LoginBody) => request<Me>('POST', '/auth/login', { body, schema: Me }),
  logout: () => request<Ok>('POST', '/auth/logout', { schema: OkResponse }),
  me: (signal?: AbortSignal) => request<Me>('GET', '/auth/me', { schema: Me, signal }),
  changePassword: (body: ChangePasswordBody) => request<Ok>('POST', '/auth/password', { body, schema: OkResponse }),
};

/** The query key of the signed-in user (`Me`); every other key is a feature's. */
export const meKey = ['me'] as const;
