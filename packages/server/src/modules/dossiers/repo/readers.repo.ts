import type { Executor } from '../../../db/database.js';

/**
 * The one declared reader of other modules' tables: area names and levels (areas) and the area
 * codes of a person in the registry (persons).
 */
export const readersRepo = {
  async areaNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
    const uniq = [...new Set(codes.filter(Boolean))];
    if (!uniq.length) return new Map();
    const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', uniq).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },

  /** The full names of accounts, by username (for receipts and timelines: people, not usernames). */
  async userNames(db: Executor, usernames: (string | null)[]): Promise<Map<string, string>> {
    const uniq = [...new Set(usernames.filter((u): u is string => !!u))];
    if (!uniq.length) return new Map();
    const rows = await db.selectFrom('users').select(['username', 'full_name']).where('username', 'in', uniq).execute();
    return new Map(rows.map((r) => [r.username, r.full_name]));
  },

  async areaLevel(db: Executor, code: string): Promise<number | null> {
    const r = await db.selectFrom('areas').select('level').where('code', '=', code).executeTakeFirst();
    return r?.level ?? null;
  },
  /** A person's area codes, to check they live in the actor's area. */
  async personCodes(db: Executor, id: number) {
    return db
      .selectFrom('persons')
      .select(['id', 'commune_code', 'province_code', 'district_code'])
      .where('id', '=', id)
      .executeTakeFirst();
  },
};
