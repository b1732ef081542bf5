import { z } from 'zod';
import { AreaCode, PageQuery, pageOf } from './common.js';
import { AgencyCode } from './agencies.js';
import { Role } from './roles.js';

export const Username = z
  .string()
  .trim()
  .min(3, 'Tên đăng nhập có ít nhất 3 ký tự')
  .max(64, 'Tên đăng nhập dài tối đa 64 ký tự')
  .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới');

export const Password = z
  .string()
  .min(10, 'Mật khẩu phải có ít nhất 10 ký tự')
  .max(256, 'Mật khẩu dài tối đa 256 ký tự');

export const FullName = z.string().trim().min(1, 'Nhập họ và tên').max(120, 'Họ và tên dài tối đa 120 ký tự');

export const UserOut = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: Role,
  areaCode: z.string(),
  areaName: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  /** The agency the account works for (null: every agency of its province). */
  agencyCode: z.string().nullable().optional(),
});
export type UserOut = z.infer<typeof UserOut>;

export const UserPage = pageOf(UserOut);
export type UserPage = z.infer<typeof UserPage>;

export const UsersQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  areaCode: AreaCode.optional(),
  disabled: z.enum(['true', 'false']).optional(),
});
export type UsersQuery = z.infer<typeof UsersQuery>;

export const CreateUserBody = z.strictObject({
  username: Username,
  password: Password,
  fullName: FullName,
  role: Role,
  areaCode: AreaCode,
  /** The agency of the province the account works for (`GET /api/v1/agencies`); none: every agency. */
  agencyCode: AgencyCode.nullable().optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** Any subset; `password` here is an admin's reset (the user must change it at next login). */
export const PatchUserBody = z.strictObject({
  fullName: FullName.optional(),
  role: Role.optional(),
  areaCode: AreaCode.optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
  agencyCode: AgencyCode.nullable().optional(),
});
export type PatchUserBody = z.infer<typeof PatchUserBody>;
