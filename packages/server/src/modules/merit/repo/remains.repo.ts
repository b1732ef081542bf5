import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { MeritDnaSamplesTable, MeritRemainsIntakesTable } from '../../../db/schema-merit.js';
import type { Actor } from '../../../platform/actor.js';
import { provinceWhere } from './scope.js';

/** Remains received from search teams and DNA samples (NĐ 131/2021 Arts. 143–148). */
export const remainsRepo = {
  async insertIntake(db: Executor, row: Insertable<MeritRemainsIntakesTable>): Promise<number> {
    const r = await db.insertInto('merit_remains_intakes').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  intake(db: Executor, id: number) {
    return db.selectFrom('merit_remains_intakes').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async updateIntake(db: Executor, id: number, patch: Updateable<MeritRemainsIntakesTable>) {
    await db.updateTable('merit_remains_intakes').set(patch).where('id', '=', id).execute();
  },
  intakes(db: Executor, actor: Actor) {
    return db
      .selectFrom('merit_remains_intakes as i')
      .selectAll('i')
      .where(provinceWhere(actor, 'i'))
      .orderBy('i.received_on', 'desc')
      .limit(200)
      .execute();
  },
  async insertSample(db: Executor, row: Insertable<MeritDnaSamplesTable>): Promise<number> {
    const r = await db.insertInto('merit_dna_samples').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  sample(db: Executor, id: number) {
    return db.selectFrom('merit_dna_samples').selectAll().where('id', '=', id).executeTakeFirst();
  },
  sampleByCode(db: Executor, provinceCode: string, code: string) {
    return db
      .selectFrom('merit_dna_samples')
      .select(['id'])
      .where('province_code', '=', provinceCode)
      .where('code', '=', code)
      .executeTakeFirst();
  },
  samplesOfGrave(db: Executor, graveId: number) {
    return db.selectFrom('merit_dna_samples').select(['id', 'outcome']).where('grave_id', '=', graveId).execute();
  },
  async updateSample(db: Executor, id: number, patch: Updateable<MeritDnaSamplesTable>) {
    await db.updateTable('merit_dna_samples').set(patch).where('id', '=', id).execute();
  },
  /** Samples still moving (not returned), oldest first: the board. */
  openSamples(db: Executor, actor: Actor) {
    return db
      .selectFrom('merit_dna_samples as s')
      .selectAll('s')
      .where(provinceWhere(actor, 's'))
      .where('s.returned_on', 'is', null)
      .orderBy('s.received_on')
      .limit(500)
      .execute();
  },
};
