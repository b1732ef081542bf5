import { z } from 'zod';

/** Contracts of the support-programs module (programs, lists, approval, publication, payments). */
export const ProgramsContractsVersion = z.literal(1);
