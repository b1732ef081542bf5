import {
  assessFitness,
  checkSplit,
  type ClassifyLetterBody,
  type LetterBody,
  type SplitLetterBody,
} from '@ansinh/domain';
import type { Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { presentLetter } from '../petitions.presenter.js';
import { callsRepo } from '../repo/calls.repo.js';
import { personsReader } from '../repo/persons.repo.js';
import { lettersRepo, type LetterRow } from '../repo/letters.repo.js';
import { noticeDue } from './clocks.js';
import { areaCodeOf, notFuture, resolveArea, today, type PetitionsDeps } from './shared.js';

/** The letter's official-looking number: DT-<province>-<year>-<000001>. */
async function nextCode(trx: Trx, provinceCode: string, date: string): Promise<string> {
  const year = Number(date.slice(0, 4));
  const n = (await lettersRepo.countInYear(trx, provinceCode, year)) + 1;
  return `DT-${provinceCode}-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * Move a denouncer's identity out of the letter row into the restricted table (Luật Tố cáo 2018
 * Art. 47): from then on lists, exports and audit entries cannot carry it.
 */
async function restrictIdentity(trx: Trx, letter: LetterRow): Promise<LetterRow> {
  if (letter.identity_restricted === 1) return letter;
  await lettersRepo.insertIdentity(trx, {
    owner: 'letter',
    owner_id: letter.id,
    name: letter.sender_name ?? '',
    address: letter.sender_address ?? '',
    id_number: letter.sender_id_number,
    phone: letter.sender_phone,
    person_id: letter.person_id,
    province_code: letter.province_code,
    created_at: nowIso(),
  });
  // A hotline call that became this letter keeps no caller identity either.
  if (letter.call_id) await callsRepo.forgetCaller(trx, letter.call_id);
  return lettersRepo.update(trx, letter.id, {
    sender_name: null,
    sender_address: null,
    sender_id_number: null,
    sender_phone: null,
    person_id: null,
    identity_restricted: 1,
    updated_at: nowIso(),
  });
}

async function loadForWrite(trx: Trx, actor: Actor, id: number, action: 'classify' | 'receive') {
  const letter = await lettersRepo.find(trx, id);
  if (!letter) throw errors.notFound('Đơn');
  petitionsPolicy.guard(actor, action, { areaPath: letter.area_path }, 'Đơn');
  return letter;
}

/**
 * Receiving letters (post, in person, transferred in, hotline, portal), classifying them with the
 * fit-to-handle checklist (TT 05/2021/TT-TTCP) and splitting a mixed letter into one per content.
 */
export function lettersIntakeUseCases(deps: PetitionsDeps) {
  const { database } = deps;
  return {
    async receiveLetter(actor: Actor, body: LetterBody) {
      notFuture(body.receivedDate, 'body.receivedDate', 'Ngày nhận đơn');
      if (body.channel === 'transferred' && !body.sourceBody) {
        throw errors.validation([{ path: 'body.sourceBody', message: 'Nhập cơ quan đã chuyển đơn đến.' }]);
      }
      const area = await resolveArea(deps, actor, body.areaCode);
      petitionsPolicy.guard(actor, 'receive', { areaPath: area.area_path }, 'Đơn vị hành chính');
      return inTransaction(database, actor, async (trx, audit) => {
        if (body.personId) {
          const person = await personsReader.areaOf(trx, body.personId);
          if (!person) throw errors.notFound('Đối tượng');
          petitionsPolicy.guard(actor, 'receive', person, 'Đối tượng');
        }
        if (body.callId) {
          const call = await callsRepo.find(trx, body.callId);
          if (!call) throw errors.notFound('Cuộc gọi');
          petitionsPolicy.guard(actor, 'receive', { areaPath: call.area_path }, 'Cuộc gọi');
          if (call.letter_id) {
            throw errors.conflict(
              'CALL_ALREADY_LINKED',
              'Cuộc gọi này đã được ghi thành một đơn. Mở đơn đó thay vì tạo đơn mới.',
            );
          }
        }
        // A repeat of an earlier letter points at the first of its content (one chain per content).
        let sameContentOf: number | null = null;
        if (body.sameContentAs) {
          const earlier = await lettersRepo.find(trx, body.sameContentAs);
          if (!earlier || earlier.province_code !== area.province_code) throw errors.notFound('Đơn cùng nội dung');
          petitionsPolicy.guard(actor, 'read', { areaPath: earlier.area_path }, 'Đơn cùng nội dung');
          sameContentOf = earlier.same_content_of ?? earlier.id;
        }
        let row = await lettersRepo.insert(trx, {
          code: await nextCode(trx, area.province_code, body.receivedDate),
          same_content_of: sameContentOf,
          parent_id: null,
          received_date: body.receivedDate,
          channel: body.channel,
          sender_name: body.senderName,
          sender_address: body.senderAddress,
          sender_id_number: body.senderIdNumber ?? null,
          sender_phone: body.senderPhone ?? null,
          identity_restricted: 0,
          summary: body.summary,
          kind: body.kind ?? null,
          signers: body.signers,
          source_body: body.sourceBody ?? null,
          call_id: body.callId ?? null,
          person_id: body.personId ?? null,
          fit: null,
          failed_json: '[]',
          within_competence: null,
          decision: null,
          decision_date: null,
          decision_to: null,
          decision_ref: null,
          transfers: 0,
          state: 'received',
          notice_due: noticeDue(body.receivedDate),
          notified_date: null,
          case_id: null,
          assignee_id: actor.userId,
          ...area,
          created_by: actor.username,
          created_at: nowIso(),
          updated_at: nowIso(),
        });
        if (body.kind === 'denunciation') row = await restrictIdentity(trx, row);
        if (body.callId) await callsRepo.linkLetter(trx, body.callId, row.id);
        await audit({
          action: 'petitions.letter.receive',
          entity: 'petition_letter',
          entityId: row.id,
          areaCode: areaCodeOf(area),
          after: { code: row.code, channel: row.channel, kind: row.kind },
        });
        return presentLetter(row, today());
      });
    },

    async classifyLetter(actor: Actor, id: number, body: ClassifyLetterBody) {
      return inTransaction(database, actor, async (trx, audit) => {
        let letter = await loadForWrite(trx, actor, id, 'classify');
        if (letter.decision || letter.state === 'split') {
          throw errors.conflict('LETTER_ALREADY_HANDLED', 'Đơn đã được xử lý hoặc đã tách; không phân loại lại được.');
        }
        if (body.kind === 'mixed') {
          letter = await lettersRepo.update(trx, id, { kind: 'mixed', updated_at: nowIso() });
        } else {
          const { fit, failed } = assessFitness(body.kind, body.fitness);
          letter = await lettersRepo.update(trx, id, {
            kind: body.kind,
            fit: fit ? 1 : 0,
            failed_json: JSON.stringify(failed),
            within_competence: body.withinCompetence ? 1 : 0,
            state: 'classified',
            updated_at: nowIso(),
          });
          if (body.kind === 'denunciation') letter = await restrictIdentity(trx, letter);
        }
        await audit({
          action: 'petitions.letter.classify',
          entity: 'petition_letter',
          entityId: id,
          areaCode: areaCodeOf(letter),
          after: { kind: letter.kind, fit: letter.fit, withinCompetence: letter.within_competence },
        });
        return presentLetter(letter, today());
      });
    },

    async splitLetter(actor: Actor, id: number, body: SplitLetterBody) {
      const problem = checkSplit(body.parts);
      if (problem) throw errors.validation([{ path: 'body.parts', message: problem }], problem);
      return inTransaction(database, actor, async (trx, audit) => {
        let parent = await loadForWrite(trx, actor, id, 'classify');
        if (parent.state !== 'received' || (parent.kind !== null && parent.kind !== 'mixed')) {
          throw errors.conflict(
            'LETTER_NOT_SPLITTABLE',
            'Chỉ tách được đơn mới nhận, chưa phân loại hoặc được phân loại là đơn nhiều nội dung.',
          );
        }
        const identity = parent.identity_restricted === 1 ? await lettersRepo.findIdentity(trx, 'letter', id) : null;
        const { id: _parentId, ...base } = parent;
        const children = [];
        for (const part of body.parts) {
          let child = await lettersRepo.insert(trx, {
            ...base,
            code: await nextCode(trx, parent.province_code, parent.received_date),
            parent_id: parent.id,
            sender_name: identity?.name ?? parent.sender_name,
            sender_address: identity?.address ?? parent.sender_address,
            sender_id_number: identity?.id_number ?? parent.sender_id_number,
            sender_phone: identity?.phone ?? parent.sender_phone,
            person_id: identity?.person_id ?? parent.person_id,
            identity_restricted: 0,
            summary: part.summary,
            kind: part.kind,
            call_id: null,
            state: 'received',
            created_by: actor.username,
            created_at: nowIso(),
            updated_at: nowIso(),
          });
          if (part.kind === 'denunciation') child = await restrictIdentity(trx, child);
          children.push(child);
        }
        parent = await lettersRepo.update(trx, id, {
          kind: 'mixed',
          state: 'split',
          notice_due: null,
          updated_at: nowIso(),
        });
        if (body.parts.some((p) => p.kind === 'denunciation')) parent = await restrictIdentity(trx, parent);
        await audit({
          action: 'petitions.letter.split',
          entity: 'petition_letter',
          entityId: id,
          areaCode: areaCodeOf(parent),
          after: { parts: children.map((c) => ({ id: c.id, kind: c.kind })) },
        });
        return { parent: presentLetter(parent, today()), parts: children.map((c) => presentLetter(c, today())) };
      });
    },
  };
}
