/**
 * Messages of the programs module, merged into the catalogue of `i18n.ts`. Vietnamese is the source;
 * `programsEn` must have the same keys.
 */
export const programsVi = {
  'programs.title': 'Chương trình hỗ trợ',
} as const;

export const programsEn: Record<keyof typeof programsVi, string> = {
  'programs.title': 'Support programs',
};
