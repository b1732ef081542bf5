import type { CreateIndicatorBody, IndicatorList, IndicatorOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { provinceScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { loadCatalogue } from '../reports.catalogue.js';
import { reportsPolicy } from '../reports.policy.js';
import { presentIndicator } from '../reports.presenter.js';
import { indicatorsRepo } from '../repo/indicators.repo.js';
import type { ReportsContext } from './context.js';

/**
 * The indicator catalogue: the indicators every module computes from its records, and those whose
 * values are entered with a source. The entered ones are one catalogue shared by the provinces
 * (the Ministry's reporting regime names them), which only a Department adds to.
 */
export function indicatorsCatalogue(c: ReportsContext) {
  const { database, db } = c;
  return {
    /** The catalogue: computed indicators of every module and the entered ones. */
    async indicators(actor: Actor): Promise<IndicatorList> {
      reportsPolicy.guard(actor, 'read');
      const cat = await loadCatalogue(db, c.extraIndicators);
      return { items: [...cat.values()].filter((d) => !d.aliasOf).map(presentIndicator) };
    },

    /** Adds an indicator whose values are entered with their source (a Department only). */
    async createIndicator(actor: Actor, body: CreateIndicatorBody): Promise<IndicatorOut> {
      reportsPolicy.guard(actor, 'edit_catalogue', { provinceCode: provinceScope(actor) });
      const cat = await loadCatalogue(db, c.extraIndicators);
      if (cat.has(body.code))
        throw errors.conflict('INDICATOR_EXISTS', `Đã có chỉ tiêu mã ${body.code}. Chọn mã khác.`);
      return inTransaction(database, actor, async (trx, audit) => {
        await indicatorsRepo.insertIndicator(trx, {
          code: body.code,
          module: body.code.split('.')[0]!,
          name_vi: body.nameVi,
          name_en: body.nameEn,
          unit: body.unit,
          rollup: body.rollup,
          lower_is_better: body.lowerIsBetter ? 1 : 0,
          created_at: nowIso(),
        });
        await audit({
          action: 'reports.indicator.create',
          entity: 'report_indicator',
          entityId: body.code,
          after: body,
        });
        return presentIndicator({
          ...body,
          module: body.code.split('.')[0]!,
          source: 'entered',
          params: [],
          computed: null,
        });
      });
    },
  };
}
