import {
  addWorkingDays,
  lastWorkingDay,
  searchKey,
  type DossierPage,
  type DossiersQuery,
  type DossierStatsOut,
  type DossierStatsQuery,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope, codesOfCommune } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { dossiersPolicy } from '../dossiers.policy.js';
import { presentListItem } from '../dossiers.presenter.js';
import { dossiersRepo } from '../repo/dossiers.repo.js';
import { computeStats } from '../repo/stats.repo.js';
import { OPEN, type DossiersContext } from './context.js';
import type { DossierReader } from './read-dossiers.js';

function addDaysIso(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The lists an officer works from (the area's dossiers; with mine=1 those held at their level;
 * with due= those overdue, due today, tomorrow or soon) and the statistics of an area. Both are
 * limited in SQL to the actor's area; an area named in the query must lie inside it (404).
 */
export function myQueue(c: DossiersContext, reader: DossierReader) {
  return {
    async list(actor: Actor, q: DossiersQuery): Promise<DossierPage> {
      dossiersPolicy.guard(actor, 'read');
      const t = c.today();
      const next = lastWorkingDay(c.cal, addDaysIso(t, 1), 1);
      const mine = q.mine === '1';
      const due =
        q.due === 'overdue'
          ? { dueTo: addDaysIso(t, -1) }
          : q.due === 'today'
            ? { dueFrom: t, dueTo: t }
            : q.due === 'tomorrow'
              ? { dueFrom: addDaysIso(t, 1), dueTo: next }
              : q.due === 'soon'
                ? { dueTo: addWorkingDays(c.cal, t, 2) }
                : {};
      const states =
        q.state === 'open' || q.due || mine ? (q.due ? ['processing'] : OPEN) : q.state ? [q.state] : undefined;
      const isCode = q.q && /^[\d.A-Za-z]+-\d/.test(q.q.trim());
      const { total, totalCapped, rows } = await dossiersRepo.search(
        c.db,
        {
          scope: areaColumnScope(actor),
          area: await reader.areaFilter(actor, q.areaCode),
          holder: mine ? (actor.areaCode ?? '__none__') : undefined,
          states,
          procedureId: q.procedureId,
          from: q.from,
          to: q.to,
          dialect: c.database.dialect,
          q: q.q ? (isCode ? { code: q.q.trim().toUpperCase() } : { nameKey: searchKey(q.q) }) : undefined,
          ...due,
        },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
        mine || q.due ? 'due' : 'recent',
      );
      // Area names from the areas module's cache: no second statement per page.
      const names = await c.areas.namesOf(rows.flatMap((r) => [r.commune_code, r.current_area_code ?? '']));
      return {
        items: rows.map((r) => presentListItem(r, names, t)),
        total,
        ...(totalCapped ? { totalCapped } : {}),
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Statistics of an area (default the actor's) for a period. */
    async stats(actor: Actor, q: DossierStatsQuery): Promise<DossierStatsOut> {
      const code = q.areaCode ?? actor.areaCode ?? undefined;
      if (!code) throw errors.validation([{ path: 'query.areaCode', message: 'Chọn đơn vị hành chính.' }]);
      // Guarded on the area: 404 outside the actor's, 403 for a role without statistics.
      const a = (await reader.areaFilter(actor, code, 'stats'))!;
      const provinceCode = codesOfCommune(code, a.path).province_code;
      return computeStats(c.db, { column: a.column, code, name: a.name, provinceCode }, q.from, q.to, q.asOf ?? q.to);
    },
  };
}
