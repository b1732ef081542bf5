import type { Selectable } from 'kysely';
import type {
  ListEntriesTable,
  ProgramListsTable,
  ProgramRulesTable,
  ProgramsTable,
} from '../../../db/schema-programs.js';
import type { AreaColumn } from '../../../platform/authz.js';

/** Row types of the programs module's tables (the rest of the module imports them from here). */
export type ProgramRow = Selectable<ProgramsTable>;
export type ProgramRuleRow = Selectable<ProgramRulesTable>;
export type ListRow = Selectable<ProgramListsTable>;
export type EntryRow = Selectable<ListEntriesTable>;
export type NewEntry = Omit<
  EntryRow,
  'id' | 'approved_key' | 'batch_id' | 'arrears_amount' | 'quantity_milli' | 'manual'
> & {
  arrears_amount?: number;
  quantity_milli?: number;
  manual?: number;
};

/** A status row of a candidate, with what the rules and the list need to know. */
export interface CandidateRow {
  person_id: number | null;
  household_id: number | null;
  kind: string;
  category: string;
  year: number | null;
  degree: number | null;
  valid_from: string;
}

/**
 * An entry as the check reads it, with the registry as it is now, already picked in SQL as
 * `checkListEntries()` sees it: the birth date, personal ID and death of the person, else of the
 * household's head, else the entry's own (only the columns the check uses: each column of each row
 * read costs, and a check reads tens of thousands). The set-based check adds what the rule gives
 * now (`expected_amount`; null: nothing, or a manual entry); the every-entry check adds the
 * household, whose members `entitlement()` counts.
 */
export interface CheckRow {
  id: number;
  list_id: number;
  beneficiary_key: string;
  full_name: string;
  birth_date: string | null;
  citizen_id: string | null;
  deceased_on: string | null;
  moved_out_on: string | null;
  amount: number;
  quantity_milli: number;
  manual: number;
  arrears_months: string | null;
  expected_amount?: number | null;
  household_id?: number | null;
}

/** What a list shows of a person. */
export interface HolderColumns {
  full_name: string;
  birth_date: string | null;
  citizen_id: string | null;
  village: string | null;
  province_code: string;
  district_code: string | null;
  commune_code: string;
}

export interface Scope {
  column: AreaColumn;
  code: string;
}

export const CHUNK = 800;

/**
 * Run a query per slice of ids and join the rows, without spreading them into push() (spreading
 * 100.000 rows overflows the call stack).
 */
export async function chunked<I, T>(
  ids: readonly I[],
  query: (slice: I[]) => Promise<T[]>,
  size = CHUNK,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) for (const r of await query(ids.slice(i, i + size))) out.push(r);
  return out;
}

/** The part of better-sqlite3 the fast insert path uses. */
export interface SqliteHandle {
  prepare(sql: string): { run(params: unknown[]): unknown };
}
