/** Pure rules of citizen reception, letters, complaints and denunciations (docs/legal/petitions.md). */
export * from './limits.js';
export * from './clock.js';
export * from './classify.js';
export * from './fitness.js';
export * from './reception.js';
export * from './check.js';
