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

/**
 * A turn of the event loop now: before a statement that may hold the loop for long (a commune's
 * generated entries, a slice of a check), so that it does not add to what the loop already held
 * (db/database.ts gives one after a query only once 15 ms are held).
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
