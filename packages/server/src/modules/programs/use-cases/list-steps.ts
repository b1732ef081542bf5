import {
  listTransition,
  todayInVietnam,
  type ApproveBody,
  type ListAction,
  type ListState,
  type StepBody,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { entriesRepo } from '../repo/entries.repo.js';
import { listsRepo } from '../repo/lists.repo.js';
import { checkLists } from './check-lists.js';
import { loadList, type ProgramsDeps } from './load.js';
import type { ListDetailFn } from './read-lists.js';

interface StepExtra {
  comment?: string;
  decisionNo?: string;
  decisionDate?: string;
}

/**
 * The approval path of a list: the commune submits (after the check passes), the district
 * appraises or returns, the province approves (one list or many under one decision). Which level
 * takes which step is the policy's record rule; the state machine is `listTransition` in
 * @ansinh/domain.
 */
export function listStepsUseCases({ database }: ProgramsDeps, listDetail: ListDetailFn) {
  async function transition(actor: Actor, listId: number, action: ListAction, extra: StepExtra) {
    return inTransaction(database, actor, async (trx, audit) => {
      const l = await loadList(trx, actor, listId, action);
      const t = listTransition(l.state as ListState, action, l.levels === 2 ? 2 : 3);
      if ('error' in t) throw errors.conflict('LIST_STATE', t.error);
      if (action === 'submit') {
        const problems = (await checkLists(trx, [l.id], { database })).get(l.id) ?? [];
        const blocking = problems.filter((p) => p.blocking);
        if (blocking.length > 0) {
          throw errors.conflict(
            'LIST_HAS_PROBLEMS',
            `Danh sách còn ${blocking.length} lỗi cần sửa trước khi gửi (bấm "Kiểm tra" để xem).`,
            blocking.slice(0, 50).map((p) => ({ path: `entries.${p.entryId}`, message: p.message })),
          );
        }
      }
      const now = nowIso();
      // What goes up, and what is approved, is the registry as it is now (a fixed ID included).
      if (action === 'submit' || action === 'approve') await entriesRepo.refreshFromRegistry(trx, l.id);
      const moved = await listsRepo.moveState(trx, l.id, l.state, {
        state: t.to,
        updated_at: now,
        ...(action === 'submit' ? { submitted_at: now } : {}),
        ...(action === 'approve'
          ? {
              approved_at: now,
              decision_no: extra.decisionNo ?? null,
              // The date the figures count the list from (docs/modules/reports.md): the decision's.
              decision_date: extra.decisionDate ?? now.slice(0, 10),
            }
          : {}),
      });
      if (!moved)
        throw errors.conflict(
          'LIST_CHANGED',
          'Danh sách vừa được người khác xử lý. Tải lại trang để xem trạng thái mới.',
        );
      if (action === 'approve') {
        try {
          await entriesRepo.stampApproved(trx, l.id);
        } catch (err) {
          if (isUniqueViolation(err)) {
            throw errors.conflict(
              'ALREADY_APPROVED_ELSEWHERE',
              'Có người trong danh sách đã có trong một danh sách đã duyệt khác của cùng chương trình, cùng kỳ. Trả lại để xã sửa.',
            );
          }
          throw err;
        }
      }
      await listsRepo.addStep(trx, {
        list_id: l.id,
        action,
        from_state: l.state,
        to_state: t.to,
        actor: actor.username,
        actor_level: actor.areaLevel,
        comment: extra.comment ?? null,
        decision_no: extra.decisionNo ?? null,
        decision_date: extra.decisionDate ?? null,
        at: now,
      });
      await audit({
        action: `program_list.${action}`,
        entity: 'program_list',
        entityId: l.id,
        areaCode: l.commune_code,
        before: { state: l.state },
        after: {
          state: t.to,
          decisionNo: extra.decisionNo ?? null,
          decisionDate: extra.decisionDate ?? null,
          comment: extra.comment ?? null,
        },
      });
      return l.id;
    });
  }

  const notAfterToday = (body: ApproveBody) => {
    if (body.decisionDate > todayInVietnam())
      throw errors.validation([{ path: 'body.decisionDate', message: 'Ngày quyết định không được sau hôm nay.' }]);
  };

  return {
    async submit(actor: Actor, id: number, body: StepBody) {
      await transition(actor, id, 'submit', body);
      return listDetail(actor, id);
    },
    async appraise(actor: Actor, id: number, body: StepBody) {
      await transition(actor, id, 'appraise', body);
      return listDetail(actor, id);
    },
    async returnList(actor: Actor, id: number, comment: string) {
      await transition(actor, id, 'return', { comment });
      return listDetail(actor, id);
    },
    async approve(actor: Actor, id: number, body: ApproveBody) {
      notAfterToday(body);
      await transition(actor, id, 'approve', body);
      return listDetail(actor, id);
    },
    /** Approve many lists under one decision; each list succeeds or fails on its own. */
    async approveMany(actor: Actor, listIds: number[], body: ApproveBody) {
      notAfterToday(body);
      const approved: number[] = [];
      const failed: { listId: number; code: string; message: string }[] = [];
      for (const id of [...new Set(listIds)]) {
        try {
          await transition(actor, id, 'approve', body);
          approved.push(id);
        } catch (err) {
          const e = err as { code?: string; message?: string };
          failed.push({ listId: id, code: e.code ?? 'ERROR', message: e.message ?? String(err) });
        }
      }
      return { approved, failed };
    },
  };
}
