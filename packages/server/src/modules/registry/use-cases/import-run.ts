import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { ImportCounts } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { registryPolicy } from '../registry.policy.js';
import { readSheet, rejectedXlsx, type ColumnMap, type RawRow } from '../registry.sheet.js';
import { importQueueRepo, importRepo } from '../repo/index.js';
import { applyImport, type Exclusive } from './import-commit.js';
import { validateImport } from './import-dry-run.js';
import type { HouseholdMap, ImportResult, Progress, ValidRow } from './import-rows.js';

/**
 * A clean dry run is kept (per file, user and area, for 30 minutes) so the commit that follows
 * does not validate the same file again: it is reused only if no person or household in the
 * file's communes was created or changed since (count and last update time match). It is kept in
 * the database (`import_checks`, gzip'd), so the commit may run on another app server.
 */
const CHECK_TTL_MS = 30 * 60_000;

interface KeptCheck {
  valid: ValidRow[];
  households: [string, HouseholdMap extends Map<string, infer V> ? V : never][];
}
const gz = promisify(gzip);
const gunz = promisify(gunzip);

const communesOf = (valid: ValidRow[]) => [...new Set(valid.map((v) => v.person.commune_code))].sort();

/**
 * Import of households and persons from XLSX/CSV. A dry run validates every row and counts
 * new, updated, unchanged, rejected and possible duplicates, with an XLSX of the rejected rows;
 * a commit applies the whole file in one transaction, and only when no row is rejected (the
 * officer fixes the error file first), so a file is never half applied. Re-importing the same
 * file finds every row unchanged and writes nothing.
 */
export function createImportRun(database: Database, idConflictsPerDay?: number, exclusive?: Exclusive) {
  const fingerprint = (communes: string[]) => importRepo.fingerprint(database.db, communes);
  const gate: Exclusive = exclusive ?? ((f) => f());

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
    const oldest = new Date(Date.now() - CHECK_TTL_MS).toISOString();
    if (mode === 'commit') {
      const kept = await gate(() => importQueueRepo.takeCheck(database.db, key, oldest));
      if (kept) {
        const prior = JSON.parse((await gunz(kept.rows_gz)).toString('utf8')) as KeptCheck;
        if ((await fingerprint(communesOf(prior.valid))) === kept.fingerprint) {
          const counts = JSON.parse(kept.counts_json) as ImportCounts;
          progress.total = progress.done = counts.total;
          await applyImport(database, actor, prior.valid, new Map(prior.households), sha, fileName, exclusive);
          return { counts, rejected: [], rejectedFile: null };
        }
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
      await applyImport(database, actor, valid, households, sha, fileName, exclusive);
    } else if (rejected.length === 0) {
      const kept: KeptCheck = { valid, households: [...households] };
      const row = {
        key,
        fingerprint: await fingerprint(communesOf(valid)),
        counts_json: JSON.stringify(counts),
        rows_gz: await gz(JSON.stringify(kept)),
        created_at: nowIso(),
      };
      await gate(() => importQueueRepo.putCheck(database.db, row, oldest));
    }
    return { counts, rejected: rejected.map((r) => ({ line: r.line, problems: r.problems })), rejectedFile };
  };
}

export type ImportRun = ReturnType<typeof createImportRun>;

/** Drop the kept dry runs past their 30 minutes (the hourly housekeeping of serve()). */
export async function purgeImportChecks(database: Database): Promise<void> {
  await importQueueRepo.purgeChecks(database.db, new Date(Date.now() - CHECK_TTL_MS).toISOString());
}
