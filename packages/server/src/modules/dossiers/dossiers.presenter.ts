/** Row → API shapes of the dossiers module. */
export {};
