import type { Database } from '../../db/database.js';
import { areasPolicy } from './areas.policy.js';
import { createAreaImports } from './use-cases/import-areas.js';
import { createAreaReader } from './use-cases/read-areas.js';

export { AreaImportError, type ImportOptions, type ImportSummary, type ShippedList } from './use-cases/import-areas.js';

/** Areas: the tree the whole system is scoped by (read it, load lists into it). */
export function createAreasService(deps: { database: Database; dataDir: string }) {
  const reader = createAreaReader({ database: deps.database });
  const imports = createAreaImports({ ...deps, reader });
  const { get, list, pathOf, count } = reader;
  const { shippedLists, importList, importShipped, importMapping } = imports;
  return { policy: areasPolicy, get, list, pathOf, count, shippedLists, importList, importShipped, importMapping };
}

export type AreasService = ReturnType<typeof createAreasService>;
