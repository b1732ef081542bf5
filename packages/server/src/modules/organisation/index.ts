export { createOrganisationService, type OrganisationService } from './organisation.service.js';
export { organisationRoutes } from './organisation.routes.js';
export { organisationPolicy } from './organisation.policy.js';
export { organisationIndicators } from './organisation.indicators.js';
