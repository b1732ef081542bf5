import { sql, type ExpressionBuilder } from 'kysely';
import { givenNameSortPrefixes } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import { applyPersonFilter, type PersonFilter } from './person-filter.repo.js';
import { LIST_COLUMNS, prefixEnd, type Scope } from './shared.js';

/** Past this many matches a search answers "more than 1.000" instead of counting them all. */
export const SEARCH_TOTAL_CAP = 1000;
/** How many persons (in Vietnamese order) a broad name search walks before sorting the matches instead. */
const SEARCH_SCAN_BUDGET = 4000;
/** The longest walk a broad name search takes when the first one found too few (~6 ms at 1 M persons). */
const SEARCH_WALK_MAX = 40_000;

type Keyed = { id: number; sort_key: string };
const bySortKey = (a: Keyed, b: Keyed) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.id - b.id);

/** The whole-name prefix tested on each walked row (no index range: the walk is in sort order). */
function startsWith(eb: ExpressionBuilder<{ w: { name_key: string } }, 'w'>, p: string) {
  return eb(eb.fn('substr', [eb.ref('w.name_key'), sql.lit(1), sql.lit(p.length)]), '=', p);
}

/**
 * One page of a person search, in Vietnamese order (given name first), and the number of matches
 * counted up to `SEARCH_TOTAL_CAP` + 1 (a broad prefix must not cost the count of every match).
 *
 * With at most 1.000 matches, they are read through the name indexes and sorted. Past that, each
 * way a name can match is read in order, only as far as the page needs, and the streams merged:
 * - the whole name starting with the search ("nguyen van", or "nguyen" as a family name): matches
 *   are spread over the order (it is by given name), so walking the order and testing the name on
 *   each row (covering index on sort_key) finds a page after a few rows; when the walk does not
 *   fill the page within `SEARCH_SCAN_BUDGET` rows the matches are rare, and sorting them is cheap;
 * - the given name starting with a one-word search ("thu", "dung"): those persons sit in a few runs
 *   of the order (`givenNameSortPrefixes`), each read in order from its start.
 * Everything is limited in SQL by the actor's scope and the filters (`applyPersonFilter`).
 */
export async function searchPersonsPage(db: Executor, scope: Scope, f: PersonFilter, page: number, pageSize: number) {
  const filtered = (g: PersonFilter = f) => applyPersonFilter(db.selectFrom('persons'), scope, g);
  const rest = () => filtered({ ...f, namePrefix: undefined, givenPrefix: undefined });
  const inRange = (col: 'persons.name_key' | 'persons.given_key', p: string) =>
    rest().where(col, '>=', p).where(col, '<', prefixEnd(p));
  // Counted up to the cap; a one-word search as the union of its two ranges, each read from its
  // covering index (an OR of the two makes PostgreSQL visit the table for every match).
  const upToCap = (q: ReturnType<typeof filtered>, as: string) =>
    db
      .selectFrom(
        q
          .select('persons.id')
          .limit(SEARCH_TOTAL_CAP + 1)
          .as(as),
      )
      .select(`${as}.id` as 'id');
  const matches = f.givenPrefix
    ? upToCap(inRange('persons.given_key', f.givenPrefix), 'g').union(
        upToCap(inRange('persons.name_key', f.givenPrefix), 'k'),
      )
    : upToCap(filtered(), 'm');
  // With a one-word search, also how many whole names start with it (up to the cap), in the same query.
  const counted = await db
    .selectFrom(matches.as('u'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .$if(!!f.givenPrefix, (q) =>
      q.select((eb) =>
        eb
          .selectFrom(upToCap(inRange('persons.name_key', f.givenPrefix!), 'k').as('kk'))
          .select((e) => e.fn.countAll<number>().as('k'))
          .as('k'),
      ),
    )
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  const totalCapped = n > SEARCH_TOTAL_CAP;
  const total = totalCapped ? SEARCH_TOTAL_CAP : n;
  const offset = (page - 1) * pageSize;
  const limit = totalCapped ? Math.max(0, Math.min(pageSize, SEARCH_TOTAL_CAP - offset)) : pageSize;
  if (limit === 0 || n === 0) return { total, totalCapped, items: [] };
  const rows = (q: ReturnType<typeof filtered>) =>
    q
      .leftJoin('households as h', 'h.id', 'persons.household_id')
      .innerJoin('areas as a', 'a.code', 'persons.commune_code')
      .select([...LIST_COLUMNS, 'h.code as household_code', 'a.name as commune_name'])
      .orderBy('persons.sort_key')
      .orderBy('persons.id');
  // The page's persons by id (found above, inside the scope and filters; the scope tested again).
  const byIds = async (ids: number[]) =>
    ids.length === 0
      ? []
      : rows(applyPersonFilter(db.selectFrom('persons'), scope, { onDate: f.onDate, includeInactive: true }))
          .where('persons.id', 'in', ids)
          .execute();
  if (!f.namePrefix && !f.givenPrefix)
    return { total, totalCapped, items: await rows(filtered()).limit(limit).offset(offset).execute() };

  const want = offset + limit;
  // The first `want` matches of one key range, in order (covering index on the key, then sorted).
  const range = (col: 'persons.name_key' | 'persons.given_key', p: string) =>
    rest()
      .select(['persons.id', 'persons.sort_key'])
      .where(col, '>=', p)
      .where(col, '<', prefixEnd(p))
      .orderBy('persons.sort_key')
      .orderBy('persons.id')
      .limit(want)
      .execute();
  let found: Keyed[];
  if (!totalCapped) {
    found = f.namePrefix
      ? await range('persons.name_key', f.namePrefix)
      : [...(await range('persons.given_key', f.givenPrefix!)), ...(await range('persons.name_key', f.givenPrefix!))];
  } else {
    const whole = f.namePrefix ?? f.givenPrefix!;
    const wholeCount = f.givenPrefix ? Number((counted as { k?: number }).k ?? 0) : n;
    found = await wholeNameMatches(db, rest, whole, wholeCount, want, range);
    if (f.givenPrefix) found.push(...(await givenNameMatches(rest, f.givenPrefix, want, range)));
  }
  const seen = new Set<number>();
  const ids = found
    .sort(bySortKey)
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .slice(offset, offset + limit)
    .map((r) => r.id);
  return { total, totalCapped, items: await byIds(ids) };
}

type Rest = () => ReturnType<typeof applyPersonFilter>;
type Range = (col: 'persons.name_key' | 'persons.given_key', p: string) => Promise<Keyed[]>;

/** The first `want` persons whose whole name starts with `p` (`count` of them, up to the cap), in order. */
async function wholeNameMatches(
  db: Executor,
  rest: Rest,
  p: string,
  count: number,
  want: number,
  range: Range,
): Promise<Keyed[]> {
  // Few enough to sort? (`count` stops past the cap)
  if (count <= SEARCH_TOTAL_CAP) return range('persons.name_key', p);
  const walk = (budget: number) =>
    db
      .selectFrom(
        rest()
          .select(['persons.id', 'persons.sort_key', 'persons.name_key'])
          .orderBy('persons.sort_key')
          .orderBy('persons.id')
          .limit(budget)
          .as('w'),
      )
      .select(['w.id', 'w.sort_key'])
      .where((eb) => startsWith(eb, p))
      .orderBy('w.sort_key')
      .orderBy('w.id')
      .limit(want)
      .execute();
  const walked = await walk(SEARCH_SCAN_BUDGET);
  if (walked.length === want) return walked;
  // The beginning of the order is not typical (it is by given name, and given names are not spread
  // evenly over family and middle names): walk as far as the density seen so far says a page needs,
  // when that is still less than reading the matches; otherwise sort them.
  const needed = walked.length ? Math.ceil((SEARCH_SCAN_BUDGET * want * 1.5) / walked.length) : Infinity;
  if (needed <= SEARCH_WALK_MAX) {
    const further = await walk(needed);
    if (further.length === want) return further;
  }
  return range('persons.name_key', p);
}

/** The first `want` persons whose given name starts with `g`, read run by run of the order. */
async function givenNameMatches(rest: Rest, g: string, want: number, range: Range): Promise<Keyed[]> {
  const runs = givenNameSortPrefixes(g);
  if (!runs) return range('persons.given_key', g);
  const out: Keyed[] = [];
  for (const run of runs) {
    out.push(
      ...(await rest()
        .select(['persons.id', 'persons.sort_key'])
        .where('persons.sort_key', '>=', run)
        .where('persons.sort_key', '<', prefixEnd(run))
        // Tested on each row, not as a range: the run is read in order from the sort-key index.
        .where((eb) => eb(eb.fn('substr', [eb.ref('persons.given_key'), sql.lit(1), sql.lit(g.length)]), '=', g))
        .orderBy('persons.sort_key')
        .orderBy('persons.id')
        .limit(want - out.length)
        .execute()),
    );
    if (out.length >= want) break;
  }
  return out;
}
