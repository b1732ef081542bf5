import { vietnamLocal } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { dossiersRepo, type DossierRow } from '../repo/dossiers.repo.js';
import type { Transitions } from './transition.js';

/** Close an open dossier without a result: its open step ends, no level holds it any more. */
async function close(trx: Executor, d: DossierRow, state: 'refused' | 'withdrawn', reason: string, at: string) {
  const day = vietnamLocal(at).date;
  if (d.current_seq) await dossiersRepo.updateStep(trx, d.id, d.current_seq, { finished_at: at, finished_date: day });
  await dossiersRepo.updateDossier(trx, d.id, {
    state,
    outcome_note: reason,
    closed_date: day,
    current_seq: null,
    current_area_code: null,
    current_level: null,
    level_due_date: null,
    updated_at: at,
  });
}

/**
 * Closing a dossier without a result: the level holding it refuses with reasons (form 03 / a
 * written answer), or the applicant withdraws it (at the receiving counter or the level holding
 * it). Both end the open step and notify the applicant.
 */
export function refuseWithdraw(t: Transitions) {
  return {
    /** Refuse with reasons (form 03 / a written answer): the dossier closes. */
    refuse(actor: Actor, id: number, reason: string) {
      return t.transition(actor, id, 'refuse', ['processing', 'supplement'], async (trx, d, _s, at) => {
        await close(trx, d, 'refused', reason, at);
        return { note: reason, notify: ['refuse', reason] };
      });
    },

    /** The applicant withdraws the dossier (at the receiving counter or the level holding it). */
    withdraw(actor: Actor, id: number, reason: string) {
      return t.transition(actor, id, 'withdraw', ['processing', 'supplement'], async (trx, d, _s, at) => {
        await close(trx, d, 'withdrawn', reason, at);
        return { note: reason, notify: ['withdrawn'] };
      });
    },
  };
}
