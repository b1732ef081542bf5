export * from './common.js';
export * from './roles.js';
export * from './auth.js';
export * from './users.js';
export * from './areas.js';
export * from './audit.js';
export * from './registry.js';
