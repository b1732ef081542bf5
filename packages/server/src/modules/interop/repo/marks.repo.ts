import type { Executor } from '../../../db/database.js';

/** How far a periodic sweep got, shared by every app server (migration 0034, `cluster_marks`). */
export const marksRepo = {
  /**
   * Move the mark `name` to `now` and answer where it was, if this caller moved it: a
   * compare-and-set, so of two servers sweeping at once one gets the window and the other null.
   * The first call only sets the mark (null).
   */
  async advance(db: Executor, name: string, now: string): Promise<string | null> {
    const cur = await db.selectFrom('cluster_marks').select('at').where('name', '=', name).executeTakeFirst();
    if (!cur) {
      await db
        .insertInto('cluster_marks')
        .values({ name, at: now })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      return null;
    }
    if (cur.at >= now) return null;
    const moved = await db
      .updateTable('cluster_marks')
      .set({ at: now })
      .where('name', '=', name)
      .where('at', '=', cur.at)
      .returning('name')
      .executeTakeFirst();
    return moved ? cur.at : null;
  },
};
