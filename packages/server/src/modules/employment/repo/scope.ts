import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope, provinceScope } from '../../../platform/authz.js';

/**
 * The SQL condition that limits a query to the actor's area: one indexed equality on the area
 * code column of `alias` (tables with commune codes), or on province_code for the province-wide
 * records (fairs, courses, employers, vacancies). The system actor sees everything.
 */
export function inArea(actor: Actor, alias: string): Expression<SqlBool> {
  const s = areaColumnScope(actor);
  return s ? sql<SqlBool>`${sql.ref(`${alias}.${s.column}`)} = ${s.code}` : sql<SqlBool>`1 = 1`;
}

export function inProvince(actor: Actor, alias: string): Expression<SqlBool> {
  const p = provinceScope(actor);
  return p ? sql<SqlBool>`${sql.ref(`${alias}.province_code`)} = ${p}` : sql<SqlBool>`1 = 1`;
}
