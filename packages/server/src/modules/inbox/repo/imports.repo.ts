import type { Executor } from '../../../db/database.js';
import type { KindAnswer } from './types.js';

/**
 * Declared reader of the shared `import_jobs` table (registry and employment imports) for the
 * inbox: the actor's own imports finished since `sinceIso`, whose area lies inside the actor's.
 */
export const inboxImportsRepo = {
  async finished(
    db: Executor,
    username: string,
    scope: string | null,
    sinceIso: string,
    limit: number,
  ): Promise<KindAnswer> {
    let q = db
      .selectFrom('import_jobs as j')
      .innerJoin('areas as a', 'a.code', 'j.area_code')
      .where('j.created_by', '=', username)
      .where('j.state', '!=', 'running')
      .where('j.finished_at', '>=', sinceIso);
    if (scope) q = q.where('a.path', 'like', scope);
    const n = await q
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('j.state', '=', 'failed').then(1).else(0).end()).as('failed'),
      ])
      .executeTakeFirstOrThrow();
    const rows = await q
      .select(['j.id', 'j.kind', 'j.file_name', 'j.state', 'j.done', 'j.total', 'a.name as area_name', 'j.finished_at'])
      .orderBy('j.finished_at', 'desc')
      .orderBy('j.id', 'desc')
      .limit(limit)
      .execute();
    return {
      count: Number(n.n),
      overdue: Number(n.failed ?? 0),
      rows: rows.map((r) => ({
        id: r.id,
        title: r.file_name,
        detail: `${r.done}/${r.total}`,
        state: r.state === 'failed' ? 'failed' : r.kind,
        area_name: r.area_name ?? null,
        since: (r.finished_at ?? '').slice(0, 10),
        due: null,
      })),
    };
  },
};
