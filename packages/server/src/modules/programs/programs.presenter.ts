/** Row → API shapes of the programs module. */
export {};
