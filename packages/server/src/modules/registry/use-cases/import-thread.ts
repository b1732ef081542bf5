import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { canRunOffThread, offThreadWithDatabase, type OffThreadDbContext } from '../../../platform/off-thread-db.js';
import type { ImportResult, Progress } from './import-rows.js';
import { createImportRun, type ImportRun } from './import-run.js';

/**
 * Where an import runs: the whole run (reading the sheet, checking every row against the
 * registry, keeping or taking the dry run, and the commit's single transaction) runs in the
 * database worker on its own connection (platform/off-thread-db.ts: the same SQLite file, or a
 * pool of its own on PostgreSQL), so a 20.000-row file never holds the event loop
 * (docs/architecture.md, "Event loop"); the progress comes back every quarter second. The commit
 * is still one transaction: a failure anywhere leaves nothing. A database the worker cannot open
 * again (SQLite in memory) runs it in the process.
 */
export function createImportRunner(database: Database, idConflictsPerDay?: number): ImportRun {
  const here = createImportRun(database, idConflictsPerDay);
  if (!canRunOffThread(database)) return here;
  return async (actor, buf, mode, fileName, progress = { done: 0, total: 0 }) => {
    // A copy of its own, moved to the worker rather than copied again.
    const bytes = new Uint8Array(buf);
    const r = await offThreadWithDatabase<ThreadResult>(
      database,
      import.meta.url,
      'runImportInThread',
      [actor, bytes, mode, fileName, idConflictsPerDay],
      {
        transfer: [bytes.buffer],
        onProgress: (p) => Object.assign(progress, p as Progress),
      },
    );
    return {
      ...r,
      rejectedFile: r.rejectedFile
        ? Buffer.from(r.rejectedFile.buffer, r.rejectedFile.byteOffset, r.rejectedFile.byteLength)
        : null,
    };
  };
}

type ThreadResult = Omit<ImportResult, 'rejectedFile'> & { rejectedFile: Uint8Array | null };

/** The worker side: the same run on the worker's connection, its writes through `exclusive`. */
export async function runImportInThread(
  ctx: OffThreadDbContext,
  actor: Actor,
  bytes: Uint8Array,
  mode: 'dry_run' | 'commit',
  fileName: string,
  idConflictsPerDay: number | undefined,
): Promise<ThreadResult> {
  const run = createImportRun(ctx.database, idConflictsPerDay, ctx.exclusive);
  const progress: Progress = { done: 0, total: 0 };
  const beat = setInterval(() => ctx.progress({ ...progress }), 250);
  try {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return await run(actor, buf, mode, fileName, progress);
  } finally {
    clearInterval(beat);
    ctx.progress({ ...progress });
  }
}
