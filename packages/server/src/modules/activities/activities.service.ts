import type { Database } from '../../db/database.js';
import type { AreasService } from '../areas/index.js';
import { activitiesUseCases } from './use-cases/activities.js';

/** The activities register's service: trainings, campaigns, conferences, inspections. */
export function createActivitiesService(deps: { database: Database; areas: Pick<AreasService, 'pathOf'> }) {
  return {
    ...activitiesUseCases(deps),
  };
}
export type ActivitiesService = ReturnType<typeof createActivitiesService>;
