import {
  birthYearOf,
  cleanPersonName,
  cleanText,
  normalizeCitizenId,
  personKeys,
  type CreatePersonBody,
  type PersonOut,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { registryPolicy } from '../registry.policy.js';
import { householdsRepo, personsRepo, type NewPerson } from '../repo/index.js';
import { checkCitizenIdForWrite } from './id-conflicts.js';
import { getPerson } from './read-person.js';
import {
  assertCitizenIdFree,
  checkIds,
  communeCodes,
  loadHousehold,
  personAuditView,
  type RegistryDeps,
} from './shared.js';

/**
 * Register a person in a household (or only in a commune): the name is cleaned, the IDs are
 * checked against sex and birth year, a citizen ID is unique; the head of a household is set.
 */
export async function createPerson(deps: RegistryDeps, actor: Actor, body: CreatePersonBody): Promise<PersonOut> {
  registryPolicy.guard(actor, 'write');
  if (!body.householdId && !body.communeCode) {
    throw errors.validation([
      { path: 'body.communeCode', message: 'Chọn hộ gia đình hoặc xã/phường nơi người này cư trú.' },
    ]);
  }
  // The area tree is read before the transaction (one connection on SQLite).
  const communeOnly = body.householdId ? null : await communeCodes(deps, actor, body.communeCode!);
  const fullName = cleanPersonName(body.fullName);
  const birthYear = birthYearOf(body.birthDate);
  const citizenId = normalizeCitizenId(body.citizenId);
  const oldId = normalizeCitizenId(body.oldIdNumber);
  if (citizenId) {
    checkIds(body.gender, birthYear, citizenId, oldId);
    // Held outside the actor's area: one answer whatever the area, audited and counted.
    await checkCitizenIdForWrite(deps, actor, citizenId, 'create');
  }
  const at = nowIso();
  const id = await inTransaction(deps.database, actor, async (trx, audit) => {
    const household = body.householdId ? await loadHousehold(trx, actor, body.householdId, 'write') : null;
    checkIds(body.gender, birthYear, citizenId, oldId);
    const codes = household
      ? {
          province_code: household.province_code,
          district_code: household.district_code,
          commune_code: household.commune_code,
        }
      : communeOnly!;
    const row: NewPerson = {
      household_id: household?.id ?? null,
      relation: body.relation ?? null,
      full_name: fullName,
      ...personKeys(fullName),
      gender: body.gender,
      birth_date: body.birthDate,
      birth_year: birthYear,
      citizen_id: citizenId,
      old_id_number: oldId,
      ethnic_code: body.ethnicCode ?? null,
      phone: body.phone ?? null,
      disability: body.disability ?? null,
      deceased_on: body.deceasedOn ?? null,
      moved_out_on: body.movedOutOn ?? null,
      ...codes,
      village: body.village ? cleanText(body.village) : (household?.village ?? null),
      merged_into_id: null,
      created_at: at,
      updated_at: at,
    };
    if (citizenId) await assertCitizenIdFree(trx, citizenId);
    const newId = await personsRepo.insertPerson(trx, row);
    if (household && body.relation === 'head')
      await householdsRepo.updateHousehold(trx, household.id, { head_person_id: newId, updated_at: at });
    await audit({
      action: 'registry.person.create',
      entity: 'person',
      entityId: newId,
      areaCode: row.commune_code,
      after: personAuditView(row),
    });
    return newId;
  }).catch((err: unknown) => {
    if (isUniqueViolation(err) && citizenId) {
      throw errors.conflict(
        'CITIZEN_ID_TAKEN',
        `Số CCCD ${citizenId} đã có trong sổ. Kiểm tra lại, hoặc mở hồ sơ đã có.`,
      );
    }
    throw err;
  });
  return getPerson(deps, actor, id);
}
