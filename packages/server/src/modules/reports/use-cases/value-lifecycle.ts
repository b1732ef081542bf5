import type { CorrectValueBody, EnteredValueOut, OverrideBody, WithdrawValueBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { loadCatalogue, paramsText, parseParams } from '../reports.catalogue.js';
import { reportsPolicy } from '../reports.policy.js';
import { presentValue } from '../reports.presenter.js';
import { indicatorsRepo } from '../repo/indicators.repo.js';
import { areaCodes, type ReportsContext } from './context.js';

/**
 * The life of an entered value (docs/modules/reports.md, "Entered values"): a correction is a new
 * value that supersedes the old one (kept, with the reason, in the history); a withdrawal ends a
 * value with its reason; an override types a value in place of a computed figure for exactly an
 * area and a period, with a written reason, and is marked "số liệu nhập thay" wherever it is shown.
 */
export function valueLifecycle(c: ReportsContext) {
  const { database, db } = c;

  /** A value and its area, guarded for the action: 404 when missing or outside the actor's area. */
  async function load(actor: Actor, id: number, action: 'read' | 'enter_value') {
    const row = await indicatorsRepo.findValue(db, id);
    const area = row ? await c.areaInfo(row.area_code) : undefined;
    reportsPolicy.guard(actor, action, { areaPath: area?.path ?? null }, 'Số liệu nhập');
    if (!row || !area) throw errors.notFound('Số liệu nhập');
    return { row, area };
  }

  async function nameOf(code: string) {
    return (await loadCatalogue(db, c.extraIndicators)).get(code)?.nameVi ?? code;
  }

  const notActive = () =>
    errors.conflict('VALUE_NOT_ACTIVE', 'Giá trị này đã được sửa hoặc rút. Mở giá trị đang dùng để sửa tiếp.');

  return {
    /** A value with every value entered before and after it for the same indicator, area and period. */
    async valueHistory(actor: Actor, id: number): Promise<{ items: EnteredValueOut[] }> {
      const { row, area } = await load(actor, id, 'read');
      const name = await nameOf(row.indicator_code);
      const rows = await indicatorsRepo.history(db, row);
      return { items: rows.map((r) => presentValue(r, new Map([[area.code, area.name]]), name)) };
    },

    /** Replaces an active value by a corrected one; the old one is kept as superseded, with the reason. */
    async correctValue(actor: Actor, id: number, body: CorrectValueBody): Promise<EnteredValueOut> {
      const { row, area } = await load(actor, id, 'enter_value');
      if (row.status !== 'active') throw notActive();
      const name = await nameOf(row.indicator_code);
      return inTransaction(database, actor, async (trx, audit) => {
        const at = nowIso();
        const { id: _id, ...rest } = row;
        const newId = await indicatorsRepo.insertValue(trx, {
          ...rest,
          value: body.value,
          numerator: body.numerator ?? null,
          denominator: body.denominator ?? null,
          source_ref: body.sourceRef ?? row.source_ref,
          source_date: body.sourceDate ?? row.source_date,
          note: row.note,
          status: 'active',
          superseded_by: null,
          status_reason: null,
          status_by: null,
          status_at: null,
          entered_by: actor.username,
          entered_at: at,
        });
        const ok = await indicatorsRepo.endValue(trx, id, {
          status: 'superseded',
          superseded_by: newId,
          reason: body.reason,
          by: actor.username,
          at,
        });
        if (!ok) throw notActive();
        await audit({
          action: 'reports.value.correct',
          entity: 'indicator_value',
          entityId: id,
          areaCode: area.code,
          before: { value: row.value, sourceRef: row.source_ref },
          after: { ...body, newId },
        });
        const out = (await indicatorsRepo.findValue(trx, newId))!;
        return presentValue(out, new Map([[area.code, area.name]]), name);
      });
    },

    /** Withdraws an active value, with the reason: reports no longer use it. */
    async withdrawValue(actor: Actor, id: number, body: WithdrawValueBody): Promise<EnteredValueOut> {
      const { row, area } = await load(actor, id, 'enter_value');
      if (row.status !== 'active') throw notActive();
      const name = await nameOf(row.indicator_code);
      return inTransaction(database, actor, async (trx, audit) => {
        const ok = await indicatorsRepo.endValue(trx, id, {
          status: 'withdrawn',
          superseded_by: null,
          reason: body.reason,
          by: actor.username,
          at: nowIso(),
        });
        if (!ok) throw notActive();
        await audit({
          action: 'reports.value.withdraw',
          entity: 'indicator_value',
          entityId: id,
          areaCode: area.code,
          before: { value: row.value },
          after: body,
        });
        const out = (await indicatorsRepo.findValue(trx, id))!;
        return presentValue(out, new Map([[area.code, area.name]]), name);
      });
    },

    /**
     * Types a value in place of a computed figure for exactly an area, a period and parameters,
     * with a written reason (the registry is often incomplete in the first year). An earlier
     * override of the same figure is superseded.
     */
    async overrideValue(actor: Actor, body: OverrideBody): Promise<EnteredValueOut> {
      reportsPolicy.guard(actor, 'enter_value');
      const cat = await loadCatalogue(db, c.extraIndicators);
      const def = cat.get(body.indicatorCode);
      if (!def?.computed)
        throw errors.validation([
          {
            path: 'body.indicatorCode',
            message: 'Chỉ nhập thay được chỉ tiêu tính từ dữ liệu. Chỉ tiêu nhập tay thì dùng "Nhập số liệu".',
          },
        ]);
      const area = await c.scopedArea(actor, 'enter_value', body.areaCode);
      const params = paramsText(parseParams(body.params));
      return inTransaction(database, actor, async (trx, audit) => {
        const at = nowIso();
        const before = await indicatorsRepo.overrideFor(
          trx,
          def.code,
          params,
          area.code,
          body.periodFrom,
          body.periodTo,
        );
        const id = await indicatorsRepo.insertValue(trx, {
          indicator_code: def.code,
          params,
          area_code: area.code,
          area_level: area.level,
          ...areaCodes(area),
          period_from: body.periodFrom,
          period_to: body.periodTo,
          value: body.value,
          numerator: body.numerator ?? null,
          denominator: body.denominator ?? null,
          source_kind: 'other',
          source_ref: body.sourceRef,
          source_date: body.sourceDate,
          note: null,
          override_reason: body.reason,
          entered_by: actor.username,
          entered_at: at,
        });
        if (before)
          await indicatorsRepo.endValue(trx, Number(before.id), {
            status: 'superseded',
            superseded_by: id,
            reason: body.reason,
            by: actor.username,
            at,
          });
        await audit({
          action: 'reports.value.override',
          entity: 'indicator_value',
          entityId: id,
          areaCode: area.code,
          before: before ? { id: Number(before.id), value: before.value } : null,
          after: body,
        });
        const out = (await indicatorsRepo.findValue(trx, id))!;
        return presentValue(out, new Map([[area.code, area.name]]), def.nameVi);
      });
    },
  };
}
