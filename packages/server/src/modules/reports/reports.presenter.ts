/** Row → API shapes of the reports module. */
export {};
