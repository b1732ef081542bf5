/** Factories of the organisation register: each creates its record through the service as the system actor. */
import type { OrgUnitBody, OrgUnitOut, StaffingBody, StaffingOut } from '@ansinh/domain';
import type { TestContext } from '../helpers.js';
import { factoryActor, unique } from './base.js';

/** A unit of the demo province's department (province 70), active from 2020 with no end. */
export function buildOrgUnit(ctx: TestContext, overrides: Partial<OrgUnitBody> = {}): Promise<OrgUnitOut> {
  return ctx.services.organisation.createUnit(factoryActor, {
    name: `Phòng Thử nghiệm ${unique()}`,
    kind: 'division',
    activeFrom: '2020-01-01',
    provinceCode: '70',
    ...overrides,
  });
}

/** A year's staffing figures of the department of province 70 (default 2025: 150 at the start, 10 cut). */
export function buildOrgStaffing(
  ctx: TestContext,
  year = 2025,
  overrides: Partial<StaffingBody> = {},
): Promise<StaffingOut> {
  return ctx.services.organisation.putStaffing(factoryActor, year, {
    approvedPosts: 160,
    staffStart: 150,
    staffEnd: 140,
    staffCut: 10,
    trainedPolitical: 3,
    trainedStateManagement: 5,
    trainedProfessional: 12,
    trainedOther: 0,
    provinceCode: '70',
    ...overrides,
  });
}
