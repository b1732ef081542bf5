/**
 * Test factories, after Outline's `server/test/factories.ts`: each `buildX(ctx, overrides?)`
 * creates one record through the module's service as the system actor, creating the parents it
 * needs (a person gets a household, a list gets a program and a person ...), so every test builds
 * its own world and stands alone. One file per module under `factories/`, re-exported here.
 */
export * from './factories/base.js';
export * from './factories/registry.js';
export * from './factories/programs.js';
export * from './factories/dossiers.js';
export * from './factories/reports.js';
export * from './factories/petitions.js';
export * from './factories/employment.js';
export * from './factories/poverty.js';
export * from './factories/merit.js';
export * from './factories/interop.js';
export * from './factories/organisation.js';
export * from './factories/activities.js';
export * from './factories/agencies.js';
