import { todayInVietnam, type AgencySettings } from '@ansinh/domain';
import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import { nowIso } from '../platform/context.js';

/**
 * Indicators whose values are entered with their source: figures no record in AnSinh gives
 * (surveys, other agencies, modules not built yet). A module that later computes one of them
 * takes over its code: computed indicators win over entered ones of the same code.
 */
export const ENTERED_INDICATORS: readonly {
  code: string;
  vi: string;
  en: string;
  unit: string;
  rollup?: 'ratio';
  lower?: boolean;
}[] = [
  {
    code: 'employment.jobs_created',
    vi: 'Số lao động được giải quyết việc làm',
    en: 'Workers placed in jobs',
    unit: 'jobs',
  },
  {
    code: 'employment.vocational_trainees',
    vi: 'Số người được tuyển sinh, đào tạo nghề',
    en: 'Vocational trainees enrolled',
    unit: 'persons',
  },
  {
    code: 'employment.career_counselling',
    vi: 'Số lượt người được tư vấn, giới thiệu việc làm',
    en: 'Career counselling sessions given',
    unit: 'persons',
  },
  { code: 'employment.job_fairs', vi: 'Số phiên giao dịch việc làm', en: 'Job-fair sessions', unit: 'sessions' },
  {
    code: 'employment.job_fair_enterprises',
    vi: 'Số doanh nghiệp tham gia phiên giao dịch việc làm',
    en: 'Enterprises at job fairs',
    unit: 'enterprises',
  },
  {
    code: 'employment.job_fair_workers',
    vi: 'Số lao động tham gia phiên giao dịch việc làm',
    en: 'Workers at job fairs',
    unit: 'persons',
  },
  {
    code: 'employment.urban_unemployment_rate',
    vi: 'Tỷ lệ thất nghiệp khu vực thành thị',
    en: 'Urban unemployment rate',
    unit: 'percent',
    rollup: 'ratio',
    lower: true,
  },
  {
    code: 'employment.trained_worker_share',
    vi: 'Tỷ lệ lao động qua đào tạo',
    en: 'Share of trained workers',
    unit: 'percent',
    rollup: 'ratio',
  },
  {
    code: 'employment.social_insurance_coverage',
    vi: 'Tỷ lệ lực lượng lao động tham gia bảo hiểm xã hội',
    en: 'Social-insurance coverage of the workforce',
    unit: 'percent',
    rollup: 'ratio',
  },
  {
    code: 'merit.gifts_tet',
    vi: 'Số suất quà Tết tặng người có công',
    en: 'Lunar New Year gifts to people with meritorious service',
    unit: 'gifts',
  },
  {
    code: 'merit.gifts_tet_amount',
    vi: 'Kinh phí quà Tết tặng người có công',
    en: 'Amount of Lunar New Year gifts',
    unit: 'dong',
  },
  {
    code: 'merit.gifts_27_7',
    vi: 'Số suất quà nhân ngày Thương binh - Liệt sĩ 27/7',
    en: 'Gifts on 27 July',
    unit: 'gifts',
  },
  { code: 'merit.gifts_27_7_amount', vi: 'Kinh phí quà ngày 27/7', en: 'Amount of 27 July gifts', unit: 'dong' },
  {
    code: 'merit.reburials',
    vi: 'Số hài cốt liệt sĩ được cất bốc, quy tập',
    en: "Martyrs' remains reburied",
    unit: 'persons',
  },
  {
    code: 'merit.dna_samples',
    vi: 'Số mẫu ADN được lấy để giám định hài cốt liệt sĩ',
    en: 'DNA samples taken to identify remains',
    unit: 'samples',
  },
  { code: 'petitions.reception_visits', vi: 'Số lượt tiếp công dân', en: 'Citizen reception visits', unit: 'persons' },
  { code: 'petitions.hotline_calls', vi: 'Số cuộc gọi đường dây nóng', en: 'Hotline calls', unit: 'cases' },
  {
    code: 'petitions.complaints_denunciations',
    vi: 'Số đơn khiếu nại, tố cáo tiếp nhận',
    en: 'Complaints and denunciations received',
    unit: 'cases',
    lower: true,
  },
];

export const DEMO_AGENCY = (provinceName: string): AgencySettings => ({
  parentAgency: `UBND ${provinceName.toUpperCase()}`,
  agency: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
  agencyName: 'Sở Lao động - Thương binh và Xã hội',
  symbol: 'SLĐTBXH',
  place: provinceName.replace(/^Tỉnh |^Thành phố /, ''),
  signerAuthority: 'KT. GIÁM ĐỐC',
  signerTitle: 'PHÓ GIÁM ĐỐC',
  signerName: 'Nguyễn Văn Minh',
  recipients: ['Lưu: VT, VP'],
});

/** Splits a total over n parts by fixed weights, the last part taking the remainder. */
function split(total: number, n: number, seed: number): number[] {
  const w = Array.from({ length: n }, (_, i) => 5 + ((i * 7 + seed) % 11));
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.floor((total * x) / sum));
  parts[n - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/**
 * Demo records of the reports module for the demo province: the entered-indicator catalogue, the
 * agency settings, the 2021 plan and this year's plan with targets split to districts, and
 * entered values with their sources. A few hundred rows in one transaction.
 */
export async function seedReportsDemo(
  database: Database,
  services: Services,
  opts: { provinceCode: string; seed: number },
): Promise<void> {
  void services;
  const db = database.db;
  const at = nowIso();
  const province = await db
    .selectFrom('areas')
    .select(['code', 'name', 'path'])
    .where('code', '=', opts.provinceCode)
    .executeTakeFirst();
  if (!province) return;
  const districts = await db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('parent_code', '=', province.code)
    .orderBy('code')
    .execute();
  const today = todayInVietnam();
  const thisYear = Number(today.slice(0, 4));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_indicators')
      .values(
        ENTERED_INDICATORS.map((d) => ({
          code: d.code,
          module: d.code.split('.')[0]!,
          name_vi: d.vi,
          name_en: d.en,
          unit: d.unit,
          rollup: d.rollup ?? 'sum',
          lower_is_better: d.lower ? 1 : 0,
          created_at: at,
        })),
      )
      .execute();
    const agency = await trx
      .selectFrom('province_settings')
      .select('key')
      .where('province_code', '=', province.code)
      .where('key', '=', 'reports.agency')
      .executeTakeFirst();
    if (!agency)
      await trx
        .insertInto('province_settings')
        .values({
          province_code: province.code,
          key: 'reports.agency',
          value_json: JSON.stringify(DEMO_AGENCY(province.name)),
          updated_at: at,
        })
        .execute();

    const provinceCodes = { province_code: province.code, district_code: null, commune_code: null };
    const districtCodes = (code: string) => ({ province_code: province.code, district_code: code, commune_code: null });

    async function plan(year: number, docNumber: string, docDate: string, targets: [string, number, boolean][]) {
      const r = await trx
        .insertInto('plans')
        .values({
          year,
          area_code: province!.code,
          area_level: 1,
          ...provinceCodes,
          title: `Kế hoạch thực hiện các chỉ tiêu lao động, người có công và xã hội năm ${year}`,
          doc_number: docNumber,
          doc_date: docDate,
          issuer: 'Sở Lao động - Thương binh và Xã hội',
          // The Department's own plan (the report says "Sở ... ban hành Kế hoạch số ..."); with no
          // People's Committee plan recorded for the year, reports take their targets from it.
          kind: 'department',
          created_by: 'seed',
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const planId = Number(r.id);
      const rows: {
        plan_id: number;
        indicator_code: string;
        params: string;
        area_code: string;
        area_level: number;
        target: number;
        note: string | null;
      }[] = [];
      for (const [code, target, splitDown] of targets) {
        rows.push({
          plan_id: planId,
          indicator_code: code,
          params: '',
          area_code: province!.code,
          area_level: 1,
          target,
          note: null,
        });
        if (splitDown && districts.length > 0) {
          split(target, districts.length, opts.seed).forEach((t, i) =>
            rows.push({
              plan_id: planId,
              indicator_code: code,
              params: '',
              area_code: districts[i]!.code,
              area_level: 2,
              target: t,
              note: null,
            }),
          );
        }
      }
      await trx.insertInto('plan_targets').values(rows).execute();
    }

    await plan(2021, '12/KH-SLĐTBXH', '2021-01-15', [
      ['employment.jobs_created', 38000, true],
      ['employment.vocational_trainees', 8000, true],
      ['registry.households_left_poverty', 2000, false],
      ['dossiers.settled_late', 0, false],
    ]);
    if (thisYear !== 2021) {
      await plan(thisYear, `08/KH-SLĐTBXH`, `${thisYear}-01-12`, [
        ['employment.jobs_created', 38000, true],
        ['registry.social_assistance_new', 400, true],
        ['registry.poor_households', 1500, false],
        ['programs.persons_paid', 5000, false],
        ['dossiers.settled_late', 0, false],
      ]);
    }

    type Value = {
      code: string;
      area: string;
      level: number;
      from: string;
      to: string;
      value: number;
      num?: number;
      den?: number;
      kind: string;
      ref: string;
      date: string;
    };
    const values: Value[] = [];
    const byDistrict = (code: string, total: number, from: string, to: string, ref: string, date: string) =>
      split(total, districts.length, opts.seed + code.length).forEach((v, i) =>
        values.push({ code, area: districts[i]!.code, level: 2, from, to, value: v, kind: 'agency', ref, date }),
      );
    const atProvince = (
      code: string,
      value: number,
      from: string,
      to: string,
      kind: string,
      ref: string,
      date: string,
      parts?: [number, number],
    ) =>
      values.push({
        code,
        area: province.code,
        level: 1,
        from,
        to,
        value,
        ...(parts ? { num: parts[0], den: parts[1] } : {}),
        kind,
        ref,
        date,
      });

    if (districts.length > 0) {
      const y0 = '2021-01-01';
      const y1 = '2021-12-31';
      const center = 'Báo cáo số 215/BC-TTDVVL ngày 25/12/2021 của Trung tâm Dịch vụ việc làm';
      byDistrict('employment.jobs_created', 28101, y0, y1, center, '2021-12-25');
      byDistrict(
        'employment.vocational_trainees',
        9210,
        y0,
        y1,
        'Báo cáo của Phòng LĐ-TB&XH các huyện, thị xã, thành phố',
        '2021-12-25',
      );
      atProvince('employment.career_counselling', 41256, y0, y1, 'agency', center, '2021-12-25');
      atProvince('employment.job_fairs', 24, y0, y1, 'agency', center, '2021-12-25');
      atProvince('employment.job_fair_enterprises', 312, y0, y1, 'agency', center, '2021-12-25');
      atProvince('employment.job_fair_workers', 6548, y0, y1, 'agency', center, '2021-12-25');
      atProvince(
        'employment.urban_unemployment_rate',
        2.5,
        y0,
        y1,
        'survey',
        'Điều tra lao động - việc làm năm 2021 (Cục Thống kê tỉnh)',
        '2021-12-20',
      );
      atProvince(
        'employment.trained_worker_share',
        67.2,
        y0,
        y1,
        'survey',
        'Điều tra lao động - việc làm năm 2021 (Cục Thống kê tỉnh)',
        '2021-12-20',
      );
      atProvince(
        'employment.social_insurance_coverage',
        38.4,
        y0,
        y1,
        'agency',
        'Công văn số 1520/BHXH-QLT ngày 15/12/2021 của Bảo hiểm xã hội tỉnh',
        '2021-12-15',
        [254_310, 662_266],
      );
      atProvince(
        'merit.gifts_tet',
        15_530,
        y0,
        y1,
        'document',
        'Quyết định số 3412/QĐ-UBND ngày 30/12/2020 của UBND tỉnh',
        '2021-02-10',
      );
      atProvince(
        'merit.gifts_tet_amount',
        8_601_610_000,
        y0,
        y1,
        'document',
        'Quyết định số 3412/QĐ-UBND ngày 30/12/2020 của UBND tỉnh',
        '2021-02-10',
      );
      atProvince(
        'merit.gifts_27_7',
        14_980,
        y0,
        y1,
        'document',
        'Kế hoạch số 169/KH-SLĐTBXH ngày 21/7/2021',
        '2021-07-27',
      );
      atProvince(
        'merit.gifts_27_7_amount',
        13_676_500_000,
        y0,
        y1,
        'document',
        'Kế hoạch số 169/KH-SLĐTBXH ngày 21/7/2021',
        '2021-07-27',
      );
      atProvince('merit.reburials', 36, y0, y1, 'agency', 'Báo cáo của Bộ Chỉ huy Quân sự tỉnh', '2021-12-20');
      atProvince('merit.dna_samples', 52, y0, y1, 'agency', 'Báo cáo của Bộ Chỉ huy Quân sự tỉnh', '2021-12-20');
      atProvince('petitions.reception_visits', 128, y0, y1, 'document', 'Sổ tiếp công dân năm 2021', '2021-12-31');
      atProvince(
        'petitions.hotline_calls',
        2_140,
        y0,
        y1,
        'document',
        'Sổ theo dõi đường dây nóng năm 2021',
        '2021-12-31',
      );
      atProvince(
        'petitions.complaints_denunciations',
        0,
        y0,
        y1,
        'document',
        'Sổ theo dõi đơn thư năm 2021',
        '2021-12-31',
      );

      if (thisYear !== 2021) {
        const month = Number(today.slice(5, 7));
        const to = month === 1 ? today : new Date(Date.UTC(thisYear, month - 1, 0)).toISOString().slice(0, 10);
        const from = `${thisYear}-01-01`;
        byDistrict(
          'employment.jobs_created',
          Math.round((31_250 * Math.max(month - 1, 1)) / 12),
          from,
          to,
          `Báo cáo tháng của Trung tâm Dịch vụ việc làm`,
          to,
        );
        atProvince(
          'employment.urban_unemployment_rate',
          2.1,
          from,
          to,
          'survey',
          `Điều tra lao động - việc làm quý (Cục Thống kê tỉnh)`,
          to,
        );
        atProvince(
          'petitions.complaints_denunciations',
          3,
          from,
          to,
          'document',
          `Sổ theo dõi đơn thư năm ${thisYear}`,
          to,
        );
      }
    }
    if (values.length > 0) {
      await trx
        .insertInto('indicator_values')
        .values(
          values.map((v) => ({
            indicator_code: v.code,
            area_code: v.area,
            area_level: v.level,
            ...(v.level === 1 ? provinceCodes : districtCodes(v.area)),
            period_from: v.from,
            period_to: v.to,
            value: v.value,
            numerator: v.num ?? null,
            denominator: v.den ?? null,
            source_kind: v.kind,
            source_ref: v.ref,
            source_date: v.date,
            note: null,
            entered_by: 'seed',
            entered_at: at,
          })),
        )
        .execute();
    }
  });
}
