import type { Database } from '../../db/database.js';
import type { JobQueue } from '../../platform/job-queue.js';
import { createImportJobs } from './use-cases/import-jobs.js';
import { purgeImportChecks } from './use-cases/import-run.js';
import { createImportRunner } from './use-cases/import-thread.js';

export type { ImportResult } from './use-cases/import-rows.js';

/**
 * Import of households and persons from XLSX/CSV (dry run, then commit), run in the background
 * as jobs of the job queue (any app server may run one), each in the database worker thread:
 * assembled from the use cases `import-dry-run`, `import-commit`, `import-run`, `import-thread`
 * and `import-jobs`.
 */
export function createRegistryImport(deps: {
  database: Database;
  queue: JobQueue;
  idConflictsPerDay?: number;
  leaseMs?: number;
}) {
  const run = createImportRunner(deps.database, deps.idConflictsPerDay);
  return {
    run,
    ...createImportJobs(deps.database, run, deps.queue, deps.leaseMs),
    purgeChecks: () => purgeImportChecks(deps.database),
  };
}

export type RegistryImport = ReturnType<typeof createRegistryImport>;
