import type { HouseholdEventBody, HouseholdOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { householdsRepo } from '../repo/index.js';
import { getHousehold } from './read-household.js';
import { loadHousehold, type RegistryDeps } from './shared.js';

/** Record that a household moved, split, merged or was dissolved; history is kept. */
export async function householdEvent(
  deps: RegistryDeps,
  actor: Actor,
  id: number,
  body: HouseholdEventBody,
): Promise<HouseholdOut> {
  await inTransaction(deps.database, actor, async (trx, audit) => {
    const h = await loadHousehold(trx, actor, id, 'write');
    if (h.state !== 'active') {
      throw errors.conflict(
        'HOUSEHOLD_NOT_ACTIVE',
        `Hộ ${h.code} đã ở trạng thái "${h.state}"; không ghi thêm biến động được.`,
      );
    }
    const related = body.relatedHouseholdId ? await loadHousehold(trx, actor, body.relatedHouseholdId) : null;
    if (body.kind === 'merged' && !related) {
      throw errors.validation([{ path: 'body.relatedHouseholdId', message: 'Chọn hộ mà hộ này nhập vào.' }]);
    }
    const at = nowIso();
    // A split leaves the household active (some members form a new one); the others end it.
    const state = body.kind === 'split' ? 'active' : body.kind;
    await householdsRepo.insertHouseholdEvent(trx, {
      household_id: id,
      kind: body.kind,
      date: body.date,
      note: body.note ?? null,
      related_household_id: related?.id ?? null,
      created_at: at,
    });
    await householdsRepo.updateHousehold(trx, id, { state, updated_at: at });
    await audit({
      action: `registry.household.${body.kind}`,
      entity: 'household',
      entityId: id,
      areaCode: h.commune_code,
      before: { state: h.state },
      after: { state, date: body.date, relatedHousehold: related?.code ?? null },
    });
  });
  return getHousehold(deps, actor, id);
}
