export { buildApp, createServices, type Services } from './app.js';
export { loadConfig, type Config } from './config.js';
export { openDatabase, type Database } from './db/database.js';
export { refreshPlannerStatistics } from './db/maintenance.js';
export { migrateToLatest } from './db/migrate.js';
export { seedDemo, isEmpty, DEMO_PROVINCE } from './seed/demo.js';
export { systemActor } from './platform/actor.js';
export { seedRegistry } from './seed/registry-seed.js';
export { generateHouseholds, type GenHousehold } from './seed/registry-generator.js';
