/** SQL of the programs module. */
export const programsRepo = {};
