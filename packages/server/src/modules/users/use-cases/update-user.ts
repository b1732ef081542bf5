import { searchKey, type PatchUserBody, type Role, type UserOut } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { SESSIONS_TOPIC, type ChangeBus } from '../../../platform/change-bus.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { hashPassword } from '../../../platform/passwords.js';
import type { AgenciesService } from '../../agencies/index.js';
import type { AreasService } from '../../areas/index.js';
import { presentUser } from '../users.presenter.js';
import { usersRepo } from '../repo/users.repo.js';
import { auditView, checkAgency, checkArea, loadUser } from './accounts.js';

/** Edit, disable/enable or reset an account; a change of access ends its sessions. Audited. */
export function createUserUpdate(deps: {
  database: Database;
  areas: Pick<AreasService, 'pathOf'>;
  agencies?: Pick<AgenciesService, 'byCode'> | undefined;
  /** Told at once when the account changed, so this server stops serving what it kept of it. */
  bus?: Pick<ChangeBus, 'publishHere'> | undefined;
}) {
  const { database, areas } = deps;
  const db = database.db;
  /** Edit, disable/enable, or reset the password (the user must change it at next sign-in). */
  return async function update(actor: Actor, id: number, body: PatchUserBody): Promise<UserOut> {
    const before = await loadUser(db, actor, id);
    const role = body.role ?? (before.role as Role);
    const areaCode = body.areaCode ?? before.area_code;
    if (body.role !== undefined || body.areaCode !== undefined) await checkArea(areas, actor, role, areaCode);
    if (body.agencyCode) {
      const area = await areas.pathOf(areaCode);
      await checkAgency(deps.agencies, area?.path ?? '', body.agencyCode);
    }
    if (actor.userId === id && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))) {
      throw errors.badRequest(
        'SELF_LOCKOUT',
        'Bạn không thể tự khoá hoặc tự bỏ quyền quản trị của mình. Nhờ một quản trị khác làm việc này.',
      );
    }
    const hash = body.password ? await hashPassword(body.password) : undefined;
    await inTransaction(database, actor, async (trx, audit) => {
      const set = {
        ...(body.fullName !== undefined ? { full_name: body.fullName, full_name_key: searchKey(body.fullName) } : {}),
        ...(body.role !== undefined ? { role: body.role } : {}),
        ...(body.areaCode !== undefined ? { area_code: body.areaCode } : {}),
        ...(body.agencyCode !== undefined ? { agency_code: body.agencyCode } : {}),
        ...(body.disabled !== undefined ? { disabled: body.disabled ? 1 : 0 } : {}),
        ...(hash ? { password_hash: hash, must_change_password: 1 } : {}),
        updated_at: nowIso(),
      };
      await usersRepo.update(trx, id, set);
      // A disabled account, a reset password or a new role/area ends the user's sessions.
      if (
        body.disabled ||
        hash ||
        body.role !== undefined ||
        body.areaCode !== undefined ||
        body.agencyCode !== undefined
      )
        await usersRepo.deleteSessions(trx, id);
      const after = { ...before, ...set };
      await audit({
        action: hash
          ? 'users.password.reset'
          : body.disabled !== undefined
            ? body.disabled
              ? 'users.disable'
              : 'users.enable'
            : 'users.update',
        entity: 'user',
        entityId: id,
        areaCode: areaCode,
        before: auditView(before),
        after: { ...auditView(after), ...(hash ? { passwordReset: true } : {}) },
      });
    });
    // Other servers are told by the database itself (migration 0039).
    deps.bus?.publishHere(SESSIONS_TOPIC);
    return presentUser((await usersRepo.findById(db, id))!);
  };
}
