import type { ComputedIndicator } from '../../platform/indicators.js';

/** Computed indicators of the programs module (platform/indicators.ts). */
export const programsIndicators: readonly ComputedIndicator[] = [];
