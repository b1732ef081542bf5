import type { Database } from '../../db/database.js';
import { createImportJobs } from './use-cases/import-jobs.js';
import { createImportRun } from './use-cases/import-run.js';

export type { ImportResult } from './use-cases/import-rows.js';

/**
 * Import of households and persons from XLSX/CSV (dry run, then commit), run in the background
 * as jobs: assembled from the use cases `import-dry-run`, `import-commit`, `import-run` and
 * `import-jobs`.
 */
export function createRegistryImport(deps: { database: Database; idConflictsPerDay?: number }) {
  const run = createImportRun(deps.database, deps.idConflictsPerDay);
  return { run, ...createImportJobs(deps.database, run) };
}

export type RegistryImport = ReturnType<typeof createRegistryImport>;
