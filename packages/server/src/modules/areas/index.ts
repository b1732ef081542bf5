export { createAreasService, type AreasService, AreaImportError } from './areas.service.js';
export { areasRoutes } from './areas.routes.js';
export { areasPolicy } from './areas.policy.js';
export { parseAreaList, levelOf } from './areas.parse.js';
