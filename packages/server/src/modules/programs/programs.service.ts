import type { Database } from '../../db/database.js';
import type { AreasService } from '../areas/index.js';

export function createProgramsService(deps: { database: Database; areas: AreasService }) {
  void deps;
  return {};
}
export type ProgramsService = ReturnType<typeof createProgramsService>;
