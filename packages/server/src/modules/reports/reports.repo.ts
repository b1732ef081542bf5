/** SQL of the reports module. */
export const reportsRepo = {};
