export {
  createRegistryService,
  type RegistryService,
  type TimelineSource,
  personKeys,
  citizenIdProblems,
  normalizeCitizenId,
  personAuditView,
} from './registry.service.js';
export { registryRoutes } from './registry.routes.js';
export { registryPolicy } from './registry.policy.js';
export { registryRepo, type NewPerson, type NewHousehold, type NewStatus } from './repo/index.js';
export { createRegistryImport, type RegistryImport } from './registry.import.js';
export { readSheet, templateXlsx, IMPORT_COLUMNS } from './registry.sheet.js';
import { childrenIndicators } from './registry.children.indicators.js';
import { registryIndicators as statusIndicators } from './registry.indicators.js';

/** The registry's computed indicators: statuses by kind, and children in special circumstances. */
export const registryIndicators = [...statusIndicators, ...childrenIndicators];
