import { randomUUID } from 'node:crypto';
import type { CreateProgramBody } from '@ansinh/domain';
import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import { systemActor } from '../platform/actor.js';

/**
 * The 2021 programs of the demo department, each with lists at various stages, some paid.
 *
 * The demo registry is generated for today's year; the 2021 poverty review and health-insurance
 * lists are recreated from today's (the same households, valid for 2021) so the 2021 programs
 * find their beneficiaries. Amounts follow the rules in @ansinh/domain; local top-ups (poor
 * households' Tết gifts, rice per person) are demo figures, and the programs say so.
 */
export const DEMO_PROGRAMS: CreateProgramBody[] = [
  {
    code: 'TET2021-NCC',
    group: 'merit',
    name: 'Quà Tết Tân Sửu 2021 của Chủ tịch nước tặng người có công',
    legalBasis: 'Quyết định của Chủ tịch nước tặng quà Tết Tân Sửu 2021',
    legalDate: '2021-01-11',
    kind: 'gift',
    unit: 'dong',
    periodKind: 'once',
    refDate: '2021-02-12',
    periodFrom: '2021-01-15',
    periodTo: '2021-02-10',
    fundingSource: 'Ngân sách trung ương',
    rule: {
      validFrom: '2021-01-01',
      eligibility: { per: 'person', any: [{ status: 'meritorious' }] },
      amount: { type: 'gift', gift: 'tet' },
    },
  },
  {
    code: 'QUA27-7-2021',
    group: 'merit',
    name: 'Quà 27/7/2021 của Chủ tịch nước tặng người có công',
    legalBasis: 'Quyết định của Chủ tịch nước tặng quà nhân dịp 74 năm Ngày Thương binh – Liệt sĩ',
    legalDate: '2021-06-30',
    kind: 'gift',
    unit: 'dong',
    periodKind: 'once',
    refDate: '2021-07-27',
    periodFrom: '2021-07-01',
    periodTo: '2021-07-27',
    fundingSource: 'Ngân sách trung ương',
    rule: {
      validFrom: '2021-01-01',
      eligibility: { per: 'person', any: [{ status: 'meritorious' }] },
      amount: { type: 'gift', gift: '27_7' },
    },
  },
  {
    code: 'TET2021-NGHEO',
    group: 'tet',
    name: 'Quà Tết 2021 cho hộ nghèo, hộ cận nghèo (mức của tỉnh — số liệu mẫu)',
    legalBasis: 'Kế hoạch tặng quà Tết Tân Sửu 2021 của UBND tỉnh (mẫu)',
    legalDate: '2021-01-05',
    kind: 'gift',
    unit: 'dong',
    periodKind: 'once',
    refDate: '2021-02-12',
    periodFrom: '2021-01-15',
    periodTo: '2021-02-10',
    budget: 2_000_000_000,
    fundingSource: 'Ngân sách tỉnh',
    rule: {
      validFrom: '2021-01-01',
      eligibility: { per: 'household', any: [{ status: 'poverty', categories: ['poor', 'near_poor'], year: 2020 }] },
      amount: { type: 'by_category', amounts: { poor: 500_000, near_poor: 300_000 } },
      note: 'Mức quà của tỉnh: số liệu mẫu',
    },
  },
  {
    code: 'TET2021-BTXH',
    group: 'tet',
    name: 'Quà Tết 2021 cho người hưởng trợ cấp xã hội hằng tháng (số liệu mẫu)',
    legalBasis: 'Kế hoạch tặng quà Tết Tân Sửu 2021 của UBND tỉnh (mẫu)',
    legalDate: '2021-01-05',
    kind: 'gift',
    unit: 'dong',
    periodKind: 'once',
    refDate: '2021-02-12',
    periodFrom: '2021-01-15',
    periodTo: '2021-02-10',
    fundingSource: 'Ngân sách tỉnh',
    rule: {
      validFrom: '2021-01-01',
      eligibility: { per: 'person', any: [{ status: 'social_assistance' }] },
      amount: { type: 'fixed', amount: 300_000 },
    },
  },
  {
    code: 'NQ68-2021-HKD',
    group: 'covid',
    name: 'Hỗ trợ hộ kinh doanh gặp khó khăn do COVID-19 (Nghị quyết 68/NQ-CP) — danh sách mẫu',
    legalBasis: 'Nghị quyết 68/NQ-CP ngày 01/7/2021; Quyết định 23/2021/QĐ-TTg',
    legalDate: '2021-07-01',
    kind: 'one_off_cash',
    unit: 'dong',
    periodKind: 'once',
    refDate: '2021-08-15',
    periodFrom: '2021-07-01',
    periodTo: '2021-12-31',
    fundingSource: 'Ngân sách trung ương và địa phương',
    rule: {
      validFrom: '2021-07-01',
      eligibility: { per: 'household', any: [{ status: 'poverty', categories: ['near_poor'], year: 2020 }] },
      amount: { type: 'fixed', amount: 3_000_000 },
      note: 'Mức 3.000.000đ/hộ theo NQ 68 mục II.12; sổ mẫu không có hộ kinh doanh, danh sách lấy hộ cận nghèo làm ví dụ',
    },
  },
  {
    code: 'TCXH-2021',
    group: 'social_assistance',
    name: 'Trợ cấp xã hội hằng tháng (Nghị định 20/2021/NĐ-CP)',
    legalBasis: 'Nghị định 20/2021/NĐ-CP ngày 15/3/2021',
    legalDate: '2021-03-15',
    kind: 'monthly',
    unit: 'dong',
    periodKind: 'monthly',
    refDate: '2021-07-01',
    periodFrom: '2021-07-01',
    fundingSource: 'Ngân sách địa phương',
    rule: {
      validFrom: '2021-07-01',
      eligibility: { per: 'person', any: [{ status: 'social_assistance' }] },
      amount: { type: 'social_assistance' },
    },
  },
  {
    code: 'BHYT-2021',
    group: 'health_insurance',
    name: 'Cấp thẻ bảo hiểm y tế năm 2021 cho người thuộc hộ nghèo, cận nghèo, người có công',
    legalBasis: 'Luật Bảo hiểm y tế; Nghị định 146/2018/NĐ-CP',
    legalDate: '2018-10-17',
    kind: 'health_card',
    unit: 'card',
    periodKind: 'once',
    refDate: '2021-01-01',
    periodFrom: '2021-01-01',
    periodTo: '2021-12-31',
    fundingSource: 'Ngân sách nhà nước',
    rule: {
      validFrom: '2021-01-01',
      eligibility: {
        per: 'person',
        any: [{ status: 'health_insurance', categories: ['poor', 'near_poor', 'meritorious'] }],
      },
      amount: { type: 'quantity', perPerson: 1, unit: 'card' },
    },
  },
  {
    code: 'GAO-DTQG-2021',
    group: 'food',
    name: 'Hỗ trợ gạo từ nguồn dự trữ quốc gia dịp Tết 2021 (15 kg/khẩu)',
    legalBasis: 'Quyết định xuất cấp gạo dự trữ quốc gia hỗ trợ dịp Tết Tân Sửu 2021 (mẫu)',
    legalDate: '2021-01-20',
    kind: 'in_kind',
    unit: 'kg',
    periodKind: 'once',
    refDate: '2021-02-01',
    periodFrom: '2021-01-20',
    periodTo: '2021-02-28',
    fundingSource: 'Dự trữ quốc gia',
    rule: {
      validFrom: '2021-01-01',
      eligibility: { per: 'household', any: [{ status: 'poverty', categories: ['poor'], year: 2020 }] },
      amount: { type: 'quantity', perPerson: 15, unit: 'kg' },
    },
  },
];

/** A fixed pick: the same lists move forward on every seed run. */
const pick = (id: number, seed: number, percent: number) => ((id * 2654435761 + seed) >>> 0) % 100 < percent;

export async function seedProgramsDemo(
  database: Database,
  services: Services,
  opts: { provinceCode: string; seed: number },
): Promise<void> {
  const db = database.db;
  const hasPersons = await db.selectFrom('persons').select('id').limit(1).executeTakeFirst();
  if (!hasPersons) return;
  const actor = systemActor('seed');
  // The 2021 review (year 2020) and 2021 health-insurance lists, from today's.
  const year = await db
    .selectFrom('statuses')
    .select((e) => e.fn.max('valid_from').as('m'))
    .where('kind', '=', 'poverty')
    .executeTakeFirst();
  const current = String(year?.m ?? '2026-01-01');
  await db
    .insertInto('statuses')
    .columns([
      'kind',
      'subject',
      'person_id',
      'household_id',
      'category',
      'year',
      'degree',
      'valid_from',
      'valid_to',
      'decision_no',
      'decision_date',
      'ended_reason',
      'province_code',
      'district_code',
      'commune_code',
      'created_at',
    ])
    .expression((eb) =>
      eb
        .selectFrom('statuses')
        .select((s) => [
          'kind',
          'subject',
          'person_id',
          'household_id',
          'category',
          s.val(2020).as('year'),
          'degree',
          s.val('2021-01-01').as('valid_from'),
          s.val('2021-12-31').as('valid_to'),
          'decision_no',
          s.val('2020-12-15').as('decision_date'),
          'ended_reason',
          'province_code',
          'district_code',
          'commune_code',
          'created_at',
        ])
        .where('kind', 'in', ['poverty', 'health_insurance'])
        .where('valid_from', '=', current),
    )
    .execute();

  const districts = await db
    .selectFrom('areas')
    .select('code')
    .where('parent_code', '=', opts.provinceCode)
    .orderBy('code')
    .execute();
  for (const [i, body] of DEMO_PROGRAMS.entries()) {
    const program = await services.programs.createProgram(actor, body, {
      isDemo: true,
      provinceCode: opts.provinceCode,
    });
    const periods = body.periodKind === 'monthly' ? ['2021-07', '2021-08', '2021-09'] : [undefined];
    for (const period of periods) {
      const gen = await services.programs.generate(actor, program.id, { period });
      // Lists move forward by a fixed pick: most submitted, fewer appraised and approved.
      const approvedIn = new Set<string>();
      for (const listId of gen.listIds) {
        if (!pick(listId, opts.seed + i, 85)) continue;
        try {
          await services.programs.submit(actor, listId, {});
          if (!pick(listId, opts.seed + 7, 80)) continue;
          await services.programs.appraise(actor, listId, { comment: 'Đã thẩm định' }).catch(() => undefined);
          if (!pick(listId, opts.seed + 13, 85)) continue;
          // Decided in 2021 and entered today: the figures count them by the decision date.
          const l = await services.programs.approve(actor, listId, {
            decisionNo: `${100 + i}/QĐ-UBND`,
            decisionDate: period ? `${period}-01` : body.periodFrom,
          });
          approvedIn.add(l.districtCode ?? l.communeCode);
          if (pick(listId, opts.seed + 17, 60)) await services.programs.publish(actor, listId);
        } catch {
          // A list with problems stays a draft for the commune to correct, as in real life.
        }
      }
      // Pay in the first districts with approved lists; the others are still waiting.
      const channel = body.kind === 'in_kind' || body.kind === 'health_card' ? 'in_kind' : 'post_office';
      for (const d of districts.slice(0, Math.ceil(districts.length / 2))) {
        if (!approvedIn.has(d.code)) continue;
        const p = period ?? body.refDate.slice(0, 4);
        const batch = await services.programs.payments
          .createBatch(actor, { programId: program.id, period: p, channel, areaCode: d.code })
          .catch(() => null);
        if (!batch) continue;
        // Paid in 2021 (the 15th of a monthly period), recorded today: counted by the payment date.
        const paidOn = period ? `${period}-15` : (body.periodTo ?? body.refDate);
        const entries = await db.selectFrom('list_entries').select('id').where('batch_id', '=', batch.id).execute();
        const paid = entries.filter((e) => e.id % 10 !== 0).map((e) => e.id);
        const failed = entries.filter((e) => e.id % 10 === 0 && e.id % 20 === 0).map((e) => e.id);
        if (paid.length)
          await services.programs.payments.recordPayments(
            actor,
            batch.id,
            { entryIds: paid, state: 'paid', paidOn, reference: `PC-${batch.id}` },
            randomUUID(),
          );
        if (failed.length)
          await services.programs.payments.recordPayments(
            actor,
            batch.id,
            { entryIds: failed, state: 'failed', paidOn, note: 'Vắng nhà' },
            randomUUID(),
          );
      }
    }
  }
}
