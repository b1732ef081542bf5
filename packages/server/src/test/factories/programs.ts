// Factories of the programs module: filled in as its tests move to factories.
export {};
