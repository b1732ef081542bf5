export { createProgramsService, type ProgramsService } from './programs.service.js';
export { programsRoutes } from './programs.routes.js';
export { programsPolicy } from './programs.policy.js';
export { programsIndicators } from './programs.indicators.js';
