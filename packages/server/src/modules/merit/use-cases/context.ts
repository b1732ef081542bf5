import { defaultCalendar, todayInVietnam, type WorkCalendar } from '@ansinh/domain';
import type { Database, Executor } from '../../../db/database.js';
import type { AreasService } from '../../areas/index.js';
import type { Actor } from '../../../platform/actor.js';
import { codesOfCommune } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import type { RegistryService } from '../../registry/index.js';

/** What merit asks of the registry: to open and end a person's meritorious status. */
export type MeritRegistry = Pick<RegistryService, 'grantStatus' | 'endStatus'>;

export interface MeritDeps {
  database: Database;
  areas: Pick<AreasService, 'pathOf'>;
  /** The clock (the seed and tests replay a year); default the system clock. */
  now?: () => Date;
  calendar?: WorkCalendar;
  /** The registry's public service: a benefit decision sets the person's meritorious status. */
  registry?: MeritRegistry;
}

/** What every use case of the module shares. */
export interface MeritContext {
  database: Database;
  db: Executor;
  now: () => Date;
  nowIso: () => string;
  today: () => string;
  cal: WorkCalendar;
  registry?: MeritRegistry;
  /** The area codes of a commune, or a 400 on `field` when it is not a commune. */
  communeCodes(
    code: string,
    field: string,
  ): Promise<{ province_code: string; district_code: string | null; commune_code: string }>;
  /** The name of an area ('Tỉnh Bình Phước'), the code itself when unknown (printed forms). */
  areaName(code: string): Promise<string>;
}

export function meritContext(deps: MeritDeps): MeritContext {
  const now = deps.now ?? (() => new Date());
  return {
    database: deps.database,
    db: deps.database.db,
    now,
    nowIso: () => now().toISOString(),
    today: () => todayInVietnam(now()),
    cal: deps.calendar ?? defaultCalendar,
    ...(deps.registry ? { registry: deps.registry } : {}),
    async communeCodes(code, field) {
      const a = await deps.areas.pathOf(code);
      if (!a || a.level !== 3)
        throw errors.validation([
          { path: field, message: `Mã xã ${code} không có trong danh mục. Chọn một xã/phường.` },
        ]);
      return codesOfCommune(code, a.path);
    },
    async areaName(code) {
      return (await deps.areas.pathOf(code))?.name ?? code;
    },
  };
}

/**
 * The province an actor works in (a province-level row is created there), or a 403; `fallback`
 * serves the system actor only (seed, CLI, factories).
 */
export function actorProvince(actor: Actor, fallback?: string): string {
  const p = actor.kind === 'system' ? fallback : actor.areaPath?.split('/').find(Boolean);
  if (!p) throw errors.forbidden('Tài khoản chưa có địa bàn; liên hệ quản trị để gán địa bàn.');
  return p;
}
