import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The denunciation check extension and letters of the same content (docs/modules/petitions.md):
 * - a letter records when its 7-working-day check was extended (to at most 10, Luật Tố cáo 2018
 *   Art. 24) and why; the case opened from it keeps the extended acceptance clock;
 * - a letter may name the earlier letter of the same content (đơn trùng nội dung), so that a
 *   denunciation is transferred once per content, not once per letter (TT 05/2021/TT-TTCP Art. 14).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('petition_letters').addColumn('check_extended_date', 'text').execute();
  await db.schema.alterTable('petition_letters').addColumn('check_extension_reason', 'text').execute();
  await db.schema.alterTable('petition_letters').addColumn('same_content_of', 'integer').execute();
  await db.schema
    .alterTable('petition_cases')
    .addColumn('check_extended', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('petition_letters_same_content_idx')
    .on('petition_letters')
    .column('same_content_of')
    .execute();
}
