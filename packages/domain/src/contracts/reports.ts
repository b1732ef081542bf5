import { z } from 'zod';

/** Contracts of the plans, indicators and reports module. */
export const ReportsContractsVersion = z.literal(1);
