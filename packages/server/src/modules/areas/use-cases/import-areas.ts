import fs from 'node:fs';
import path from 'node:path';
import { searchKey } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { AreasTable } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { AppError, errors } from '../../../platform/errors.js';
import { parseCsv } from '../../../platform/csv.js';
import { levelOf, parseAreaList, type AreaRow, type ParseProblem } from '../areas.parse.js';
import { areasPolicy } from '../areas.policy.js';
import { areasRepo } from '../repo/areas.repo.js';
import type { AreaReader } from './read-areas.js';
import type { ChangeBus } from '../../../platform/change-bus.js';

/** The change-bus topic told when the area tree changed. */
export const AREAS_CHANGED = 'areas';

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

/**
 * Loading area lists (the shipped ones, a GSO CSV, an old -> new mapping): all or nothing, audited
 * as one event with the counts, and the readers' caches dropped at once.
 */
export function createAreaImports(deps: { database: Database; dataDir: string; reader: AreaReader; bus?: ChangeBus }) {
  const { database, dataDir, reader } = deps;

  /** The shipped lists (data/areas/lists.json). */
  function shippedLists(): ShippedList[] {
    const file = path.join(dataDir, 'areas', 'lists.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { lists: ShippedList[] }).lists;
  }

  /**
   * Load an area list (AnSinh or GSO CSV layout) in one transaction: a malformed file is
   * refused with every bad line and nothing changes. Audited as one event with the counts.
   */
  async function importList(actor: Actor, text: string, opts: ImportOptions): Promise<ImportSummary> {
    areasPolicy.guard(actor, 'import');
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
    const result = await inTransaction(database, actor, async (trx, audit) => {
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
      reader.invalidate();
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
    // Every other server drops its cached tree once the change is committed.
    await deps.bus?.publish(AREAS_CHANGED);
    return result;
  }

  /** Load one of the lists shipped in data/areas by id (used by seeding and the CLI). */
  async function importShipped(actor: Actor, listId: string, province?: string): Promise<ImportSummary> {
    const list = shippedLists().find((l) => l.id === listId);
    if (!list)
      throw errors.badRequest('AREA_LIST_UNKNOWN', `Không có danh mục "${listId}" trong data/areas/lists.json.`);
    const text = fs.readFileSync(path.join(dataDir, 'areas', list.file), 'utf8');
    return importList(actor, text, {
      listId: list.id,
      validFrom: list.validFrom,
      validTo: list.validTo,
      ...(province ? { province } : {}),
    });
  }

  /** Load an old -> new mapping CSV (old_code,new_code,coverage) for the codes present. */
  async function importMapping(
    actor: Actor,
    text: string,
    m: { effective: string; from: string; to: string },
  ): Promise<number> {
    areasPolicy.guard(actor, 'import');
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
  }

  return { shippedLists, importList, importShipped, importMapping };
}
