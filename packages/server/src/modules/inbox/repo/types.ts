import type { AreaColumn } from '../../../platform/authz.js';

/** The area a query is limited to (null: the system actor, everything). */
export type CodeScope = { column: AreaColumn; code: string } | null;

/** One waiting record as a reader returns it, before the presenter. */
export interface WaitingRow {
  id: number;
  title: string;
  detail: string | null;
  area_name: string | null;
  since: string;
  due: string | null;
  /** For imports: the job's kind ('registry', 'employment') or 'failed'. */
  state?: string;
}

/** A kind's answer: how many wait (and how many are late), and the most urgent few. */
export interface KindAnswer {
  count: number;
  overdue: number;
  rows: WaitingRow[];
}
