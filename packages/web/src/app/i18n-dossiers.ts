/**
 * Messages of the dossiers module, merged into the catalogue of `i18n.ts`. Vietnamese is the source;
 * `dossiersEn` must have the same keys.
 */
export const dossiersVi = {
  'dossiers.title': 'Hồ sơ thủ tục hành chính',
} as const;

export const dossiersEn: Record<keyof typeof dossiersVi, string> = {
  'dossiers.title': 'Administrative dossiers',
};
