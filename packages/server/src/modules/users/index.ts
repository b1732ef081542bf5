export { createUsersService, type UsersService } from './users.service.js';
export { usersRoutes } from './users.routes.js';
export { usersPolicy } from './users.policy.js';
