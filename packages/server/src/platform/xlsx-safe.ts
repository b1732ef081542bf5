/**
 * Text written into a spreadsheet we hand out must not be read as a formula: a name or a note
 * typed as "=HYPERLINK(…)" or "+cmd|…" would run when an officer opens the export (CSV/formula
 * injection). Such text gets a leading apostrophe, which Excel shows as plain text.
 */
export function safeText<T>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
