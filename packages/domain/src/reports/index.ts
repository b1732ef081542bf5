/** Pure rules of indicators and reports: roll-ups, progress, Vietnamese number formatting. */
export {};
