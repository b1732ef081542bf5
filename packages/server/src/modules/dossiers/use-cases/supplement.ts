import { addWorkingDays, pauseShift, vietnamLocal } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { dossiersRepo } from '../repo/dossiers.repo.js';
import type { DossiersContext } from './context.js';
import type { Transitions } from './transition.js';

/**
 * Supplements: the level holding the dossier asks the applicant for missing papers and the clock
 * stops; when they come it restarts and the open due dates (the level's, the dossier's and the
 * appointment) move by the working days lost.
 */
export function supplement(c: DossiersContext, t: Transitions) {
  return {
    /** Ask the applicant for missing papers: the clock stops until they are supplied. */
    requestSupplement(actor: Actor, id: number, missing: string, note: string) {
      return t.transition(actor, id, 'supplement', ['processing'], async (trx, _d, _s, at) => {
        await dossiersRepo.updateDossier(trx, id, {
          state: 'supplement',
          supplement_request: missing,
          paused_on: vietnamLocal(at).date,
          updated_at: at,
        });
        return { note: [missing, note].filter(Boolean).join(' — '), notify: ['supplement', missing] };
      });
    },

    /** The papers came: the clock restarts, the open due dates move by the working days lost. */
    supplied(actor: Actor, id: number, note: string) {
      return t.transition(actor, id, 'supplied', ['supplement'], async (trx, d, steps, at) => {
        const shift = pauseShift(c.cal, d.paused_on!, vietnamLocal(at).date);
        const cur = steps.find((s) => s.seq === d.current_seq)!;
        const stepDue = cur.due_date ? addWorkingDays(c.cal, cur.due_date, shift) : null;
        await dossiersRepo.updateStep(trx, id, cur.seq, { due_date: stepDue, paused_days: cur.paused_days + shift });
        await dossiersRepo.updateDossier(trx, id, {
          state: 'processing',
          paused_on: null,
          level_due_date: stepDue,
          due_date: addWorkingDays(c.cal, d.due_date, shift),
          appointment_date: addWorkingDays(c.cal, d.appointment_date, shift),
          updated_at: at,
        });
        return { note: `${note ? `${note}. ` : ''}Thời hạn lùi ${shift} ngày làm việc.` };
      });
    },
  };
}
