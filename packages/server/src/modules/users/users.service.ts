import {
  ROLE_LABELS,
  searchKey,
  type CreateUserBody,
  type PatchUserBody,
  type Role,
  type UserOut,
  type UserPage,
  type UsersQuery,
} from '@ansinh/domain';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import { scopePattern } from '../../platform/authz.js';
import { inTransaction, nowIso } from '../../platform/context.js';
import { errors, isUniqueViolation } from '../../platform/errors.js';
import { hashPassword } from '../../platform/passwords.js';
import type { AreasService } from '../areas/index.js';
import { usersPolicy } from './users.policy.js';
import { presentUser } from './users.presenter.js';
import { usersRepo } from './users.repo.js';

/** The area level each role works at (null: any level). */
const ROLE_LEVEL: Record<Role, number | null> = {
  admin: 1,
  province_leader: 1,
  province_officer: 1,
  inspector: 1,
  district_officer: 2,
  commune_officer: 3,
  supervisor: null,
  employment_centre: 1,
};
const LEVEL_NAMES: Record<number, string> = { 1: 'tỉnh', 2: 'huyện', 3: 'xã' };

/** What an auditor needs to see of an account: never the password hash. */
const auditView = (u: { username: string; full_name: string; role: string; area_code: string; disabled: number }) => ({
  username: u.username,
  fullName: u.full_name,
  role: u.role,
  areaCode: u.area_code,
  disabled: u.disabled === 1,
});

/** Accounts: an administrator creates, edits, disables and resets them within their area. */
export function createUsersService(deps: { database: Database; areas: Pick<AreasService, 'pathOf'> }) {
  const { database, areas } = deps;
  const db = database.db;

  async function checkArea(actor: Actor, role: Role, areaCode: string) {
    const area = await areas.pathOf(areaCode);
    if (!area)
      throw errors.validation([{ path: 'body.areaCode', message: `Không có đơn vị hành chính mã ${areaCode}.` }]);
    if (
      !usersPolicy.can(actor, 'manage') ||
      (actor.kind !== 'system' && !area.path.startsWith(actor.areaPath ?? '\u0000'))
    ) {
      throw errors.validation([
        { path: 'body.areaCode', message: `Đơn vị ${areaCode} nằm ngoài địa bàn bạn quản lý.` },
      ]);
    }
    const need = ROLE_LEVEL[role];
    if (need !== null && area.level !== need) {
      throw errors.validation([
        {
          path: 'body.areaCode',
          message: `Vai trò "${ROLE_LABELS[role].vi}" phải gắn với một đơn vị cấp ${LEVEL_NAMES[need]}; ${area.name} là cấp ${LEVEL_NAMES[area.level]}.`,
        },
      ]);
    }
    return area;
  }

  async function load(actor: Actor, id: number) {
    const row = await usersRepo.findById(db, id);
    if (!row) throw errors.notFound('Tài khoản');
    usersPolicy.authorize(actor, 'manage', { areaPath: row.area_path }, 'Tài khoản');
    return row;
  }

  return {
    policy: usersPolicy,

    async list(actor: Actor, q: UsersQuery): Promise<UserPage> {
      usersPolicy.assert(actor, 'manage');
      const { total, items } = await usersRepo.list(
        db,
        scopePattern(actor),
        {
          q: q.q,
          role: q.role,
          areaCode: q.areaCode,
          disabled: q.disabled === undefined ? undefined : q.disabled === 'true',
        },
        q.page,
        q.pageSize,
      );
      return { total, page: q.page, pageSize: q.pageSize, items: items.map(presentUser) };
    },

    async get(actor: Actor, id: number): Promise<UserOut> {
      return presentUser(await load(actor, id));
    },

    /** Create an account; the user must choose their own password at first sign-in. */
    async create(
      actor: Actor,
      body: CreateUserBody,
      opts: { isDemo?: boolean; mustChangePassword?: boolean; passwordHash?: string } = {},
    ): Promise<UserOut> {
      usersPolicy.assert(actor, 'manage');
      await checkArea(actor, body.role, body.areaCode);
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
    },

    /** Edit, disable/enable, or reset the password (the user must change it at next sign-in). */
    async update(actor: Actor, id: number, body: PatchUserBody): Promise<UserOut> {
      const before = await load(actor, id);
      const role = body.role ?? (before.role as Role);
      const areaCode = body.areaCode ?? before.area_code;
      if (body.role !== undefined || body.areaCode !== undefined) await checkArea(actor, role, areaCode);
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
          ...(body.disabled !== undefined ? { disabled: body.disabled ? 1 : 0 } : {}),
          ...(hash ? { password_hash: hash, must_change_password: 1 } : {}),
          updated_at: nowIso(),
        };
        await usersRepo.update(trx, id, set);
        // A disabled account, a reset password or a new role/area ends the user's sessions.
        if (body.disabled || hash || body.role !== undefined || body.areaCode !== undefined)
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
      return presentUser((await usersRepo.findById(db, id))!);
    },

    count: () => usersRepo.count(db),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
