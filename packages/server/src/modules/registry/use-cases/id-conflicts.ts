import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { AppError, errors } from '../../../platform/errors.js';
import { attemptsInWindow, checkThrottle, recordFailure, type ThrottleRule } from '../../../platform/throttle.js';
import { registryPolicy } from '../registry.policy.js';
import { personsRepo, type PersonRow } from '../repo/index.js';

/**
 * A citizen ID held outside the officer's area (docs/legal/identity.md, "No ID oracle across areas").
 * Presence in this registry reveals poverty, disability or war-invalid status, so such an ID is
 * answered the same way whatever the holder's area: no record id, no area, no status; the
 * officer may raise a transfer request the holding commune handles. Every such answer is
 * audited, and an officer who meets more than N of them in 24 hours (N =
 * REGISTRY_ID_CONFLICTS_PER_DAY, default 20) is refused (429) any citizen ID not already in
 * their area until the window passes, so a refusal says nothing either.
 */
export const DEFAULT_ID_CONFLICTS_PER_DAY = 20;
export const ID_CONFLICT_AUDIT = 'registry.citizen_id.conflict';

export const idConflictRule = (perDay = DEFAULT_ID_CONFLICTS_PER_DAY): ThrottleRule => ({
  scope: 'registry-id-conflict',
  limit: perDay,
  windowMs: 86_400_000,
});

export const ELSEWHERE_MESSAGE =
  'Số CCCD này đã được đăng ký cho một hồ sơ mà bạn không quản lý. Nếu người này đã chuyển đến địa bàn của bạn, gửi "Yêu cầu chuyển đến" để nơi đang quản lý xem xét; không tạo hồ sơ thứ hai.';

export const idElsewhere = () =>
  errors.conflict('CITIZEN_ID_ELSEWHERE', ELSEWHERE_MESSAGE, [
    { path: 'body.citizenId', message: 'Số CCCD đã được đăng ký ngoài địa bàn của bạn.' },
  ]);

export function tooManyIdConflicts(retryAfterSeconds: number): AppError {
  const hours = Math.max(1, Math.ceil(retryAfterSeconds / 3600));
  return new AppError(
    429,
    'TOO_MANY_ID_CONFLICTS',
    `Bạn đã nhập quá nhiều số CCCD đã đăng ký ngoài địa bàn trong 24 giờ. Hãy đợi khoảng ${hours} giờ, hoặc nhờ cấp huyện/tỉnh kiểm tra giúp.`,
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** What a conflict lookup needs: the database and the setting N. */
export interface ConflictDeps {
  readonly database: Database;
  readonly idConflictsPerDay?: number;
}

const keyOf = (actor: Actor) => `${actor.userId ?? ''}|${actor.username}`;

/** 429 if the officer has used up the day's conflicts (nothing for the system actor). */
export async function checkConflictThrottle(deps: ConflictDeps, actor: Actor): Promise<void> {
  if (actor.kind === 'system') return;
  await checkThrottle(
    deps.database.db,
    [{ rule: idConflictRule(deps.idConflictsPerDay), key: keyOf(actor) }],
    tooManyIdConflicts,
  );
}

/**
 * Audit the conflicts met (one event, the IDs in it), count them against the officer's day, and
 * refuse with 429 when this pushes the officer over N (the answer then names no ID at all).
 */
export async function recordConflicts(
  deps: ConflictDeps,
  actor: Actor,
  holders: Pick<PersonRow, 'id' | 'citizen_id'>[],
  source: 'create' | 'update' | 'import' | 'transfer',
): Promise<void> {
  if (!holders.length) return;
  const rule = idConflictRule(deps.idConflictsPerDay);
  const before = actor.kind === 'system' ? 0 : await attemptsInWindow(deps.database.db, rule, keyOf(actor));
  await inTransaction(deps.database, actor, async (trx, audit) => {
    if (actor.kind !== 'system')
      await recordFailure(
        trx,
        holders.slice(0, rule.limit + 1).map(() => ({ rule, key: keyOf(actor) })),
      );
    await audit({
      action: ID_CONFLICT_AUDIT,
      entity: 'person',
      entityId: holders.length === 1 ? holders[0]!.id : null,
      areaCode: actor.areaCode,
      after: { source, count: holders.length, citizenIds: holders.map((h) => h.citizen_id) },
    });
  });
  if (actor.kind !== 'system' && before + holders.length > rule.limit) await checkConflictThrottle(deps, actor);
}

/**
 * Before writing a citizen ID on a person: free, or the same person, passes; held in the actor's
 * area answers 409 without naming the record (they can search their own area); held elsewhere
 * answers the same 409 whatever the area, audited and counted. An officer over the day's limit is
 * refused any ID not in their area, found or not.
 */
export async function checkCitizenIdForWrite(
  deps: ConflictDeps,
  actor: Actor,
  citizenId: string,
  source: 'create' | 'update',
  exceptId?: number,
): Promise<void> {
  const holder = await personsRepo.findPersonByCitizenId(deps.database.db, citizenId);
  if (holder && holder.id === exceptId) return;
  if (holder && registryPolicy.allows(actor, 'read', holder))
    throw errors.conflict(
      'CITIZEN_ID_TAKEN',
      `Số CCCD ${citizenId} đã có trong sổ của địa bàn bạn. Tìm theo số CCCD để mở hồ sơ đã có; mỗi người chỉ có một hồ sơ.`,
      [{ path: 'body.citizenId', message: 'Số CCCD đã được dùng cho một nhân khẩu khác.' }],
    );
  await checkConflictThrottle(deps, actor);
  if (!holder) return;
  await recordConflicts(deps, actor, [holder], source);
  throw idElsewhere();
}
