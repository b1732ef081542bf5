import type { AuditEventOut } from '@ansinh/domain';
import type { AuditEventsTable } from '../../db/schema.js';

type Row = Omit<AuditEventsTable, 'id'> & { id: number };

export function presentAuditEvent(r: Row): AuditEventOut {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    areaCode: r.area_code,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
    hash: r.hash,
  };
}
