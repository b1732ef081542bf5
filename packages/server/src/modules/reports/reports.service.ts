import type { Database } from '../../db/database.js';
import type { AreasService } from '../areas/index.js';

export function createReportsService(deps: { database: Database; areas: AreasService }) {
  void deps;
  return {};
}
export type ReportsService = ReturnType<typeof createReportsService>;
