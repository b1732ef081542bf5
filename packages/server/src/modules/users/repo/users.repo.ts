import { searchKey } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { UsersTable } from '../../../db/schema.js';

export interface UserFilter {
  q?: string | undefined;
  role?: string | undefined;
  areaCode?: string | undefined;
  disabled?: boolean | undefined;
}

const COLUMNS = [
  'u.id',
  'u.username',
  'u.full_name',
  'u.role',
  'u.area_code',
  'u.disabled',
  'u.created_at',
  'u.last_login_at',
  'u.agency_code',
  'a.name as area_name',
  'a.path as area_path',
] as const;

export type UserRecord = Awaited<ReturnType<typeof usersRepo.findById>> & object;

/** Accounts; every list is limited in SQL to areas under `scope` (a path LIKE pattern). */
export const usersRepo = {
  findById(db: Executor, id: number) {
    return db
      .selectFrom('users as u')
      .innerJoin('areas as a', 'a.code', 'u.area_code')
      .select([...COLUMNS, 'u.must_change_password'])
      .where('u.id', '=', id)
      .executeTakeFirst();
  },

  findByUsername(db: Executor, username: string) {
    return db.selectFrom('users').select(['id']).where('username', '=', username).executeTakeFirst();
  },

  async list(db: Executor, scope: string | null, f: UserFilter, page: number, pageSize: number) {
    let q = db.selectFrom('users as u').innerJoin('areas as a', 'a.code', 'u.area_code');
    if (scope) q = q.where('a.path', 'like', scope);
    if (f.role) q = q.where('u.role', '=', f.role);
    if (f.areaCode) q = q.where('u.area_code', '=', f.areaCode);
    if (f.disabled !== undefined) q = q.where('u.disabled', '=', f.disabled ? 1 : 0);
    if (f.q) {
      const like = `%${f.q.toLowerCase()}%`;
      const key = `%${searchKey(f.q)}%`;
      q = q.where((eb) =>
        eb.or([eb('u.username', 'like', like), eb('a.name_key', 'like', key), eb('u.full_name_key', 'like', key)]),
      );
    }
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await q
      .select([...COLUMNS])
      .orderBy('a.path')
      .orderBy('u.username')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { total: Number(total.n), items };
  },

  async insert(db: Executor, row: Omit<UsersTable, 'id'>): Promise<number> {
    const r = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  async update(db: Executor, id: number, set: Partial<Omit<UsersTable, 'id'>>): Promise<void> {
    await db.updateTable('users').set(set).where('id', '=', id).execute();
  },

  async deleteSessions(db: Executor, userId: number): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },

  async count(db: Executor): Promise<number> {
    const r = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
