import { clockStart, lastWorkingDay, timeliness, vietnamLocal, type DossierOut } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { dossiersPolicy, type DossierAction } from '../dossiers.policy.js';
import { STATE_LABELS } from '../dossiers.presenter.js';
import { dossiersRepo, type DossierRow, type StepRow } from '../repo/dossiers.repo.js';
import { outboxRepo } from '../repo/outbox.repo.js';
import type { DossiersContext } from './context.js';
import type { DossierReader } from './read-dossiers.js';

const ACTION_LABELS: Record<string, string> = {
  receive: 'Tiếp nhận hồ sơ',
  forward: 'Chuyển cấp trên',
  result: 'Có kết quả giải quyết',
  return: 'Trả kết quả',
  supplement: 'Yêu cầu bổ sung hồ sơ',
  supplied: 'Đã nhận hồ sơ bổ sung',
  refuse: 'Từ chối giải quyết',
  withdraw: 'Rút hồ sơ',
  apology: 'Xin lỗi và hẹn lại ngày trả',
  file: 'Đính kèm tệp',
};

/** The text of the message an applicant gets (ASCII: it goes out by SMS). */
function notifyText(d: DossierRow, kind: string, extra = ''): string {
  const base = `AnSinh: Ho so ${d.code}`;
  const what: Record<string, string> = {
    receive: `da duoc tiep nhan, hen tra ngay ${d.appointment_date}`,
    supplement: `can bo sung: ${extra}`,
    result: 'da co ket qua, moi ong/ba den nhan hoac cho nhan qua buu dien',
    refuse: `bi tu choi: ${extra}`,
    apology: `cham tra, xin loi ong/ba; hen lai ngay ${extra}`,
    returned: 'da tra ket qua',
    withdrawn: 'da rut theo de nghi',
  };
  return `${base} ${what[kind] ?? kind}. Tra cuu: /tra-cuu`;
}

/** Queue a notification to the applicant in the same transaction as the change (none without a phone). */
export async function enqueueNotice(trx: Executor, d: DossierRow, kind: string, at: string, extra = '') {
  if (!d.applicant_phone) return;
  await outboxRepo.enqueue(trx, {
    dossier_id: d.id,
    kind,
    recipient: d.applicant_phone,
    message: notifyText(d, kind, extra),
    at,
  });
}

export type Apply = (
  trx: Executor,
  d: DossierRow,
  steps: StepRow[],
  at: string,
) => Promise<{ note: string; notify?: [string, string?] }>;

/**
 * One transition on a dossier: load inside the transaction, guard (area, role, the level holding
 * it or the receiving counter), check the state, apply, and record the timeline event, the audit
 * event and the applicant's notification together.
 */
export function transitions(c: DossiersContext, reader: DossierReader) {
  async function transition(
    actor: Actor,
    id: number,
    action: DossierAction & keyof typeof ACTION_LABELS,
    states: string[],
    apply: Apply,
  ): Promise<DossierOut> {
    const lean = await inTransaction(c.database, actor, async (trx, audit) => {
      const d = await dossiersRepo.dossier(trx, id);
      if (!d) throw errors.notFound('Hồ sơ');
      dossiersPolicy.guard(actor, action, d, 'Hồ sơ');
      if (!states.includes(d.state)) {
        throw errors.conflict(
          'DOSSIER_STATE',
          `Hồ sơ đang ở trạng thái "${STATE_LABELS[d.state] ?? d.state}", không thể "${ACTION_LABELS[action] ?? action}". Tải lại trang để xem trạng thái mới.`,
        );
      }
      const steps = await dossiersRepo.steps(trx, id);
      const at = c.nowIso();
      const r = await apply(trx, d, steps, at);
      await dossiersRepo.addEvent(trx, {
        dossier_id: id,
        at,
        actor: actor.username,
        action,
        level: d.current_level,
        area_code: d.current_area_code,
        note: r.note,
      });
      const after = (await dossiersRepo.dossier(trx, id))!;
      await audit({
        action: `dossier.${action}`,
        entity: 'dossier',
        entityId: id,
        areaCode: d.commune_code,
        before: {
          state: d.state,
          level: d.current_level,
          area: d.current_area_code,
          due: d.due_date,
          appointment: d.appointment_date,
        },
        after: {
          state: after.state,
          level: after.current_level,
          area: after.current_area_code,
          due: after.due_date,
          appointment: after.appointment_date,
          note: r.note,
        },
      });
      if (r.notify) await enqueueNotice(trx, after, r.notify[0], at, r.notify[1]);
      return c.lean ? reader.leanOut(trx, after) : null;
    });
    return lean ?? reader.detail(actor, id);
  }

  /** The columns that close a level's step now, with its timeliness. */
  function finishStep(steps: StepRow[], seq: number, at: string) {
    const s = steps.find((x) => x.seq === seq)!;
    const finished = vietnamLocal(at).date;
    return {
      finished_at: at,
      finished_date: finished,
      timeliness: s.due_date ? timeliness(finished, s.due_date) : null,
    };
  }

  /** The columns that open a level's step now, with its own due date. */
  function startStep(step: StepRow, at: string) {
    const start = clockStart(c.cal, at);
    return { started_at: at, start_date: start, due_date: lastWorkingDay(c.cal, start, step.days) };
  }

  return { transition, finishStep, startStep };
}

export type Transitions = ReturnType<typeof transitions>;
