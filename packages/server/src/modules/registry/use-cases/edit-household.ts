import { cleanText, type HouseholdOut, type PatchHouseholdBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { householdsRepo, personsRepo } from '../repo/index.js';
import { getHousehold } from './read-household.js';
import { loadHousehold, type RegistryDeps } from './shared.js';

/** Change a household's address, residence, phone or head (a member of it); audited. */
export async function updateHousehold(
  deps: RegistryDeps,
  actor: Actor,
  id: number,
  body: PatchHouseholdBody,
): Promise<HouseholdOut> {
  await inTransaction(deps.database, actor, async (trx, audit) => {
    const before = await loadHousehold(trx, actor, id, 'write');
    if (body.headPersonId !== undefined) {
      const head = await personsRepo.findPerson(trx, body.headPersonId);
      if (!head || head.household_id !== id) {
        throw errors.validation([{ path: 'body.headPersonId', message: 'Chủ hộ phải là một thành viên của hộ này.' }]);
      }
    }
    const set = {
      ...(body.village !== undefined ? { village: body.village ? cleanText(body.village) : null } : {}),
      ...(body.address !== undefined ? { address: body.address ? cleanText(body.address) : null } : {}),
      ...(body.residence !== undefined ? { residence: body.residence } : {}),
      ...(body.phone !== undefined ? { phone: body.phone } : {}),
      ...(body.headPersonId !== undefined ? { head_person_id: body.headPersonId } : {}),
      updated_at: nowIso(),
    };
    const view = {
      village: before.village,
      address: before.address,
      residence: before.residence,
      phone: before.phone,
      headPersonId: before.head_person_id,
    };
    await householdsRepo.updateHousehold(trx, id, set);
    await audit({
      action: 'registry.household.update',
      entity: 'household',
      entityId: id,
      areaCode: before.commune_code,
      before: view,
      after: { ...view, ...set, updated_at: undefined },
    });
  });
  return getHousehold(deps, actor, id);
}
