import type { ComputedIndicator } from '../../platform/indicators.js';

/** Computed indicators of the dossiers module (platform/indicators.ts). */
export const dossiersIndicators: readonly ComputedIndicator[] = [];
