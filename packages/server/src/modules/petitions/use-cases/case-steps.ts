import {
  DENUNCIATION_SETTLEMENT,
  DIALOGUE_MANDATORY_2ND,
  SUSPENSION_STOPS_CLOCK,
  ruleOn,
  suspensionsOf,
  valueOn,
  type CaseStepBody,
  type ClockEventKind,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { presentCase } from '../petitions.presenter.js';
import { casesRepo, type CaseRow } from '../repo/cases.repo.js';
import { settleDue } from './clocks.js';
import { areaCodeOf, notFuture, today, type PetitionsDeps } from './shared.js';

const OPEN = ['accepted', 'verifying', 'dialogue', 'suspended'];
const conflict = (message: string) => errors.conflict('CASE_STEP_REFUSED', message);
type CaseChanges = Partial<Pick<CaseRow, 'state' | 'complex' | 'extensions' | 'result' | 'decided_date'>>;

/** The state and fields a step changes, or a refusal saying what to do (domain rules of the case). */
function applyStep(c: CaseRow, body: CaseStepBody, hasDialogue: boolean): CaseChanges {
  const open = OPEN.includes(c.state);
  switch (body.kind) {
    case 'verify':
    case 'dialogue':
      if (!open || c.state === 'suspended') throw conflict('Vụ việc đang tạm đình chỉ hoặc đã giải quyết xong.');
      return { state: body.kind === 'verify' ? 'verifying' : 'dialogue' };
    case 'complex':
      if (!open) throw conflict('Vụ việc đã giải quyết xong.');
      if (c.kind !== 'complaint')
        throw conflict('Tố cáo phức tạp thì gia hạn (bước "Gia hạn"), không đổi thời hạn gốc.');
      if (c.complex === 1) throw conflict('Vụ việc đã được xác định là phức tạp.');
      return { complex: 1 };
    case 'extend': {
      if (!open) throw conflict('Vụ việc đã giải quyết xong.');
      if (c.kind !== 'denunciation')
        throw conflict('Khiếu nại không gia hạn; nếu vụ việc phức tạp, ghi bước "Vụ việc phức tạp".');
      const max = valueOn(DENUNCIATION_SETTLEMENT, c.accepted_date).value.maxExtensions;
      if (c.extensions >= max) {
        throw conflict(
          `Tố cáo chỉ được gia hạn tối đa ${max} lần, mỗi lần không quá 30 ngày (Điều 30 Luật Tố cáo 2018).`,
        );
      }
      return { extensions: c.extensions + 1 };
    }
    case 'suspend':
      if (!open || c.state === 'suspended') throw conflict('Chỉ tạm đình chỉ được vụ việc đang giải quyết.');
      if (!ruleOn(SUSPENSION_STOPS_CLOCK[c.kind as 'complaint'], body.date)) {
        throw conflict(
          'Ngày này chưa có quy định tạm đình chỉ giải quyết khiếu nại (áp dụng từ 01/7/2026, NĐ 155/2026).',
        );
      }
      return { state: 'suspended' };
    case 'resume':
      if (c.state !== 'suspended') throw conflict('Vụ việc không tạm đình chỉ nên không thể tiếp tục.');
      return { state: 'verifying' };
    case 'decide':
      if (!open || c.state === 'suspended') throw conflict('Tiếp tục giải quyết vụ việc trước khi ra quyết định.');
      if (!body.result) {
        throw errors.validation([
          { path: 'body.result', message: 'Chọn kết quả giải quyết (đúng, đúng một phần, sai, rút đơn).' },
        ]);
      }
      if (
        c.kind === 'complaint' &&
        c.instance === 2 &&
        ruleOn(DIALOGUE_MANDATORY_2ND, c.accepted_date)?.value &&
        !hasDialogue &&
        body.result !== 'withdrawn'
      ) {
        throw conflict(
          'Khiếu nại lần hai phải tổ chức đối thoại trước khi ra quyết định (Điều 11 NĐ 155/2026). Ghi bước "Đối thoại" trước.',
        );
      }
      return { state: 'decided', result: body.result, decided_date: body.date };
    case 'publish':
      if (c.state !== 'decided') throw conflict('Chỉ công khai được quyết định, kết luận đã ban hành.');
      return { state: 'published' };
    case 'follow_up':
      if (open) throw conflict('Theo dõi thực hiện sau khi đã có quyết định, kết luận.');
      return {};
    case 'close':
      if (open) throw conflict('Ra quyết định, kết luận trước khi kết thúc vụ việc.');
      return { state: 'closed' };
  }
}

/**
 * One step of a complaint or denunciation case: verification, dialogue, complexity, extension,
 * suspension and resumption (the clock stops and restarts), decision, publication, follow-up.
 * The stored due date is recomputed from the clock events in the same transaction.
 */
export function caseStepsUseCases(deps: PetitionsDeps) {
  const { database } = deps;
  return {
    async addCaseStep(actor: Actor, id: number, body: CaseStepBody) {
      notFuture(body.date, 'body.date', 'Ngày thực hiện');
      return inTransaction(database, actor, async (trx, audit) => {
        const c = await casesRepo.find(trx, id);
        if (!c) throw errors.notFound('Vụ việc');
        petitionsPolicy.guard(actor, 'settle', { areaPath: c.area_path }, 'Vụ việc');
        if (body.date < c.accepted_date) {
          throw errors.validation([
            { path: 'body.date', message: `Ngày thực hiện trước ngày thụ lý (${c.accepted_date}).` },
          ]);
        }
        const steps = await casesRepo.steps(trx, id);
        const last = steps.at(-1);
        if (last && body.date < last.date) {
          throw errors.validation([
            { path: 'body.date', message: `Ngày thực hiện trước bước trước đó (${last.date}).` },
          ]);
        }
        const set = applyStep(
          c,
          body,
          steps.some((s) => s.kind === 'dialogue'),
        );
        let events = await casesRepo.clockEvents(trx, id);
        if (body.kind === 'suspend' || body.kind === 'resume' || body.kind === 'extend' || body.kind === 'complex') {
          const ev = {
            case_id: id,
            kind: body.kind,
            date: body.date,
            province_code: c.province_code,
            created_at: nowIso(),
          };
          try {
            suspensionsOf(
              [...events, ev].filter((e) => e.kind === 'suspend' || e.kind === 'resume') as {
                kind: ClockEventKind;
                date: string;
              }[],
            );
          } catch (e) {
            throw conflict((e as Error).message.split(' / ')[0]!);
          }
          await casesRepo.insertClockEvent(trx, ev);
          events = await casesRepo.clockEvents(trx, id);
        }
        const merged = { ...c, ...set } as CaseRow;
        const due = settleDue(merged, events);
        const row = await casesRepo.update(trx, id, {
          ...set,
          settle_due: due,
          ...(body.kind === 'decide' ? { on_time: due !== null && body.date <= due ? 1 : 0 } : {}),
          updated_at: nowIso(),
        });
        await casesRepo.insertStep(trx, {
          case_id: id,
          kind: body.kind,
          date: body.date,
          note: body.note,
          document_ref: body.documentRef ?? null,
          result: body.result ?? null,
          province_code: c.province_code,
          created_by: actor.username,
          created_at: nowIso(),
        });
        await audit({
          action: `petitions.case.${body.kind}`,
          entity: 'petition_case',
          entityId: id,
          areaCode: areaCodeOf(c),
          before: { state: c.state, due: c.settle_due },
          after: { state: row.state, due: row.settle_due, result: row.result },
        });
        return presentCase(row, events, today(), { steps: await casesRepo.steps(trx, id) });
      });
    },
  };
}
