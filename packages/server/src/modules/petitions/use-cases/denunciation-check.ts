import { checkExtensionProblem, defaultCalendar, type ExtendCheckBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { presentLetter } from '../petitions.presenter.js';
import { lettersRepo } from '../repo/letters.repo.js';
import { areaCodeOf, notFuture, today, type PetitionsDeps } from './shared.js';

/**
 * Extending the check of a denunciation (Luật Tố cáo 2018 Art. 24(1)): when it must be checked or
 * verified at several places, the 7 working days from receipt become at most 10. Decided once, by
 * the roles that classify letters, while the 7 days run and before the letter is handled; the
 * letter's check clock (and the acceptance clock of the case opened from it) then counts 10.
 */
export function denunciationCheckUseCases(deps: PetitionsDeps) {
  const { database } = deps;
  return {
    async extendCheck(actor: Actor, id: number, body: ExtendCheckBody) {
      notFuture(body.date, 'body.date', 'Ngày gia hạn');
      return inTransaction(database, actor, async (trx, audit) => {
        const letter = await lettersRepo.find(trx, id);
        if (!letter || letter.state === 'split') throw errors.notFound('Đơn');
        petitionsPolicy.guard(actor, 'classify', { areaPath: letter.area_path }, 'Đơn');
        const problem = checkExtensionProblem(
          defaultCalendar,
          {
            kind: letter.kind,
            receivedDate: letter.received_date,
            decided: letter.decision !== null,
            extendedDate: letter.check_extended_date,
          },
          body.date,
        );
        if (problem) throw errors.conflict('CHECK_EXTENSION_REFUSED', problem);
        const row = await lettersRepo.update(trx, id, {
          check_extended_date: body.date,
          check_extension_reason: body.reason,
          updated_at: nowIso(),
        });
        await audit({
          action: 'petitions.letter.extend_check',
          entity: 'petition_letter',
          entityId: id,
          areaCode: areaCodeOf(row),
          after: { date: body.date, reason: body.reason },
        });
        return presentLetter(row, today());
      });
    },
  };
}
