/** Pure rules of administrative procedures: working days, deadlines, early/on-time/late. */
export {};
