import type { BackgroundJobs } from '../../../platform/background-jobs.js';
import type { Database, Executor } from '../../../db/database.js';
import { systemActor, type Actor } from '../../../platform/actor.js';
import { codesOfCommune } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import type { ComputedIndicator } from '../../../platform/indicators.js';
import type { AreasService } from '../../areas/index.js';
import { createEvaluator, loadCatalogue, type Evaluator } from '../reports.catalogue.js';
import { reportsPolicy, type ReportsAction } from '../reports.policy.js';
import { settingsRepo } from '../repo/settings.repo.js';
import { templatesRepo } from '../repo/templates.repo.js';

/** What the reports service is built from. */
export interface ReportsDeps {
  database: Database;
  areas: Pick<AreasService, 'pathOf' | 'list'>;
  /** Computed indicators besides the modules' (tests). */
  extraIndicators?: readonly ComputedIndicator[];
  /** Background jobs (the DOCX render); absent where nothing renders in the background. */
  jobs?: BackgroundJobs;
}

/** Province setting: since when each module's records are kept in AnSinh ({ petitions: '2024-01-01' }). */
export const RECORDS_SINCE_KEY = 'reports.records_since';
/** Province setting: 'confirm' (default) or 'refuse' issuing a report with missing figures. */
export const ISSUE_WITH_MISSING_KEY = 'reports.issue_with_missing';

/** An area as the use cases need it: its code, level (1 province, 2 district, 3 commune) and path. */
export interface AreaInfo {
  code: string;
  level: number;
  name: string;
  path: string;
}

/** The area codes a row of a plan, an entered value or a report carries. */
export interface RowCodes {
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
}

/**
 * The codes of an area by its level: a province or a district fills its own column; a commune
 * reads its province and district from its path, which has no district in a two-level province
 * ('/98/98001/' is a commune of province 98, not a district).
 */
export function areaCodes(area: Pick<AreaInfo, 'code' | 'level' | 'path'>): RowCodes {
  const province = area.path.split('/').find(Boolean) ?? area.code;
  if (area.level === 1) return { province_code: area.code, district_code: null, commune_code: null };
  if (area.level === 2) return { province_code: province, district_code: area.code, commune_code: null };
  return codesOfCommune(area.code, area.path);
}

/** The helpers every use case of the module shares: areas, names, the indicator evaluator. */
export function createReportsContext(deps: ReportsDeps) {
  const { database, areas } = deps;
  const extraIndicators = deps.extraIndicators ?? [];
  const db = database.db;

  async function areaInfo(code: string): Promise<AreaInfo | undefined> {
    const a = await areas.pathOf(code);
    return a ? { code, level: a.level, name: a.name, path: a.path } : undefined;
  }

  /**
   * The area a request names (the actor's home area when none is named), guarded for the action:
   * 404 when it does not exist or lies outside the actor's area, 403 when the role may not.
   */
  async function scopedArea(actor: Actor, action: ReportsAction, code: string | undefined | null): Promise<AreaInfo> {
    const want = code ?? actor.areaCode;
    const a = want ? await areaInfo(want) : undefined;
    reportsPolicy.guard(actor, action, { areaPath: a?.path ?? null }, 'Đơn vị hành chính');
    if (!a) throw errors.notFound('Đơn vị hành chính');
    return a;
  }

  async function children(code: string): Promise<AreaInfo[]> {
    const list = await areas.list(systemActor('reports'), { parent: code });
    return list.items.map((c) => ({ code: c.code, level: c.level, name: c.name, path: '' }));
  }

  async function names(codes: Iterable<string>): Promise<Map<string, string>> {
    const rows = await settingsRepo.areaNames(db, [...new Set(codes)]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** The names of a province's stored templates by code (live and archived), for report lists. */
  async function templateNames(provinceCode: string): Promise<Map<string, string>> {
    const rows = await templatesRepo.names(db, provinceCode);
    return new Map(rows.map((r) => [r.code, r.name_vi]));
  }

  /**
   * The evaluator of one request. A computed indicator that replaces an entered one is computed
   * for a period starting on or after the date its module's records are kept in AnSinh in the
   * area's province (setting `reports.records_since`); none set: the entered values only.
   */
  async function evaluator(ex: Executor = db): Promise<Evaluator> {
    const since = new Map<string, Promise<Record<string, string | null>>>();
    const coverage = async (areaCode: string, module: string) => {
      const a = await areaInfo(areaCode);
      const province = a?.path.split('/').find(Boolean) ?? areaCode;
      let hit = since.get(province);
      if (!hit) {
        hit = settingsRepo
          .get(ex, province, RECORDS_SINCE_KEY)
          .then((v) => (v && typeof v === 'object' ? (v as Record<string, string | null>) : {}));
        since.set(province, hit);
      }
      return (await hit)[module] ?? null;
    };
    return createEvaluator(ex, await loadCatalogue(ex, extraIndicators), coverage);
  }

  return { database, db, areaInfo, scopedArea, children, names, templateNames, evaluator, extraIndicators };
}

export type ReportsContext = ReturnType<typeof createReportsContext>;
