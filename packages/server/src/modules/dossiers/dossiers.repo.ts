/** SQL of the dossiers module. */
export const dossiersRepo = {};
