/** Pure rules of the merit work: NĐ 131/2021/NĐ-CP time limits, records, remains, support. */
export * from './time-limits.js';
export * from './records.js';
export * from './remains.js';
export * from './support.js';
export * from './procedures.js';
