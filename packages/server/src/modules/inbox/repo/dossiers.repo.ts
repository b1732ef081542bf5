import type { Executor } from '../../../db/database.js';
import type { CodeScope, KindAnswer } from './types.js';

/**
 * Declared reader of the dossiers module's tables for the inbox: the dossiers held at the actor's
 * own unit (`current_area_code`), being processed, soonest due at this level first.
 */
export const inboxDossiersRepo = {
  async heldHere(db: Executor, scope: CodeScope, holder: string, today: string, limit: number): Promise<KindAnswer> {
    let q = db
      .selectFrom('dossiers as d')
      .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
      .leftJoin('areas as a', 'a.code', 'd.commune_code')
      .where('d.current_area_code', '=', holder)
      .where('d.state', '=', 'processing');
    if (scope) q = q.where(`d.${scope.column}`, '=', scope.code);
    const n = await q
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('d.level_due_date', '<', today).then(1).else(0).end()).as('late'),
      ])
      .executeTakeFirstOrThrow();
    const rows = await q
      .select([
        'd.id',
        'd.code',
        'd.applicant_name',
        'p.name as procedure_name',
        'a.name as area_name',
        'd.received_date',
        'd.level_due_date',
        'd.due_date',
      ])
      .orderBy('d.level_due_date')
      .orderBy('d.id')
      .limit(limit)
      .execute();
    return {
      count: Number(n.n),
      overdue: Number(n.late ?? 0),
      rows: rows.map((r) => ({
        id: r.id,
        title: `${r.code} · ${r.applicant_name}`,
        detail: r.procedure_name,
        area_name: r.area_name ?? null,
        since: r.received_date,
        due: r.level_due_date ?? r.due_date,
      })),
    };
  },
};
