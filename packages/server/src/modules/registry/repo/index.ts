/**
 * The registry's repositories (the only files of the module with SQL), by table group, and
 * `registryRepo`, all of them in one object for seeds and benches that write in bulk.
 */
import { duplicatesRepo } from './duplicates.repo.js';
import { historyRepo } from './history.repo.js';
import { householdsRepo } from './households.repo.js';
import { personsRepo } from './persons.repo.js';
import { statusesRepo } from './statuses.repo.js';

export { duplicatesRepo, historyRepo, householdsRepo, personsRepo, statusesRepo };
export { importRepo, type ImportHousehold } from './import.repo.js';
export { importJobsRepo, type ImportJobRow } from './import-jobs.repo.js';
export { importQueueRepo } from './import-queue.repo.js';
export type { Scope } from './shared.js';
export type { PersonRow, NewPerson, PersonFilter } from './persons.repo.js';
export type { HouseholdRow, NewHousehold } from './households.repo.js';
export type { StatusRow, NewStatus } from './statuses.repo.js';

export const registryRepo = {
  ...personsRepo,
  ...householdsRepo,
  ...statusesRepo,
  ...duplicatesRepo,
  ...historyRepo,
};
export { transfersRepo, type TransferRow } from './transfers.repo.js';
