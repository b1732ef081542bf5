import {
  birthYearOf,
  cleanPersonName,
  cleanText,
  normalizeCitizenId,
  personKeys,
  type Gender,
  type PatchPersonBody,
  type PersonOut,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { personsRepo, type NewPerson } from '../repo/index.js';
import { checkCitizenIdForWrite } from './id-conflicts.js';
import { getPerson } from './read-person.js';
import {
  assertCitizenIdFree,
  checkIds,
  loadHousehold,
  loadPerson,
  personAuditView,
  type RegistryDeps,
} from './shared.js';

/** Change a person's record (IDs checked again; moving to another household takes its area codes); audited. */
export async function updatePerson(
  deps: RegistryDeps,
  actor: Actor,
  id: number,
  body: PatchPersonBody,
): Promise<PersonOut> {
  let citizenId: string | null = null;
  if (body.citizenId) {
    const wanted = normalizeCitizenId(body.citizenId);
    const current = await loadPerson(deps.database.db, actor, id, 'write');
    // Held outside the actor's area: one answer whatever the area, audited and counted.
    if (wanted && wanted !== current.citizen_id) await checkCitizenIdForWrite(deps, actor, wanted, 'update', id);
  }
  await inTransaction(deps.database, actor, async (trx, audit) => {
    const before = await loadPerson(trx, actor, id, 'write');
    const fullName = body.fullName !== undefined ? cleanPersonName(body.fullName) : before.full_name;
    const gender = (body.gender ?? before.gender) as Gender;
    const birthDate = body.birthDate ?? before.birth_date;
    const birthYear = birthYearOf(birthDate);
    citizenId = body.citizenId !== undefined ? normalizeCitizenId(body.citizenId) : before.citizen_id;
    const oldId = body.oldIdNumber !== undefined ? normalizeCitizenId(body.oldIdNumber) : before.old_id_number;
    checkIds(gender, birthYear, citizenId, oldId);
    const household = body.householdId ? await loadHousehold(trx, actor, body.householdId, 'write') : null;
    const set: Partial<NewPerson> = {
      full_name: fullName,
      ...personKeys(fullName),
      gender,
      birth_date: birthDate,
      birth_year: birthYear,
      citizen_id: citizenId,
      old_id_number: oldId,
      ...(body.ethnicCode !== undefined ? { ethnic_code: body.ethnicCode } : {}),
      ...(body.phone !== undefined ? { phone: body.phone } : {}),
      ...(body.disability !== undefined ? { disability: body.disability } : {}),
      ...(body.deceasedOn !== undefined ? { deceased_on: body.deceasedOn } : {}),
      ...(body.movedOutOn !== undefined ? { moved_out_on: body.movedOutOn } : {}),
      ...(body.village !== undefined ? { village: body.village ? cleanText(body.village) : null } : {}),
      ...(body.relation !== undefined ? { relation: body.relation } : {}),
      ...(body.householdId !== undefined ? { household_id: body.householdId } : {}),
      ...(household
        ? {
            province_code: household.province_code,
            district_code: household.district_code,
            commune_code: household.commune_code,
          }
        : {}),
      updated_at: nowIso(),
    };
    if (citizenId && citizenId !== before.citizen_id) await assertCitizenIdFree(trx, citizenId, id);
    await personsRepo.updatePerson(trx, id, set);
    await audit({
      action: 'registry.person.update',
      entity: 'person',
      entityId: id,
      areaCode: set.commune_code ?? before.commune_code,
      before: personAuditView(before),
      after: personAuditView({ ...before, ...set }),
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw errors.conflict('CITIZEN_ID_TAKEN', `Số CCCD ${citizenId} đã có trong sổ.`);
    throw err;
  });
  return getPerson(deps, actor, id);
}
