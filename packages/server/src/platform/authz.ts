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

/** A row's area codes, as the registry and everything that points at it stores them. */
export interface AreaCodes {
  province_code: string;
  district_code: string | null;
  commune_code: string;
}

/**
 * Where a record lives, in one of the three ways AnSinh's tables record it: an area path
 * ('/70/689/25213/'), the three area codes of a registry-like row, or only a province code (the
 * catalogues: programs, procedures, templates, plans belong to a whole province).
 */
export type RecordArea = ({ areaPath: string | null } | AreaCodes | { provinceCode: string | null }) & {
  /** The agency a record belongs to (programs, procedures, reports); null or absent: every agency. */
  agencyCode?: string | null;
};

/**
 * Whether a record of an agency is the actor's: an actor of one agency does not see another
 * agency's programs, procedures and reports (docs/modules/agencies.md). An actor without an agency,
 * and a record without one, see and are seen by the whole province.
 */
export function agencyInScope(actor: Actor, recordAgency: string | null | undefined): boolean {
  return actor.kind === 'system' || !actor.agencyCode || !recordAgency || recordAgency === actor.agencyCode;
}

/** The agency a list is limited to in SQL (`agency_code = ? or agency_code is null`), or null for all. */
export function agencyScope(actor: Actor): string | null {
  return actor.kind === 'system' ? null : (actor.agencyCode ?? null);
}

/** The actor's province code (the first segment of their area path), or null for none. */
export function provinceOf(actor: Actor): string | null {
  if (!actor.areaPath) return null;
  return actor.areaPath.split('/').find(Boolean) ?? null;
}

/**
 * Whether a record is inside the actor's area. Fails closed: an actor without a resolvable
 * home area is inside nothing (only the system actor sees everything).
 */
export function recordInScope(actor: Actor, record: RecordArea): boolean {
  if (actor.kind === 'system') return true;
  if (!actor.areaPath || !actor.areaCode) return false;
  if (!agencyInScope(actor, record.agencyCode)) return false;
  if ('areaPath' in record) return !!record.areaPath && record.areaPath.startsWith(actor.areaPath);
  if ('provinceCode' in record) return !!record.provinceCode && record.provinceCode === provinceOf(actor);
  const s = areaColumnScope(actor);
  return !!s && record[s.column] === s.code;
}

/**
 * A rule about one record beyond the role table: `true` allows; `false` refuses with the
 * module's usual 403; a string refuses with that message (it tells the user what to do). Rules
 * see a record already known to be inside the actor's area.
 */
export type RecordRule<R> = (actor: Actor, record: R) => boolean | string;

/**
 * A module's permissions, after Outline's policies: the role table (role x action) and the record
 * rules (which level a step belongs to, supervisors read published lists only ...), answered by
 * one `guard(actor, action, record?)` that refuses by default:
 *
 * 1. the system actor may do anything;
 * 2. a record outside the actor's area answers 404, so its existence does not leak;
 * 3. a role not in the action's row answers 403;
 * 4. a record rule for the action, if any, must allow it (403 with its message otherwise);
 * 5. an action with a record rule called without a record is refused.
 *
 * The same table ships to the client as abilities, to hide buttons (`abilities`).
 */
export function definePolicy<A extends string, R extends RecordArea = RecordArea>(
  module: string,
  table: PolicyTable<A>,
  rules: Partial<Record<A, RecordRule<R>>> = {},
) {
  const can = (actor: Actor, action: A): boolean =>
    actor.kind === 'system' ||
    (actor.role !== 'system' && Object.hasOwn(table, action) && table[action].includes(actor.role));

  function guard(actor: Actor, action: A, record?: R, what?: string): void {
    if (actor.kind === 'system') return;
    if (record !== undefined && !recordInScope(actor, record)) throw errors.notFound(what);
    if (!can(actor, action)) throw errors.forbidden();
    const rule = rules[action];
    if (!rule) return;
    if (record === undefined) throw errors.forbidden();
    const verdict = rule(actor, record);
    if (verdict === true) return;
    throw typeof verdict === 'string' ? errors.forbidden(verdict) : errors.forbidden();
  }

  /** Whether `guard` would let the action through (for abilities on one record, e.g. buttons). */
  function allows(actor: Actor, action: A, record?: R): boolean {
    try {
      guard(actor, action, record);
      return true;
    } catch {
      return false;
    }
  }

  return {
    module,
    table,
    can,
    guard,
    allows,
    /** @deprecated use `guard(actor, action, record)`. */
    authorize(actor: Actor, action: A, record: { areaPath: string | null }, what?: string): void {
      if (!inScope(actor, record.areaPath)) throw errors.notFound(what);
      if (!can(actor, action)) throw errors.forbidden();
    },
    /** @deprecated use `guard(actor, action)`. */
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

/** @deprecated use `recordInScope` (or the module policy's `guard`). */
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

/**
 * For catalogue tables (programs, procedures, templates, plans: one province's data, with a
 * `province_code` column): the province a query is limited to, or null for the system actor. An
 * actor without a resolvable area is limited to a province that does not exist.
 */
export function provinceScope(actor: Actor): string | null {
  if (actor.kind === 'system') return null;
  return provinceOf(actor) ?? '__nothing__';
}
