import { formatDateVi, formatPartialDateVi } from '@ansinh/domain';

/** Display formats. Instants are UTC ISO strings, shown in Vietnam time; dates are YYYY-MM-DD. */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2025-07-01T02:03:04Z` → `01/07/2025 09:03:04` (Asia/Ho_Chi_Minh). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(d)) parts[p.type] = p.value;
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** `2025-07-01` → `01/07/2025`; anything else is returned unchanged. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** "1950-01-05" → "05/01/1950", "1950" → "1950"; anything unreadable is shown as stored. */
export function showPartialDate(p: string | null | undefined): string {
  if (!p) return '';
  try {
    return formatPartialDateVi(p);
  } catch {
    return p;
  }
}

/** A date or an instant as dd/mm/yyyy; a partial date as showPartialDate does; anything else as stored. */
export function showDate(v: string | null | undefined): string {
  if (!v) return '';
  try {
    return formatDateVi(v);
  } catch {
    return showPartialDate(v);
  }
}

/**
 * Cell attributes of a table column holding names, areas or record content (antd `onCell`): marked
 * `translate="no"`, so the English walk (e2e/english.spec.ts) and machine translation leave the data alone.
 */
export const dataCell = (): { translate: 'no' } => ({ translate: 'no' });
