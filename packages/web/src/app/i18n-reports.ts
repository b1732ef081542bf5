/**
 * Messages of the reports module, merged into the catalogue of `i18n.ts`. Vietnamese is the source;
 * `reportsEn` must have the same keys.
 */
export const reportsVi = {
  'reports.title': 'Báo cáo',
} as const;

export const reportsEn: Record<keyof typeof reportsVi, string> = {
  'reports.title': 'Administrative reports',
};
