import type { Database } from '../../db/database.js';
import { agenciesPolicy } from './agencies.policy.js';
import { manageAgencies } from './use-cases/manage-agencies.js';

/** Agencies of a province (docs/modules/agencies.md): list, read, create, edit. */
export function createAgenciesService(deps: { database: Database }) {
  return { policy: agenciesPolicy, ...manageAgencies(deps) };
}

export type AgenciesService = ReturnType<typeof createAgenciesService>;
