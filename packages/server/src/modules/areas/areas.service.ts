import type { Database } from '../../db/database.js';
import type { ChangeBus } from '../../platform/change-bus.js';
import { areasPolicy } from './areas.policy.js';
import { AREAS_CHANGED, createAreaImports } from './use-cases/import-areas.js';
import { createAreaReader } from './use-cases/read-areas.js';

export { AreaImportError, type ImportOptions, type ImportSummary, type ShippedList } from './use-cases/import-areas.js';

/** Areas: the tree the whole system is scoped by (read it, load lists into it). */
export function createAreasService(deps: { database: Database; dataDir: string; bus?: ChangeBus }) {
  const reader = createAreaReader({ database: deps.database });
  // Another server's import drops this one's cached tree too (LISTEN/NOTIFY on PostgreSQL).
  deps.bus?.subscribe(AREAS_CHANGED, reader.invalidate);
  const imports = createAreaImports({ ...deps, reader });
  const { get, list, pathOf, namesOf, count } = reader;
  const { shippedLists, importList, importShipped, importMapping } = imports;
  return {
    policy: areasPolicy,
    get,
    list,
    pathOf,
    namesOf,
    count,
    shippedLists,
    importList,
    importShipped,
    importMapping,
  };
}

export type AreasService = ReturnType<typeof createAreasService>;
