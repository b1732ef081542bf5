export { createPovertyService, type PovertyService } from './poverty.service.js';
export { povertyRoutes } from './poverty.routes.js';
export { povertyPolicy } from './poverty.policy.js';
export { povertyIndicators } from './poverty.indicators.js';
