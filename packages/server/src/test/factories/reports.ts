import {
  CreatePlanBody,
  CreateReportBody,
  CreateTemplateBody,
  type TemplateOut,
  EnterValueBody,
  type EnteredValueOut,
  type HouseholdOut,
  type PersonOut,
  type PlanOut,
  type ReportOut,
} from '@ansinh/domain';
import type { Session, TestContext } from '../helpers.js';
import { factoryActor, unique } from './base.js';

/** The area plans, values and reports are for by default: the demo province (Bình Phước). */
export const REPORTS_DEFAULT_AREA = '70';

/**
 * An entered value of an indicator (jobs created in the demo province in 2025 by default), with a
 * source, entered through the service as the system. An indicator code the catalogue does not
 * know is added to it first (a count, summed up the area tree).
 */
export async function buildIndicatorValue(
  ctx: Pick<TestContext, 'services'>,
  overrides: Partial<EnterValueBody> = {},
): Promise<EnteredValueOut> {
  const reports = ctx.services.reports;
  const body = EnterValueBody.parse({
    indicatorCode: 'employment.jobs_created',
    areaCode: REPORTS_DEFAULT_AREA,
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    value: 1,
    sourceKind: 'agency',
    sourceRef: `Báo cáo số ${unique()}/BC-TTDVVL`,
    sourceDate: '2025-12-20',
    ...overrides,
  });
  const catalogue = await reports.indicators(factoryActor);
  if (!catalogue.items.some((i) => i.code === body.indicatorCode)) {
    await reports.createIndicator(factoryActor, {
      code: body.indicatorCode,
      nameVi: `Chỉ tiêu thử ${body.indicatorCode}`,
      nameEn: `Test indicator ${body.indicatorCode}`,
      unit: 'persons',
      rollup: 'sum',
      lowerIsBetter: false,
    });
  }
  return reports.enterValue(factoryActor, body);
}

/** A plan issued by a document (the demo province's for 2025 by default, without targets). */
export async function buildPlan(
  ctx: Pick<TestContext, 'services'>,
  overrides: Partial<CreatePlanBody> = {},
): Promise<PlanOut> {
  const n = unique();
  const body = CreatePlanBody.parse({
    year: 2025,
    areaCode: REPORTS_DEFAULT_AREA,
    title: `Kế hoạch thực hiện chỉ tiêu năm ${overrides.year ?? 2025} (${n})`,
    docNumber: `${n}/KH-SLĐTBXH`,
    docDate: `${overrides.year ?? 2025}-02-15`,
    issuer: 'Sở Lao động - Thương binh và Xã hội',
    targets: [],
    ...overrides,
  });
  return ctx.services.reports.createPlan(factoryActor, body);
}

/**
 * A report from a template (the annual dan-van-nam report of the demo province for 2025, as of
 * 31/12/2025, by default), a draft unless `issue` is set.
 */
export async function buildReport(
  ctx: Pick<TestContext, 'services'>,
  overrides: Partial<CreateReportBody> & { issue?: boolean } = {},
): Promise<ReportOut> {
  const { issue, ...rest } = overrides;
  const body = CreateReportBody.parse({
    templateCode: 'dan-van-nam',
    year: 2025,
    areaCode: REPORTS_DEFAULT_AREA,
    asOf: '2025-12-31',
    ...rest,
  });
  const report = await ctx.services.reports.create(factoryActor, body);
  return issue ? ctx.services.reports.issue(factoryActor, report.id, { acceptMissing: true }) : report;
}

/**
 * A report template of the demo province (a yearly one with one section, a figure and a table by
 * default), created through the service as the system.
 */
export async function buildReportTemplate(
  ctx: Pick<TestContext, 'services'>,
  overrides: Partial<CreateTemplateBody> & { provinceCode?: string } = {},
): Promise<TemplateOut> {
  const { provinceCode, ...rest } = overrides;
  const n = unique();
  const body = CreateTemplateBody.parse({
    code: `mau-thu-${n}`,
    nameVi: `Mẫu báo cáo thử ${n}`,
    nameEn: `Test template ${n}`,
    period: 'year',
    titlePattern: `Báo cáo thử ${n} năm {year}`,
    body: {
      docTitle: 'BÁO CÁO',
      summary: 'Kết quả thử năm {year}',
      addressee: 'Kính gửi: Ủy ban nhân dân tỉnh',
      recipients: ['Như trên'],
      sections: [
        {
          id: 'a',
          number: 'I.',
          title: 'KẾT QUẢ',
          level: 1,
          blocks: [
            { type: 'text', id: 'a.p1', text: 'Hộ nghèo: {registry.poor_households} hộ.' },
            { type: 'table', id: 'a.t1', caption: 'Bảng', rows: [{ label: 'Hồ sơ', figure: 'dossiers.received' }] },
          ],
        },
      ],
    },
    ...rest,
  });
  return ctx.services.reports.createTemplate(factoryActor, body, provinceCode ?? REPORTS_DEFAULT_AREA);
}

const expectOk = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status: number) => {
  const res = await p;
  if (res.statusCode !== status) throw new Error(`${res.statusCode}: ${res.body.slice(0, 800)}`);
  return res.json() as T;
};

/**
 * The registry the reports tests count, entered over HTTP by the communes' officers: four
 * households, A and B poor in the review of 2024; the review of 2025 (decided 10/12/2025) finds A
 * near-poor, B and C poor (all in commune 25213, district 689); D (commune 25270, district 692)
 * poor in 2025. Two parents in A get a monthly social allowance from March and from August 2025.
 */
export async function buildReportsRegistry(ctx: TestContext): Promise<Record<'A' | 'B' | 'C' | 'D', HouseholdOut>> {
  const [xa, xaOther] = await Promise.all([ctx.login('xa.25213'), ctx.login('xa.25270')]);
  const household = (s: Session, communeCode: string) =>
    expectOk<HouseholdOut>(
      s.inject('POST', '/api/v1/households', { communeCode, village: 'Ấp 1', residence: 'rural' }),
      201,
    );
  const poverty = (s: Session, h: HouseholdOut, category: string, year: number, decisionDate: string) =>
    expectOk(
      s.inject('POST', '/api/v1/statuses', {
        kind: 'poverty',
        householdId: h.id,
        category,
        year,
        validFrom: `${year + 1}-01-01`,
        validTo: `${year + 1}-12-31`,
        decisionNo: `${year}/QĐ-UBND`,
        decisionDate,
      }),
      201,
    );
  const A = await household(xa, '25213');
  const B = await household(xa, '25213');
  const C = await household(xa, '25213');
  const D = await household(xaOther, '25270');
  await poverty(xa, A, 'poor', 2024, '2024-12-15');
  await poverty(xa, B, 'poor', 2024, '2024-12-15');
  await poverty(xa, A, 'near_poor', 2025, '2025-12-10');
  await poverty(xa, B, 'poor', 2025, '2025-12-10');
  await poverty(xa, C, 'poor', 2025, '2025-12-10');
  await poverty(xaOther, D, 'poor', 2025, '2025-12-10');
  let n = 0;
  for (const [from, decided] of [
    ['2025-03-01', '2025-02-20'],
    ['2025-08-01', '2025-07-20'],
  ] as const) {
    n++;
    const p = await expectOk<PersonOut>(
      xa.inject('POST', '/api/v1/persons', {
        householdId: A.id,
        relation: 'parent',
        fullName: `Nguyễn Văn Cụ ${n === 1 ? 'Một' : 'Hai'}`,
        gender: 'male',
        birthDate: '1940',
      }),
      201,
    );
    await expectOk(
      xa.inject('POST', '/api/v1/statuses', {
        kind: 'social_assistance',
        personId: p.id,
        category: '5c',
        validFrom: from,
        decisionNo: `${n}/QĐ-UBND`,
        decisionDate: decided,
      }),
      201,
    );
  }
  return { A, B, C, D };
}

/** Jobs created in 2025 entered for districts 689 (45) and 692 (30), as the reports tests know them. */
export async function buildReportsValues2025(ctx: Pick<TestContext, 'services'>): Promise<void> {
  for (const [areaCode, value] of [
    ['689', 45],
    ['692', 30],
  ] as const) {
    await buildIndicatorValue(ctx, {
      areaCode,
      value,
      sourceRef: 'Báo cáo số 10/BC-TTDVVL của Trung tâm Dịch vụ việc làm',
    });
  }
}

/** The plan body of 169/KH-SLĐTBXH of 21/7/2025: four targets, jobs split to district 689. */
export const PLAN_2025 = {
  year: 2025,
  areaCode: '70',
  title: 'Kế hoạch thực hiện chỉ tiêu năm 2025',
  docNumber: '169/KH-SLĐTBXH',
  docDate: '2025-07-21',
  issuer: 'Sở Lao động - Thương binh và Xã hội',
  targets: [
    { indicatorCode: 'employment.jobs_created', target: 100 },
    { indicatorCode: 'employment.jobs_created', areaCode: '689', target: 60 },
    { indicatorCode: 'registry.households_left_poverty', target: 2 },
    { indicatorCode: 'registry.poor_households', target: 2 },
  ],
};

/** The Department's year 2025 as the reports tests know it: the values and plan above. */
export async function buildReportsYear2025(ctx: Pick<TestContext, 'services'>): Promise<PlanOut> {
  await buildReportsValues2025(ctx);
  return buildPlan(ctx, PLAN_2025);
}
