import { searchKey, type CreateUserBody, type UserOut } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { hashPassword } from '../../../platform/passwords.js';
import type { AgenciesService } from '../../agencies/index.js';
import type { AreasService } from '../../areas/index.js';
import { usersPolicy } from '../users.policy.js';
import { presentUser } from '../users.presenter.js';
import { usersRepo } from '../repo/users.repo.js';
import { auditView, checkAgency, checkArea } from './accounts.js';

/** Create an account (an administrator, inside their area); audited. */
export function createUserCreate(deps: {
  database: Database;
  areas: Pick<AreasService, 'pathOf'>;
  agencies?: Pick<AgenciesService, 'byCode'> | undefined;
}) {
  const { database, areas } = deps;
  const db = database.db;
  /** Create an account; the user must choose their own password at first sign-in. */
  return async function create(
    actor: Actor,
    body: CreateUserBody,
    opts: { isDemo?: boolean; mustChangePassword?: boolean; passwordHash?: string } = {},
  ): Promise<UserOut> {
    usersPolicy.guard(actor, 'manage');
    const area = await checkArea(areas, actor, body.role, body.areaCode);
    await checkAgency(deps.agencies, area.path, body.agencyCode);
    const username = body.username.toLowerCase();
    if (await usersRepo.findByUsername(db, username)) {
      throw errors.conflict('USERNAME_TAKEN', `Tên đăng nhập "${username}" đã có người dùng. Chọn tên khác.`, [
        { path: 'body.username', message: 'Tên đăng nhập đã có người dùng.' },
      ]);
    }
    const hash = opts.passwordHash ?? (await hashPassword(body.password));
    const at = nowIso();
    const taken = () =>
      errors.conflict('USERNAME_TAKEN', `Tên đăng nhập "${username}" đã có người dùng. Chọn tên khác.`, [
        { path: 'body.username', message: 'Tên đăng nhập đã có người dùng.' },
      ]);
    // Two admins creating the same name at once: the unique index decides, and the loser gets 409.
    const id = await inTransaction(database, actor, async (trx, audit) => {
      const row = {
        username,
        password_hash: hash,
        full_name: body.fullName,
        role: body.role,
        area_code: body.areaCode,
        agency_code: body.agencyCode ?? null,
        disabled: 0,
        must_change_password: opts.mustChangePassword === false ? 0 : 1,
        is_demo: opts.isDemo ? 1 : 0,
        created_at: at,
        updated_at: at,
        last_login_at: null,
      };
      const newId = await usersRepo.insert(trx, { ...row, full_name_key: searchKey(body.fullName) });
      await audit({
        action: 'users.create',
        entity: 'user',
        entityId: newId,
        areaCode: body.areaCode,
        after: auditView(row),
      });
      return newId;
    }).catch((err: unknown) => {
      throw isUniqueViolation(err) ? taken() : err;
    });
    return presentUser((await usersRepo.findById(db, id))!);
  };
}
