import {
  normalizeCitizenId,
  type CreateTransferBody,
  type DecideTransferBody,
  type TransferList,
  type TransferOutgoing,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { presentTransferIncoming, presentTransferOutgoing } from '../registry.presenter.js';
import { registryPolicy } from '../registry.policy.js';
import { personsRepo, transfersRepo } from '../repo/index.js';
import { checkConflictThrottle, recordConflicts } from './id-conflicts.js';
import { communeCodes, personAuditView, type RegistryDeps } from './shared.js';

/**
 * Transfer requests (yêu cầu chuyển đến, docs/legal/identity.md, "No ID oracle across areas"). An officer whose new resident's
 * citizen ID is held outside their area asks for the person; the request goes to the holding
 * commune, whose officers (and the district and province above it) see it with the person and
 * accept (the person moves to the requester's commune, leaving their household there) or refuse
 * with a reason. The requester sees only the answer: never the holder's record or area.
 */
const NOT_HELD_ELSEWHERE = () =>
  errors.validation([
    {
      path: 'body.citizenId',
      message: 'Không có hồ sơ nào ngoài địa bàn của bạn mang số CCCD này: thêm nhân khẩu trực tiếp.',
    },
  ]);

export async function requestTransfer(
  deps: RegistryDeps,
  actor: Actor,
  body: CreateTransferBody,
): Promise<TransferOutgoing> {
  registryPolicy.guard(actor, 'write');
  const to = await communeCodes(deps, actor, body.communeCode);
  const citizenId = normalizeCitizenId(body.citizenId)!;
  // A request is a lookup too: counted and audited like any ID held elsewhere.
  await checkConflictThrottle(deps, actor);
  const holder = await personsRepo.findPersonByCitizenId(deps.database.db, citizenId);
  if (!holder || holder.merged_into_id !== null || registryPolicy.allows(actor, 'read', holder))
    throw NOT_HELD_ELSEWHERE();
  await recordConflicts(deps, actor, [holder], 'transfer');
  if (await transfersRepo.pendingFor(deps.database.db, citizenId, to.commune_code))
    throw errors.conflict('TRANSFER_PENDING', 'Đã có yêu cầu chuyển đến cho số CCCD này đang chờ trả lời.');
  const at = nowIso();
  const id = await inTransaction(deps.database, actor, async (trx, audit) => {
    const newId = await transfersRepo.insert(trx, {
      province_code: holder.province_code,
      district_code: holder.district_code,
      commune_code: holder.commune_code,
      person_id: holder.id,
      citizen_id: citizenId,
      to_province_code: to.province_code,
      to_district_code: to.district_code,
      to_commune_code: to.commune_code,
      note: body.note ?? null,
      state: 'pending',
      requested_by: actor.username,
      requested_at: at,
      decided_by: null,
      decided_at: null,
      refusal_reason: null,
    });
    await audit({
      action: 'registry.transfer.request',
      entity: 'transfer_request',
      entityId: newId,
      areaCode: to.commune_code,
      after: { personId: holder.id, toCommune: to.commune_code },
    });
    return newId;
  });
  return presentTransferOutgoing((await transfersRepo.byId(deps.database.db, id))!);
}

/** Requests to the actor's area (to decide) and from it (their answers). */
export async function listTransfers(deps: RegistryDeps, actor: Actor): Promise<TransferList> {
  registryPolicy.guard(actor, 'read');
  const scope = areaColumnScope(actor);
  const [incoming, outgoing] = await Promise.all([
    transfersRepo.incoming(deps.database.db, scope),
    transfersRepo.outgoing(deps.database.db, scope),
  ]);
  return { incoming: incoming.map(presentTransferIncoming), outgoing: outgoing.map(presentTransferOutgoing) };
}

/** The holding commune's answer: accept moves the person, refuse keeps them and says why. */
export async function decideTransfer(
  deps: RegistryDeps,
  actor: Actor,
  id: number,
  body: DecideTransferBody,
): Promise<TransferList['incoming'][number]> {
  await inTransaction(deps.database, actor, async (trx, audit) => {
    const t = await transfersRepo.byId(trx, id);
    if (!t) throw errors.notFound('Yêu cầu chuyển đến');
    registryPolicy.guard(actor, 'write', t, 'Yêu cầu chuyển đến');
    if (t.state !== 'pending') throw errors.conflict('TRANSFER_DECIDED', 'Yêu cầu này đã được trả lời trước đó.');
    const at = nowIso();
    const refused = body.decision === 'refuse';
    const decided = await transfersRepo.decide(trx, id, {
      state: refused ? 'refused' : 'accepted',
      decided_by: actor.username,
      decided_at: at,
      refusal_reason: refused ? body.reason : null,
    });
    if (!decided) throw errors.conflict('TRANSFER_DECIDED', 'Yêu cầu này đã được trả lời trước đó.');
    if (refused) {
      await audit({
        action: 'registry.transfer.refuse',
        entity: 'transfer_request',
        entityId: id,
        areaCode: t.commune_code,
        after: { reason: body.reason },
      });
      return;
    }
    const before = await personsRepo.findPerson(trx, t.person_id);
    if (!before || before.citizen_id !== t.citizen_id || before.merged_into_id !== null)
      throw errors.conflict(
        'TRANSFER_STALE',
        'Hồ sơ này đã thay đổi số CCCD hoặc đã được gộp; từ chối yêu cầu kèm lý do.',
      );
    const to = {
      province_code: t.to_province_code,
      district_code: t.to_district_code,
      commune_code: t.to_commune_code,
    };
    await transfersRepo.movePerson(trx, t.person_id, to, at);
    await audit({
      action: 'registry.person.transfer',
      entity: 'person',
      entityId: t.person_id,
      areaCode: t.commune_code,
      before: { ...personAuditView(before), communeCode: before.commune_code },
      after: { communeCode: t.to_commune_code, householdId: null, transferRequest: id },
    });
  });
  const [row] = await transfersRepo.incoming(deps.database.db, null, id);
  return presentTransferIncoming(row!);
}
