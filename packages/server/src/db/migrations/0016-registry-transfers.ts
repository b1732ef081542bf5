import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { columnTypes, notNull } from './helpers.js';

/**
 * Transfer requests (yêu cầu chuyển đến, docs/legal/identity.md, "No ID oracle across areas"): an officer asks the commune
 * holding a citizen ID to hand the person over. The area columns are the HOLDING commune's (its
 * officers see and decide the request through the usual scope); `to_*` is the requester's.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await t
    .id(db.schema.createTable('registry_transfer_requests'))
    .addColumn('province_code', 'text', notNull)
    .addColumn('district_code', 'text')
    .addColumn('commune_code', 'text', notNull)
    .addColumn('person_id', t.ref, (c) => c.notNull().references('persons.id'))
    .addColumn('citizen_id', 'text', notNull)
    .addColumn('to_province_code', 'text', notNull)
    .addColumn('to_district_code', 'text')
    .addColumn('to_commune_code', 'text', notNull)
    .addColumn('note', 'text')
    /** pending | accepted | refused */
    .addColumn('state', 'text', notNull)
    .addColumn('requested_by', 'text', notNull)
    .addColumn('requested_at', t.instant, notNull)
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', t.instant)
    .addColumn('refusal_reason', 'text')
    .execute();
  await db.schema
    .createIndex('registry_transfer_requests_holder_idx')
    .on('registry_transfer_requests')
    .columns(['commune_code', 'state'])
    .execute();
  await db.schema
    .createIndex('registry_transfer_requests_to_idx')
    .on('registry_transfer_requests')
    .columns(['to_commune_code', 'state'])
    .execute();
  await db.schema
    .createIndex('registry_transfer_requests_district_idx')
    .on('registry_transfer_requests')
    .columns(['district_code'])
    .execute();
  await db.schema
    .createIndex('registry_transfer_requests_to_district_idx')
    .on('registry_transfer_requests')
    .columns(['to_district_code'])
    .execute();
}
