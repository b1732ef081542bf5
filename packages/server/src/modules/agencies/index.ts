export { createAgenciesService, type AgenciesService } from './agencies.service.js';
export { agenciesRoutes } from './agencies.routes.js';
export { agenciesPolicy } from './agencies.policy.js';
export { issuerOf } from './use-cases/manage-agencies.js';
