import type { Executor } from '../../../db/database.js';
import {
  applyDossierFilter,
  DOSSIER_LIST_COLUMNS,
  type DossierFilter,
  type DossierListRow,
} from './dossier-filter.repo.js';

/** Past this many matches a dossier search answers "more than 1.000" instead of counting them all. */
export const DOSSIER_SEARCH_CAP = 1000;

/**
 * A dossier search (a code prefix, or part of the applicant's name), in one statement: the
 * matches in the list's order as ids, at most `DOSSIER_SEARCH_CAP` + 1 of them (`m`), their count,
 * and the page's rows joined by id. The matches come from the covering index `dossiers_search_idx`
 * (province, time received, id, name key: 0035) walked newest first, which a broad name leaves
 * after a thousand entries; on PostgreSQL the planner reads a narrow name from the trigram index
 * `dossiers_name_trgm_idx` (0040) and sorts its few matches instead of testing every dossier's
 * entry. A code prefix is a range of the code's unique index. Only the page's rows and the count
 * leave the database (not the 1.001 ids), in one round trip.
 */
export async function searchDossiersPage(
  db: Executor,
  f: DossierFilter,
  page: { limit: number; offset: number },
  order: 'due' | 'recent',
): Promise<{ total: number; totalCapped: boolean; rows: DossierListRow[] }> {
  // The list's order: a key (the level's due date, or the time received newest first), then the id.
  // Only the key and the id are read, so the walk stays on the covering index's entries.
  const due = order === 'due';
  const dir = due ? 'asc' : 'desc';
  const key = due ? 'd.level_due_date' : 'd.received_at';
  const matches = applyDossierFilter(db.selectFrom('dossiers as d'), f)
    .select((eb) => ['d.id', eb.ref(key).as('k')])
    .orderBy(key, dir)
    .orderBy('d.id', dir)
    .limit(DOSSIER_SEARCH_CAP + 1);
  const rows = await db
    .with(
      (cte) => cte('m').materialized(),
      () => matches,
    )
    .selectFrom((eb) =>
      eb
        .selectFrom('m')
        .select(['m.id', 'm.k'])
        .orderBy('m.k', dir)
        .orderBy('m.id', dir)
        // Pages stop at the cap's last match (m holds one more, to tell that there are more).
        .limit(Math.max(0, Math.min(page.limit, DOSSIER_SEARCH_CAP - page.offset)))
        .offset(page.offset)
        .as('pg'),
    )
    .innerJoin('dossiers as d', 'd.id', 'pg.id')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .select(DOSSIER_LIST_COLUMNS)
    .select(['p.code as procedure_code', 'p.name as procedure_name'])
    .select((eb) =>
      eb
        .selectFrom('m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('matches'),
    )
    .orderBy('pg.k', dir)
    .orderBy('pg.id', dir)
    .execute();
  // A page past the last match has no row to carry the count: count the matches alone.
  const n = rows.length
    ? Number(rows[0]!.matches)
    : Number(
        (
          await db
            .selectFrom(matches.as('m'))
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
  return {
    total: Math.min(n, DOSSIER_SEARCH_CAP),
    totalCapped: n > DOSSIER_SEARCH_CAP,
    rows: rows.map(({ matches: _m, ...r }) => r),
  };
}
