import { expressionBuilder, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Selectable } from 'kysely';
import type { DossiersTable } from '../../../db/schema-dossiers.js';
import type { AreaColumn } from '../../../platform/authz.js';

export interface AreaLimit {
  column: AreaColumn;
  code: string;
}

/** What the dossier list and the search box narrow by; every part is in the SQL of the query. */
export interface DossierFilter {
  scope: AreaLimit | null;
  area?: AreaLimit | undefined;
  /** The search box: a code prefix, or part of the applicant's name key (searchKey). */
  q?: { code?: string; nameKey?: string } | undefined;
  states?: string[] | undefined;
  procedureId?: number | undefined;
  holder?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The search's name test: `instr` on SQLite (several times faster than LIKE), LIKE on PostgreSQL. */
  dialect?: 'sqlite' | 'postgres' | undefined;
}

/** The columns a list item shows (dossiers.presenter.ts presentListItem): all a list's page reads. */
export const DOSSIER_LIST_COLUMNS = [
  'd.id',
  'd.code',
  'd.applicant_name',
  'd.channel',
  'd.state',
  'd.current_level',
  'd.current_area_code',
  'd.received_at',
  'd.level_due_date',
  'd.due_date',
  'd.appointment_date',
  'd.timeliness',
  'd.commune_code',
] as const;
type Unqualified<T> = T extends `d.${infer C}` ? C : never;
export type DossierListRow = Pick<Selectable<DossiersTable>, Unqualified<(typeof DOSSIER_LIST_COLUMNS)[number]>> & {
  procedure_code: string;
  procedure_name: string;
};

/** Upper bound of a prefix range on a byte-ordered text column (the code is collated "C" on PostgreSQL). */
const prefixEnd = (p: string) => `${p}\u007f`;

/**
 * The one `where` of the dossier list and of the dossier search (`dossiers as d`): the actor's
 * scope, the filters of the list, and the search box. The name test is the same on both
 * databases' data (part of the name key); on PostgreSQL, LIKE '%…%' lets the planner read a narrow
 * name's matches from the trigram index `dossiers_name_trgm_idx` (migration 0040).
 */
export function applyDossierFilter<DB extends { d: DossiersTable }, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  f: DossierFilter,
): SelectQueryBuilder<DB, TB, O> {
  const eb = expressionBuilder<{ d: DossiersTable }, 'd'>();
  const c: Expression<SqlBool>[] = [];
  if (f.scope) c.push(eb(`d.${f.scope.column}`, '=', f.scope.code));
  if (f.area) c.push(eb(`d.${f.area.column}`, '=', f.area.code));
  if (f.holder) c.push(eb('d.current_area_code', '=', f.holder));
  if (f.states) c.push(eb('d.state', 'in', f.states));
  if (f.procedureId) c.push(eb('d.procedure_id', '=', f.procedureId));
  if (f.dueFrom) c.push(eb('d.level_due_date', '>=', f.dueFrom));
  if (f.dueTo) c.push(eb('d.level_due_date', '<=', f.dueTo));
  if (f.from) c.push(eb('d.received_date', '>=', f.from));
  if (f.to) c.push(eb('d.received_date', '<=', f.to));
  if (f.q?.code) c.push(eb('d.code', '>=', f.q.code), eb('d.code', '<', prefixEnd(f.q.code)));
  const key = f.q?.nameKey;
  if (key)
    c.push(
      f.dialect === 'sqlite'
        ? eb(eb.fn('instr', [eb.ref('d.applicant_name_key'), eb.val(key)]), '>', 0)
        : eb('d.applicant_name_key', 'like', `%${key.replace(/[\\%_]/g, '')}%`),
    );
  return c.length ? q.where(eb.and(c)) : q;
}
