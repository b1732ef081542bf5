/**
 * Amount rules of support programmes: effective-dated legal tables, base levels, the social
 * allowance of NĐ 20/2021/NĐ-CP, gifts to people with meritorious service, and fixed amounts
 * (LEGAL-FACTS.md §§2–4).
 */
export * from './effective.js';
export * from './base-levels.js';
export * from './social-assistance.js';
export * from './gift-tables.js';
export * from './fixed.js';
export * from './rules.js';
export * from './lists.js';
