export { createPetitionsService, type PetitionsService } from './petitions.service.js';
export { petitionsRoutes } from './petitions.routes.js';
export { petitionsPolicy } from './petitions.policy.js';
export { petitionsIndicators } from './petitions.indicators.js';
export { petitionsTimelineSource } from './use-cases/timeline.js';
