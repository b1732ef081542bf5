import type { MartyrBody, SampleBody } from '@ansinh/domain';
import type { TestContext } from '../helpers.js';
import { DEFAULT_COMMUNE, factoryActor, unique } from './base.js';

/** A registry person (with a household) in a commune, created through the registry service. */
export async function buildMeritPerson(ctx: TestContext, o: { communeCode?: string; fullName?: string } = {}) {
  const communeCode = o.communeCode ?? DEFAULT_COMMUNE;
  const hh = await ctx.services.registry.createHousehold(factoryActor, {
    communeCode,
    residence: 'rural',
    village: 'Ấp 1',
  });
  return ctx.services.registry.createPerson(factoryActor, {
    fullName: o.fullName ?? `Nguyễn Văn Công ${unique()}`,
    gender: 'male',
    birthDate: '1950',
    citizenId: null,
    householdId: hh.id,
    relation: 'head',
    village: 'Ấp 1',
  });
}

/** A merit record for a new registry person (category g, a war invalid, by default). */
export async function buildMeritRecord(
  ctx: TestContext,
  o: { communeCode?: string; category?: string; personId?: number; fullName?: string } = {},
) {
  const personId = o.personId ?? (await buildMeritPerson(ctx, o)).id;
  return ctx.services.merit.createRecord(factoryActor, {
    personId,
    category: o.category ?? 'g',
    degree: 61,
    custodian: 'Sở',
    dossierYear: 2022,
  });
}

/** A martyr with a grave outside any cemetery, in a commune. */
export async function buildMartyr(ctx: TestContext, o: Partial<MartyrBody> = {}) {
  return ctx.services.merit.createMartyr(factoryActor, {
    fullName: `Trần Văn Liệt ${unique()}`,
    hometown: 'Bình Phước',
    birthYear: 1948,
    deathDate: null,
    deathYear: 1972,
    unit: 'E209',
    communeCode: DEFAULT_COMMUNE,
    grave: { cemeteryId: null, location: 'outside', position: 'Ấp 2', massGrave: false },
    ...o,
  });
}

/** Remains received from a search team in a province (70 by default). */
export async function buildIntake(ctx: TestContext, o: { provinceCode?: string; receivedOn?: string } = {}) {
  return ctx.services.merit.receiveRemains(
    factoryActor,
    {
      team: 'Đội K72',
      receivedOn: o.receivedOn ?? '2025-03-14',
      remainsCount: 3,
      identifiedCount: 0,
      handoverForm: 'Mẫu 81',
    },
    { provinceCode: o.provinceCode ?? '70' },
  );
}

/** A remains sample of a new intake, taken the day it arrived. */
export async function buildSample(ctx: TestContext, o: Partial<SampleBody> & { provinceCode?: string } = {}) {
  const { provinceCode = '70', ...b } = o;
  const intake = b.intakeId ? null : await buildIntake(ctx, { provinceCode });
  return ctx.services.merit.takeSample(
    factoryActor,
    {
      code: `BP-${unique()}-${Math.floor(Math.random() * 1e6)}`,
      kind: 'remains',
      intakeId: intake?.id ?? null,
      graveId: null,
      relativeName: null,
      relation: null,
      receivedOn: '2025-03-14',
      takenOn: '2025-03-14',
      ...b,
    },
    { provinceCode },
  );
}
