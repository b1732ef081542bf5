import {
  todayInVietnam,
  type CreateHouseholdBody,
  type CreatePersonBody,
  type GrantStatusBody,
  type HouseholdOut,
  type PersonOut,
  type StatusKind,
  type StatusOut,
} from '@ansinh/domain';
import type { TestContext } from '../helpers.js';
import { DEFAULT_COMMUNE, factoryActor, unique } from './base.js';

// Family and middle names tests do not write by hand, so a factory person never matches a
// test's name search ("nguyen van a") or duplicate check.
const FAMILY = ['Tạ', 'Lương', 'Đinh', 'Cao', 'Kiều', 'Lâm', 'Trịnh', 'Quách', 'Thái', 'Mạc'];
const MIDDLE = ['Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Gia', 'Bảo', 'Khải'];
const GIVEN = ['Tâm', 'Bình', 'Châu', 'Dung', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai', 'Nam'];
const SECOND = ['Anh', 'Bảo', 'Cường', 'Duy', 'Hải', 'Hiếu', 'Khoa', 'Long', 'Phúc', 'Quân'];

/** A Vietnamese name unique among the first 10,000 factory calls of a process. */
export function uniqueName(n = unique()): string {
  const d = (k: number) => Math.floor(n / 10 ** k) % 10;
  const base = `${FAMILY[d(0)]} ${MIDDLE[d(1)]} ${GIVEN[d(2)]}`;
  return n < 1000 ? base : `${base} ${SECOND[d(3)]}`;
}

/**
 * A valid 12-digit citizen ID for a person of this sex and birth date: birth-registration code
 * 070 (Bình Phước), the century/sex digit (0/1 for 1900–1999, 2/3 for 2000–2099, odd for women),
 * the last two digits of the birth year, and six digits unique in the process (from 800000, away
 * from the IDs tests write by hand). See packages/domain/src/identity.ts.
 */
export function citizenIdFor(gender: 'male' | 'female', birthDate: string, n = unique()): string {
  const year = Number(birthDate.slice(0, 4));
  const century = Math.floor((year - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0);
  return `070${century}${String(year % 100).padStart(2, '0')}${String(800000 + (n % 200000)).padStart(6, '0')}`;
}

/** A household in `communeCode` (default the demo commune 25213), created by the system. */
export async function buildHousehold(
  ctx: TestContext,
  overrides: Partial<CreateHouseholdBody> = {},
): Promise<HouseholdOut> {
  const n = unique();
  return ctx.services.registry.createHousehold(factoryActor, {
    communeCode: DEFAULT_COMMUNE,
    village: `Ấp ${(n % 9) + 1}`,
    residence: 'rural',
    ...overrides,
  });
}

export type PersonOverrides = Partial<Omit<CreatePersonBody, 'householdId' | 'citizenId'>> & {
  /** A household to join; left out, a new one is built in `communeCode`; null: none (commune only). */
  householdId?: number | null;
  /** Left out: a valid ID unique per call; null: no ID. */
  citizenId?: string | null;
};

/**
 * A person, created by the system: a unique name, a birth date, a citizen ID consistent with
 * sex and birth year (unique per call), in a new household of `communeCode` (default 25213)
 * unless one is given.
 */
export async function buildPerson(ctx: TestContext, overrides: PersonOverrides = {}): Promise<PersonOut> {
  const n = unique();
  const { householdId: hid, citizenId: cid, ...rest } = overrides;
  const communeCode = overrides.communeCode ?? DEFAULT_COMMUNE;
  const gender = overrides.gender ?? (n % 2 ? 'male' : 'female');
  const birthDate = overrides.birthDate ?? `${1940 + (n % 60)}-${String((n % 12) + 1).padStart(2, '0')}-15`;
  const householdId = hid === undefined ? (await buildHousehold(ctx, { communeCode })).id : hid;
  const body: CreatePersonBody = {
    fullName: uniqueName(n),
    gender,
    birthDate,
    ...rest,
    ...(householdId !== null ? { householdId } : { communeCode }),
    ...(cid === null ? {} : { citizenId: cid ?? citizenIdFor(gender, birthDate, n) }),
  } as CreatePersonBody;
  if (householdId !== null) delete (body as { communeCode?: string }).communeCode;
  return ctx.services.registry.createPerson(factoryActor, body);
}

/** A valid category of each kind (poverty: poor household; social assistance: clause 5a ...). */
const DEFAULT_CATEGORY: Record<StatusKind, string> = {
  poverty: 'poor',
  social_assistance: '5a',
  meritorious: 'l',
  ethnic_minority_area: 'difficult',
  health_insurance: 'poor',
  child_special_circumstances: 'a',
};

/**
 * A status of a person, granted by the system (default: social assistance, clause 5a, from
 * 2024-07-01). `kind: 'poverty'` is granted to the person's household for a review year (default
 * last year, valid through this year); other kinds to the person.
 */
export async function buildStatus(
  ctx: TestContext,
  personId: number,
  overrides: Partial<GrantStatusBody> = {},
): Promise<StatusOut> {
  const n = unique();
  const kind = overrides.kind ?? 'social_assistance';
  const thisYear = new Date().getFullYear();
  let subject: { personId: number } | { householdId: number } = { personId };
  let extra: Partial<GrantStatusBody> = {};
  if (kind === 'poverty') {
    const householdId =
      overrides.householdId ?? (await ctx.services.registry.getPerson(factoryActor, personId)).householdId;
    if (!householdId) throw new Error(`buildStatus: person ${personId} has no household for a poverty status`);
    subject = { householdId };
    const year = overrides.year ?? thisYear - 1;
    // Decided at the end of the review year (today at the latest: a decision cannot be in the future).
    const decisionDate = [`${year}-12-20`, todayInVietnam()].sort()[0]!;
    extra = { year, validFrom: `${year + 1}-01-01`, validTo: `${year + 1}-12-31`, decisionDate };
  }
  const { personId: _p, householdId: _h, ...rest } = overrides;
  return ctx.services.registry.grantStatus(factoryActor, {
    kind,
    category: DEFAULT_CATEGORY[kind],
    validFrom: '2024-07-01',
    decisionNo: `${n}/QĐ-UBND`,
    decisionDate: '2024-06-20',
    ...subject,
    ...extra,
    ...rest,
  });
}
