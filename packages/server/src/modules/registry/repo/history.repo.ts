import type { Executor } from '../../../db/database.js';

/**
 * The registry's one reader of the audit module's table: what was done to a record, for the
 * person's timeline.
 */
export const historyRepo = {
  auditOf(db: Executor, entity: string, entityId: string) {
    return db
      .selectFrom('audit_events')
      .select(['at', 'action', 'actor_username', 'after_json'])
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .limit(500)
      .execute();
  },
};
