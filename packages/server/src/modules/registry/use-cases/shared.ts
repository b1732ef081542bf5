import { checkOldIdCard, citizenIdProblems, type Gender } from '@ansinh/domain';
import type { Database, Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { codesOfCommune, type AreaColumn } from '../../../platform/authz.js';
import { errors, type FieldProblem } from '../../../platform/errors.js';
import type { AreasService } from '../../areas/index.js';
import { registryPolicy, type RegistryAction } from '../registry.policy.js';
import { householdsRepo, personsRepo, type PersonRow } from '../repo/index.js';

/** What the registry's use cases need: the database and the area tree. */
export interface RegistryDeps {
  readonly database: Database;
  readonly areas: Pick<AreasService, 'pathOf'>;
  /** Citizen IDs held outside their area an officer may meet in 24 hours (use-cases/id-conflicts.ts). */
  readonly idConflictsPerDay?: number;
}

const LEVEL_COLUMN: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };

/** What the audit log keeps of a person: enough to see a change, not a copy of the record. */
export const personAuditView = (p: Partial<PersonRow>) => ({
  fullName: p.full_name,
  gender: p.gender,
  birthDate: p.birth_date,
  citizenId: p.citizen_id ?? null,
  householdId: p.household_id ?? null,
  deceasedOn: p.deceased_on ?? null,
  movedOutOn: p.moved_out_on ?? null,
  disability: p.disability ?? null,
  ethnicCode: p.ethnic_code ?? null,
  village: p.village ?? null,
  phone: p.phone ?? null,
  relation: p.relation ?? null,
});

/** A person the actor may act on: 404 if missing or outside their area, 403 if their role may not. */
export async function loadPerson(ex: Executor, actor: Actor, id: number, action: RegistryAction = 'read') {
  const p = await personsRepo.findPerson(ex, id);
  if (!p) throw errors.notFound('Nhân khẩu');
  registryPolicy.guard(actor, action, p, 'Nhân khẩu');
  return p;
}

export type LoadedPerson = Awaited<ReturnType<typeof loadPerson>>;

/** A household the actor may act on (same answers as `loadPerson`). */
export async function loadHousehold(ex: Executor, actor: Actor, id: number, action: RegistryAction = 'read') {
  const h = await householdsRepo.findHousehold(ex, id);
  if (!h) throw errors.notFound('Hộ gia đình');
  registryPolicy.guard(actor, action, h, 'Hộ gia đình');
  return h;
}

/** Resolve an area filter (any level) inside the actor's area; 404 outside. */
export async function areaFilter(deps: RegistryDeps, actor: Actor, code: string | undefined, action: RegistryAction) {
  if (!code) return undefined;
  const a = await deps.areas.pathOf(code);
  if (!a) throw errors.notFound('Đơn vị hành chính');
  registryPolicy.guard(actor, action, { areaPath: a.path }, 'Đơn vị hành chính');
  return { column: LEVEL_COLUMN[a.level]!, code };
}

/** Area codes of a commune a new record goes to (the three code columns every registry row carries). */
export async function communeCodes(deps: RegistryDeps, actor: Actor, communeCode: string) {
  const a = await deps.areas.pathOf(communeCode);
  if (!a || a.level !== 3) {
    throw errors.validation([{ path: 'body.communeCode', message: `Không có xã/phường mã ${communeCode}.` }]);
  }
  const codes = codesOfCommune(communeCode, a.path);
  registryPolicy.guard(actor, 'write', codes, 'Đơn vị hành chính');
  return codes;
}

/**
 * Refuse a citizen ID another person already has (409), inside the write's transaction: the race
 * guard behind `checkCitizenIdForWrite`, naming no record and no area.
 */
export async function assertCitizenIdFree(ex: Executor, citizenId: string, exceptId?: number) {
  const other = await personsRepo.findPersonByCitizenId(ex, citizenId);
  if (other && other.id !== exceptId) {
    throw errors.conflict(
      'CITIZEN_ID_TAKEN',
      `Số CCCD ${citizenId} đã có trong sổ. Mỗi người chỉ có một số CCCD: kiểm tra lại, hoặc tìm hồ sơ đã có.`,
      [{ path: 'body.citizenId', message: 'Số CCCD đã được dùng cho một nhân khẩu khác.' }],
    );
  }
}

/** Refuse IDs that contradict the person (sex, birth year) or are malformed, each with its reason. */
export function checkIds(gender: Gender, birthYear: number, citizenId: string | null, oldId: string | null) {
  const problems: FieldProblem[] = [];
  if (citizenId) problems.push(...citizenIdProblems(citizenId, gender, birthYear));
  if (oldId)
    problems.push(...checkOldIdCard(oldId).problems.map((p) => ({ path: 'body.oldIdNumber', message: p.message })));
  if (problems.length)
    throw errors.validation(
      problems,
      'Số định danh chưa khớp với thông tin của người này. Xem giải thích ở từng trường rồi sửa lại.',
    );
}
