// Factories of the dossiers module: filled in as its tests move to factories.
export {};
