import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope, provinceScope } from '../../../platform/authz.js';

/**
 * The SQL scope of a merit table with area codes: the actor's own column equals their area code
 * (province rows for province actors, commune rows for commune actors); the system actor sees all.
 */
export function areaWhere(actor: Actor, alias: string): Expression<SqlBool> {
  const s = areaColumnScope(actor);
  if (!s) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(`${alias}.${s.column}`)} = ${s.code}`;
}

/** The scope of a province-level merit table (intakes, campaigns, transfers): the actor's province. */
export function provinceWhere(actor: Actor, alias: string): Expression<SqlBool> {
  const p = provinceScope(actor);
  if (p === null) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(`${alias}.province_code`)} = ${p}`;
}
