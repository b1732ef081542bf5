import { createHash } from 'node:crypto';
import type { ImportCounts } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { registryPolicy } from '../registry.policy.js';
import { readSheet, rejectedXlsx, type ColumnMap, type RawRow } from '../registry.sheet.js';
import { importRepo } from '../repo/index.js';
import { applyImport } from './import-commit.js';
import { validateImport } from './import-dry-run.js';
import type { HouseholdMap, ImportResult, Progress, ValidRow } from './import-rows.js';

/**
 * A clean dry run is kept (per file, user and area, for 30 minutes) so the commit that follows
 * does not validate the same file again: it is reused only if no person or household in the
 * file's communes was created or changed since (count and last update time match).
 */
const CHECK_TTL_MS = 30 * 60_000;

const communesOf = (valid: ValidRow[]) => [...new Set(valid.map((v) => v.person.commune_code))].sort();

/**
 * Import of households and persons from XLSX/CSV. A dry run validates every row and counts
 * new, updated, unchanged, rejected and possible duplicates, with an XLSX of the rejected rows;
 * a commit applies the whole file in one transaction, and only when no row is rejected (the
 * officer fixes the error file first), so a file is never half applied. Re-importing the same
 * file finds every row unchanged and writes nothing.
 */
export function createImportRun(database: Database, idConflictsPerDay?: number) {
  const checked = new Map<
    string,
    { at: number; fingerprint: string; valid: ValidRow[]; households: HouseholdMap; counts: ImportCounts }
  >();
  const fingerprint = (communes: string[]) => importRepo.fingerprint(database.db, communes);

  /** Run an import to the end (the job wrapper and the benchmark call this). */
  return async function run(
    actor: Actor,
    buf: Buffer,
    mode: 'dry_run' | 'commit',
    fileName: string,
    progress: Progress = { done: 0, total: 0 },
  ): Promise<ImportResult> {
    registryPolicy.guard(actor, 'import');
    const sha = createHash('sha256').update(buf).digest('hex');
    const key = `${sha}|${actor.username}|${actor.areaCode ?? ''}`;
    for (const [k, c] of checked) if (Date.now() - c.at > CHECK_TTL_MS) checked.delete(k);
    if (mode === 'commit') {
      const prior = checked.get(key);
      checked.delete(key);
      if (prior && (await fingerprint(communesOf(prior.valid))) === prior.fingerprint) {
        progress.total = progress.done = prior.counts.total;
        await applyImport(database, actor, prior.valid, prior.households, sha, fileName);
        return { counts: prior.counts, rejected: [], rejectedFile: null };
      }
    }
    const sheet: { headers: string[]; columns: ColumnMap; rows: RawRow[] | null } = await readSheet(buf);
    const { headers } = sheet;
    const total = sheet.rows!.length;
    progress.total = total;
    const { valid, rejected, possibleDuplicates, households } = await validateImport(
      { database, idConflictsPerDay },
      actor,
      sheet,
      progress,
    );
    const counts: ImportCounts = {
      total,
      new: valid.filter((v) => v.outcome === 'new').length,
      updated: valid.filter((v) => v.outcome === 'updated').length,
      unchanged: valid.filter((v) => v.outcome === 'unchanged').length,
      rejected: rejected.length,
      possibleDuplicates,
    };
    const rejectedFile = rejected.length ? await rejectedXlsx(headers, rejected) : null;
    if (mode === 'commit') {
      if (rejected.length) {
        throw errors.badRequest(
          'IMPORT_HAS_REJECTED_ROWS',
          `Có ${rejected.length} dòng bị từ chối nên chưa nhập dòng nào. Tải tệp lỗi, sửa các dòng đó rồi nhập lại.`,
        );
      }
      await applyImport(database, actor, valid, households, sha, fileName);
    } else if (rejected.length === 0) {
      checked.set(key, {
        at: Date.now(),
        fingerprint: await fingerprint(communesOf(valid)),
        valid,
        households,
        counts,
      });
    }
    return { counts, rejected: rejected.map((r) => ({ line: r.line, problems: r.problems })), rejectedFile };
  };
}

export type ImportRun = ReturnType<typeof createImportRun>;
