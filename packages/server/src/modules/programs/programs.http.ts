import { z } from 'zod';
import { programsPolicy } from './programs.policy.js';

/** Parameters and small schemas the programs routes share. */
export const IdParams = z.object({ id: z.coerce.number().int().positive() });
export const EntryParams = z.object({
  id: z.coerce.number().int().positive(),
  entryId: z.coerce.number().int().positive(),
});
export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const Ok = z.object({ ok: z.boolean() });
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Who may call a route: the rows of the programs policy. */
export const T = programsPolicy.table;
export const tags = ['programs'];
export const headerOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
