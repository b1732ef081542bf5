export { createInboxService, type InboxService } from './inbox.service.js';
export { inboxRoutes } from './inbox.routes.js';
export { inboxPolicy } from './inbox.policy.js';
