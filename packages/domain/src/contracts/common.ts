import { z } from 'zod';

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

/** Calendar date as YYYY-MM-DD (no time zone). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

/** GSO area code: 2 digits province, 3 district, 5 commune. */
export const AreaCode = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'Mã đơn vị hành chính gồm 2, 3 hoặc 5 chữ số');

export const OkResponse = z.object({ ok: z.literal(true) });
