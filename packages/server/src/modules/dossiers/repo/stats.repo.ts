import { sql } from 'kysely';
import type { DossierStatsOut } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { AreaColumn } from '../../../platform/authz.js';

const ratio = (count: number, total: number) => ({
  count,
  total,
  percent: total ? Math.round((count * 10000) / total) / 100 : 0,
});
const n = (v: unknown) => Number(v ?? 0);

/**
 * The figures of the administrative-reform part of a report for an area and a period: each is
 * one grouped query over the dossiers of the area (an indexed equality on its code column).
 * Settled means the result was ready (settled_date) within the period; pending and overdue are
 * counted as they stood at the end of `asOf`. The catalogue figures are those of the area's province.
 */
export async function computeStats(
  db: Executor,
  area: { column: AreaColumn; code: string; name: string; provinceCode: string },
  from: string,
  to: string,
  asOf: string,
): Promise<DossierStatsOut> {
  const col = sql.ref(`d.${area.column}`);
  // One pass over the area's dossiers received by `asOf`, grouped finely enough that every figure
  // below is a sum of groups (a province's year is one index range scan, not one per figure).
  const pendingCond = sql`(d.settled_date is null or d.settled_date > ${asOf}) and (d.closed_date is null or d.closed_date > ${asOf})`;
  const [procs, groups, byLevel] = await Promise.all([
    db
      .selectFrom('procedures')
      .select([
        'online_mode',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('on_national_portal').as('portal'),
      ])
      .where('active', '=', 1)
      .where('province_code', '=', area.provinceCode)
      .groupBy('online_mode')
      .execute(),
    sql<{
      procedure_id: number;
      channel: string;
      state: string;
      timeliness: string | null;
      late_level: string | null;
      received: number;
      settled: number;
      pending: number;
      overdue: number;
      closed: number;
    }>`
      select d.procedure_id, d.channel, d.state, d.timeliness, d.late_level,
        sum(case when d.received_date >= ${from} and d.received_date <= ${to} then 1 else 0 end) as received,
        sum(case when d.settled_date >= ${from} and d.settled_date <= ${to} and d.settled_date <= ${asOf} then 1 else 0 end) as settled,
        sum(case when ${pendingCond} then 1 else 0 end) as pending,
        sum(case when ${pendingCond} and d.due_date < ${asOf} then 1 else 0 end) as overdue,
        sum(case when d.closed_date >= ${from} and d.closed_date <= ${to} and d.closed_date <= ${asOf} then 1 else 0 end) as closed
      from dossiers d where ${col} = ${area.code} and d.received_date <= ${asOf}
      group by d.procedure_id, d.channel, d.state, d.timeliness, d.late_level`.execute(db),
    sql<{
      level: string;
      timeliness: string;
      n: number;
    }>`select s.level, s.timeliness, count(*) as n from dossiers d join dossier_steps s on s.dossier_id = d.id
      where ${col} = ${area.code} and d.settled_date between ${from} and ${to} and d.settled_date <= ${asOf} and s.timeliness is not null group by s.level, s.timeliness`.execute(
      db,
    ),
  ]);
  const g = groups.rows.map((r) => ({
    ...r,
    procedure_id: n(r.procedure_id),
    received: n(r.received),
    settled: n(r.settled),
    pending: n(r.pending),
    overdue: n(r.overdue),
    closed: n(r.closed),
  }));
  const sumOf = (rows: typeof g, k: 'received' | 'settled' | 'pending' | 'overdue' | 'closed') =>
    rows.reduce((a, r) => a + r[k], 0);
  const received = {
    rows: [...new Set(g.map((r) => r.channel))].map((channel) => ({
      channel,
      n: sumOf(
        g.filter((r) => r.channel === channel),
        'received',
      ),
    })),
  };
  const settled = {
    rows: ['early', 'on_time', 'late'].map((k) => ({
      timeliness: k,
      n: sumOf(
        g.filter((r) => r.timeliness === k),
        'settled',
      ),
    })),
  };
  const pending = { rows: [{ total: sumOf(g, 'pending'), overdue: sumOf(g, 'overdue') }] };
  const closed = {
    rows: ['refused', 'withdrawn'].map((state) => ({
      state,
      n: sumOf(
        g.filter((r) => r.state === state),
        'closed',
      ),
    })),
  };
  const lateBy = {
    rows: [...new Set(g.filter((r) => r.timeliness === 'late' && r.late_level).map((r) => r.late_level!))]
      .map((late_level) => ({
        late_level,
        n: sumOf(
          g.filter((r) => r.timeliness === 'late' && r.late_level === late_level),
          'settled',
        ),
      }))
      .filter((r) => r.n > 0),
  };
  const byProcRecv = {
    rows: [...new Set(g.map((r) => r.procedure_id))].map((procedure_id) => ({
      procedure_id,
      received: sumOf(
        g.filter((r) => r.procedure_id === procedure_id),
        'received',
      ),
      pending: sumOf(
        g.filter((r) => r.procedure_id === procedure_id),
        'pending',
      ),
    })),
  };
  const byProcSettled = {
    rows: g
      .filter((r) => r.settled > 0 && r.timeliness)
      .map((r) => ({ procedure_id: r.procedure_id, timeliness: r.timeliness!, n: r.settled })),
  };

  const modeCount = (m: string) => n(procs.find((p) => p.online_mode === m)?.n);
  const procTotal = procs.reduce((a, p) => a + n(p.n), 0);
  const portal = procs.reduce((a, p) => a + n(p.portal), 0);
  const byChannel: Record<string, number> = { counter: 0, post: 0, online: 0, assisted: 0 };
  for (const r of received.rows) byChannel[r.channel] = n(r.n);
  const t = (k: string) => n(settled.rows.find((r) => r.timeliness === k)?.n);
  const early = t('early');
  const onTime = t('on_time');
  const late = t('late');
  const settledTotal = early + onTime + late;

  const levels = ['commune', 'district', 'province'] as const;
  const lv = levels
    .map((level) => {
      const g = (k: string) => n(byLevel.rows.find((r) => r.level === level && r.timeliness === k)?.n);
      return {
        level,
        early: g('early'),
        onTime: g('on_time'),
        late: g('late'),
        settled: g('early') + g('on_time') + g('late'),
      };
    })
    .filter((x) => x.settled > 0);

  const procIds = [
    ...new Set([
      ...byProcRecv.rows.filter((r) => r.received > 0 || r.pending > 0).map((r) => r.procedure_id),
      ...byProcSettled.rows.map((r) => r.procedure_id),
    ]),
  ];
  const procRows = procIds.length
    ? await db.selectFrom('procedures').select(['id', 'code', 'name']).where('id', 'in', procIds).execute()
    : [];
  const byProcedure = procRows
    .map((p) => {
      const rv = byProcRecv.rows.find((r) => r.procedure_id === p.id);
      const g = (k: string) =>
        byProcSettled.rows.filter((r) => r.procedure_id === p.id && r.timeliness === k).reduce((a, r) => a + r.n, 0);
      return {
        procedureId: p.id,
        code: p.code,
        name: p.name,
        received: n(rv?.received),
        pending: n(rv?.pending),
        early: g('early'),
        onTime: g('on_time'),
        late: g('late'),
      };
    })
    .sort((a, b) => b.received - a.received || a.code.localeCompare(b.code));

  return {
    from,
    to,
    asOf,
    areaCode: area.code,
    areaName: area.name,
    procedures: {
      total: procTotal,
      fullyOnline: ratio(modeCount('full'), procTotal),
      partlyOnline: ratio(modeCount('partial'), procTotal),
      notOnline: ratio(modeCount('none'), procTotal),
      onNationalPortal: ratio(portal, procTotal),
    },
    received: { total: Object.values(byChannel).reduce((a, b) => a + b, 0), byChannel },
    settled: { early, onTime, late, total: settledTotal, onTimeRate: ratio(early + onTime, settledTotal) },
    pending: { total: n(pending.rows[0]?.total), overdue: n(pending.rows[0]?.overdue) },
    refused: n(closed.rows.find((r) => r.state === 'refused')?.n),
    withdrawn: n(closed.rows.find((r) => r.state === 'withdrawn')?.n),
    byLevel: lv,
    byProcedure,
    lateByLevel: lateBy.rows
      .filter((r) => r.late_level)
      .map((r) => ({ level: r.late_level as 'commune', count: n(r.n) })),
  };
}
