import type { Database } from '../../db/database.js';
import { auditPolicy } from './audit.policy.js';
import { createAuditReads } from './use-cases/read-audit.js';

/** The audit log: read by the administrator and the inspectorate, verified by the CLI. */
export function createAuditService(deps: { database: Database }) {
  const { list, verify } = createAuditReads(deps);
  return { policy: auditPolicy, list, verify };
}

export type AuditService = ReturnType<typeof createAuditService>;
