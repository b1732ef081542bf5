import {
  BENEFIT_DECISION_FORMS,
  checkDecision,
  type BenefitDecisionBody,
  type BenefitDecisionKind,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { recordsRepo } from '../repo/records.repo.js';
import type { MeritContext } from './context.js';
import { applyDecisionToRegistry } from './registry-status.js';
import { checkMeritDossier } from './dossier-link.js';
import type { Records } from './records.js';

const PROBLEMS = {
  bad_month: 'Tháng hiệu lực theo dạng YYYY-MM, ví dụ 2024-07.',
  not_allowed_from_state:
    'Quyết định này không hợp với tình trạng hưởng hiện tại (ví dụ: chỉ hưởng lại sau khi tạm đình chỉ; không điều chỉnh khi đang tạm đình chỉ). Xem lịch sử quyết định.',
  before_previous: 'Tháng hiệu lực không được trước tháng hiệu lực của quyết định trước. Kiểm tra lại tháng hiệu lực.',
} as const;

/**
 * Benefit decisions: grant, change, suspension, termination, resumption, each with its effective
 * month and form (Mẫu 50, Mẫu 72: NĐ 131/2021 Arts. 7, 118). The order rules are `checkDecision`.
 */
export function decisions(c: MeritContext, rec: Records) {
  return {
    async addDecision(actor: Actor, id: number, b: BenefitDecisionBody) {
      const r = await rec.loadRecord(actor, id, 'manage');
      if (r.state !== 'managed')
        throw errors.conflict(
          'MERIT_RECORD_NOT_MANAGED',
          'Hồ sơ đã/đang chuyển sang tỉnh khác; không ra quyết định ở đây.',
        );
      if (b.decisionDate > c.today())
        throw errors.validation([
          {
            path: 'body.decisionDate',
            message: `Ngày ký quyết định ${b.decisionDate} chưa tới (hôm nay ${c.today()}). Kiểm tra lại ngày ký.`,
          },
        ]);
      if (b.dossierId) await checkMeritDossier(c, b.dossierId, r, 'body.dossierId');
      await inTransaction(c.database, actor, async (trx, audit) => {
        const history = (await recordsRepo.decisions(trx, id)).map((d) => ({
          kind: d.kind as BenefitDecisionKind,
          effectiveMonth: d.effective_month,
        }));
        const check = checkDecision(history, { kind: b.kind, effectiveMonth: b.effectiveMonth });
        if (!check.ok)
          throw errors.conflict('MERIT_DECISION_NOT_ALLOWED', PROBLEMS[check.problem], [
            {
              path: check.problem === 'not_allowed_from_state' ? 'body.kind' : 'body.effectiveMonth',
              message: PROBLEMS[check.problem],
            },
          ]);
        const decisionId = await recordsRepo.insertDecision(trx, {
          record_id: id,
          kind: b.kind,
          effective_month: b.effectiveMonth,
          decision_no: b.decisionNo,
          decision_date: b.decisionDate,
          form: BENEFIT_DECISION_FORMS[b.kind],
          monthly_amount: b.monthlyAmount,
          reason: b.reason,
          dossier_id: b.dossierId,
          province_code: r.province_code,
          district_code: r.district_code,
          commune_code: r.commune_code,
          created_at: c.nowIso(),
        });
        await audit({
          action: `merit.decision.${b.kind}`,
          entity: 'merit_record',
          entityId: id,
          areaCode: r.commune_code,
          after: { decisionId, ...b, state: check.state },
        });
      });
      await applyDecisionToRegistry(c, c.registry, actor, r, b);
      return rec.getRecord(actor, id);
    },
  };
}
