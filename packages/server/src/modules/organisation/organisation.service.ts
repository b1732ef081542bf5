import type { Database } from '../../db/database.js';
import { staffingUseCases } from './use-cases/staffing.js';
import { unitsUseCases } from './use-cases/units.js';

/** The organisation register's service: units of an agency and its yearly staffing figures. */
export function createOrganisationService(deps: { database: Database }) {
  return {
    ...unitsUseCases(deps),
    ...staffingUseCases(deps),
  };
}
export type OrganisationService = ReturnType<typeof createOrganisationService>;
