import { z } from 'zod';
import { IsoDate } from './common.js';

/**
 * An agency of a province's People's Committee that AnSinh serves (since the 2025 reorganisation
 * one province runs several: the Sở Nội vụ, the Sở Y tế ...). Its code is unique in the province
 * and is what users, programs, procedures and reports point at (`agency_code`).
 */
export const AgencyCode = z
  .string()
  .trim()
  .min(2, 'Mã cơ quan có ít nhất 2 ký tự')
  .max(20, 'Mã cơ quan dài tối đa 20 ký tự')
  .regex(/^[A-Z0-9_-]+$/, 'Mã cơ quan chỉ gồm chữ in hoa không dấu, chữ số, gạch ngang (ví dụ SNV)');

const Text = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `${what}: nhập ít nhất ${min} ký tự`).max(max, `${what}: dài tối đa ${max} ký tự`);

export const AgencyBody = z.strictObject({
  code: AgencyCode,
  /** As written in running text: "Sở Nội vụ". */
  name: Text(2, 200, 'Tên cơ quan'),
  /** As printed in a document's header, upper case: "SỞ NỘI VỤ". */
  headerName: Text(2, 200, 'Tên in trên văn bản'),
  /** The line above it: "UBND TỈNH ĐỒNG NAI". */
  parentName: Text(2, 200, 'Cơ quan chủ quản'),
  /** The symbol after "BC-" in a report's number: "SNV". */
  symbol: Text(2, 40, 'Ký hiệu'),
  place: Text(2, 100, 'Địa danh'),
  signerAuthority: z.string().trim().max(100),
  signerTitle: Text(2, 100, 'Chức vụ người ký'),
  signerName: Text(2, 100, 'Họ tên người ký'),
  recipients: z.array(z.string().trim().max(300)).max(30).default([]),
  /** Fields of work, free words ("lao động", "người có công", "bảo trợ xã hội"). */
  fields: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
  activeFrom: IsoDate.nullable().optional(),
  activeTo: IsoDate.nullable().optional(),
});
export type AgencyBody = z.input<typeof AgencyBody>;

/** Any subset but the code (other records point at it). */
export const PatchAgencyBody = AgencyBody.omit({ code: true }).partial();
export type PatchAgencyBody = z.input<typeof PatchAgencyBody>;

export const AgencyOut = z.object({
  id: z.number().int(),
  provinceCode: z.string(),
  code: z.string(),
  name: z.string(),
  headerName: z.string(),
  parentName: z.string(),
  symbol: z.string(),
  place: z.string(),
  signerAuthority: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
  recipients: z.array(z.string()),
  fields: z.array(z.string()),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  updatedAt: z.string(),
});
export type AgencyOut = z.infer<typeof AgencyOut>;

export const AgencyList = z.object({ items: z.array(AgencyOut) });
export type AgencyList = z.infer<typeof AgencyList>;
