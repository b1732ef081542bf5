/**
 * Amount rules of support programmes: effective-dated legal tables, base levels, the social
 * allowance of NĐ 20/2021/NĐ-CP, gifts to people with meritorious service, and fixed amounts
 * (docs/legal/ (social-assistance, merit, covid-support)).
 */
export * from './effective.js';
export * from './base-levels.js';
export * from './social-assistance.js';
export * from './gift-tables.js';
export * from './fixed.js';
export * from './rules.js';
export * from './lists.js';
export * from './arrears.js';
export * from './outside-rows.js';
