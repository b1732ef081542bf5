import { createHash } from 'node:crypto';
import type { Executor } from '../db/database.js';
import { AppError } from './errors.js';

/**
 * Throttling of public pages (no account) by failures recorded in the database, so that every app
 * server counts the same: at most `limit` failures per key within the window, then 429 with
 * Retry-After until the oldest failure leaves the window. Keys (an address, a dossier code) are
 * stored hashed: the table is no log of who looked for what.
 */
export interface ThrottleRule {
  scope: string;
  limit: number;
  windowMs: number;
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

/**
 * Throws 429 if any of the keys has used up its failures; `refusal` words the answer for the page
 * (default: the dossier lookup's).
 */
export async function checkThrottle(
  db: Executor,
  checks: { rule: ThrottleRule; key: string }[],
  refusal: (retryAfterSeconds: number) => AppError = throttledPublic,
): Promise<void> {
  const now = Date.now();
  let wait = 0;
  for (const { rule, key } of checks) {
    const since = new Date(now - rule.windowMs).toISOString();
    const r = await db
      .selectFrom('public_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where('scope', '=', rule.scope)
      .where('key', '=', hashKey(key))
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(r.n) >= rule.limit && typeof r.oldest === 'string')
      wait = Math.max(wait, Math.ceil((Date.parse(r.oldest) + rule.windowMs - now) / 1000));
  }
  if (wait > 0) throw refusal(wait);
}

/** How many failures a key has in its rule's window now. */
export async function attemptsInWindow(db: Executor, rule: ThrottleRule, key: string): Promise<number> {
  const r = await db
    .selectFrom('public_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('scope', '=', rule.scope)
    .where('key', '=', hashKey(key))
    .where('at', '>', new Date(Date.now() - rule.windowMs).toISOString())
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Records one failure for each key. */
export async function recordFailure(db: Executor, checks: { rule: ThrottleRule; key: string }[]): Promise<void> {
  const at = new Date().toISOString();
  await db
    .insertInto('public_attempts')
    .values(checks.map(({ rule, key }) => ({ scope: rule.scope, key: hashKey(key), at })))
    .execute();
}

/** Drops failures older than a day (housekeeping; every window is shorter). */
export async function purgePublicAttempts(db: Executor): Promise<void> {
  await db
    .deleteFrom('public_attempts')
    .where('at', '<', new Date(Date.now() - 86_400_000).toISOString())
    .execute();
}

export function throttledPublic(retryAfterSeconds: number): AppError {
  return new AppError(
    429,
    'TOO_MANY_ATTEMPTS',
    `Tra cứu sai quá nhiều lần. Hãy đợi ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} phút rồi thử lại, hoặc mang giấy hẹn đến bộ phận một cửa để được hỗ trợ.`,
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** The refusal of a public page read too often from one address (published lists). */
export function throttledReads(retryAfterSeconds: number): AppError {
  return new AppError(
    429,
    'TOO_MANY_REQUESTS',
    `Địa chỉ của bạn đã xem quá nhiều trang trong thời gian ngắn. Hãy đợi ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} phút rồi thử lại; danh sách công khai cũng được niêm yết tại trụ sở UBND xã.`,
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );
}
