import { vietnamLocal } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { dossiersRepo } from '../repo/dossiers.repo.js';
import type { Transitions } from './transition.js';

/**
 * Moving a dossier along its path: the level holding it passes it to the next level (the transfer
 * is recorded, each level with its own due date), and once the result is ready the receiving
 * counter hands it over (at the counter, by post, at home).
 */
export function forwardDossier(t: Transitions) {
  return {
    /** Pass the dossier to the next level on its path (the transfer is recorded). */
    forward(actor: Actor, id: number, note: string) {
      return t.transition(actor, id, 'forward', ['processing'], async (trx, d, steps, at) => {
        const cur = d.current_seq!;
        const next = steps.find((s) => s.seq === cur + 1);
        if (!next)
          throw errors.conflict(
            'DOSSIER_LAST_LEVEL',
            'Đây là cấp giải quyết cuối cùng: ghi "Có kết quả" thay vì chuyển tiếp.',
          );
        await dossiersRepo.updateStep(trx, id, cur, t.finishStep(steps, cur, at));
        const started = t.startStep(next, at);
        await dossiersRepo.updateStep(trx, id, next.seq, started);
        await dossiersRepo.updateDossier(trx, id, {
          current_seq: next.seq,
          current_level: next.level,
          current_area_code: next.area_code,
          level_due_date: started.due_date,
          updated_at: at,
        });
        return { note };
      });
    },

    /** The receiving counter hands the result over (at the counter, by post, at home). */
    returnResult(actor: Actor, id: number, note: string) {
      return t.transition(actor, id, 'return', ['result_ready'], async (trx, _d, _s, at) => {
        await dossiersRepo.updateDossier(trx, id, {
          state: 'returned',
          returned_at: at,
          closed_date: vietnamLocal(at).date,
          current_area_code: null,
          current_level: null,
          updated_at: at,
        });
        return { note, notify: ['returned'] };
      });
    },
  };
}
