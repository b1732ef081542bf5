import fs from 'node:fs';
import path from 'node:path';
import { searchKey, type AreaList, type AreaOut, type AreasQuery } from '@ansinh/domain';
import type { Database } from '../../db/database.js';
import type { AreasTable } from '../../db/schema.js';
import type { Actor } from '../../platform/actor.js';
import { scopePattern } from '../../platform/authz.js';
import { inTransaction } from '../../platform/context.js';
import { AppError, errors } from '../../platform/errors.js';
import { parseCsv } from '../../platform/csv.js';
import { levelOf, parseAreaList, type AreaRow, type ParseProblem } from './areas.parse.js';
import { areasPolicy } from './areas.policy.js';
import { presentArea } from './areas.presenter.js';
import { areasRepo, type AreaRecord } from './areas.repo.js';

export interface ShippedList {
  id: string;
  file: string;
  validFrom: string;
  validTo: string | null;
  levels: number;
  source: string;
}

export interface ImportOptions {
  listId: string;
  validFrom: string;
  validTo: string | null;
  /** Load only this province's subtree (a deployment serves one province). */
  province?: string;
}

export interface ImportSummary {
  format: 'ansinh' | 'gso';
  inserted: number;
  updated: number;
  unchanged: number;
}

export class AreaImportError extends AppError {
  constructor(readonly problems: ParseProblem[]) {
    super(
      400,
      'AREA_LIST_INVALID',
      `Tệp danh mục có ${problems.length} lỗi; không có gì được thay đổi. Sửa các dòng được nêu rồi nạp lại.`,
      problems.slice(0, 200).map((p) => ({ path: `line ${p.line}`, message: p.message })),
    );
  }
}

/** Areas: the tree the whole system is scoped by. */
export function createAreasService(deps: { database: Database; dataDir: string }) {
  const { database, dataDir } = deps;
  const db = database.db;

  async function present(rows: AreaRecord[]): Promise<AreaOut[]> {
    const codes = new Set<string>();
    for (const r of rows) for (const c of r.path.split('/')) if (c) codes.add(c);
    const named = await areasRepo.findManyByCodes(db, [...codes]);
    const names = new Map(named.map((n) => [n.code, n.name]));
    return rows.map((r) => presentArea(r, names));
  }

  // Areas change only when a list is imported, and every screen asks for them: answers are kept
  // here for a minute (and dropped at once when this process imports), unfiltered; each actor's
  // scope is applied to them on the way out.
  const CACHE_MS = 60_000;
  const childrenCache = new Map<string, { at: number; rows: { out: AreaOut; path: string }[] }>();
  const recordCache = new Map<string, { at: number; row: AreaRecord | undefined }>();
  async function cachedRecord(code: string): Promise<AreaRecord | undefined> {
    const hit = recordCache.get(code);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.row;
    const row = await areasRepo.findByCode(db, code);
    if (recordCache.size > 20_000) recordCache.clear();
    recordCache.set(code, { at: Date.now(), row });
    return row;
  }
  async function cachedChildren(parentCode: string) {
    const hit = childrenCache.get(parentCode);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.rows;
    const rows = await areasRepo.children(db, parentCode, null);
    const out = await present(rows);
    const entry = { at: Date.now(), rows: rows.map((r, i) => ({ out: out[i]!, path: r.path })) };
    if (childrenCache.size > 5000) childrenCache.clear();
    childrenCache.set(parentCode, entry);
    return entry.rows;
  }

  /** The shipped lists (data/areas/lists.json). */
  function shippedLists(): ShippedList[] {
    const file = path.join(dataDir, 'areas', 'lists.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { lists: ShippedList[] }).lists;
  }

  return {
    policy: areasPolicy,

    /** One area by code; 404 outside the actor's area. */
    async get(actor: Actor, code: string): Promise<AreaOut> {
      const row = await areasRepo.findByCode(db, code);
      if (!row) throw errors.notFound('Đơn vị hành chính');
      areasPolicy.authorize(actor, 'read', { areaPath: row.path }, 'Đơn vị hành chính');
      return (await present([row]))[0]!;
    },

    /** Children of `parent` (or the actor's home area as the root), or a name search. */
    async list(actor: Actor, query: AreasQuery): Promise<AreaList> {
      areasPolicy.assert(actor, 'read');
      const scope = scopePattern(actor);
      if (query.q) {
        const key = searchKey(query.q);
        if (!key) return { items: [] };
        return { items: await present(await areasRepo.search(db, key, scope, 50)) };
      }
      if (query.parent) {
        const parent = await cachedRecord(query.parent);
        if (!parent) throw errors.notFound('Đơn vị hành chính');
        areasPolicy.authorize(actor, 'read', { areaPath: parent.path }, 'Đơn vị hành chính');
        const prefix = scope?.slice(0, -1) ?? '';
        return {
          items: (await cachedChildren(query.parent)).filter((c) => c.path.startsWith(prefix)).map((c) => c.out),
        };
      }
      if (actor.kind === 'system') return { items: await present(await areasRepo.roots(db)) };
      const home = actor.areaCode ? await areasRepo.findByCode(db, actor.areaCode) : undefined;
      return { items: home ? await present([home]) : [] };
    },

    /** Path of an area ('/70/689/25210/'), for scope checks in other modules. */
    async pathOf(code: string): Promise<{ path: string; level: number; name: string } | undefined> {
      const row = await areasRepo.findByCode(db, code);
      return row ? { path: row.path, level: row.level, name: row.name } : undefined;
    },

    shippedLists,

    /**
     * Load an area list (AnSinh or GSO CSV layout) in one transaction: a malformed file is
     * refused with every bad line and nothing changes. Audited as one event with the counts.
     */
    async importList(actor: Actor, text: string, opts: ImportOptions): Promise<ImportSummary> {
      areasPolicy.assert(actor, 'import');
      const parsed = parseAreaList(text);
      if (!parsed.ok) throw new AreaImportError(parsed.problems);
      let rows: AreaRow[] = parsed.rows;
      if (opts.province) {
        const p = opts.province;
        const keep = new Set<string>([p]);
        // Rows come parents-first in both formats, so one pass collects the subtree.
        for (const r of rows) if (r.parentCode && keep.has(r.parentCode)) keep.add(r.code);
        rows = rows.filter((r) => keep.has(r.code));
        if (rows.length === 0) throw new AreaImportError([{ line: 1, message: `Tệp không có tỉnh mã ${p}.` }]);
      }
      return inTransaction(database, actor, async (trx, audit) => {
        const existing = new Map((await areasRepo.allCodes(trx)).map((a) => [a.code, a]));
        const fileByCode = new Map(rows.map((r) => [r.code, r]));
        const paths = new Map<string, string>();
        const problems: ParseProblem[] = [];
        const resolvePath = (r: AreaRow): string | null => {
          const known = paths.get(r.code);
          if (known) return known;
          if (!r.parentCode) {
            paths.set(r.code, `/${r.code}/`);
            return `/${r.code}/`;
          }
          const parentRow = fileByCode.get(r.parentCode);
          const parentPath = parentRow ? resolvePath(parentRow) : (existing.get(r.parentCode)?.path ?? null);
          if (!parentPath) return null;
          const p = `${parentPath}${r.code}/`;
          paths.set(r.code, p);
          return p;
        };
        const summary: ImportSummary = { format: parsed.format, inserted: 0, updated: 0, unchanged: 0 };
        const toWrite: AreasTable[] = [];
        for (const r of rows) {
          const p = resolvePath(r);
          if (!p) {
            problems.push({
              line: r.line,
              message: `Không tìm thấy đơn vị cấp trên mã ${r.parentCode} trong tệp hay trong hệ thống.`,
            });
            continue;
          }
          const prev = existing.get(r.code);
          if (prev && prev.path !== p) {
            const hasChildren = [...existing.values()].some((a) => a.parent_code === r.code);
            if (hasChildren) {
              problems.push({
                line: r.line,
                message: `Đơn vị ${r.code} đã có trong hệ thống dưới đơn vị cấp trên khác và đang có đơn vị con; không thể chuyển. Ghi sắp xếp lại bằng bảng chuyển đổi mã cũ → mới.`,
              });
              continue;
            }
          }
          const row: AreasTable = {
            code: r.code,
            name: r.name,
            name_key: searchKey(r.name),
            type: r.type,
            level: levelOf(r.type),
            parent_code: r.parentCode,
            path: p,
            valid_from: opts.validFrom,
            valid_to: opts.validTo,
            list_id: opts.listId,
          };
          if (
            prev &&
            prev.name === row.name &&
            prev.type === row.type &&
            prev.path === row.path &&
            prev.valid_from === row.valid_from &&
            prev.valid_to === row.valid_to
          ) {
            summary.unchanged++;
            continue;
          }
          if (prev) summary.updated++;
          else summary.inserted++;
          toWrite.push(row);
        }
        if (problems.length) throw new AreaImportError(problems);
        for (const row of toWrite) await areasRepo.upsert(trx, row);
        childrenCache.clear();
        recordCache.clear();
        await audit({
          action: 'areas.import',
          entity: 'area_list',
          entityId: opts.listId,
          // A province's own import is visible to that province; a national list to all.
          areaCode: opts.province ?? null,
          after: {
            ...summary,
            validFrom: opts.validFrom,
            validTo: opts.validTo,
            province: opts.province ?? null,
            rows: rows.length,
          },
        });
        return summary;
      });
    },

    /** Load one of the lists shipped in data/areas by id (used by seeding and the CLI). */
    async importShipped(actor: Actor, listId: string, province?: string): Promise<ImportSummary> {
      const list = shippedLists().find((l) => l.id === listId);
      if (!list)
        throw errors.badRequest('AREA_LIST_UNKNOWN', `Không có danh mục "${listId}" trong data/areas/lists.json.`);
      const text = fs.readFileSync(path.join(dataDir, 'areas', list.file), 'utf8');
      return this.importList(actor, text, {
        listId: list.id,
        validFrom: list.validFrom,
        validTo: list.validTo,
        ...(province ? { province } : {}),
      });
    },

    /** Load an old -> new mapping CSV (old_code,new_code,coverage) for the codes present. */
    async importMapping(
      actor: Actor,
      text: string,
      m: { effective: string; from: string; to: string },
    ): Promise<number> {
      areasPolicy.assert(actor, 'import');
      const rows = parseCsv(text).slice(1);
      return inTransaction(database, actor, async (trx, audit) => {
        const known = new Set((await areasRepo.allCodes(trx)).map((a) => a.code));
        let n = 0;
        for (const { cells } of rows) {
          const [oldCode, newCode, coverage] = cells;
          if (!oldCode || !newCode || !known.has(oldCode) || !known.has(newCode)) continue;
          await areasRepo.insertMapping(trx, {
            old_code: oldCode,
            new_code: newCode,
            coverage: coverage === 'partial' ? 'partial' : 'full',
            effective: m.effective,
            list_from: m.from,
            list_to: m.to,
          });
          n++;
        }
        await audit({
          action: 'areas.mapping.import',
          entity: 'area_mapping',
          entityId: `${m.from}->${m.to}`,
          after: { rows: n },
        });
        return n;
      });
    },

    count: () => areasRepo.count(db),
  };
}

export type AreasService = ReturnType<typeof createAreasService>;
