import { ACTIVITY_KINDS, type IndicatorUnit } from '@ansinh/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery } from '../../platform/indicators.js';

/**
 * Figures of the activities register (platform/indicators.ts; docs/modules/activities.md): the
 * activities that started in the period (and by the as-of date) in the area, counted, or their
 * participants, women participants and cost summed. Like programme figures take a programme or a
 * group (reports.validate.ts), each figure must name a `kind` (training, campaign, conference,
 * inspection) or a `topic` (child_protection, drug_prevention, gender_equality, women_candidates
 * ...), or both: "12 lớp tập huấn" and "3 hội nghị" are not one number.
 */
type Params = Record<string, string> | undefined;
const num = (v: unknown) => Number(v ?? 0);

function rows(db: Kysely<DB>, q: IndicatorQuery, params: Params) {
  return db
    .selectFrom('activities as a')
    .where(`a.${q.area.column}`, '=', q.area.code)
    .where('a.start_date', '>=', q.from)
    .where('a.start_date', '<=', q.to)
    .where('a.start_date', '<=', q.asOf)
    .$if(!!params?.kind, (s) => s.where('a.kind', '=', params!.kind!))
    .$if(!!params?.topic, (s) => s.where('a.topic', '=', params!.topic!));
}

type Column = 'participants_total' | 'participants_female' | 'cost' | null;

function indicator(def: {
  key: string;
  vi: string;
  en: string;
  unit: IndicatorUnit;
  column: Column;
}): ComputedIndicator {
  const amount = def.column ? sql<number>`${sql.ref(`a.${def.column}`)}` : sql<number>`1`;
  return {
    code: `activities.${def.key}`,
    module: 'activities',
    nameVi: def.vi,
    nameEn: def.en,
    unit: def.unit,
    rollup: 'sum',
    params: ['kind', 'topic'],
    filterParams: ['kind', 'topic'],
    async compute(db, q, params) {
      const r = await rows(db, q, params)
        .select(sql<number>`coalesce(sum(${amount}), 0)`.as('n'))
        .executeTakeFirst();
      return { value: num(r?.n) };
    },
    async records(db, q, page, params) {
      const total = num(
        (
          await rows(db, q, params)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );
      const list = await rows(db, q, params)
        .select(['a.id', 'a.title', 'a.kind', 'a.start_date', 'a.province_code', 'a.district_code', 'a.commune_code'])
        .select(amount.as('amount'))
        .orderBy('a.start_date')
        .orderBy('a.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total,
        rows: list.map((a) => ({
          kind: 'activity',
          id: a.id,
          label: `${ACTIVITY_KINDS.find((k) => k.code === a.kind)?.vi ?? a.kind}: ${a.title}`,
          href: `/activities?id=${a.id}`,
          areaCode: a.commune_code ?? a.district_code ?? a.province_code,
          date: a.start_date,
          amount: num(a.amount),
        })),
      };
    },
  };
}

export const activitiesIndicators: readonly ComputedIndicator[] = [
  indicator({
    key: 'count',
    vi: 'Số hoạt động (lớp tập huấn, đợt truyền thông, hội nghị, cuộc kiểm tra)',
    en: 'Activities held (courses, campaigns, conferences, inspections)',
    unit: 'activities',
    column: null,
  }),
  indicator({
    key: 'participants',
    vi: 'Số lượt người tham gia',
    en: 'Participants',
    unit: 'persons',
    column: 'participants_total',
  }),
  indicator({
    key: 'participants_female',
    vi: 'Số lượt nữ tham gia',
    en: 'Women participants',
    unit: 'persons',
    column: 'participants_female',
  }),
  indicator({ key: 'cost', vi: 'Kinh phí thực hiện', en: 'Cost', unit: 'dong', column: 'cost' }),
];
