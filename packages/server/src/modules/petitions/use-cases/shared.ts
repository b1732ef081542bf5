import {
  clockState,
  defaultCalendar,
  officerText,
  todayInVietnam,
  type ClockInput,
  type ClockOut,
} from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { codesOfCommune, scopePattern } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import type { AreasService } from '../../areas/index.js';

/** What the petitions use cases need: the database and the area tree. */
export interface PetitionsDeps {
  readonly database: Database;
  readonly areas: Pick<AreasService, 'pathOf'>;
}

export interface AreaColumns {
  area_path: string;
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
}

/**
 * The area a new record belongs to: the one named, else the actor's home area. Its inside/outside
 * check is the policy's guard on `{ areaPath: area_path }`.
 */
export async function resolveArea(deps: PetitionsDeps, actor: Actor, areaCode?: string): Promise<AreaColumns> {
  const code = areaCode ?? actor.areaCode;
  if (!code) {
    throw errors.validation([{ path: 'body.areaCode', message: 'Chọn đơn vị hành chính của bản ghi.' }]);
  }
  const a = await deps.areas.pathOf(code);
  if (!a) throw errors.notFound('Đơn vị hành chính');
  const parts = a.path.split('/').filter(Boolean);
  if (a.level === 1) return { area_path: a.path, province_code: parts[0]!, district_code: null, commune_code: null };
  if (a.level === 2 && parts.length === 2) {
    return { area_path: a.path, province_code: parts[0]!, district_code: parts[1]!, commune_code: null };
  }
  return { area_path: a.path, ...codesOfCommune(code, a.path) };
}

/** The area code shown for a record: its commune, district or province. */
export const areaCodeOf = (r: AreaColumns): string => r.commune_code ?? r.district_code ?? r.province_code;

/** Today in Vietnam; tests and the bench may pass another "today". */
export const today = (): string => todayInVietnam();

/** Refuses a date after today (a letter cannot be received tomorrow). */
export function notFuture(date: string, path: string, label: string): void {
  if (date > today()) {
    throw errors.validation(
      [{ path, message: `${label} (${date}) ở sau ngày hôm nay; kiểm tra lại ngày.` }],
      `${label} không được sau ngày hôm nay. Kiểm tra lại ngày rồi gửi lại.`,
    );
  }
}

/** The SQL scope (LIKE pattern on area_path) of the actor's lists. */
export const scopeOf = (actor: Actor): string | null => scopePattern(actor);

export const pageOf = (q: { page: number; pageSize: number }) => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});

/** A clock as the API shows it. */
export function presentClock(c: ClockInput, source: string, asOf: string, doneOn: string | null = null): ClockOut {
  const s = clockState(defaultCalendar, c, asOf, doneOn);
  return {
    start: c.start,
    days: c.limit.days,
    dayKind: c.limit.kind,
    due: s.due,
    remaining: s.remaining,
    status: s.status,
    source: officerText(source), // officers read the article, not the notes on what was checked
  };
}
