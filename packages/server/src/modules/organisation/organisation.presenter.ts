import { staffCutPercent, type OrgUnitOut, type StaffingOut } from '@ansinh/domain';
import type { StaffingRow } from './repo/staffing.repo.js';
import type { UnitRow } from './repo/units.repo.js';

/** Row -> response body; the register holds no personal data, so nothing is masked. */
export function presentUnit(u: UnitRow): OrgUnitOut {
  return {
    id: u.id,
    provinceCode: u.province_code,
    agencyCode: u.agency_code,
    name: u.name,
    kind: u.kind,
    parentId: u.parent_id,
    activeFrom: u.active_from,
    activeTo: u.active_to,
    note: u.note,
  };
}

export function presentStaffing(s: StaffingRow): StaffingOut {
  return {
    id: s.id,
    provinceCode: s.province_code,
    agencyCode: s.agency_code,
    year: s.year,
    approvedPosts: s.approved_posts,
    staffStart: s.staff_start,
    staffEnd: s.staff_end,
    staffCut: s.staff_cut,
    staffCutPercent: staffCutPercent(s.staff_cut, s.staff_start),
    trainedPolitical: s.trained_political,
    trainedStateManagement: s.trained_state_management,
    trainedProfessional: s.trained_professional,
    trainedOther: s.trained_other,
    note: s.note,
  };
}
