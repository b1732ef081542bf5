import { ROLE_AREA_LEVEL, ROLE_LABELS, type Role } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import type { AgenciesService } from '../../agencies/index.js';
import type { AreasService } from '../../areas/index.js';
import { usersPolicy } from '../users.policy.js';
import { usersRepo } from '../repo/users.repo.js';

const LEVEL_NAMES: Record<number, string> = { 1: 'tỉnh', 2: 'huyện', 3: 'xã' };

/** What an auditor needs to see of an account: never the password hash. */
export const auditView = (u: {
  username: string;
  full_name: string;
  role: string;
  area_code: string;
  agency_code?: string | null;
  disabled: number;
}) => ({
  username: u.username,
  fullName: u.full_name,
  role: u.role,
  areaCode: u.area_code,
  agencyCode: u.agency_code ?? null,
  disabled: u.disabled === 1,
});

/**
 * The area an account is given must exist, lie inside the administrator's area, and be of the
 * level the role works at (a commune officer belongs to a commune). Field errors, not 404: the
 * administrator typed the code.
 */
export async function checkArea(areas: Pick<AreasService, 'pathOf'>, actor: Actor, role: Role, areaCode: string) {
  const area = await areas.pathOf(areaCode);
  if (!area)
    throw errors.validation([{ path: 'body.areaCode', message: `Không có đơn vị hành chính mã ${areaCode}.` }]);
  if (!usersPolicy.allows(actor, 'manage', { areaPath: area.path })) {
    throw errors.validation([{ path: 'body.areaCode', message: `Đơn vị ${areaCode} nằm ngoài địa bàn bạn quản lý.` }]);
  }
  const need = ROLE_AREA_LEVEL[role];
  if (need !== null && area.level !== need) {
    throw errors.validation([
      {
        path: 'body.areaCode',
        message: `Vai trò "${ROLE_LABELS[role].vi}" phải gắn với một đơn vị cấp ${LEVEL_NAMES[need]}; ${area.name} là cấp ${LEVEL_NAMES[area.level]}.`,
      },
    ]);
  }
  return area;
}

/** An account the actor manages: 404 outside their area, 403 for a role that may not. */
export async function loadUser(db: Executor, actor: Actor, id: number) {
  const row = await usersRepo.findById(db, id);
  if (!row) throw errors.notFound('Tài khoản');
  usersPolicy.guard(actor, 'manage', { areaPath: row.area_path }, 'Tài khoản');
  return row;
}

/**
 * The agency an account is given must be one of the province of its area (docs/modules/agencies.md).
 * A field error: the administrator chose it. Null or absent: every agency of the province.
 */
export async function checkAgency(
  agencies: Pick<AgenciesService, 'byCode'> | undefined,
  areaPath: string,
  agencyCode: string | null | undefined,
): Promise<void> {
  if (!agencyCode) return;
  const province = areaPath.split('/').find(Boolean) ?? '';
  if (!agencies || !(await agencies.byCode(province, agencyCode)))
    throw errors.validation([
      { path: 'body.agencyCode', message: `Tỉnh không có cơ quan mã ${agencyCode}. Chọn một cơ quan trong danh sách.` },
    ]);
}
