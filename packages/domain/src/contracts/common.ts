import { z } from 'zod';
import { isPartialDate, isValidIsoDate } from '../dates.js';

/** RFC 9457 problem+json body returned by every error (stable `code`, Vietnamese `message`). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of items with the total, so the UI can show "1–50 / 1.234". */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** The message for a date written right that is not on the calendar (30/02, month 13). */
export const NOT_A_CALENDAR_DATE =
  'Ngày không có trên lịch (ví dụ ngày 30/02 hay tháng 13); kiểm tra lại ngày và tháng.';

/**
 * Calendar date as YYYY-MM-DD (no time zone), and a real one: "2021-02-30" is refused as a field
 * error (400), never reaching the database. The one date schema of every contract.
 */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine(isValidIsoDate, NOT_A_CALENDAR_DATE);

/** A partial date ("YYYY", "YYYY-MM" or "YYYY-MM-DD", as birth dates often are), each part real. */
export const PartialIsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Ngày phải có dạng năm, tháng/năm hoặc ngày/tháng/năm')
  .refine(isPartialDate, NOT_A_CALENDAR_DATE);

/** A month as YYYY-MM (a payroll period). */
export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Kỳ theo dạng YYYY-MM, ví dụ 2024-07');

/** GSO area code: 2 digits province, 3 district, 5 commune. */
export const AreaCode = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'Mã đơn vị hành chính gồm 2, 3 hoặc 5 chữ số');

export const OkResponse = z.object({ ok: z.literal(true) });
