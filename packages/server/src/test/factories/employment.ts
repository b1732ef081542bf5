import type {
  CreateCourseBody,
  CreateEmployerBody,
  CreateFairBody,
  CreateSupplyBody,
  CreateVacancyBody,
  EmployerOut,
  FairOut,
  SupplyOut,
  VacancyOut,
} from '@ansinh/domain';
import type { TestContext } from '../helpers.js';
import { DEFAULT_COMMUNE, factoryActor, unique } from './base.js';

/** A valid 12-digit personal ID unique in the test process (province 070, born 1990). */
export function supplyCitizenId(n = unique()): string {
  return `0700900${String(n).padStart(5, '0')}`;
}

/** A labour supply record (defaults: an unemployed worker in Xã Tiến Hưng, collected in 2021). */
export async function buildSupply(ctx: TestContext, o: Partial<CreateSupplyBody> = {}): Promise<SupplyOut> {
  const n = unique();
  return ctx.services.employment.createSupply(factoryActor, {
    citizenId: supplyCitizenId(n),
    fullName: `Nguyễn Văn Lao Động ${n}`,
    birthDate: '1990-05-01',
    gender: 'male',
    ethnicCode: null,
    communeCode: DEFAULT_COMMUNE,
    collectedOn: '2021-03-01',
    schooling: 'upper_secondary',
    qualification: 'none',
    field: null,
    employmentStatus: 'unemployed',
    jobTitle: null,
    workplaceType: null,
    industry: null,
    workAddress: null,
    previousJob: null,
    unemploymentDuration: 'lt3m',
    inactiveReason: null,
    needs: ['job'],
    phone: null,
    ...o,
  });
}

export async function buildEmployer(ctx: TestContext, o: Partial<CreateEmployerBody> = {}): Promise<EmployerOut> {
  const n = unique();
  return ctx.services.employment.createEmployer(factoryActor, {
    name: `Công ty TNHH Thử Nghiệm ${n}`,
    taxCode: `38${String(n).padStart(8, '0')}`,
    industry: 'Chế biến',
    address: null,
    phone: null,
    communeCode: DEFAULT_COMMUNE,
    ...o,
  });
}

/** A vacancy (creates its employer unless one is given). */
export async function buildVacancy(ctx: TestContext, o: Partial<CreateVacancyBody> = {}): Promise<VacancyOut> {
  const employerId = o.employerId ?? (await buildEmployer(ctx)).id;
  return ctx.services.employment.createVacancy(factoryActor, {
    employerId,
    title: 'Công nhân may',
    positions: 10,
    qualification: null,
    wageMin: 6_000_000,
    wageMax: 8_000_000,
    workPlace: null,
    openFrom: '2021-01-01',
    openTo: null,
    ...o,
  });
}

/** A job fair in Đồng Xoài (689) with one employer (of `employerCommune`) offering one vacancy. */
export async function buildFair(
  ctx: TestContext,
  o: Partial<CreateFairBody> = {},
  opts: { employerCommune?: string } = {},
): Promise<FairOut & { vacancy: VacancyOut }> {
  const fair = await ctx.services.employment.createFair(factoryActor, {
    name: `Phiên giao dịch việc làm ${unique()}`,
    date: '2021-06-15',
    place: 'Trung tâm Dịch vụ việc làm tỉnh',
    mode: 'offline',
    districtCode: '689',
    ...o,
  });
  const employer = await buildEmployer(ctx, { communeCode: opts.employerCommune ?? DEFAULT_COMMUNE });
  const vacancy = await buildVacancy(ctx, { employerId: employer.id });
  const withEmployer = await ctx.services.employment.addEmployer(factoryActor, fair.id, {
    employerId: vacancy.employerId,
    vacancyIds: [vacancy.id],
  });
  return { ...withEmployer, vacancy };
}

export async function buildCourse(ctx: TestContext, o: Partial<CreateCourseBody> = {}) {
  return ctx.services.employment.createCourse(factoryActor, {
    name: `Lớp may công nghiệp ${unique()}`,
    occupation: 'May công nghiệp',
    level: 'short_course',
    provider: 'Trường Trung cấp nghề tỉnh',
    startDate: '2021-04-01',
    endDate: '2021-06-30',
    districtCode: '689',
    ...o,
  });
}
