// Factories of the registry module: filled in as its tests move to factories.
export {};
