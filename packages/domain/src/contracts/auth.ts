import { z } from 'zod';
import { Ability, Role } from './roles.js';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(64),
  password: z.string().min(1, 'Nhập mật khẩu').max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: Role,
  areaCode: z.string(),
  areaName: z.string(),
  /** The agency the user works for, shown in the header bar (null: every agency of the province). */
  agencyCode: z.string().nullable().optional(),
  agencyName: z.string().nullable().optional(),
  /** Send this value in the `X-CSRF-Token` header of every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
  abilities: z.array(Ability),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại').max(256),
  newPassword: z.string().min(10, 'Mật khẩu mới phải có ít nhất 10 ký tự').max(256, 'Mật khẩu mới dài quá 256 ký tự'),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
