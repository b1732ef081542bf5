import {
  checkSampleEvent,
  isMaternalLine,
  normalizeSampleCode,
  samplingRefusal,
  type SampleBody,
  type SampleEventBody,
  type SampleOutcome,
  type SampleProblem,
  type SamplingRefusal,
} from '@ansinh/domain';
import type { z } from 'zod';
import type { RemainsIntakeBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { meritPolicy } from '../merit.policy.js';
import { meritPresenter } from '../merit.presenter.js';
import { martyrsRepo } from '../repo/martyrs.repo.js';
import { remainsRepo } from '../repo/remains.repo.js';
import { actorProvince, type MeritContext } from './context.js';

const SAMPLE = 'Mẫu giám định ADN';
const SAMPLE_PROBLEMS: Record<SampleProblem, string> = {
  not_dispatched: 'Mẫu chưa được gửi đi giám định: ghi ngày gửi mẫu trước khi ghi kết quả.',
  result_before_dispatch: 'Ngày có kết quả không được trước ngày gửi mẫu. Kiểm tra lại ngày.',
  dispatch_before_taken: 'Ngày gửi mẫu không được trước ngày lấy mẫu. Kiểm tra lại ngày.',
  return_before_result: 'Ngày hoàn trả mẫu không được trước ngày có kết quả. Kiểm tra lại ngày.',
  no_result: 'Mẫu chưa có kết quả giám định: ghi kết quả trước khi hoàn trả mẫu.',
};
const REFUSALS: Record<SamplingRefusal, string> = {
  mass_grave: 'Không lấy mẫu hài cốt ở mộ tập thể (NĐ 131/2021, Điều 146).',
  already_identified: 'Mộ đã được xác định danh tính hoặc đã đính chính thông tin: không lấy mẫu (Điều 146).',
  first_sample_not_failed: 'Mộ đã có mẫu giám định; chỉ lấy mẫu lần hai khi mẫu trước không giám định được (Điều 146).',
};

/**
 * Remains received from search teams (Mẫu 81/82, Art. 143), DNA samples coded and shipped within
 * one working day (Art. 147(1)), the laboratory's six months, results, matches and the sample
 * returned to the grave (Art. 148); relatives' reference samples on the mother's line (Art. 146).
 */
export function remains(c: MeritContext) {
  const sampleOut = (s: Parameters<typeof meritPresenter.sample>[0]) => meritPresenter.sample(s, c.cal, c.today());

  async function loadSample(actor: Actor, id: number) {
    const s = await remainsRepo.sample(c.db, id);
    if (!s) throw errors.notFound(SAMPLE);
    meritPolicy.guard(actor, 'manage', { provinceCode: s.province_code }, SAMPLE);
    return s;
  }

  return {
    async board(actor: Actor) {
      meritPolicy.guard(actor, 'read');
      const [intakes, samples] = await Promise.all([
        remainsRepo.intakes(c.db, actor),
        remainsRepo.openSamples(c.db, actor),
      ]);
      return { intakes: intakes.map(meritPresenter.intake), samples: samples.map(sampleOut), today: c.today() };
    },

    async receiveRemains(actor: Actor, b: z.infer<typeof RemainsIntakeBody>, opts: { provinceCode?: string } = {}) {
      meritPolicy.guard(actor, 'manage');
      if (b.identifiedCount > b.remainsCount)
        throw errors.validation([
          { path: 'body.identifiedCount', message: 'Số hài cốt đã xác định không được lớn hơn tổng số hài cốt.' },
        ]);
      const province = actorProvince(actor, opts.provinceCode);
      return inTransaction(c.database, actor, async (trx, audit) => {
        const id = await remainsRepo.insertIntake(trx, {
          team: b.team,
          received_on: b.receivedOn,
          remains_count: b.remainsCount,
          identified_count: b.identifiedCount,
          handover_form: b.handoverForm,
          reburied_on: null,
          province_code: province,
          district_code: null,
          commune_code: null,
          created_at: c.nowIso(),
        });
        await audit({ action: 'merit.remains.receive', entity: 'merit_remains_intake', entityId: id, after: b });
        return meritPresenter.intake((await remainsRepo.intake(trx, id))!);
      });
    },

    async markReburied(actor: Actor, id: number, on: string) {
      const i = await remainsRepo.intake(c.db, id);
      if (!i) throw errors.notFound('Đợt tiếp nhận hài cốt');
      meritPolicy.guard(actor, 'manage', { provinceCode: i.province_code });
      if (on < i.received_on)
        throw errors.validation([
          { path: 'body.on', message: 'Ngày an táng không được trước ngày tiếp nhận hài cốt.' },
        ]);
      await inTransaction(c.database, actor, async (trx, audit) => {
        await remainsRepo.updateIntake(trx, id, { reburied_on: on });
        await audit({ action: 'merit.remains.rebury', entity: 'merit_remains_intake', entityId: id, after: { on } });
      });
      return meritPresenter.intake((await remainsRepo.intake(c.db, id))!);
    },

    /** Takes and codes a sample; a code already used in the province is refused. */
    async takeSample(actor: Actor, b: SampleBody, opts: { provinceCode?: string } = {}) {
      meritPolicy.guard(actor, 'manage');
      const province = actorProvince(actor, opts.provinceCode);
      const code = normalizeSampleCode(b.code);
      if (!code)
        throw errors.validation([
          { path: 'body.code', message: 'Mã mẫu gồm 4–40 chữ, số, dấu chấm hoặc gạch (ví dụ BP-2021-0001).' },
        ]);
      if (b.takenOn < b.receivedOn)
        throw errors.validation([{ path: 'body.takenOn', message: 'Ngày lấy mẫu không được trước ngày tiếp nhận.' }]);
      if (b.kind === 'reference' && (!b.relation || !isMaternalLine(b.relation) || !b.relativeName))
        throw errors.validation([
          {
            path: 'body.relation',
            message: 'Mẫu đối chứng lấy từ thân nhân bên ngoại (dòng mẹ): ghi họ tên và quan hệ.',
          },
        ]);
      if (b.intakeId) {
        const i = await remainsRepo.intake(c.db, b.intakeId);
        if (!i || i.province_code !== province)
          throw errors.validation([{ path: 'body.intakeId', message: 'Không có đợt tiếp nhận này.' }]);
      }
      if (b.graveId) {
        const g = await martyrsRepo.grave(c.db, b.graveId);
        if (!g || g.province_code !== province)
          throw errors.validation([{ path: 'body.graveId', message: 'Không có mộ này trong tỉnh.' }]);
        const refusal =
          b.kind === 'remains'
            ? samplingRefusal({
                massGrave: !!g.mass_grave,
                identified: !!g.identified,
                earlierSamples: (await remainsRepo.samplesOfGrave(c.db, b.graveId)).map((s) => ({
                  outcome: s.outcome as SampleOutcome | null,
                })),
              })
            : null;
        if (refusal) throw errors.conflict('MERIT_SAMPLING_REFUSED', REFUSALS[refusal]);
      }
      const taken = () =>
        errors.conflict(
          'MERIT_SAMPLE_CODE_TAKEN',
          `Mã mẫu ${code} đã được dùng cho mẫu khác trong tỉnh. Mỗi mẫu một mã riêng: kiểm tra lại mã.`,
          [{ path: 'body.code', message: 'Mã mẫu đã được dùng' }],
        );
      if (await remainsRepo.sampleByCode(c.db, province, code)) throw taken();
      try {
        return await inTransaction(c.database, actor, async (trx, audit) => {
          const at = c.nowIso();
          const id = await remainsRepo.insertSample(trx, {
            code,
            kind: b.kind,
            intake_id: b.intakeId,
            grave_id: b.graveId,
            relative_name: b.relativeName,
            relation: b.relation,
            received_on: b.receivedOn,
            taken_on: b.takenOn,
            province_code: province,
            district_code: null,
            commune_code: null,
            created_at: at,
            updated_at: at,
          });
          await audit({ action: 'merit.sample.take', entity: 'merit_dna_sample', entityId: id, after: { ...b, code } });
          return sampleOut((await remainsRepo.sample(trx, id))!);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw taken();
        throw e;
      }
    },

    /** Dispatch, result (with match) or return of a sample, in that order and never back in time. */
    async sampleEvent(actor: Actor, id: number, b: SampleEventBody) {
      const s = await loadSample(actor, id);
      const dates = {
        takenOn: s.taken_on,
        dispatchedOn: s.dispatched_on,
        resultOn: s.result_on,
        returnedOn: s.returned_on,
      };
      const problem = checkSampleEvent(dates, { kind: b.kind, on: b.on });
      if (problem)
        throw errors.conflict('MERIT_SAMPLE_ORDER', SAMPLE_PROBLEMS[problem], [
          { path: 'body.on', message: SAMPLE_PROBLEMS[problem] },
        ]);
      const already = b.kind === 'dispatch' ? s.dispatched_on : b.kind === 'result' ? s.result_on : s.returned_on;
      if (already) throw errors.conflict('MERIT_SAMPLE_ORDER', 'Bước này đã được ghi cho mẫu; không ghi lại.');
      if (b.kind === 'result' && !b.outcome)
        throw errors.validation([
          { path: 'body.outcome', message: 'Chọn kết quả: trùng khớp, không trùng khớp hoặc không giám định được.' },
        ]);
      if (b.kind === 'result' && b.outcome === 'match' && b.matchedMartyrId) {
        const m = await martyrsRepo.martyr(c.db, b.matchedMartyrId);
        if (!m) throw errors.validation([{ path: 'body.matchedMartyrId', message: 'Không có liệt sĩ này.' }]);
      }
      await inTransaction(c.database, actor, async (trx, audit) => {
        const at = c.nowIso();
        if (b.kind === 'dispatch')
          await remainsRepo.updateSample(trx, id, { dispatched_on: b.on, lab: b.lab ?? null, updated_at: at });
        if (b.kind === 'result')
          await remainsRepo.updateSample(trx, id, {
            result_on: b.on,
            outcome: b.outcome!,
            matched_martyr_id: b.matchedMartyrId ?? null,
            updated_at: at,
          });
        if (b.kind === 'return') await remainsRepo.updateSample(trx, id, { returned_on: b.on, updated_at: at });
        await audit({
          action: `merit.sample.${b.kind}`,
          entity: 'merit_dna_sample',
          entityId: id,
          before: dates,
          after: b,
        });
      });
      return sampleOut((await remainsRepo.sample(c.db, id))!);
    },
  };
}
