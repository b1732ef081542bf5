export { createReportsService, type ReportsService } from './reports.service.js';
export { reportsRoutes } from './reports.routes.js';
export { reportsPolicy } from './reports.policy.js';
