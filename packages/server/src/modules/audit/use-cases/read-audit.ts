import type { AuditPage, AuditQuery } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { verifyAuditChain, type VerifyResult } from '../../../platform/audit.js';
import { scopePattern } from '../../../platform/authz.js';
import { auditPolicy } from '../audit.policy.js';
import { presentAuditEvent } from '../audit.presenter.js';
import { auditRepo } from '../repo/audit.repo.js';

/** Vietnam is UTC+7 all year: a date filter means that local day. */
const startOfVnDay = (d: string) => new Date(`${d}T00:00:00+07:00`).toISOString();
const nextVnDay = (d: string) => new Date(Date.parse(`${d}T00:00:00+07:00`) + 86_400_000).toISOString();

/** Reading the audit log (limited in SQL to the actor's area) and verifying its hash chain. */
export function createAuditReads(deps: { database: Database }) {
  const db = deps.database.db;
  return {
    async list(actor: Actor, q: AuditQuery): Promise<AuditPage> {
      auditPolicy.guard(actor, 'read');
      const { total, items } = await auditRepo.list(
        db,
        scopePattern(actor),
        {
          actor: q.actor,
          action: q.action,
          entity: q.entity,
          entityId: q.entityId,
          fromIso: q.from ? startOfVnDay(q.from) : undefined,
          toIso: q.to ? nextVnDay(q.to) : undefined,
        },
        q.page,
        q.pageSize,
      );
      return { total, page: q.page, pageSize: q.pageSize, items: items.map(presentAuditEvent) };
    },

    /** Recompute the whole chain (CLI `ansinh audit verify`). */
    async verify(actor: Actor): Promise<VerifyResult> {
      auditPolicy.guard(actor, 'read');
      return verifyAuditChain(db);
    },
  };
}
