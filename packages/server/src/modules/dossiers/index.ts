export { createDossiersService, type DossiersService, sniffMime } from './dossiers.service.js';
export { dossiersRoutes } from './dossiers.routes.js';
export { dossiersPolicy } from './dossiers.policy.js';
export { dossiersIndicators } from './dossiers.indicators.js';
export { drainOutbox, notifyChannel } from './dossiers.outbox.js';
