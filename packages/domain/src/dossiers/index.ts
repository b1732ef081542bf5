/** Pure rules of administrative procedures: working days, deadlines, early/on-time/late. */
export * from './holidays.js';
export * from './calendar.js';
export * from './deadlines.js';
export * from './code.js';
