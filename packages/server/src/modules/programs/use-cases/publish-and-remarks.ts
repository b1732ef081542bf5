import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { presentRemark } from '../programs.presenter.js';
import { entriesRepo } from '../repo/entries.repo.js';
import { listsRepo } from '../repo/lists.repo.js';
import { loadList, type ProgramsDeps } from './load.js';
import type { ListDetailFn } from './read-lists.js';

/**
 * Publication of an approved list (masked, for anyone), the supervisors' remarks on a published
 * list and the officers' answers.
 */
export function publishAndRemarksUseCases({ database }: ProgramsDeps, listDetail: ListDetailFn) {
  const db = database.db;
  return {
    async publish(actor: Actor, id: number) {
      await inTransaction(database, actor, async (trx, audit) => {
        const l = await loadList(trx, actor, id, 'publish');
        if (l.state !== 'approved') throw errors.conflict('LIST_NOT_APPROVED', 'Chỉ công khai danh sách đã phê duyệt.');
        if (l.published_at) return;
        const now = nowIso();
        await listsRepo.publish(trx, id, now);
        await listsRepo.addStep(trx, {
          list_id: id,
          action: 'publish',
          from_state: l.state,
          to_state: l.state,
          actor: actor.username,
          actor_level: actor.areaLevel,
          comment: null,
          decision_no: null,
          decision_date: null,
          at: now,
        });
        await audit({ action: 'program_list.publish', entity: 'program_list', entityId: id, areaCode: l.commune_code });
      });
      return listDetail(actor, id);
    },

    async addRemark(actor: Actor, listId: number, body: { entryId?: number; text: string }) {
      return inTransaction(database, actor, async (trx, audit) => {
        const l = await loadList(trx, actor, listId, 'remark');
        if (!l.published_at) throw errors.conflict('LIST_NOT_PUBLISHED', 'Chỉ góp ý trên danh sách đã công khai.');
        if (body.entryId && !(await entriesRepo.find(trx, listId, body.entryId)))
          throw errors.notFound('Dòng danh sách');
        const id = await listsRepo.addRemark(trx, {
          list_id: listId,
          entry_id: body.entryId ?? null,
          author: actor.username,
          text: body.text,
          created_at: nowIso(),
        });
        await audit({
          action: 'program_list.remark',
          entity: 'list_remark',
          entityId: id,
          areaCode: l.commune_code,
          after: body,
        });
        return { id };
      });
    },

    async remarks(actor: Actor, listId: number) {
      await loadList(db, actor, listId, 'read');
      return (await listsRepo.remarks(db, listId)).map(presentRemark);
    },

    async answerRemark(actor: Actor, remarkId: number, answer: string) {
      return inTransaction(database, actor, async (trx, audit) => {
        const r = await listsRepo.remark(trx, remarkId);
        if (!r) throw errors.notFound('Ý kiến');
        const l = await loadList(trx, actor, r.list_id, 'answer');
        if (r.answer) throw errors.conflict('REMARK_ANSWERED', 'Ý kiến này đã được trả lời.');
        await listsRepo.answerRemark(trx, remarkId, answer, actor.username, nowIso());
        await audit({
          action: 'program_list.answer',
          entity: 'list_remark',
          entityId: remarkId,
          areaCode: l.commune_code,
          after: { answer },
        });
        return { ok: true };
      });
    },
  };
}
