/** Pure rules of indicators and reports: roll-ups, progress, Vietnamese number formatting. */
export * from './figures.js';
export * from './template.js';
export * from './periods.js';
export * from './layout.js';
export * from './targets.js';
