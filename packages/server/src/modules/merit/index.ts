export { createMeritService, type MeritService } from './merit.service.js';
export { meritRoutes } from './merit.routes.js';
export { meritPolicy } from './merit.policy.js';
export { meritIndicators } from './merit.indicators.js';
