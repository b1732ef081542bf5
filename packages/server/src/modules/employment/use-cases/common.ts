import type { Database, Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { codesOfCommune } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { employmentPolicy, type EmploymentAction } from '../employment.policy.js';
import { areasRepo } from '../repo/areas.repo.js';
import { supplyRepo, type SupplyRow } from '../repo/supply.repo.js';

/** What every employment use case receives (services take only what they use). */
export interface EmploymentDeps {
  readonly database: Database;
}

export type AreaCodes = { province_code: string; district_code: string | null; commune_code: string };

/** The codes a record in a commune carries; a code that is not a commune is a field error. */
export async function communeCodes(ex: Executor, code: string, path = 'body.communeCode'): Promise<AreaCodes> {
  const a = await areasRepo.area(ex, code);
  if (!a || a.level !== 3)
    throw errors.validation([{ path, message: `Không có xã/phường mã ${code}. Chọn xã/phường trong danh sách.` }]);
  return codesOfCommune(a.code, a.path);
}

/** A district (or null) of the actor's province, for province-wide records held by a district. */
export async function districtCodes(
  ex: Executor,
  actor: Actor,
  district: string | null,
): Promise<{ province_code: string; district_code: string | null; commune_code: null }> {
  const a = district ? await areasRepo.area(ex, district) : undefined;
  // The system actor (seeds, CLI) names the province through the district.
  const provinceCode = provinceOfActor(actor, a?.path.split('/').find(Boolean));
  if (!district) return { province_code: provinceCode, district_code: null, commune_code: null };
  if (!a || a.level !== 2 || !a.path.startsWith(`/${provinceCode}/`))
    throw errors.validation([{ path: 'body.districtCode', message: `Không có huyện mã ${district} trong tỉnh.` }]);
  return { province_code: provinceCode, district_code: a.code, commune_code: null };
}

/** The province a province-wide record is created in: the actor's own (the system names one). */
export function provinceOfActor(actor: Actor, fallback?: string | null): string {
  const p = actor.areaPath?.split('/').find(Boolean) ?? fallback;
  if (!p) throw errors.forbidden('Tài khoản chưa gắn với tỉnh nào. Liên hệ quản trị.');
  return p;
}

/** Load a supply record and check the action on it (404 outside the actor's area). */
export async function loadSupply(ex: Executor, actor: Actor, id: number, action: EmploymentAction): Promise<SupplyRow> {
  const s = await supplyRepo.get(ex, id);
  if (!s) throw errors.notFound('Hồ sơ cung lao động');
  employmentPolicy.guard(actor, action, s, 'Hồ sơ cung lao động');
  return s;
}

export const pageArgs = (p: { page: number; pageSize: number }) => ({
  limit: p.pageSize,
  offset: (p.page - 1) * p.pageSize,
});

export const todayVn = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export const areaOf = (r: AreaCodes): AreaCodes => ({
  province_code: r.province_code,
  district_code: r.district_code,
  commune_code: r.commune_code,
});
