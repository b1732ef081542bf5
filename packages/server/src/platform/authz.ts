import type { Role } from '@ansinh/domain';
import type { Actor } from './actor.js';
import { errors } from './errors.js';

/**
 * An actor sees their home area and everything below it. Area paths look like '/70/689/25210/',
 * so "inside" is a prefix test here and a `LIKE '/70/689/%'` in SQL (paths hold only digits and
 * slashes: nothing to escape).
 */
export function inScope(actor: Actor, areaPath: string | null | undefined): boolean {
  if (actor.kind === 'system') return true;
  if (!actor.areaPath || !areaPath) return false;
  return areaPath.startsWith(actor.areaPath);
}

/** The LIKE pattern that limits a query to the actor's area, or null for the system actor. */
export function scopePattern(actor: Actor): string | null {
  if (actor.kind === 'system') return null;
  // A user without a resolvable home area sees nothing rather than everything.
  return actor.areaPath ? `${actor.areaPath}%` : '/__nothing__/';
}

export type PolicyTable<A extends string> = Readonly<Record<A, readonly Role[]>>;

/**
 * A module's permissions as a readable table (role x action), after Outline's policies. The
 * area scope is separate: `authorize` answers 404 for a record outside the actor's area (so its
 * existence does not leak) and 403 for one inside it that the role may not touch.
 */
export function definePolicy<A extends string>(module: string, table: PolicyTable<A>) {
  const can = (actor: Actor, action: A): boolean =>
    actor.kind === 'system' || (actor.role !== 'system' && table[action].includes(actor.role));
  return {
    module,
    table,
    can,
    /** For an action on a loaded record with its area path; throws 404 or 403. */
    authorize(actor: Actor, action: A, record: { areaPath: string | null }, what?: string): void {
      if (!inScope(actor, record.areaPath)) throw errors.notFound(what);
      if (!can(actor, action)) throw errors.forbidden();
    },
    /** For actions without a record (list, create): throws 403. */
    assert(actor: Actor, action: A): void {
      if (!can(actor, action)) throw errors.forbidden();
    },
    /** The actions this actor may take: shipped to the client to hide buttons. */
    abilities(actor: Actor): A[] {
      return (Object.keys(table) as A[]).filter((a) => can(actor, a));
    },
  };
}

export type Policy<A extends string> = ReturnType<typeof definePolicy<A>>;

/** The column of a record's area codes that the actor's home area fixes. */
export type AreaColumn = 'province_code' | 'district_code' | 'commune_code';

/**
 * For tables that carry province, district and commune codes on every row (the registry and
 * everything that points at it): the one indexed equality that limits a query to the actor's
 * area, or null for the system actor.
 */
export function areaColumnScope(actor: Actor): { column: AreaColumn; code: string } | null {
  if (actor.kind === 'system') return null;
  const column: AreaColumn =
    actor.areaLevel === 1 ? 'province_code' : actor.areaLevel === 2 ? 'district_code' : 'commune_code';
  return { column, code: actor.areaCode ?? '__nothing__' };
}

/** Whether a record with these codes is inside the actor's area. */
export function codesInScope(
  actor: Actor,
  rec: { province_code: string; district_code: string | null; commune_code: string },
): boolean {
  const s = areaColumnScope(actor);
  return !s || rec[s.column] === s.code;
}

/**
 * The codes a record of a commune carries, read from the commune's path: '/70/689/25213/' (three
 * levels) or '/98/98001/' (two levels, after the 2025 reform: no district).
 */
export function codesOfCommune(
  code: string,
  path: string,
): { province_code: string; district_code: string | null; commune_code: string } {
  const parts = path.split('/').filter(Boolean);
  return { province_code: parts[0]!, district_code: parts.length === 3 ? parts[1]! : null, commune_code: code };
}
