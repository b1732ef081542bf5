import { z } from 'zod';

/**
 * The work inbox: what waits for the signed-in person across modules (issue 18). Each kind names
 * the work and where it is done; the web app builds the link from `kind` and `id`.
 */
export const INBOX_KINDS = [
  'list_fix',
  'list_prepare',
  'list_appraise',
  'list_approve',
  'list_sign',
  'remark_answer',
  'dossier_due',
  'letter_due',
  'case_due',
  'import_done',
] as const;
export const InboxKind = z.enum(INBOX_KINDS);
export type InboxKind = z.infer<typeof InboxKind>;

export const InboxItem = z.object({
  kind: InboxKind,
  /** The record to open: a list, a dossier, a letter, a case or an import job. */
  id: z.number().int(),
  /** A list's program name, a dossier's code and applicant, a letter's code ... */
  title: z.string(),
  /** A second line: the period, the procedure, the remark's text ... */
  detail: z.string(),
  areaName: z.string().nullable(),
  /** Since when it waits (YYYY-MM-DD). */
  since: z.string(),
  /** When it is due (YYYY-MM-DD), if the work has a legal or promised date. */
  due: z.string().nullable(),
  overdue: z.boolean(),
  /** For imports: which import ('registry', 'employment'), or 'failed'. */
  state: z.string().nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxCount = z.object({ kind: InboxKind, count: z.number().int(), overdue: z.number().int() });
export type InboxCount = z.infer<typeof InboxCount>;

export const InboxOut = z.object({
  asOf: z.string(),
  /** Every kind this person may be given, with its count (zero included), in the order shown. */
  counts: z.array(InboxCount),
  /** Overdue first, then the soonest due, then the oldest; at most `limit` per kind. */
  items: z.array(InboxItem),
  /** How many of each kind are shown at most (the count may be larger). */
  limit: z.number().int(),
});
export type InboxOut = z.infer<typeof InboxOut>;
