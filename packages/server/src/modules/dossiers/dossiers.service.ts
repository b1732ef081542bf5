import type { Database } from '../../db/database.js';
import type { AreasService } from '../areas/index.js';

export function createDossiersService(deps: { database: Database; areas: AreasService }) {
  void deps;
  return {
    /** Send pending notifications through the configured channel; returns how many were sent. */
    async drainOutbox(): Promise<number> {
      return 0;
    },
  };
}
export type DossiersService = ReturnType<typeof createDossiersService>;
