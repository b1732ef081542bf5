import { addWorkingDays, workingDaysBetween, type WorkCalendar } from '../dossiers/calendar.js';

/**
 * Work abroad on contract: Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng
 * 69/2020/QH14 (in force 01/01/2022) (docs/legal/employment.md, "Work abroad").
 */

/** Art. 5: the forms of going. */
export const ABROAD_FORMS = Object.freeze([
  { code: 'public_unit', vi: 'Qua đơn vị sự nghiệp công lập', en: 'Through a public service unit' },
  { code: 'service_company', vi: 'Qua doanh nghiệp dịch vụ', en: 'Through a licensed service company' },
  {
    code: 'contractor',
    vi: 'Qua doanh nghiệp trúng thầu, nhận thầu, đầu tư ra nước ngoài',
    en: 'Through a contractor or investor',
  },
  { code: 'training_firm', vi: 'Theo hợp đồng thực tập nâng cao tay nghề', en: 'Skills-training placement' },
  { code: 'direct', vi: 'Hợp đồng lao động trực tiếp giao kết', en: 'Contract signed directly by the worker' },
] as const);
export type AbroadForm = (typeof ABROAD_FORMS)[number]['code'];

/**
 * Art. 53: a contract signed directly by the worker is registered with the provincial labour
 * agency, which confirms it within 5 working days of receiving the complete dossier. The day of
 * receipt is not counted (the usual reading of "kể từ ngày nhận": verified: false on that point).
 */
export const DIRECT_CONTRACT_REGISTRATION = Object.freeze({
  workingDays: 5,
  source: 'Luật 69/2020/QH14, Điều 53',
  verified: true,
});

/** The last day the agency may confirm a direct contract received on `received`. */
export function directContractDue(cal: WorkCalendar, received: string): string {
  return addWorkingDays(cal, received, DIRECT_CONTRACT_REGISTRATION.workingDays);
}

export type RegistrationClock =
  | { state: 'not_required' }
  | { state: 'pending'; due: string; daysLeft: number; overdue: boolean }
  | { state: 'registered'; due: string; onTime: boolean; workingDaysTaken: number };

/** Where a worker's registration stands on `today` (only direct contracts have a clock). */
export function registrationClock(
  cal: WorkCalendar,
  w: { form: string; receivedOn: string | null; registeredOn: string | null },
  today: string,
): RegistrationClock {
  if (w.form !== 'direct' || !w.receivedOn) return { state: 'not_required' };
  const due = directContractDue(cal, w.receivedOn);
  if (w.registeredOn) {
    return {
      state: 'registered',
      due,
      onTime: w.registeredOn <= due,
      workingDaysTaken: workingDaysBetween(cal, w.receivedOn, w.registeredOn),
    };
  }
  const overdue = today > due;
  return {
    state: 'pending',
    due,
    overdue,
    daysLeft: overdue ? -workingDaysBetween(cal, due, today) : workingDaysBetween(cal, today, due),
  };
}
