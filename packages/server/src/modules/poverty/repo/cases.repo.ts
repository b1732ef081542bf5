import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { PovertyCasesTable, PovertyScoresTable } from '../../../db/schema-poverty.js';

/** The scores of a case (poverty_scores, migration 0033), null before its first survey. */
export type CaseScores = Pick<
  Selectable<PovertyScoresTable>,
  'b1_score' | 'deprivation_count' | 'income_band' | 'proposed_class' | 'registry_category'
>;
/** A case with its latest scores. */
export type CaseRow = Selectable<PovertyCasesTable> & CaseScores;
export type NewCase = Insertable<PovertyCasesTable>;
export type CasePatch = Updateable<PovertyCasesTable>;

const num = <T extends CaseRow>(r: T): T => ({
  ...r,
  id: Number(r.id),
  campaign_id: Number(r.campaign_id),
  household_id: Number(r.household_id),
  b1_score: r.b1_score === null ? null : Number(r.b1_score),
});

export interface CaseWithHousehold extends CaseRow {
  household_code: string;
  head_name: string | null;
}

const SCORE_COLUMNS = [
  's.b1_score',
  's.deprivation_count',
  's.income_band',
  's.proposed_class',
  's.registry_category',
] as const;

/** The cases (alias c) with their scores (alias s). */
const withScores = (db: Executor) =>
  db
    .selectFrom('poverty_cases as c')
    .leftJoin('poverty_scores as s', (j) =>
      j.onRef('s.campaign_id', '=', 'c.campaign_id').onRef('s.case_id', '=', 'c.id'),
    );

export const casesRepo = {
  async insertMany(db: Executor, rows: readonly NewCase[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await db.insertInto('poverty_cases').values(chunk).execute();
      n += chunk.length;
    }
    return n;
  },

  /** A campaign's cases by household id. */
  async byHousehold(db: Executor, campaignId: number): Promise<Map<number, CaseRow>> {
    const rows = await withScores(db)
      .selectAll('c')
      .select(SCORE_COLUMNS)
      .where('c.campaign_id', '=', campaignId)
      .execute();
    return new Map(rows.map((r) => [Number(r.household_id), num(r)]));
  },

  async householdIdsOf(db: Executor, campaignId: number): Promise<Set<number>> {
    const rows = await db
      .selectFrom('poverty_cases')
      .select('household_id')
      .where('campaign_id', '=', campaignId)
      .execute();
    return new Set(rows.map((r) => Number(r.household_id)));
  },

  async find(db: Executor, id: number): Promise<CaseRow | undefined> {
    const r = await withScores(db).selectAll('c').select(SCORE_COLUMNS).where('c.id', '=', id).executeTakeFirst();
    return r ? num(r) : undefined;
  },

  async findMany(db: Executor, campaignId: number, ids: readonly number[]): Promise<CaseRow[]> {
    if (!ids.length) return [];
    const rows = await withScores(db)
      .selectAll('c')
      .select(SCORE_COLUMNS)
      .where('c.campaign_id', '=', campaignId)
      .where('c.id', 'in', ids)
      .execute();
    return rows.map(num);
  },

  async inStep(db: Executor, campaignId: number, steps: readonly string[]): Promise<CaseRow[]> {
    const rows = await withScores(db)
      .selectAll('c')
      .select(SCORE_COLUMNS)
      .where('c.campaign_id', '=', campaignId)
      .where('c.step', 'in', steps)
      .orderBy('c.id')
      .execute();
    return rows.map(num);
  },

  /** A page of a campaign's cases with the household code and the head's name. */
  async page(
    db: Executor,
    campaignId: number,
    q: { step?: string; village?: string; limit: number; offset: number },
  ): Promise<{ rows: CaseWithHousehold[]; total: number }> {
    let base = db.selectFrom('poverty_cases as c').where('c.campaign_id', '=', campaignId);
    if (q.step) base = base.where('c.step', '=', q.step);
    if (q.village) base = base.where('c.village', '=', q.village);
    const total = await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
    const rows = await base
      .innerJoin('households as h', 'h.id', 'c.household_id')
      .leftJoin('persons as p', 'p.id', 'h.head_person_id')
      .leftJoin('poverty_scores as s', (j) =>
        j.onRef('s.campaign_id', '=', 'c.campaign_id').onRef('s.case_id', '=', 'c.id'),
      )
      .selectAll('c')
      .select(SCORE_COLUMNS)
      .select(['h.code as household_code', 'p.full_name as head_name'])
      .orderBy('c.village')
      .orderBy('h.code')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    return {
      rows: rows.map((r) => ({ ...num(r), household_code: r.household_code, head_name: r.head_name })),
      total: Number(total?.n ?? 0),
    };
  },

  async findWithHousehold(db: Executor, id: number): Promise<CaseWithHousehold | undefined> {
    const r = await withScores(db)
      .innerJoin('households as h', 'h.id', 'c.household_id')
      .leftJoin('persons as p', 'p.id', 'h.head_person_id')
      .selectAll('c')
      .select(SCORE_COLUMNS)
      .select(['h.code as household_code', 'p.full_name as head_name'])
      .where('c.id', '=', id)
      .executeTakeFirst();
    return r ? { ...num(r), household_code: r.household_code, head_name: r.head_name } : undefined;
  },

  async update(db: Executor, id: number, patch: CasePatch): Promise<void> {
    await db.updateTable('poverty_cases').set(patch).where('id', '=', id).execute();
  },

  async updateMany(db: Executor, ids: readonly number[], patch: CasePatch): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .updateTable('poverty_cases')
        .set(patch)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  },

  async replaceAnswers(
    db: Executor,
    c: { id: number; campaign_id: number; province_code: string },
    answers: Readonly<Record<string, string>>,
  ): Promise<void> {
    await db.deleteFrom('poverty_b1_answers').where('case_id', '=', c.id).execute();
    const rows = Object.entries(answers).map(([item_code, option_code]) => ({
      case_id: c.id,
      campaign_id: c.campaign_id,
      item_code,
      option_code,
      province_code: c.province_code,
    }));
    if (rows.length) await db.insertInto('poverty_b1_answers').values(rows).execute();
  },

  /** Write a case's scores (after a survey): its one row of poverty_scores, replaced. */
  async writeScores(
    db: Executor,
    c: { id: number; campaign_id: number; province_code: string },
    scores: CaseScores,
  ): Promise<void> {
    await db
      .deleteFrom('poverty_scores')
      .where('campaign_id', '=', c.campaign_id)
      .where('case_id', '=', c.id)
      .execute();
    await db
      .insertInto('poverty_scores')
      .values({ campaign_id: c.campaign_id, case_id: c.id, province_code: c.province_code, ...scores })
      .execute();
  },

  /**
   * Score and classify every surveyed case of a campaign in one set-based statement: per case,
   * the B1 total (base + the points of the answers, joined with the campaign's point table) and
   * the number of deprivations (bits of the mask); from them the income band against the cut-offs
   * (or the income against the lines), then the class. The rule is the one of `classifyHousehold`
   * in @ansinh/domain, written as SQL so 300.000 households take seconds (a test checks that the
   * two agree). The results go to the narrow `poverty_scores` (one B-tree): the campaign's rows
   * of the cases scored are deleted, then written once by one INSERT…SELECT; the case rows and
   * their indexes are not touched.
   */
  async scoreCampaign(db: Executor, campaignId: number, p: ScoringParams): Promise<number> {
    const bits = Array.from({ length: p.indicatorCount }, (_, i) => `((c.deprived_mask >> ${i}) & 1)`).join(' + ');
    const lit = sql.lit;
    const byRes = (v: { rural: number; urban: number } | null) =>
      sql`case when m.residence = 'urban' then ${lit(v?.urban ?? -1)} else ${lit(v?.rural ?? -1)} end`;
    const le = (cut: { rural: number; urban: number } | null, line: { rural: number; urban: number } | null) =>
      sql`((m.score is not null and m.score <= ${byRes(cut)})
        or (m.score is null and m.income is not null and m.income <= ${byRes(line)}))`;
    const current =
      p.rule === 'two_lines'
        ? sql`(case when x.band = 'below_poverty' then 'poor'
              when x.band = 'between_lines' and x.cnt >= ${lit(p.threshold)} then 'poor'
              when x.band = 'between_lines' then 'near_poor' end)`
        : sql`(case when x.band = 'below_poverty' and x.cnt >= ${lit(p.threshold)} then 'poor'
              when x.band = 'below_poverty' then 'near_poor' end)`;
    const farmAverage = sql`(x.band = 'average' and x.farm = 1)`;
    // The B1 points of a case's answers. PostgreSQL: hash-join the campaign's answers and group.
    // SQLite: one correlated sum per case, read from the covering index of migration 0022 (no
    // table lookup per answer); `group by c.id` keeps `m` materialised, so the sum runs once per
    // case and not once per use of the score in the class expressions.
    const pick = sql`case when c.residence = 'urban' then pt.urban_points else pt.rural_points end`;
    const points = p.answersByCampaign
      ? sql`sum(${pick})`
      : sql`(select sum(${pick}) from poverty_b1_answers a
          join poverty_b1_points pt
            on pt.campaign_id = a.campaign_id and pt.item_code = a.item_code and pt.option_code = a.option_code
          where a.case_id = c.id and c.b1_source = 'answers')`;
    const joins = p.answersByCampaign
      ? sql`left join poverty_b1_answers a
            on a.case_id = c.id and c.b1_source = 'answers' and a.campaign_id = ${campaignId}
          left join poverty_b1_points pt
            on pt.campaign_id = a.campaign_id and pt.item_code = a.item_code and pt.option_code = a.option_code`
      : sql``;
    const scored = sql`c.campaign_id = ${campaignId} and c.step <> 'listed' and c.step <> 'recognized'`;
    await sql`delete from poverty_scores
      where campaign_id = ${campaignId} and case_id in (select c.id from poverty_cases c where ${scored})`.execute(db);
    const r = await sql`insert into poverty_scores (campaign_id, case_id, province_code, b1_score, deprivation_count,
        income_band, proposed_class, registry_category)
      select x.campaign_id, x.id, x.province_code, x.score, x.cnt, x.band,
        coalesce(${current}, case
          when x.previous = 'poor' then 'left_poverty'
          when x.previous = 'near_poor' then 'left_near_poverty'
          when ${farmAverage} then 'average_farm'
          else 'not_poor' end),
        coalesce(${current}, case when ${farmAverage} then 'average' end)
      from (
        select m.campaign_id, m.id, m.province_code, m.score, m.cnt, m.previous, m.farm, case
            when m.screened_out = 1 then 'above'
            when ${le(p.cut.poverty, p.lines.poverty)} then 'below_poverty'
            when ${le(p.cut.nearPoor, p.lines.nearPoor)} then 'between_lines'
            when ${le(p.cut.average, p.lines.average)} then 'average'
            else 'above' end as band
        from (
          select c.campaign_id, c.id, c.province_code, c.residence, c.income, c.screened_out, c.previous, c.farm,
            case when c.b1_source = 'answers'
              then (case when c.residence = 'urban' then ${lit(p.base.urban)} else ${lit(p.base.rural)} end)
                + coalesce(${points}, 0)
              else c.b1_given end as score,
            case when c.deprived_mask is null then 0 else ${sql.raw(bits)} end as cnt
          from poverty_cases c
          ${joins}
          where ${scored}
          group by c.id
        ) m
      ) x`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  },
};

export interface ScoringParams {
  /**
   * Also filter the answers by campaign: PostgreSQL then hash-joins the campaign's answers (its
   * index); SQLite would pick that index over the (case_id) key and scan the campaign per case.
   */
  answersByCampaign: boolean;
  rule: 'two_lines' | 'one_line';
  threshold: number;
  indicatorCount: number;
  base: { rural: number; urban: number };
  cut: {
    poverty: { rural: number; urban: number };
    nearPoor: { rural: number; urban: number } | null;
    average: { rural: number; urban: number };
  };
  lines: {
    poverty: { rural: number; urban: number };
    nearPoor: { rural: number; urban: number } | null;
    average: { rural: number; urban: number };
  };
}
