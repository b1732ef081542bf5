import {
  todayInVietnam,
  validateStatusGrant,
  type EndStatusBody,
  type GrantStatusBody,
  type StatusOut,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { registryPolicy } from '../registry.policy.js';
import { presentStatus } from '../registry.presenter.js';
import { statusesRepo } from '../repo/index.js';
import { loadHousehold, loadPerson, type RegistryDeps } from './shared.js';

/** Grant a status (effective-dated, with the decision that granted it) to a person or a household. */
export async function grantStatus(deps: RegistryDeps, actor: Actor, body: GrantStatusBody): Promise<StatusOut> {
  registryPolicy.guard(actor, 'write');
  const problems = validateStatusGrant({ ...body, today: todayInVietnam() });
  if (problems.length) throw errors.validation(problems);
  const at = nowIso();
  const id = await inTransaction(deps.database, actor, async (trx, audit) => {
    const target = body.personId
      ? await loadPerson(trx, actor, body.personId, 'write')
      : await loadHousehold(trx, actor, body.householdId!, 'write');
    const row = {
      kind: body.kind,
      subject: body.personId ? 'person' : 'household',
      person_id: body.personId ?? null,
      household_id: body.personId ? null : body.householdId!,
      category: body.category,
      year: body.year ?? null,
      degree: body.degree ?? null,
      valid_from: body.validFrom,
      valid_to: body.validTo ?? null,
      decision_no: body.decisionNo,
      decision_date: body.decisionDate,
      ended_reason: null,
      province_code: target.province_code,
      district_code: target.district_code,
      commune_code: target.commune_code,
      created_at: at,
    };
    const newId = await statusesRepo.insertStatus(trx, row);
    await audit({
      action: 'registry.status.grant',
      entity: body.personId ? 'person' : 'household',
      entityId: body.personId ?? body.householdId!,
      areaCode: target.commune_code,
      after: {
        statusId: newId,
        kind: row.kind,
        category: row.category,
        year: row.year,
        degree: row.degree,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        decisionNo: row.decision_no,
      },
    });
    return newId;
  });
  return presentStatus((await statusesRepo.findStatus(deps.database.db, id))!, todayInVietnam());
}

/** End a status on a date with a reason; the record stays as history. */
export async function endStatus(
  deps: RegistryDeps,
  actor: Actor,
  statusId: number,
  body: EndStatusBody,
): Promise<StatusOut> {
  await inTransaction(deps.database, actor, async (trx, audit) => {
    const s = await statusesRepo.findStatus(trx, statusId);
    if (!s) throw errors.notFound('Diện hưởng');
    registryPolicy.guard(actor, 'write', s, 'Diện hưởng');
    if (body.validTo < s.valid_from) {
      throw errors.validation([
        { path: 'body.validTo', message: `Ngày chấm dứt phải từ ngày bắt đầu (${s.valid_from}) trở đi.` },
      ]);
    }
    if (s.valid_to && s.ended_reason) throw errors.conflict('STATUS_ENDED', 'Diện này đã được chấm dứt trước đó.');
    await statusesRepo.endStatus(trx, statusId, body.validTo, body.reason);
    await audit({
      action: 'registry.status.end',
      entity: s.person_id ? 'person' : 'household',
      entityId: s.person_id ?? s.household_id,
      areaCode: s.commune_code,
      before: { statusId, validTo: s.valid_to },
      after: { statusId, validTo: body.validTo, reason: body.reason },
    });
  });
  return presentStatus((await statusesRepo.findStatus(deps.database.db, statusId))!, todayInVietnam());
}
