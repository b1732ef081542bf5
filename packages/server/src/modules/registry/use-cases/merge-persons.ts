import type { DuplicateDecisionBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { duplicatesRepo, personsRepo, statusesRepo, type NewPerson } from '../repo/index.js';
import { loadPerson, personAuditView, type RegistryDeps } from './shared.js';

/**
 * Confirm two records are different people, or merge one into the other: the kept record takes
 * the other's statuses and fills its empty ID, phone and ethnic group; the folded one points at
 * it. Audited on both; both histories are kept.
 */
export async function decideDuplicate(
  deps: RegistryDeps,
  actor: Actor,
  body: DuplicateDecisionBody,
): Promise<{ ok: true; keptId: number | null }> {
  const at = nowIso();
  const keptId = await inTransaction(deps.database, actor, async (trx, audit): Promise<number | null> => {
    const a = await loadPerson(trx, actor, body.personA, 'merge');
    const b = await loadPerson(trx, actor, body.personB, 'merge');
    if (a.id === b.id) throw errors.validation([{ path: 'body.personB', message: 'Chọn hai nhân khẩu khác nhau.' }]);
    if (a.merged_into_id || b.merged_into_id)
      throw errors.conflict('ALREADY_MERGED', 'Một trong hai hồ sơ đã được gộp trước đó.');
    const [lo, hi] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    await duplicatesRepo.insertDecision(trx, {
      person_a: lo,
      person_b: hi,
      decision: body.decision,
      note: body.note ?? null,
      decided_by: actor.username,
      decided_at: at,
    });
    if (body.decision === 'different') {
      await audit({
        action: 'registry.duplicate.different',
        entity: 'person',
        entityId: lo,
        areaCode: a.commune_code,
        after: { personA: lo, personB: hi, note: body.note ?? null },
      });
      return null;
    }
    const keep = body.keep ?? lo;
    if (keep !== a.id && keep !== b.id)
      throw errors.validation([{ path: 'body.keep', message: 'Hồ sơ giữ lại phải là một trong hai.' }]);
    const [kept, folded] = keep === a.id ? [a, b] : [b, a];
    if (folded.citizen_id && kept.citizen_id && folded.citizen_id !== kept.citizen_id) {
      throw errors.conflict(
        'MERGE_ID_CONFLICT',
        'Hai hồ sơ có hai số CCCD khác nhau: đây là hai người khác nhau, không gộp được.',
      );
    }
    await statusesRepo.moveStatuses(trx, folded.id, kept.id);
    const fill: Partial<NewPerson> = { updated_at: at };
    if (!kept.citizen_id && folded.citizen_id) {
      // The unique index would refuse the ID on two rows: free it on the folded one first.
      await personsRepo.updatePerson(trx, folded.id, { citizen_id: null });
      fill.citizen_id = folded.citizen_id;
    }
    if (!kept.phone && folded.phone) fill.phone = folded.phone;
    if (!kept.ethnic_code && folded.ethnic_code) fill.ethnic_code = folded.ethnic_code;
    await personsRepo.updatePerson(trx, kept.id, fill);
    await personsRepo.updatePerson(trx, folded.id, { merged_into_id: kept.id, updated_at: at });
    await audit({
      action: 'registry.person.merge',
      entity: 'person',
      entityId: kept.id,
      areaCode: kept.commune_code,
      before: {
        kept: { id: kept.id, ...personAuditView(kept) },
        folded: { id: folded.id, ...personAuditView(folded) },
      },
      after: { kept: kept.id, folded: folded.id, filled: Object.keys(fill).filter((k) => k !== 'updated_at') },
    });
    await audit({
      action: 'registry.person.merged_into',
      entity: 'person',
      entityId: folded.id,
      areaCode: folded.commune_code,
      after: { mergedInto: kept.id },
    });
    return kept.id;
  });
  return { ok: true, keptId };
}
