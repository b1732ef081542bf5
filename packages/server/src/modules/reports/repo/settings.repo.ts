import type { Executor } from '../../../db/database.js';

/**
 * Settings of one province (`province_settings`, migration 0008), and the two reads of shared
 * tables the module needs: the names of areas, and the demo province (for the system actor).
 */
export const settingsRepo = {
  async get(db: Executor, provinceCode: string, key: string): Promise<unknown> {
    const r = await db
      .selectFrom('province_settings')
      .select('value_json')
      .where('province_code', '=', provinceCode)
      .where('key', '=', key)
      .executeTakeFirst();
    return r ? (JSON.parse(r.value_json) as unknown) : undefined;
  },
  async put(db: Executor, provinceCode: string, key: string, value: unknown, at: string): Promise<void> {
    const json = JSON.stringify(value);
    const r = await db
      .updateTable('province_settings')
      .set({ value_json: json, updated_at: at })
      .where('province_code', '=', provinceCode)
      .where('key', '=', key)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      await db
        .insertInto('province_settings')
        .values({ province_code: provinceCode, key, value_json: json, updated_at: at })
        .execute();
  },
  /** The province the demo was seeded for (the `demo` setting), if any. */
  async demoProvince(db: Executor): Promise<string | undefined> {
    const r = await db.selectFrom('settings').select('value_json').where('key', '=', 'demo').executeTakeFirst();
    if (!r) return undefined;
    return (JSON.parse(r.value_json) as { province?: string }).province;
  },
  areaNames(db: Executor, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([] as { code: string; name: string }[]);
    return db.selectFrom('areas').select(['code', 'name']).where('code', 'in', codes).execute();
  },
};
