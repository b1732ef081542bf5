import { z } from 'zod';

/** The kinds of background job (docs/operations/several-servers.md). */
export const BACKGROUND_JOB_KINDS = ['programs.generate_lists', 'programs.payment_sheet', 'reports.docx'] as const;
export const BackgroundJobKind = z.enum(BACKGROUND_JOB_KINDS);
export type BackgroundJobKind = z.infer<typeof BackgroundJobKind>;

export const BACKGROUND_JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export const BackgroundJobState = z.enum(BACKGROUND_JOB_STATES);
export type BackgroundJobState = z.infer<typeof BackgroundJobState>;

/**
 * A background job as the web polls it (`GET /api/v1/jobs/:id`): its progress while it runs, then
 * its result (JSON, or a file to download from `GET /api/v1/jobs/:id/file`) or its error, whose
 * message is Vietnamese and says what to do.
 */
export const BackgroundJobOut = z.object({
  id: z.number().int(),
  kind: BackgroundJobKind,
  state: BackgroundJobState,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  result: z.unknown().nullable(),
  file: z.object({ name: z.string() }).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BackgroundJobOut = z.infer<typeof BackgroundJobOut>;
