import type { Role, UserOut } from '@ansinh/domain';

export function presentUser(r: {
  id: number;
  username: string;
  full_name: string;
  role: string;
  area_code: string;
  area_name: string;
  disabled: number;
  created_at: string;
  last_login_at: string | null;
  agency_code?: string | null;
}): UserOut {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    role: r.role as Role,
    areaCode: r.area_code,
    areaName: r.area_name,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
    agencyCode: r.agency_code ?? null,
  };
}
