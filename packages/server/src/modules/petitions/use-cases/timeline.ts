import {
  HANDLING_LABELS,
  LETTER_KIND_LABELS,
  formatDateVi,
  type HandlingDecision,
  type LetterKind,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import type { TimelineSource } from '../../registry/index.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { lettersRepo, type LetterRow } from '../repo/letters.repo.js';
import { scopeOf, type PetitionsDeps } from './shared.js';

function item(l: LetterRow) {
  const kind = l.kind ? LETTER_KIND_LABELS[l.kind as LetterKind].vi : 'Chưa phân loại';
  const decided = l.decision
    ? `${HANDLING_LABELS[l.decision as HandlingDecision].vi}${l.decision_date ? ` ngày ${formatDateVi(l.decision_date)}` : ''}`
    : 'Chưa xử lý';
  return {
    at: l.received_date,
    kind: 'petitions.letter',
    title: `Đơn ${l.code} (${kind})`,
    detail: `${decided}. ${l.summary}`.slice(0, 300),
    by: null,
  };
}

/**
 * The petitions module's part of a person's timeline in the registry (the registry's
 * `TimelineSource`, wired in app.ts): the letters linked to the person, inside the actor's area,
 * for the roles that read petitions. A denunciation letter is linked to its denouncer only through
 * the restricted identity (Luật Tố cáo 2018 Art. 47): it shows only to the roles named for the
 * identity, and each one shown is an identity read, audited like `readIdentity`. To any other role
 * the denunciation does not exist on the timeline.
 */
export function petitionsTimelineSource(deps: PetitionsDeps): TimelineSource {
  const { database } = deps;
  return async (actor: Actor, person: { id: number }) => {
    if (!petitionsPolicy.allows(actor, 'read')) return [];
    const scope = scopeOf(actor);
    const own = await lettersRepo.ofPerson(database.db, person.id, scope);
    const items = own.map(item);
    if (!petitionsPolicy.allows(actor, 'identity')) return items;
    const restricted = (await lettersRepo.restrictedOfPerson(database.db, person.id, scope)).filter((l) =>
      petitionsPolicy.allows(actor, 'identity', { areaPath: l.area_path }),
    );
    if (restricted.length === 0) return items;
    await inTransaction(database, actor, async (_trx, audit) => {
      for (const l of restricted) {
        await audit({ action: 'petitions.identity.read', entity: 'petition_letter', entityId: l.id });
      }
    });
    return [...items, ...restricted.map((l) => ({ ...item(l), title: `${item(l).title}, danh tính được bảo mật` }))];
  };
}
