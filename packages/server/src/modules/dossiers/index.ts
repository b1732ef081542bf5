export { createDossiersService, type DossiersService } from './dossiers.service.js';
export { dossiersRoutes } from './dossiers.routes.js';
export { dossiersPolicy } from './dossiers.policy.js';
export { dossiersIndicators } from './dossiers.indicators.js';
