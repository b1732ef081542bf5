import { createHash } from 'node:crypto';
import type { Database, Trx } from '../db/database.js';
import type { Actor } from './actor.js';
import { inTransaction, nowIso } from './context.js';
import { errors, isUniqueViolation } from './errors.js';
import type { AuditInput } from './audit.js';

/**
 * Run a state change at most once per Idempotency-Key. The key is claimed first, in the same
 * transaction as the change, so a retried request (or the same request sent twice at once) waits
 * for the first, then gets the first answer instead of a second effect. A key reused with a
 * different request is refused.
 */
export async function once<T>(
  database: Database,
  actor: Actor,
  key: string | undefined,
  request: unknown,
  fn: (trx: Trx, audit: (e: AuditInput) => Promise<void>) => Promise<T>,
): Promise<T> {
  if (!key || !/^[\w.:-]{8,100}$/.test(key)) {
    throw errors.badRequest(
      'IDEMPOTENCY_KEY_REQUIRED',
      'Thiếu hoặc sai tiêu đề Idempotency-Key (8–100 ký tự). Tải lại trang rồi thử lại.',
    );
  }
  const hash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  const replay = async (): Promise<T | undefined> => {
    const row = await database.db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row) return undefined;
    if (row.username !== actor.username || row.request_hash !== hash) {
      throw errors.conflict(
        'IDEMPOTENCY_KEY_REUSED',
        'Mã yêu cầu (Idempotency-Key) đã dùng cho một yêu cầu khác. Tải lại trang rồi thử lại.',
      );
    }
    return JSON.parse(row.response_json) as T;
  };
  const earlier = await replay();
  if (earlier !== undefined) return earlier;
  try {
    return await inTransaction(database, actor, async (trx, audit) => {
      await trx
        .insertInto('idempotency_keys')
        .values({
          key,
          username: actor.username,
          request_hash: hash,
          status_code: 0,
          response_json: 'null',
          created_at: nowIso(),
        })
        .execute();
      const result = await fn(trx, audit);
      await trx
        .updateTable('idempotency_keys')
        .set({ status_code: 200, response_json: JSON.stringify(result) })
        .where('key', '=', key)
        .execute();
      return result;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      const first = await replay();
      if (first !== undefined) return first;
    }
    throw err;
  }
}
