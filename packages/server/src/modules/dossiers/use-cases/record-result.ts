import { timeliness } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { dossiersRepo } from '../repo/dossiers.repo.js';
import { readersRepo } from '../repo/readers.repo.js';
import { LEVEL_OF_NUMBER } from './read-dossiers.js';
import type { Transitions } from './transition.js';

/**
 * The deciding level (the last on the procedure's path) records the result: the dossier is
 * settled early, on time or late against its due date, the level that made it late is named, and
 * it goes back to the receiving counter to be handed over.
 */
export function recordResult(t: Transitions) {
  return {
    result(actor: Actor, id: number, body: { outcomeNote?: string; note?: string }) {
      return t.transition(actor, id, 'result', ['processing'], async (trx, d, steps, at) => {
        const cur = d.current_seq!;
        if (cur !== steps.length)
          throw errors.conflict(
            'DOSSIER_NOT_LAST_LEVEL',
            'Cấp này chưa phải cấp quyết định: chuyển hồ sơ lên cấp trên.',
          );
        const fin = t.finishStep(steps, cur, at);
        await dossiersRepo.updateStep(trx, id, cur, fin);
        const settled = fin.finished_date;
        const overall = timeliness(settled, d.due_date);
        const stepsAfter = steps.map((s) => (s.seq === cur ? { ...s, timeliness: fin.timeliness } : s));
        const lateLevel =
          overall === 'late' ? (stepsAfter.find((s) => s.timeliness === 'late')?.level ?? steps[cur - 1]!.level) : null;
        // Inside the transaction every read goes through `trx` (SQLite has one connection).
        const recvLevel = await readersRepo.areaLevel(trx, d.receiving_area_code);
        await dossiersRepo.updateDossier(trx, id, {
          state: 'result_ready',
          current_seq: null,
          current_level: LEVEL_OF_NUMBER[recvLevel ?? 3] ?? null,
          current_area_code: d.receiving_area_code,
          level_due_date: null,
          settled_date: settled,
          timeliness: overall,
          late_level: lateLevel,
          outcome_note: body.outcomeNote ?? '',
          updated_at: at,
        });
        return { note: body.note || body.outcomeNote || '', notify: ['result'] };
      });
    },
  };
}
