import type { ComputedIndicator } from '../../platform/indicators.js';

/** Computed indicators of the registry module (platform/indicators.ts). */
export const registryIndicators: readonly ComputedIndicator[] = [];
