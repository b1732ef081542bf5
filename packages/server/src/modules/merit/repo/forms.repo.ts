import type { Executor } from '../../../db/database.js';

/** What the printed forms read beyond the rows the use cases already load. */
export const formsRepo = {
  extract(db: Executor, recordId: number, extractId: number) {
    return db
      .selectFrom('merit_extracts')
      .selectAll()
      .where('id', '=', extractId)
      .where('record_id', '=', recordId)
      .executeTakeFirst();
  },
  /** The graves of a cemetery with their martyrs, in position order (Mẫu 84). */
  cemeteryGraves(db: Executor, cemeteryId: number) {
    return db
      .selectFrom('merit_graves as g')
      .leftJoin('merit_martyrs as m', 'm.id', 'g.martyr_id')
      .select([
        'g.id',
        'g.position',
        'g.identified',
        'g.mass_grave',
        'm.full_name',
        'm.hometown',
        'm.birth_year',
        'm.death_date',
        'm.death_year',
        'm.unit',
      ])
      .where('g.cemetery_id', '=', cemeteryId)
      .orderBy('g.position')
      .orderBy('g.id')
      .execute();
  },
  /** The samples taken from one intake's remains, in code order (Mẫu 81/82). */
  intakeSamples(db: Executor, intakeId: number) {
    return db
      .selectFrom('merit_dna_samples')
      .select(['id', 'code', 'taken_on', 'grave_id'])
      .where('intake_id', '=', intakeId)
      .orderBy('code')
      .execute();
  },
};
