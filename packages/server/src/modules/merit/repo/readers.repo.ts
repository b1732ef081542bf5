import type { Executor } from '../../../db/database.js';

/**
 * The one declared reader of other modules' tables: registry persons (name, area codes, whether
 * alive), their meritorious statuses and their open procedure dossiers (dossiers module). Statuses are changed only through the registry service.
 */
export const meritReaders = {
  async person(db: Executor, id: number) {
    return db
      .selectFrom('persons')
      .select(['id', 'full_name', 'province_code', 'district_code', 'commune_code', 'deceased_on', 'merged_into_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  },
  /** The person's current meritorious statuses (registry kind `meritorious`). */
  async meritoriousStatuses(db: Executor, personId: number) {
    return db
      .selectFrom('statuses')
      .select(['id', 'category', 'degree', 'valid_from', 'valid_to', 'decision_no'])
      .where('person_id', '=', personId)
      .where('kind', '=', 'meritorious')
      .where('valid_to', 'is', null)
      .execute();
  },
  /** Open procedure dossiers of the person in the dossiers module (read-only count). */
  async openDossiers(db: Executor, personId: number): Promise<number> {
    const r = await db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', personId)
      .where('state', 'in', ['processing', 'supplement'])
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  /** A procedure dossier with its procedure's field (a merit dossier is of the field "Người có công"). */
  async dossier(db: Executor, id: number) {
    return db
      .selectFrom('dossiers as d')
      .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
      .select(['d.id', 'd.code', 'd.person_id', 'd.province_code', 'd.state', 'p.field', 'p.code as procedure_code'])
      .where('d.id', '=', id)
      .executeTakeFirst();
  },
  async areaNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
    const uniq = [...new Set(codes.filter(Boolean))];
    if (!uniq.length) return new Map();
    const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', uniq).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },
};
