export { createEmploymentService, type EmploymentService } from './employment.service.js';
export { employmentRoutes } from './employment.routes.js';
export { employmentPolicy } from './employment.policy.js';
export { employmentIndicators } from './employment.indicators.js';
