export * from './contracts/index.js';
export * from './text.js';
export * from './identity.js';
export * from './dates.js';
export * from './numbers.js';
export * from './money.js';
export * from './registry/index.js';
export * from './programs/index.js';
