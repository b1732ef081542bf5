import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import {
  ARREARS_PLAUSIBLE_MONTHS,
  BIRTH_REGISTRATION_PROVINCES,
  STATUS_CATEGORIES,
  type AmountRule,
  type EligibilityRule,
} from '@ansinh/domain';
import { sqliteArrays, type Database, type Executor } from '../../../db/database.js';
import { chunked, type CandidateRow, type CheckRow, type HolderColumns, type Scope } from './types.js';

/** Where the rule looks: an area. */
type RuleWhere = { scope: Scope };

/** The rule's parts as SQL over a status row `s`: its amount (null: none) and whether it qualifies. */
function ruleParts(eligibility: EligibilityRule, amount: AmountRule) {
  const int = (n: number) => sql<number>`cast(${n} as bigint)`;
  const amountExpr: RawBuilder<number> =
    amount.type === 'fixed'
      ? int(amount.amount)
      : amount.type === 'by_category'
        ? sql<number>`case s.category ${sql.join(
            Object.entries(amount.amounts).map(([k, v]) => sql`when ${k} then ${int(v)}`),
            sql` `,
          )} else null end`
        : sql<number>`null`;
  const selectors = eligibility.any.map(
    (sel) =>
      sql`(s.kind = ${sel.status}${sel.categories ? sql` and s.category in (${sql.join(sel.categories)})` : sql``}${sel.year !== undefined ? sql` and s.year = ${sel.year}` : sql``}${
        sel.minDegree !== undefined ? sql` and s.degree >= ${sel.minDegree}` : sql``
      })`,
  );
  const person = eligibility.per === 'person';
  return { amountExpr, selectors, person, bidCol: person ? 's.person_id' : 's.household_id' };
}

function ruleCte(a: { refDate: string; eligibility: EligibilityRule; amount: AmountRule; where: RuleWhere }) {
  const { amountExpr, selectors, bidCol } = ruleParts(a.eligibility, a.amount);
  // The words of describeStatus(): the catalogue's label, the review year, the degree. Only the
  // categories the selectors can let through are spelled out, each with the reason's first words
  // (one constant per row in the usual case, rather than strings joined per row).
  const pairs = new Map<string, { kind: string; code: string; vi: string }>();
  for (const sel of a.eligibility.any)
    for (const c of STATUS_CATEGORIES[sel.status].categories)
      if (!sel.categories || sel.categories.includes(c.code))
        pairs.set(`${sel.status}:${c.code}`, { kind: sel.status, code: c.code, vi: c.vi });
  const oneKind = new Set([...pairs.values()].map((p) => p.kind)).size <= 1;
  const head = 'Đủ điều kiện: ';
  const labelled = oneKind
    ? sql`case s.category ${sql.join(
        [...pairs.values()].map((p) => sql`when ${p.code} then ${head + p.vi}`),
        sql` `,
      )} else ${head} || s.kind || ' ' || s.category end`
    : sql`case s.kind || ':' || s.category ${sql.join(
        [...pairs].map(([key, p]) => sql`when ${key} then ${head + p.vi}`),
        sql` `,
      )} else ${head} || s.kind || ' ' || s.category end`;
  const words = pairs.size > 0 ? labelled : sql`${head} || s.kind || ' ' || s.category`;
  // Without a review year or a degree (most rows), the words alone: no string is built per row.
  const label = sql`(case when s.year is null and (s.degree is null or s.degree <= 0) then ${words} else (${words})
    || (case when s.year is not null then ' (rà soát ' || cast(s.year as text) || ')' else '' end)
    || (case when s.degree is not null and s.degree > 0 then ' ' || cast(s.degree as text) || '%' else '' end) end)`;
  const reason = a.amount.type === 'by_category' ? sql`${label} || '; mức theo diện ' || s.category` : label;
  const where = sql`${sql.ref(`s.${a.where.scope.column}`)} = ${a.where.scope.code}`;
  // `q`: every qualifying status with its amount and reason; `b`: those that give an amount.
  return sql`with q as (
      select ${sql.ref(bidCol)} as bid, s.category as category, ${amountExpr} as amt, ${reason} as reason
      from statuses s
      where ${where}
        and s.valid_from <= ${a.refDate} and (s.valid_to is null or s.valid_to >= ${a.refDate})
        and (${sql.join(selectors, sql` or `)})
    ), b as (select bid, category, amt, reason from q where amt is not null and bid is not null)`;
}

/**
 * The programs module's one declared reader of the registry's tables (statuses, persons,
 * households): who qualifies, what the check compares with, and generation in SQL.
 */
export const candidatesRepo = {
  /**
   * Statuses in force on `refDate` of the given kinds, in an area, whose holder is alive, still
   * living there and not merged into another record (persons), or still active (households).
   */
  async candidateStatuses(
    db: Executor,
    per: 'person' | 'household',
    kinds: string[],
    scope: Scope,
    refDate: string,
  ): Promise<(CandidateRow & Partial<HolderColumns>)[]> {
    if (per === 'person') {
      // One pass: the statuses with their holder's columns.
      return db
        .selectFrom('statuses as s')
        .innerJoin('persons as p', 'p.id', 's.person_id')
        .select(['s.person_id', 's.household_id', 's.kind', 's.category', 's.year', 's.degree', 's.valid_from'])
        .select([
          'p.full_name',
          'p.birth_date',
          'p.citizen_id',
          'p.village',
          'p.province_code',
          'p.district_code',
          'p.commune_code',
        ])
        .where(`s.${scope.column}`, '=', scope.code)
        .where('s.kind', 'in', kinds)
        .where('s.valid_from', '<=', refDate)
        .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>=', refDate)]))
        .where('p.merged_into_id', 'is', null)
        .where((eb) => eb.or([eb('p.deceased_on', 'is', null), eb('p.deceased_on', '>', refDate)]))
        .where((eb) => eb.or([eb('p.moved_out_on', 'is', null), eb('p.moved_out_on', '>', refDate)]))
        .execute();
    }
    let q = db
      .selectFrom('statuses as s')
      .select(['s.person_id', 's.household_id', 's.kind', 's.category', 's.year', 's.degree', 's.valid_from'])
      .where(`s.${scope.column}`, '=', scope.code)
      .where('s.kind', 'in', kinds)
      .where('s.valid_from', '<=', refDate)
      .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>=', refDate)]));
    q = q.innerJoin('households as h', 'h.id', 's.household_id').where('h.state', '=', 'active');
    return q.execute();
  },

  async personsByIds(db: Executor, ids: number[]) {
    return chunked(ids, (slice) =>
      db
        .selectFrom('persons')
        .select([
          'id',
          'full_name',
          'birth_date',
          'citizen_id',
          'village',
          'deceased_on',
          'moved_out_on',
          'province_code',
          'district_code',
          'commune_code',
          'household_id',
        ])
        .where('id', 'in', slice)
        .execute(),
    );
  },

  /** Households with their head (name and ID shown on the list) and how many members live there. */
  async householdsByIds(db: Executor, ids: number[]) {
    return chunked(ids, (slice) =>
      db
        .selectFrom('households as h')
        .leftJoin('persons as p', 'p.id', 'h.head_person_id')
        .select([
          'h.id',
          'h.code',
          'h.village',
          'h.province_code',
          'h.district_code',
          'h.commune_code',
          'p.full_name',
          'p.birth_date',
          'p.citizen_id',
          'p.deceased_on',
          'p.moved_out_on',
          (eb) =>
            eb
              .selectFrom('persons as m')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('m.household_id', '=', 'h.id')
              .where('m.deceased_on', 'is', null)
              .where('m.moved_out_on', 'is', null)
              .as('members'),
        ])
        .where('h.id', 'in', slice)
        .execute(),
    );
  },

  /** Statuses of the given persons or households in force on a date (for checks and manual additions). */
  async statusesOf(db: Executor, per: 'person' | 'household', ids: number[], refDate: string): Promise<CandidateRow[]> {
    const col = per === 'person' ? 'person_id' : 'household_id';
    return chunked(ids, (slice) =>
      db
        .selectFrom('statuses')
        .select(['person_id', 'household_id', 'kind', 'category', 'year', 'degree', 'valid_from'])
        .where(col, 'in', slice)
        .where('valid_from', '<=', refDate)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', refDate)]))
        .execute(),
    );
  },

  /**
   * What the check reads of the entries of `listIds` (only `after < id <= upTo`: a slice of a
   * long list), in list and id order, with the registry as it is now (`CheckRow`). One call is one
   * statement: the caller yields between calls.
   *
   * With `suspectsOf` (the rule of lists whose rule SQL can state, see `insertGeneratedSql`), the
   * set-based check: only the entries that may have a problem, with what the rule gives now. An
   * entry is returned when its beneficiary is on another entry of the program and period (the
   * same list or another), its holder has a death or move-out date, its personal ID is not 12
   * ASCII digits starting with a province code, it has more than a few arrears months, or (not
   * manual) the amount the rule gives now is missing or differs. This is a superset of what
   * `checkListEntries()` flags, which then decides on these rows exactly as on all of them; the
   * other entries are never read. Without it, every entry, with its household (the every-entry
   * check recomputes `entitlement()`).
   * Numbers are read as doubles (exact below 2^53; ids and amounts are far below): no bigint is
   * made and converted per value.
   */
  async entriesForCheck(
    db: Executor,
    a: {
      listIds: number[];
      after?: number;
      upTo?: number;
      suspectsOf?: {
        programId: number;
        period: string;
        refDate: string;
        eligibility: EligibilityRule;
        amount: AmountRule;
        /** Beneficiaries held more than once in the program and period (`entriesRepo.twinKeys`). */
        twinKeys: string[];
      };
      /** On SQLite, the rows are read as arrays (`sqliteArrays`). */
      database?: Pick<Database, 'sqliteCached'>;
    },
  ): Promise<CheckRow[]> {
    const num = (col: string) => sql<number>`cast(${sql.ref(col)} as double precision)`;
    // The personal ID the check reads: the person's, else the household head's, else the entry's.
    const cid = sql`(case when e.person_id is not null then p.citizen_id when h.id is not null then hp.citizen_id else e.citizen_id end)`;
    let more = sql`${num('e.household_id')} as household_id`;
    let suspects = sql``;
    const r = a.suspectsOf;
    if (r) {
      const { amountExpr, selectors, person } = ruleParts(r.eligibility, r.amount);
      const holder = person ? sql`s.person_id = e.person_id` : sql`s.household_id = e.household_id`;
      const expected = sql<number | null>`(select max(${amountExpr}) from statuses s where ${holder}
        and s.valid_from <= ${r.refDate} and (s.valid_to is null or s.valid_to >= ${r.refDate})
        and (${sql.join(selectors, sql` or `)}))`;
      const notDigits =
        db.getExecutor().adapter instanceof PostgresAdapter ? sql`${cid} ~ '[^0-9]'` : sql`${cid} glob '*[^0-9]*'`;
      const provinces = BIRTH_REGISTRATION_PROVINCES.map((p) => p.code);
      // Usually none; past a few hundred they are found again in SQL rather than sent as parameters.
      const twins =
        r.twinKeys.length === 0
          ? sql`${sql.lit(false)}`
          : r.twinKeys.length <= 500
            ? sql`e.beneficiary_key in (${sql.join(r.twinKeys)})`
            : sql`e.beneficiary_key in (select t.beneficiary_key from list_entries t where t.program_id = ${r.programId}
              and t.period = ${r.period} group by t.beneficiary_key having count(*) > 1)`;
      more = sql`case when e.manual <> 1 then cast(${expected} as double precision) end as expected_amount`;
      suspects = sql` and (${twins}
          or p.deceased_on is not null or p.moved_out_on is not null or hp.deceased_on is not null
          or length(e.arrears_months) > ${2 * ARREARS_PLAUSIBLE_MONTHS}
          or ${cid} is null or length(${cid}) <> 12 or substr(${cid}, 1, 3) not in (${sql.join(provinces)})
          or ${notDigits}
          or (e.manual <> 1 and (e.quantity_milli <> 0 or coalesce(${expected} <> e.amount, ${sql.lit(true)}))))`;
    }
    // The columns in this order: `arrays` below reads them by position.
    const query = sql<CheckRow>`
      select ${num('e.id')} as id, ${num('e.list_id')} as list_id, e.beneficiary_key, e.full_name,
        coalesce(p.birth_date, hp.birth_date, e.birth_date) as birth_date, ${cid} as citizen_id,
        coalesce(p.deceased_on, hp.deceased_on) as deceased_on, p.moved_out_on,
        ${num('e.amount')} as amount, ${num('e.quantity_milli')} as quantity_milli, ${num('e.manual')} as manual,
        e.arrears_months, ${more}
      from list_entries e
      left join persons p on p.id = e.person_id
      left join households h on h.id = e.household_id
      left join persons hp on hp.id = h.head_person_id
      where e.list_id in (${sql.join(a.listIds)})${a.after !== undefined ? sql` and e.id > ${a.after}` : sql``}${
        a.upTo !== undefined ? sql` and e.id <= ${a.upTo}` : sql``
      }${suspects}
      order by e.list_id, e.id`;
    const arrays = a.database ? await sqliteArrays(a.database, db, query.compile(db)) : null;
    if (!arrays) return (await query.execute(db)).rows;
    const n = (v: unknown) => (v == null ? null : Number(v));
    return arrays.map((c) => ({
      id: Number(c[0]),
      list_id: Number(c[1]),
      beneficiary_key: c[2] as string,
      full_name: c[3] as string,
      birth_date: c[4] as string | null,
      citizen_id: c[5] as string | null,
      deceased_on: c[6] as string | null,
      moved_out_on: c[7] as string | null,
      amount: Number(c[8]),
      quantity_milli: Number(c[9]),
      manual: Number(c[10]),
      arrears_months: c[11] as string | null,
      expected_amount: r ? n(c[12]) : undefined,
      household_id: r ? undefined : n(c[12]),
    }));
  },

  /** The statuses in force on a date of the persons and households on the lists, with the entry's beneficiary key. */
  async statusesOfListed(db: Executor, listIds: number[], refDate: string) {
    const of = (col: 'person_id' | 'household_id') =>
      chunked(listIds, (slice) =>
        db
          .selectFrom('list_entries as e')
          .innerJoin('statuses as s', `s.${col}`, `e.${col}`)
          .select([
            'e.beneficiary_key',
            's.person_id',
            's.household_id',
            's.kind',
            's.category',
            's.year',
            's.degree',
            's.valid_from',
          ])
          .where('e.list_id', 'in', slice)
          .where('s.valid_from', '<=', refDate)
          .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>=', refDate)]))
          .execute(),
      );
    const persons = await of('person_id');
    for (const r of await of('household_id')) persons.push(r);
    return persons;
  },

  /**
   * The beneficiaries of an area with more than one status that gives an amount under the rule,
   * as entry keys ('p:…', 'h:…'): those a generation writes twice (`entriesRepo.dropOutranked`).
   * An index-only read of the area's statuses: on PostgreSQL the same search over the entries just
   * written visits the table for each (their index is not yet known all-visible), ~170 ms for
   * 48.142 entries. A status ended by another transaction between the insert and this read could
   * leave a beneficiary twice on a list: the check refuses it (DUPLICATE_IN_LIST), and approval's
   * unique key a second payment.
   */
  async severalQualifying(
    db: Executor,
    a: { refDate: string; eligibility: EligibilityRule; amount: AmountRule; scope: Scope },
  ): Promise<string[]> {
    const rule = { refDate: a.refDate, eligibility: a.eligibility, amount: a.amount, where: { scope: a.scope } };
    const prefix = a.eligibility.per === 'person' ? 'p:' : 'h:';
    const res = await sql<{ bid: number }>`${ruleCte(rule)}
      select bid from b group by bid having count(*) > 1`.execute(db);
    return res.rows.map((r) => `${prefix}${r.bid}`);
  },

  /**
   * Generation in one INSERT…SELECT, for the rules SQL can state exactly: selections by status
   * kind, categories, review year and degree (no age), and a fixed amount or a table by category.
   * Each qualifying status gives a row: a beneficiary with several is written several times here,
   * and `entriesRepo.dropOutranked` then keeps the one `entitlement()` picks (highest amount, then
   * first category). Ranking in this statement cost a sort of every row, or a first statement to
   * count such beneficiaries (~40 ms of ~400 for 99.165 entries on SQLite); finding them after,
   * in the entries' own index, costs ~12 ms. Each entry goes to the list of the commune its holder
   * lives in (a status granted where the holder lived before follows them). With `communeList`,
   * the scope is one commune and that is its list: its holders' rows take it without a lookup,
   * only a holder who moved looks for theirs. The check recomputes every amount, so generation and
   * rule cannot drift unseen. Answers the rows written.
   */
  async insertGeneratedSql(
    db: Executor,
    a: {
      programId: number;
      period: string;
      refDate: string;
      scope: Scope;
      eligibility: EligibilityRule;
      amount: AmountRule;
      /** The lists being generated (one per commune). */
      listIds: number[];
      /** The list of the commune `scope` names (its column is then `commune_code`). */
      communeList?: number;
      now: string;
      dialect: 'sqlite' | 'postgres';
    },
  ): Promise<number> {
    // PostgreSQL types a bare parameter in a SELECT list as text: say what each one is.
    const int = (n: number) => sql<number>`cast(${n} as bigint)`;
    const instant = a.dialect === 'postgres' ? sql`cast(${a.now} as timestamptz)` : sql`${a.now}`;
    const person = a.eligibility.per === 'person';
    const holderJoin = person
      ? sql`join persons h on h.id = b.bid and h.merged_into_id is null and (h.deceased_on is null or h.deceased_on > ${a.refDate}) and (h.moved_out_on is null or h.moved_out_on > ${a.refDate})`
      : sql`join households h on h.id = b.bid and h.state = 'active' left join persons hp on hp.id = h.head_person_id`;
    const holderCols = person
      ? sql`h.id as person_id, cast(null as bigint) as household_id, 'p:' || h.id as beneficiary_key, h.full_name as full_name, h.birth_date as birth_date, h.citizen_id as citizen_id, h.village as village`
      : sql`cast(null as bigint) as person_id, h.id as household_id, 'h:' || h.id as beneficiary_key, coalesce(hp.full_name, 'Hộ ' || h.code) as full_name, hp.birth_date as birth_date, hp.citizen_id as citizen_id, h.village as village`;
    const listOf = sql`program_lists l where l.program_id = ${a.programId} and l.period = ${a.period} and l.seq = 0 and l.commune_code = h.commune_code and +l.id in (${sql.join(a.listIds)})`;
    const from =
      a.communeList !== undefined
        ? sql`coalesce(case when h.commune_code = ${a.scope.code} then ${int(a.communeList)} end, (select l.id from ${listOf})) as list_id
          from b ${holderJoin}`
        : // CROSS JOIN keeps the lists as the inner loop on SQLite (one unique-index lookup per row);
          // left to itself the planner rescanned b once per list. The unary + keeps the id list a filter.
          sql`l.id as list_id from b ${holderJoin} cross join ${listOf}`;
    const rule = { refDate: a.refDate, eligibility: a.eligibility, amount: a.amount, where: { scope: a.scope } };
    const res = await sql`
      ${ruleCte(rule)}
      insert into list_entries (list_id, program_id, period, person_id, household_id, beneficiary_key, full_name, birth_date, citizen_id, village, category, amount, arrears_amount, quantity_milli, reason, manual, province_code, district_code, commune_code, created_at)
      select x.list_id, ${int(a.programId)}, cast(${a.period} as text), x.person_id, x.household_id, x.beneficiary_key, x.full_name, x.birth_date, x.citizen_id, x.village, x.category, x.amt, 0, 0, x.reason, 0, x.province_code, x.district_code, x.commune_code, ${instant}
      from (
        select h.id as holder, ${holderCols}, b.category as category, b.amt as amt, b.reason as reason,
          h.province_code as province_code, h.district_code as district_code, h.commune_code as commune_code, ${from}
      ) x
      where x.list_id is not null${
        // A commune's rows are written in the order the database reads them (on SQLite its index:
        // category, date granted, holder): sorting them by holder cost ~20 of ~330 ms on the bench.
        // An area's rows are written list by list.
        a.communeList !== undefined ? sql`` : sql` order by x.list_id, x.holder`
      }`.execute(db);
    return Number(res.numAffectedRows ?? 0);
  },
};
