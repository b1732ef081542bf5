import type { Database } from '../../db/database.js';
import { abroadUseCases } from './use-cases/abroad.js';
import { employersUseCases } from './use-cases/employers.js';
import { fairsUseCases } from './use-cases/fairs.js';
import { importEmployersUseCases } from './use-cases/import-employers.js';
import { importSupplyUseCases } from './use-cases/import-supply.js';
import { jobsUseCases } from './use-cases/jobs.js';
import { personUseCases } from './use-cases/person.js';
import { placementsUseCases } from './use-cases/placements.js';
import { reportsUseCases } from './use-cases/reports.js';
import { supplyUseCases } from './use-cases/supply.js';
import { trainingUseCases } from './use-cases/training.js';
import { transferUseCases } from './use-cases/transfer.js';

/**
 * The employment module's service: the use cases assembled into one object (the same surface
 * for routes, CLI, seeds, benches and tests). Each use case file holds its own rules.
 */
export function createEmploymentService(deps: { database: Database }) {
  return {
    ...supplyUseCases(deps),
    ...importSupplyUseCases(deps),
    ...employersUseCases(deps),
    ...importEmployersUseCases(deps),
    ...placementsUseCases(deps),
    ...fairsUseCases(deps),
    ...trainingUseCases(deps),
    ...abroadUseCases(deps),
    ...jobsUseCases(deps),
    ...personUseCases(deps),
    ...reportsUseCases(deps),
    ...transferUseCases(deps),
  };
}
export type EmploymentService = ReturnType<typeof createEmploymentService>;
