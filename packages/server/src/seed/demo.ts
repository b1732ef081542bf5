import { randomInt } from 'node:crypto';
import type { Role } from '@ansinh/domain';
import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import { systemActor } from '../platform/actor.js';
import { nowIso } from '../platform/context.js';
import { hashPassword } from '../platform/passwords.js';
import { seedRegistry } from './registry-seed.js';
import { seedProgramsDemo } from './programs-seed.js';
import { seedDossiersDemo } from './dossiers-seed.js';
import { seedReportsDemo } from './reports-seed.js';
import { seedPetitionsDemo } from './petitions-seed.js';
import { seedEmploymentDemo } from './employment-seed.js';
import { seedPovertyDemo } from './poverty-seed.js';
import { seedMeritDemo } from './merit-seed.js';
import { seedAgencies, seedAgencyRecords, SNV_ACCOUNTS, DEMO_SECOND_AGENCY } from './agencies-seed.js';
import { DEFAULT_AGENCY_CODE } from '../db/migrations/0028-agencies.js';

/** Bình Phước, code 70, from the last three-level list (before 1 July 2025). */
export const DEMO_PROVINCE = '70';
export const DEMO_LIST = 'vn-2025-03-01';

export interface DemoAccount {
  username: string;
  role: Role;
  areaCode: string;
  areaName: string;
  /** The agency the account works for (docs/modules/agencies.md). */
  agencyCode?: string;
}

export interface DemoResult {
  seeded: boolean;
  password: string | null;
  accounts: DemoAccount[];
}

/** A password an officer can read out loud: no look-alike characters. */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let s = '';
  for (let i = 0; i < 14; i++) s += alphabet[randomInt(alphabet.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 9)}-${s.slice(9)}`;
}

/** True when nothing has been created yet (no areas, no users). */
export async function isEmpty(services: Services): Promise<boolean> {
  return (await services.areas.count()) === 0 && (await services.users.count()) === 0;
}

/**
 * Seed the demo province: its area tree and one account per role and per district and commune
 * (admin, tinh.lanhdao, tinh.chuyenvien, thanhtra, giamsat, huyen.<code>, xa.<code>). Demo
 * accounts share one password: ANSINH_DEMO_PASSWORD, or a generated one returned to be printed.
 * Later modules add their demo records here.
 */
export async function seedDemo(
  database: Database,
  services: Services,
  demoPassword?: string,
  opts: { persons?: number; dataDir?: string; seed?: number } = {},
): Promise<DemoResult> {
  const actor = systemActor('seed');
  await services.areas.importShipped(actor, DEMO_LIST, DEMO_PROVINCE);
  const password = demoPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);

  const tree = await database.db
    .selectFrom('areas')
    .select(['code', 'name', 'level'])
    .where('path', 'like', `/${DEMO_PROVINCE}/%`)
    .orderBy('level')
    .orderBy('code')
    .execute();
  const province = tree.find((a) => a.level === 1)!;
  await seedAgencies(services, province);
  const accounts: (DemoAccount & { fullName: string })[] = [
    {
      username: 'admin',
      role: 'admin',
      fullName: 'Quản trị hệ thống',
      areaCode: province.code,
      areaName: province.name,
    },
    {
      username: 'tinh.lanhdao',
      role: 'province_leader',
      fullName: 'Trần Văn Lãnh',
      areaCode: province.code,
      areaName: province.name,
    },
    {
      username: 'tinh.chuyenvien',
      role: 'province_officer',
      fullName: 'Lê Thị Chuyên',
      areaCode: province.code,
      areaName: province.name,
    },
    {
      username: 'thanhtra',
      role: 'inspector',
      fullName: 'Phạm Văn Thanh',
      areaCode: province.code,
      areaName: province.name,
    },
    {
      username: 'ttdvvl',
      role: 'employment_centre',
      fullName: 'Đỗ Văn Việc',
      areaCode: province.code,
      areaName: province.name,
    },
    {
      username: 'giamsat',
      role: 'supervisor',
      fullName: 'Hoàng Thị Giám',
      areaCode: province.code,
      areaName: province.name,
    },
  ];
  for (const a of tree) {
    if (a.level === 2)
      accounts.push({
        username: `huyen.${a.code}`,
        role: 'district_officer',
        fullName: `Cán bộ ${a.name}`,
        areaCode: a.code,
        areaName: a.name,
      });
    if (a.level === 3)
      accounts.push({
        username: `xa.${a.code}`,
        role: 'commune_officer',
        fullName: `Cán bộ ${a.name}`,
        areaCode: a.code,
        areaName: a.name,
      });
  }
  // The Sở Nội vụ's accounts; every other account is the Sở LĐ-TBXH's.
  for (const a of SNV_ACCOUNTS)
    accounts.push({ ...a, areaCode: province.code, areaName: province.name, agencyCode: DEMO_SECOND_AGENCY });
  for (const a of accounts) {
    const agencyCode = a.agencyCode ?? DEFAULT_AGENCY_CODE;
    await services.users.create(
      actor,
      { username: a.username, password, fullName: a.fullName, role: a.role, areaCode: a.areaCode, agencyCode },
      { isDemo: true, mustChangePassword: false, passwordHash },
    );
  }
  await database.db
    .insertInto('settings')
    .values({
      key: 'demo',
      value_json: JSON.stringify({ province: DEMO_PROVINCE, list: DEMO_LIST, seededAt: nowIso() }),
      updated_at: nowIso(),
    })
    .execute();
  if (opts.persons && opts.dataDir) {
    await seedRegistry(database, {
      persons: opts.persons,
      seed: opts.seed ?? 70,
      dataDir: opts.dataDir,
      provinceCode: DEMO_PROVINCE,
    });
  }
  await seedDossiersDemo(database, services, { provinceCode: DEMO_PROVINCE, seed: opts.seed ?? 70 });
  if (opts.persons && opts.dataDir) {
    await seedProgramsDemo(database, services, { provinceCode: DEMO_PROVINCE, seed: opts.seed ?? 70 });
    await seedPovertyDemo(database, services, { provinceCode: DEMO_PROVINCE });
  }
  await seedReportsDemo(database, services, { provinceCode: DEMO_PROVINCE, seed: opts.seed ?? 70 });
  if (opts.persons && opts.dataDir) {
    await seedPetitionsDemo(database, services, { provinceCode: DEMO_PROVINCE, seed: opts.seed ?? 70 });
    await seedEmploymentDemo(database, services, { provinceCode: DEMO_PROVINCE, seed: opts.seed ?? 70 });
  }
  await seedMeritDemo(database, services, { provinceCode: DEMO_PROVINCE, communeCode: '25213' });
  await seedAgencyRecords(database, services, { provinceCode: DEMO_PROVINCE, full: !!(opts.persons && opts.dataDir) });
  return {
    seeded: true,
    password: demoPassword ? null : password,
    accounts: accounts.map(({ username, role, areaCode, areaName }) => ({ username, role, areaCode, areaName })),
  };
}
