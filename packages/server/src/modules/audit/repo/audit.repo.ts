import type { Executor } from '../../../db/database.js';

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  fromIso?: string | undefined;
  toIso?: string | undefined;
}

/** Reading the audit log; events tied to an area outside the scope never leave the database. */
export const auditRepo = {
  async list(db: Executor, scope: string | null, f: AuditFilter, page: number, pageSize: number) {
    let q = db.selectFrom('audit_events as e').leftJoin('areas as a', 'a.code', 'e.area_code');
    if (scope) q = q.where((eb) => eb.or([eb('e.area_code', 'is', null), eb('a.path', 'like', scope)]));
    if (f.actor) q = q.where('e.actor_username', '=', f.actor);
    if (f.action) q = q.where('e.action', 'like', `${f.action}%`);
    if (f.entity) q = q.where('e.entity', '=', f.entity);
    if (f.entityId) q = q.where('e.entity_id', '=', f.entityId);
    if (f.fromIso) q = q.where('e.at', '>=', f.fromIso);
    if (f.toIso) q = q.where('e.at', '<', f.toIso);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await q
      .selectAll('e')
      .orderBy('e.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { total: Number(total.n), items };
  },
};
