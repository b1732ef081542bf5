// Factories of the reports module: filled in as its tests move to factories.
export {};
