import type { Executor } from '../../../db/database.js';

/** The module's one reader of the areas tree (owned by the areas module). */
export const areasReader = {
  async byCode(ex: Executor, code: string) {
    return ex
      .selectFrom('areas')
      .select(['code', 'name', 'level', 'path', 'parent_code'])
      .where('code', '=', code)
      .executeTakeFirst();
  },

  /** Communes under an area path (the area itself when it is a commune). */
  async communesUnder(ex: Executor, path: string) {
    return ex
      .selectFrom('areas')
      .select(['code', 'name', 'parent_code', 'path'])
      .where('level', '=', 3)
      .where('path', 'like', `${path}%`)
      .orderBy('code')
      .execute();
  },

  async children(ex: Executor, parentCode: string) {
    return ex
      .selectFrom('areas')
      .select(['code', 'name', 'path', 'level'])
      .where('parent_code', '=', parentCode)
      .orderBy('code')
      .execute();
  },

  async names(ex: Executor, codes: string[]): Promise<Map<string, string>> {
    const rows = await ex
      .selectFrom('areas')
      .select(['code', 'name'])
      .where('code', 'in', codes.concat(['__']))
      .execute();
    return new Map(rows.map((a) => [a.code, a.name]));
  },

  async hasDistricts(ex: Executor, provinceCode: string): Promise<boolean> {
    const r = await ex
      .selectFrom('areas')
      .select('code')
      .where('parent_code', '=', provinceCode)
      .where('level', '=', 2)
      .limit(1)
      .executeTakeFirst();
    return !!r;
  },
};
