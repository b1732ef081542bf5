export { createInteropService, type InteropService } from './interop.service.js';
export { interopRoutes } from './interop.routes.js';
export { interopPolicy } from './interop.policy.js';
export type { NewPartnerInput } from './use-cases/partners.js';
