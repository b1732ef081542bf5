export { createAuthService, type AuthService, SESSION_COOKIE } from './auth.service.js';
export { authRoutes, installAuthHooks } from './auth.routes.js';
export { abilitiesOf } from './auth.policy.js';
