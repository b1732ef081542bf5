export * from './standards.js';
export * from './classify.js';
export * from './movement.js';
export * from './breakdowns.js';
