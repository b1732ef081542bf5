import type { Executor } from '../../../db/database.js';
import type { DossierFilter, DossierListRow } from './dossiers.repo.js';

/** Past this many matches a dossier search answers "more than 1.000" instead of counting them all. */
export const DOSSIER_SEARCH_CAP = 1000;

/** Upper bound of a prefix range on a byte-ordered text column. */
const prefixEnd = (p: string) => `${p}\u007f`;

/**
 * A dossier search (a code prefix, or part of the applicant's name): the matches are read in the
 * list's order as ids only, at most `DOSSIER_SEARCH_CAP` + 1 of them, from the covering index
 * `dossiers_search_idx` (province, time received, id, name key: 0035) — a broad name stops after
 * a thousand, a narrow one reads each dossier's index entry once, not its row — then the page's
 * rows by id. A code prefix is a range of the code's unique index. The scope and every filter are
 * in the SQL of the first query.
 */
export async function searchDossiersPage(
  db: Executor,
  f: DossierFilter,
  page: { limit: number; offset: number },
  order: 'due' | 'recent',
): Promise<{ total: number; totalCapped: boolean; rows: DossierListRow[] }> {
  let q = db.selectFrom('dossiers as d');
  if (f.scope) q = q.where(`d.${f.scope.column}`, '=', f.scope.code);
  if (f.area) q = q.where(`d.${f.area.column}`, '=', f.area.code);
  if (f.holder) q = q.where('d.current_area_code', '=', f.holder);
  if (f.states) q = q.where('d.state', 'in', f.states);
  if (f.procedureId) q = q.where('d.procedure_id', '=', f.procedureId);
  if (f.dueFrom) q = q.where('d.level_due_date', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('d.level_due_date', '<=', f.dueTo);
  if (f.from) q = q.where('d.received_date', '>=', f.from);
  if (f.to) q = q.where('d.received_date', '<=', f.to);
  if (f.q?.code) q = q.where('d.code', '>=', f.q.code).where('d.code', '<', prefixEnd(f.q.code));
  const key = f.q?.nameKey;
  if (key)
    q =
      f.dialect === 'sqlite'
        ? q.where((eb) => eb(eb.fn('instr', [eb.ref('d.applicant_name_key'), eb.val(key)]), '>', 0))
        : q.where('d.applicant_name_key', 'like', `%${key.replace(/[\\%_]/g, '')}%`);
  const ordered =
    order === 'due'
      ? q.orderBy('d.level_due_date').orderBy('d.id')
      : q.orderBy('d.received_at', 'desc').orderBy('d.id', 'desc');
  const ids = (
    await ordered
      .select('d.id')
      .limit(DOSSIER_SEARCH_CAP + 1)
      .execute()
  ).map((r) => r.id);
  const totalCapped = ids.length > DOSSIER_SEARCH_CAP;
  const pageIds = ids.slice(0, DOSSIER_SEARCH_CAP).slice(page.offset, page.offset + page.limit);
  if (pageIds.length === 0) return { total: Math.min(ids.length, DOSSIER_SEARCH_CAP), totalCapped, rows: [] };
  const rows = (await db
    .selectFrom('dossiers as d')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .selectAll('d')
    .select(['p.code as procedure_code', 'p.name as procedure_name'])
    .where('d.id', 'in', pageIds)
    .$if(!!f.scope, (w) => w.where(`d.${f.scope!.column}`, '=', f.scope!.code))
    .execute()) as DossierListRow[];
  const at = new Map(pageIds.map((id, i) => [id, i]));
  rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
  return { total: Math.min(ids.length, DOSSIER_SEARCH_CAP), totalCapped, rows };
}
