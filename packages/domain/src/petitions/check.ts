import type { WorkCalendar } from '../dossiers/calendar.js';
import { dueDate } from './clock.js';
import { valueOn } from '../programs/effective.js';
import { DENUNCIATION_CHECK, type Limit } from './limits.js';

/**
 * The check of a denunciation before it is accepted (Luật Tố cáo 25/2018/QH14 Art. 24(1)): within
 * 7 working days from receipt; "trường hợp phải kiểm tra, xác minh tại nhiều địa điểm thì thời hạn
 * có thể dài hơn nhưng không quá 10 ngày làm việc". The extension is decided once, while the 7
 * days still run, and brings the limit to 10 working days from receipt (not 10 more).
 */
export function denunciationCheckLimit(receivedDate: string, extended: boolean): { limit: Limit; source: string } {
  const r = valueOn(DENUNCIATION_CHECK, receivedDate);
  return { limit: extended ? r.value.extended : r.value.normal, source: r.source };
}

export interface CheckExtensionLetter {
  kind: string | null;
  receivedDate: string;
  decided: boolean;
  extendedDate: string | null;
}

/** Why the check of this letter cannot be extended on `date` (Vietnamese), or null when it can. */
export function checkExtensionProblem(cal: WorkCalendar, l: CheckExtensionLetter, date: string): string | null {
  if (l.kind !== 'denunciation') {
    return 'Chỉ gia hạn thời hạn kiểm tra với đơn tố cáo (Điều 24 Luật Tố cáo 2018). Phân loại đơn là tố cáo trước.';
  }
  if (l.decided) return 'Đơn tố cáo đã được xử lý; không gia hạn kiểm tra được nữa.';
  if (l.extendedDate) {
    return `Thời hạn kiểm tra đã được gia hạn ngày ${l.extendedDate}; tối đa 10 ngày làm việc, chỉ gia hạn một lần (Điều 24 Luật Tố cáo 2018).`;
  }
  if (date < l.receivedDate) return `Ngày gia hạn trước ngày nhận đơn (${l.receivedDate}). Kiểm tra lại ngày.`;
  const due = dueDate(cal, { start: l.receivedDate, limit: denunciationCheckLimit(l.receivedDate, false).limit });
  if (due && date > due) {
    return `Thời hạn kiểm tra 7 ngày làm việc đã hết ngày ${due}; việc gia hạn phải quyết định trước khi hết hạn (Điều 24 Luật Tố cáo 2018).`;
  }
  return null;
}
