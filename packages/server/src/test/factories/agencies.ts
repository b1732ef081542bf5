import type { AgencyBody, AgencyOut, Role } from '@ansinh/domain';
import type { TestContext } from '../helpers.js';
import { DEMO_PASSWORD } from '../helpers.js';
import { factoryActor, unique } from './base.js';

/**
 * An agency of the demo province (or `provinceCode`), created as the system: a unique code and
 * symbol ("A12", "S12") unless given, the Sở Nội vụ's header otherwise.
 */
export async function buildAgency(
  ctx: Pick<TestContext, 'services'>,
  overrides: Partial<AgencyBody> & { provinceCode?: string } = {},
): Promise<AgencyOut> {
  const { provinceCode = '70', ...o } = overrides;
  const n = unique();
  return ctx.services.agencies.create(
    factoryActor,
    {
      code: `A${n}`,
      name: `Sở thử nghiệm ${n}`,
      headerName: `SỞ THỬ NGHIỆM ${n}`,
      parentName: 'UBND TỈNH BÌNH PHƯỚC',
      symbol: `S${n}`,
      place: 'Bình Phước',
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: `Người Ký ${n}`,
      recipients: ['Lưu: VT'],
      fields: [],
      ...o,
    },
    { provinceCode },
  );
}

/**
 * An account of an agency (a province officer of the demo province by default; password
 * DEMO_PASSWORD, no change required), created as the system. Its username.
 */
export async function buildAgencyUser(
  ctx: Pick<TestContext, 'services'>,
  agencyCode: string | null,
  overrides: { role?: Role; areaCode?: string } = {},
): Promise<string> {
  const username = `cq.${unique()}`;
  await ctx.services.users.create(
    factoryActor,
    {
      username,
      password: DEMO_PASSWORD,
      fullName: `Cán bộ ${username}`,
      role: overrides.role ?? 'province_officer',
      areaCode: overrides.areaCode ?? '70',
      agencyCode,
    },
    { mustChangePassword: false },
  );
  return username;
}
