import { z } from 'zod';

/** Contracts of the administrative-procedures module (catalogue, dossiers, lookup, statistics). */
export const DossiersContractsVersion = z.literal(1);
