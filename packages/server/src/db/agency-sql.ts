import { sql, type RawBuilder } from 'kysely';

/**
 * The SQL condition of the agency scope (docs/modules/agencies.md): a row of the actor's agency,
 * or of no agency, which every agency of the province sees. `column` names the row's agency code
 * column as the query calls it (`agency_code`, `g.agency_code`); repositories add it only when the
 * actor has an agency (`agencyScope(actor)` is not null).
 */
export function ofAgency(column: string, agency: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(column)} = ${agency} or ${sql.ref(column)} is null)`;
}
