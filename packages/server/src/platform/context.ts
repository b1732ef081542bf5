import type { Config } from '../config.js';
import type { Database, Trx } from '../db/database.js';
import type { Actor } from './actor.js';
import { recordAudit, type AuditInput } from './audit.js';

/** What every module's service factory may ask for (each takes only the parts it uses). */
export interface Deps {
  readonly database: Database;
  readonly config: Config;
}

/** Run `fn` in one transaction; the audit helper it receives writes into the same one. */
export function inTransaction<T>(
  database: Database,
  actor: Actor,
  fn: (trx: Trx, audit: (e: AuditInput) => Promise<void>) => Promise<T>,
): Promise<T> {
  return database.db.transaction().execute((trx) => fn(trx, (e) => recordAudit(trx, database.dialect, actor, e)));
}

export const nowIso = (): string => new Date().toISOString();
