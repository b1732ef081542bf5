import {
  allowedDecisions,
  checkTransfer,
  HANDLING_LABELS,
  type DecideLetterBody,
  type NotifyLetterBody,
  type SingleKind,
} from '@ansinh/domain';
import type { Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { presentCase, presentLetter } from '../petitions.presenter.js';
import { casesRepo } from '../repo/cases.repo.js';
import { lettersRepo, type LetterRow } from '../repo/letters.repo.js';
import { settleDue } from './clocks.js';
import { areaCodeOf, notFuture, today, type PetitionsDeps } from './shared.js';

async function openCase(trx: Trx, actor: Actor, letter: LetterRow, body: DecideLetterBody) {
  const kind = letter.kind as 'complaint' | 'denunciation';
  const year = body.date.slice(0, 4);
  const prefix = `${kind === 'complaint' ? 'KN' : 'TC'}-${letter.province_code}-${year}-`;
  const code = `${prefix}${String((await casesRepo.countLike(trx, `${prefix}%`)) + 1).padStart(4, '0')}`;
  const fields = {
    kind,
    instance: kind === 'complaint' ? body.instance : null,
    accepted_date: body.date,
    complex: body.complex ? 1 : 0,
    remote: body.remote ? 1 : 0,
    extensions: 0,
    check_extended: letter.check_extended_date ? 1 : 0,
  };
  const row = await casesRepo.insert(trx, {
    code,
    ...fields,
    letter_id: letter.id,
    summary: letter.summary,
    received_date: letter.received_date,
    group_case: letter.signers >= 5 ? 1 : 0,
    state: 'accepted',
    result: null,
    decided_date: null,
    settle_due: settleDue(fields, []),
    on_time: null,
    assignee_id: actor.userId ?? letter.assignee_id,
    area_path: letter.area_path,
    province_code: letter.province_code,
    district_code: letter.district_code,
    commune_code: letter.commune_code,
    created_at: nowIso(),
    updated_at: nowIso(),
  });
  await casesRepo.insertStep(trx, {
    case_id: row.id,
    kind: 'accept',
    date: body.date,
    note: body.note,
    document_ref: body.documentRef ?? null,
    result: null,
    province_code: row.province_code,
    created_by: actor.username,
    created_at: nowIso(),
  });
  await casesRepo.insertClockEvent(trx, {
    case_id: row.id,
    kind: 'start',
    date: body.date,
    province_code: row.province_code,
    created_at: nowIso(),
  });
  return row;
}

/**
 * Handling decisions on a classified letter (Luật Tiếp công dân Art. 26; TT 05/2021/TT-TTCP):
 * accept (a complaint or a denunciation opens a case), transfer (a denunciation once only),
 * guide, return, file; and the notice to the citizen (Art. 28, 10 working days).
 */
export function lettersHandlingUseCases(deps: PetitionsDeps) {
  const { database } = deps;
  return {
    async decideLetter(actor: Actor, id: number, body: DecideLetterBody) {
      notFuture(body.date, 'body.date', 'Ngày xử lý');
      return inTransaction(database, actor, async (trx, audit) => {
        const letter = await lettersRepo.find(trx, id);
        if (!letter) throw errors.notFound('Đơn');
        petitionsPolicy.guard(actor, 'classify', { areaPath: letter.area_path }, 'Đơn');
        if (body.date < letter.received_date) {
          throw errors.validation([
            { path: 'body.date', message: `Ngày xử lý trước ngày nhận đơn (${letter.received_date}).` },
          ]);
        }
        if (letter.state === 'received' || letter.kind === null || letter.kind === 'mixed' || letter.fit === null) {
          throw errors.conflict(
            'LETTER_NOT_CLASSIFIED',
            'Phân loại đơn và kiểm tra điều kiện xử lý trước khi quyết định xử lý.',
          );
        }
        const kind = letter.kind as SingleKind;
        if (body.decision === 'transfer') {
          const earlier = await lettersRepo.transfersOfContent(trx, letter.same_content_of ?? letter.id);
          const refused = checkTransfer(kind, earlier);
          if (refused) throw errors.conflict('DENUNCIATION_ALREADY_TRANSFERRED', refused);
        }
        if (letter.decision) {
          throw errors.conflict(
            'LETTER_ALREADY_DECIDED',
            `Đơn đã được xử lý (${HANDLING_LABELS[letter.decision as 'accept'].vi}). Không quyết định lại được.`,
          );
        }
        const allowed = allowedDecisions(kind, letter.fit === 1, letter.within_competence === 1);
        if (!allowed.includes(body.decision)) {
          throw errors.badRequest(
            'DECISION_NOT_ALLOWED',
            `Với đơn này chỉ được: ${allowed.map((d) => HANDLING_LABELS[d].vi).join(', ')} (Điều 26 Luật Tiếp công dân; Thông tư 05/2021/TT-TTCP).`,
          );
        }
        if ((body.decision === 'transfer' || body.decision === 'guide') && !body.to) {
          throw errors.validation([
            { path: 'body.to', message: 'Nhập cơ quan có thẩm quyền nhận đơn hoặc được hướng dẫn đến.' },
          ]);
        }
        const opened =
          body.decision === 'accept' && kind !== 'proposal' ? await openCase(trx, actor, letter, body) : null;
        const row = await lettersRepo.update(trx, id, {
          decision: body.decision,
          decision_date: body.date,
          decision_to: body.to ?? null,
          decision_ref: body.documentRef ?? null,
          transfers: letter.transfers + (body.decision === 'transfer' ? 1 : 0),
          state: 'decided',
          case_id: opened?.id ?? null,
          updated_at: nowIso(),
        });
        await audit({
          action: 'petitions.letter.decide',
          entity: 'petition_letter',
          entityId: id,
          areaCode: areaCodeOf(row),
          after: { decision: row.decision, to: row.decision_to, caseId: row.case_id },
        });
        return {
          letter: presentLetter(row, today()),
          case: opened
            ? presentCase(
                opened,
                [
                  {
                    id: 0,
                    case_id: opened.id,
                    kind: 'start',
                    date: body.date,
                    province_code: opened.province_code,
                    created_at: '',
                  },
                ],
                today(),
              )
            : null,
        };
      });
    },

    async notifyLetter(actor: Actor, id: number, body: NotifyLetterBody) {
      notFuture(body.date, 'body.date', 'Ngày thông báo');
      return inTransaction(database, actor, async (trx, audit) => {
        const letter = await lettersRepo.find(trx, id);
        if (!letter) throw errors.notFound('Đơn');
        petitionsPolicy.guard(actor, 'receive', { areaPath: letter.area_path }, 'Đơn');
        if (!letter.decision) {
          throw errors.conflict(
            'LETTER_NOT_DECIDED',
            'Quyết định xử lý đơn trước, rồi mới thông báo kết quả cho công dân.',
          );
        }
        if (letter.notified_date)
          throw errors.conflict('LETTER_ALREADY_NOTIFIED', 'Đã thông báo cho công dân về đơn này.');
        if (body.date < letter.received_date) {
          throw errors.validation([{ path: 'body.date', message: 'Ngày thông báo trước ngày nhận đơn.' }]);
        }
        const row = await lettersRepo.update(trx, id, {
          notified_date: body.date,
          state: 'notified',
          updated_at: nowIso(),
        });
        await audit({
          action: 'petitions.letter.notify',
          entity: 'petition_letter',
          entityId: id,
          areaCode: areaCodeOf(row),
          after: { notifiedDate: body.date },
        });
        return presentLetter(row, today());
      });
    },
  };
}
