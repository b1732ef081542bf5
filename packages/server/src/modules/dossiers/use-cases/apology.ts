import { apologyProblem, vietnamLocal } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { dossiersRepo } from '../repo/dossiers.repo.js';
import type { DossiersContext } from './context.js';
import type { Transitions } from './transition.js';

/**
 * The apology and new appointment slip (form 04): a level that will not make the appointment
 * apologises in writing and names a new working day, once, before the appointment date (the rule
 * itself is `apologyProblem` in @ansinh/domain). The dossier's legal due date does not move.
 */
export function apology(c: DossiersContext, t: Transitions) {
  return {
    apologize(actor: Actor, id: number, reason: string, newDate: string) {
      return t.transition(actor, id, 'apology', ['processing', 'supplement'], async (trx, d, _s, at) => {
        const problem = apologyProblem({
          today: vietnamLocal(at).date,
          due: d.appointment_date,
          apologies: d.apologies,
          newDate,
        });
        if (problem) throw errors.conflict('APOLOGY_NOT_ALLOWED', problem);
        if (!c.cal.isWorkingDay(newDate))
          throw errors.validation([
            { path: 'body.newDate', message: `Ngày ${newDate} không phải ngày làm việc. Chọn ngày làm việc.` },
          ]);
        await dossiersRepo.updateDossier(trx, id, {
          apologies: d.apologies + 1,
          apology_reason: reason,
          appointment_date: newDate,
          updated_at: at,
        });
        return { note: `${reason} — hẹn lại ngày ${newDate}`, notify: ['apology', newDate] };
      });
    },
  };
}
