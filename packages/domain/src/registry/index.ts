/** Registry rules and catalogues: name sort keys, code labels, status categories, ethnic groups. */
export * from './sort-key.js';
export * from './catalogues.js';
export * from './ethnic-groups.js';
export * from './person-keys.js';
