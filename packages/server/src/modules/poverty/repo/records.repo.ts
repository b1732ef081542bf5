import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type {
  PovertyMeetingsTable,
  PovertyObjectionsTable,
  PovertyPostingsTable,
  PovertyRecognitionsTable,
  PovertySurveysTable,
} from '../../../db/schema-poverty.js';

export type RecognitionRow = Selectable<PovertyRecognitionsTable>;

/** Surveys, village meetings, postings with their objections, recognition decisions. */
export const recordsRepo = {
  async insertSurvey(db: Executor, row: Insertable<PovertySurveysTable>): Promise<number> {
    const r = await db.insertInto('poverty_surveys').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },

  async insertMeeting(db: Executor, row: Insertable<PovertyMeetingsTable>): Promise<number> {
    const r = await db.insertInto('poverty_meetings').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },

  async insertPosting(db: Executor, row: Insertable<PovertyPostingsTable>): Promise<number> {
    const r = await db.insertInto('poverty_postings').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },

  async insertObjections(db: Executor, rows: readonly Insertable<PovertyObjectionsTable>[]): Promise<void> {
    if (rows.length) await db.insertInto('poverty_objections').values(rows).execute();
  },

  /** Cases of the campaign with an objection not yet answered. */
  async openObjections(db: Executor, campaignId: number): Promise<number[]> {
    const rows = await db
      .selectFrom('poverty_objections as o')
      .innerJoin('poverty_cases as c', 'c.id', 'o.case_id')
      .select('o.case_id')
      .distinct()
      .where('c.campaign_id', '=', campaignId)
      .where('o.answer', 'is', null)
      .execute();
    return rows.map((r) => Number(r.case_id));
  },

  async insertRecognition(db: Executor, row: Insertable<PovertyRecognitionsTable>): Promise<number> {
    const r = await db.insertInto('poverty_recognitions').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },

  async recognitionOf(db: Executor, campaignId: number): Promise<RecognitionRow | undefined> {
    const r = await db
      .selectFrom('poverty_recognitions')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return r ? { ...r, id: Number(r.id) } : undefined;
  },

  async recognitionsOf(db: Executor, campaignIds: readonly number[]): Promise<Map<number, RecognitionRow>> {
    if (!campaignIds.length) return new Map();
    const rows = await db
      .selectFrom('poverty_recognitions')
      .selectAll()
      .where('campaign_id', 'in', campaignIds)
      .execute();
    return new Map(rows.map((r) => [Number(r.campaign_id), { ...r, id: Number(r.id) }]));
  },

  async setRecognitionState(db: Executor, id: number, state: string): Promise<void> {
    await db.updateTable('poverty_recognitions').set({ state }).where('id', '=', id).execute();
  },

  async findObjection(db: Executor, id: number): Promise<Selectable<PovertyObjectionsTable> | undefined> {
    const r = await db.selectFrom('poverty_objections').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { ...r, id: Number(r.id), case_id: Number(r.case_id), posting_id: Number(r.posting_id) } : undefined;
  },

  async answerObjection(db: Executor, id: number, answer: string): Promise<void> {
    await db.updateTable('poverty_objections').set({ answer }).where('id', '=', id).execute();
  },
};
