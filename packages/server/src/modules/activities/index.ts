export { createActivitiesService, type ActivitiesService } from './activities.service.js';
export { activitiesRoutes } from './activities.routes.js';
export { activitiesPolicy } from './activities.policy.js';
export { activitiesIndicators } from './activities.indicators.js';
