import type { Executor } from '../../../db/database.js';
import type { ProgramRow, ProgramRuleRow } from './types.js';
import { ofAgency } from '../../../db/agency-sql.js';

type NewProgram = Omit<ProgramRow, 'id'>;
type NewRule = Omit<ProgramRuleRow, 'id'>;

/** SQL of the catalogue: programs and their effective-dated rules. */
export const programsRepo = {
  async byId(ex: Executor, id: number): Promise<ProgramRow | undefined> {
    return ex.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Programs, newest first, of one province (null: every province, for the system) and of one
   * agency (with those of no agency; null: every agency).
   */
  async list(ex: Executor, provinceCode: string | null, agencyCode: string | null = null): Promise<ProgramRow[]> {
    return ex
      .selectFrom('programs')
      .selectAll()
      .$if(provinceCode !== null, (q) => q.where('province_code', '=', provinceCode!))
      .$if(agencyCode !== null, (q) => q.where(ofAgency('agency_code', agencyCode!)))
      .orderBy('ref_date', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },

  /** Rules of the given programs, oldest first. */
  async rulesOf(ex: Executor, programIds: number[]): Promise<ProgramRuleRow[]> {
    if (programIds.length === 0) return [];
    return ex
      .selectFrom('program_rules')
      .selectAll()
      .where('program_id', 'in', programIds)
      .orderBy('valid_from')
      .orderBy('id')
      .execute();
  },

  /** The rule of a program in force on a date. */
  async ruleOn(ex: Executor, programId: number, date: string): Promise<ProgramRuleRow | undefined> {
    return ex
      .selectFrom('program_rules')
      .selectAll()
      .where('program_id', '=', programId)
      .where('valid_from', '<=', date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
      .orderBy('valid_from', 'desc')
      .executeTakeFirst();
  },

  async insert(ex: Executor, row: NewProgram): Promise<number> {
    const r = await ex.insertInto('programs').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  async insertRule(ex: Executor, row: NewRule): Promise<void> {
    await ex.insertInto('program_rules').values(row).execute();
  },

  /** End the open rule that began before `validFrom` on `validTo`. */
  async closeOpenRule(ex: Executor, programId: number, validFrom: string, validTo: string): Promise<void> {
    await ex
      .updateTable('program_rules')
      .set({ valid_to: validTo })
      .where('program_id', '=', programId)
      .where('valid_to', 'is', null)
      .where('valid_from', '<', validFrom)
      .execute();
  },
};
