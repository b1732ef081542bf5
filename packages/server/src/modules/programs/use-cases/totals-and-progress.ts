import type { Totals } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import type { AreaColumn } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { programsPolicy } from '../programs.policy.js';
import { fromMilli } from '../programs.presenter.js';
import { areasReader } from '../repo/areas.repo.js';
import { listsRepo } from '../repo/lists.repo.js';
import { paymentsRepo } from '../repo/payments.repo.js';
import { loadProgram, type ProgramsDeps } from './load.js';
import { LEVEL_COLUMN } from './read-lists.js';

/**
 * Where a program stands under an area: lists by state per child area and the communes still
 * missing (progress), and approved against paid by child area or category (totals).
 */
export function totalsAndProgressUseCases({ database }: ProgramsDeps) {
  const db = database.db;

  /** The area asked for, else the actor's own (the program's province for the system), guarded. */
  async function areaFor(actor: Actor, asked: string | undefined, provinceCode: string | null) {
    const code = asked ?? (actor.kind === 'system' ? provinceCode : actor.areaCode);
    const area = code ? await areasReader.byCode(db, code) : undefined;
    if (!area) throw errors.notFound('Địa bàn');
    programsPolicy.guard(actor, 'report', { areaPath: area.path }, 'Địa bàn');
    return area;
  }

  return {
    /** Progress of a program's period under an area: lists by state per child area, and communes with no list. */
    async progress(actor: Actor, q: { programId: number; period?: string; areaCode?: string }) {
      const p = await loadProgram(db, actor, q.programId, 'read');
      const period = q.period ?? (p.period_kind === 'monthly' ? undefined : p.ref_date.slice(0, 4));
      if (!period) throw errors.validation([{ path: 'query.period', message: 'Chọn tháng (YYYY-MM).' }]);
      const area = await areaFor(actor, q.areaCode, p.province_code);
      const root = area.code;
      const communes = await areasReader.communesUnder(db, area.path);
      const lists = await listsRepo.forProgress(db, p.id, period, LEVEL_COLUMN[area.level] ?? 'commune_code', root);
      const children = area.level === 3 ? [area] : await areasReader.children(db, root);
      const childOf = (path: string) => children.find((c) => path.startsWith(c.path));
      const rows = new Map(
        children.map((c) => [
          c.code,
          {
            areaCode: c.code,
            areaName: c.name,
            communes: 0,
            missing: 0,
            byState: {} as Record<string, number>,
            approvedEntries: 0,
            approvedAmount: 0,
          },
        ]),
      );
      const withList = new Set(lists.map((l) => l.commune_code));
      const pathOf = new Map(communes.map((c) => [c.code, c.path]));
      const missingCommunes: { code: string; name: string }[] = [];
      for (const c of communes) {
        const r = rows.get(childOf(c.path)?.code ?? '');
        if (!r) continue;
        r.communes += 1;
        if (!withList.has(c.code)) {
          r.missing += 1;
          missingCommunes.push({ code: c.code, name: c.name });
        }
      }
      for (const l of lists) {
        const r = rows.get(childOf(pathOf.get(l.commune_code) ?? '')?.code ?? '');
        if (!r) continue;
        r.byState[l.state] = (r.byState[l.state] ?? 0) + 1;
        if (l.state === 'approved') {
          r.approvedEntries += l.entries_count;
          r.approvedAmount += l.total_amount;
        }
      }
      return { rows: [...rows.values()], missingCommunes };
    },

    /** "Approved N people, X đồng / paid M people, Y đồng" by child area or by category. */
    async totals(
      actor: Actor,
      q: { programId: number; period?: string; areaCode?: string; groupBy: 'area' | 'category' },
    ): Promise<Totals> {
      const p = await loadProgram(db, actor, q.programId, 'read');
      const area = await areaFor(actor, q.areaCode, p.province_code);
      const root = area.code;
      const childColumn: AreaColumn =
        area.level === 1
          ? (await areasReader.hasDistricts(db, root))
            ? 'district_code'
            : 'commune_code'
          : 'commune_code';
      const rows = await paymentsRepo.totals(db, {
        programId: q.programId,
        period: q.period,
        column: LEVEL_COLUMN[area.level] ?? 'commune_code',
        code: root,
        key: q.groupBy === 'category' ? 'e.category' : `e.${childColumn}`,
      });
      const names =
        q.groupBy === 'area'
          ? await areasReader.names(
              db,
              rows.map((r) => r.key),
            )
          : new Map<string, string>();
      const out = rows.map((r) => ({
        key: r.key,
        label: q.groupBy === 'area' ? (names.get(r.key) ?? r.key) : r.key || '(không phân loại)',
        approvedCount: Number(r.approved_count),
        approvedAmount: Number(r.approved_amount),
        approvedQuantity: fromMilli(Number(r.approved_q)),
        paidCount: Number(r.paid_count),
        paidAmount: Number(r.paid_amount),
        paidQuantity: fromMilli(Number(r.paid_q)),
      }));
      out.sort((a, b) => a.key.localeCompare(b.key));
      const total = out.reduce(
        (t, r) => ({
          ...t,
          approvedCount: t.approvedCount + r.approvedCount,
          approvedAmount: t.approvedAmount + r.approvedAmount,
          approvedQuantity: Math.round((t.approvedQuantity + r.approvedQuantity) * 1000) / 1000,
          paidCount: t.paidCount + r.paidCount,
          paidAmount: t.paidAmount + r.paidAmount,
          paidQuantity: Math.round((t.paidQuantity + r.paidQuantity) * 1000) / 1000,
        }),
        {
          key: root,
          label: area.name,
          approvedCount: 0,
          approvedAmount: 0,
          approvedQuantity: 0,
          paidCount: 0,
          paidAmount: 0,
          paidQuantity: 0,
        },
      );
      return { rows: out, total };
    },
  };
}
