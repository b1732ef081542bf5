import type { Executor } from '../../../db/database.js';

/** Reads of the area tree (platform data): a commune's path and the districts of a province. */
export const areasRepo = {
  area(ex: Executor, code: string) {
    return ex.selectFrom('areas').select(['code', 'name', 'path', 'level']).where('code', '=', code).executeTakeFirst();
  },
  /** Every commune under a path ('/70/'), code -> path, for imports. */
  async communesUnder(ex: Executor, pathPrefix: string | null): Promise<Map<string, string>> {
    let q = ex.selectFrom('areas').select(['code', 'path']).where('level', '=', 3);
    if (pathPrefix) q = q.where('path', 'like', `${pathPrefix}%`);
    return new Map((await q.execute()).map((r) => [r.code, r.path]));
  },
  children(ex: Executor, parent: string) {
    return ex.selectFrom('areas').select(['code', 'name']).where('parent_code', '=', parent).orderBy('code').execute();
  },
};
