import type { ChangePasswordBody } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { SESSIONS_TOPIC, type ChangeBus } from '../../../platform/change-bus.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { hashPassword, verifyPassword } from '../../../platform/passwords.js';
import { authRepo } from '../repo/auth.repo.js';

/** Change one's own password (the current one is asked again); audited. */
export function createChangePassword(deps: { database: Database; bus: ChangeBus }) {
  const { database, bus } = deps;
  const db = database.db;
  /** Change one's own password; other sessions of the user are closed. */
  async function changePassword(actor: Actor, sessionId: string, body: ChangePasswordBody): Promise<void> {
    const row = await authRepo.findPasswordHash(db, actor.userId!);
    if (!row || !(await verifyPassword(row.password_hash, body.currentPassword))) {
      throw errors.badRequest('PASSWORD_WRONG', 'Mật khẩu hiện tại không đúng. Nhập lại mật khẩu bạn đang dùng.', [
        { path: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
      ]);
    }
    if (body.currentPassword === body.newPassword) {
      throw errors.badRequest('PASSWORD_SAME', 'Mật khẩu mới phải khác mật khẩu hiện tại.', [
        { path: 'body.newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
      ]);
    }
    const hash = await hashPassword(body.newPassword);
    await inTransaction(database, actor, async (trx, audit) => {
      await authRepo.setPassword(trx, actor.userId!, hash, nowIso());
      await authRepo.deleteUserSessions(trx, actor.userId!, sessionId);
      await audit({
        action: 'auth.password.change',
        entity: 'user',
        entityId: actor.userId,
        areaCode: actor.areaCode,
      });
    });
    // The other sessions are closed on this server at once (the database tells the others).
    bus.publishHere(SESSIONS_TOPIC);
  }

  return changePassword;
}
