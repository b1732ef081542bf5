import type { EnteredValueOut, EnteredValuePage, EnteredValuesQuery, EnterValueBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { loadCatalogue } from '../reports.catalogue.js';
import { reportsPolicy } from '../reports.policy.js';
import { presentValue } from '../reports.presenter.js';
import { indicatorsRepo } from '../repo/indicators.repo.js';
import { areaCodes, type ReportsContext } from './context.js';

/**
 * Figures no record can give (jobs created, complaints received ...), entered with their source
 * and who entered them, for an area inside the actor's; a parent area adds its children's.
 */
export function enterValues(c: ReportsContext) {
  const { database, db } = c;
  return {
    /** Entered values of the actor's area (limited in SQL), newest period first. */
    async values(actor: Actor, q: EnteredValuesQuery): Promise<EnteredValuePage> {
      reportsPolicy.guard(actor, 'read');
      if (q.areaCode) await c.scopedArea(actor, 'read', q.areaCode);
      const { total, rows } = await indicatorsRepo.listValues(db, areaColumnScope(actor), q, {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const cat = await loadCatalogue(db, c.extraIndicators);
      const n = await c.names(rows.map((r) => r.area_code));
      return {
        items: rows.map((r) => presentValue(r, n, cat.get(r.indicator_code)?.nameVi ?? r.indicator_code)),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Records a figure no record can give, with its source and who entered it. */
    async enterValue(actor: Actor, body: EnterValueBody): Promise<EnteredValueOut> {
      reportsPolicy.guard(actor, 'enter_value');
      const cat = await loadCatalogue(db, c.extraIndicators);
      const def = cat.get(body.indicatorCode);
      if (!def)
        throw errors.validation([
          { path: 'body.indicatorCode', message: `Chưa có chỉ tiêu mã ${body.indicatorCode}.` },
        ]);
      if (def.source !== 'entered' && !def.enteredBefore) {
        throw errors.validation([
          { path: 'body.indicatorCode', message: `Chỉ tiêu "${def.nameVi}" được tính từ dữ liệu, không nhập tay.` },
        ]);
      }
      if (def.rollup === 'ratio' && (body.numerator == null) !== (body.denominator == null)) {
        throw errors.validation([
          { path: 'body.denominator', message: 'Nhập cả tử số và mẫu số, hoặc bỏ trống cả hai.' },
        ]);
      }
      const area = await c.scopedArea(actor, 'enter_value', body.areaCode);
      return inTransaction(database, actor, async (trx, audit) => {
        // One active value per indicator, area and period: a second one is a correction.
        const same = await indicatorsRepo.enteredExact(
          trx,
          def.code,
          area,
          body.periodFrom,
          body.periodTo,
          '9999-12-31',
        );
        const dup = same.find((r) => r.area_code === area.code);
        if (dup)
          throw errors.conflict(
            'VALUE_EXISTS',
            `Đã có giá trị ${dup.value} cho ${area.name} kỳ ${body.periodFrom} – ${body.periodTo} (số ${dup.id}). Dùng "Sửa" để thay bằng giá trị đúng, có ghi lý do.`,
          );
        const id = await indicatorsRepo.insertValue(trx, {
          indicator_code: def.code,
          area_code: area.code,
          area_level: area.level,
          ...areaCodes(area),
          period_from: body.periodFrom,
          period_to: body.periodTo,
          value: body.value,
          numerator: body.numerator ?? null,
          denominator: body.denominator ?? null,
          source_kind: body.sourceKind,
          source_ref: body.sourceRef,
          source_date: body.sourceDate,
          note: body.note ?? null,
          entered_by: actor.username,
          entered_at: nowIso(),
        });
        await audit({
          action: 'reports.value.enter',
          entity: 'indicator_value',
          entityId: id,
          areaCode: area.code,
          after: body,
        });
        const row = (await indicatorsRepo.findValue(trx, id))!;
        return presentValue(row, new Map([[area.code, area.name]]), def.nameVi);
      });
    },
  };
}
