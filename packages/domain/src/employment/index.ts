/** Pure rules of employment services (docs/legal/employment.md). */
export * from './catalogues.js';
export * from './followup.js';
export * from './abroad.js';
export * from './training.js';
export * from './jobs.js';
export * from './reports.js';
