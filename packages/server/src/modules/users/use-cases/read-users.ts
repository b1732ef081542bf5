import type { UserOut, UserPage, UsersQuery } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { scopePattern } from '../../../platform/authz.js';
import { usersPolicy } from '../users.policy.js';
import { presentUser } from '../users.presenter.js';
import { usersRepo } from '../repo/users.repo.js';
import { loadUser } from './accounts.js';

/** Listing and reading accounts, limited in SQL to the administrator's area. */
export function createUserReads(deps: { database: Database }) {
  const db = deps.database.db;
  return {
    async list(actor: Actor, q: UsersQuery): Promise<UserPage> {
      usersPolicy.guard(actor, 'manage');
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
      return presentUser(await loadUser(db, actor, id));
    },

    count: () => usersRepo.count(db),
  };
}
