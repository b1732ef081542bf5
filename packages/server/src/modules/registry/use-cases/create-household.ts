import { cleanText, type CreateHouseholdBody, type HouseholdOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { registryPolicy } from '../registry.policy.js';
import { householdsRepo } from '../repo/index.js';
import { getHousehold } from './read-household.js';
import { communeCodes, type RegistryDeps } from './shared.js';

/** Register a household in a commune of the actor's area, with the next code of that commune. */
export async function createHousehold(
  deps: RegistryDeps,
  actor: Actor,
  body: CreateHouseholdBody,
): Promise<HouseholdOut> {
  registryPolicy.guard(actor, 'write');
  const codes = await communeCodes(deps, actor, body.communeCode);
  const at = nowIso();
  const id = await inTransaction(deps.database, actor, async (trx, audit) => {
    const code = await householdsRepo.nextHouseholdCode(trx, body.communeCode);
    const row = {
      code,
      ...codes,
      village: body.village ? cleanText(body.village) : null,
      address: body.address ? cleanText(body.address) : null,
      residence: body.residence,
      phone: body.phone ?? null,
      state: 'active',
      head_person_id: null,
      created_at: at,
      updated_at: at,
    };
    const newId = await householdsRepo.insertHousehold(trx, row);
    await householdsRepo.insertHouseholdEvent(trx, {
      household_id: newId,
      kind: 'created',
      date: at.slice(0, 10),
      note: null,
      related_household_id: null,
      created_at: at,
    });
    await audit({
      action: 'registry.household.create',
      entity: 'household',
      entityId: newId,
      areaCode: codes.commune_code,
      after: { code, village: row.village, residence: row.residence },
    });
    return newId;
  });
  return getHousehold(deps, actor, id);
}
