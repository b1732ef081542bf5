import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarWarning,
  clockStart,
  defaultCalendar as cal,
  lastWorkingDay,
  nextWorkingDay,
  receiptDay,
  workingDaysBetween,
  workCalendar,
} from './calendar.js';
import { HOLIDAY_YEARS } from './holidays.js';

describe('working days', () => {
  it('skips the whole Tết week of Ất Tỵ 2025 (27–31/01) and the weekends around it', () => {
    for (const d of [
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]) {
      expect(cal.isWorkingDay(d), d).toBe(false);
    }
    expect(cal.dayOffName('2025-01-29')).toBe('Tết Nguyên đán Ất Tỵ');
    // Received on Friday 24/01/2025 at 10:00 (Vietnam), 5 working days. BLDS 2015 Art. 147(1): the
    // receipt day is not counted, so day 1 is 03/02 after Tết: 03, 04, 05, 06, 07/02.
    expect(lastWorkingDay(cal, clockStart(cal, '2025-01-24T03:00:00Z'), 5)).toBe('2025-02-07');
    expect(nextWorkingDay(cal, '2025-01-24')).toBe('2025-02-03');
  });

  it('Tết Bính Ngọ 2026: 16–20/02 are days off, Monday 23/02 is the first working day', () => {
    expect(nextWorkingDay(cal, '2026-02-13')).toBe('2026-02-23');
    expect(workingDaysBetween(cal, '2026-02-13', '2026-02-23')).toBe(1);
  });

  it('a holiday on a weekend gives its day off in lieu: 30/4 and 1/5/2022 (Sat, Sun) → 2 and 3/5 off', () => {
    expect(cal.isWorkingDay('2022-05-02')).toBe(false);
    expect(cal.isWorkingDay('2022-05-03')).toBe(false);
    expect(cal.isWorkingDay('2022-05-04')).toBe(true);
    // 2023: Giỗ Tổ on Saturday 29/4, 30/4 on Sunday → 2/5 and 3/5 off, 1/5 a holiday.
    expect(nextWorkingDay(cal, '2023-04-28')).toBe('2023-05-04');
    expect(cal.dayOffName('2023-05-02')).toMatch(/Nghỉ bù Giỗ Tổ/);
  });

  it('a swapped Saturday is worked: 04/5/2024 counts, Monday 29/4/2024 does not', () => {
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
    expect(cal.isWorkingDay('2024-04-29')).toBe(false);
    // Friday 26/4/2024, 5 working days: 26/4, 02/5, 03/5, 04/5 (Saturday worked), 06/5.
    expect(lastWorkingDay(cal, '2024-04-26', 5)).toBe('2024-05-06');
  });

  it('a receipt at 15:01 counts as received the next working day; at 15:00 the same day (NĐ 61/2018 Art. 18)', () => {
    expect(receiptDay(cal, '2025-03-12T08:00:00Z')).toBe('2025-03-12'); // 15:00 Wednesday
    expect(receiptDay(cal, '2025-03-12T08:01:00Z')).toBe('2025-03-13'); // 15:01 Wednesday
    expect(receiptDay(cal, '2025-03-14T08:01:00Z')).toBe('2025-03-17'); // 15:01 Friday → Monday
    expect(receiptDay(cal, '2025-03-15T02:00:00Z')).toBe('2025-03-17'); // Saturday morning
    expect(receiptDay(cal, '2025-04-29T09:00:00Z')).toBe('2025-05-05'); // 16:00 on 29/4 → after 30/4, 1/5, 2/5 and the weekend
  });

  it('the period starts the working day after receipt (BLDS 2015 Art. 147(1)): the receipt day is never day 1', () => {
    expect(clockStart(cal, '2025-03-12T08:00:00Z')).toBe('2025-03-13'); // received Wed 15:00 → day 1 Thursday
    expect(clockStart(cal, '2025-03-12T08:01:00Z')).toBe('2025-03-14'); // received Wed 15:01 → counts Thu → day 1 Friday
    expect(clockStart(cal, '2025-03-14T08:01:00Z')).toBe('2025-03-18'); // Fri 15:01 → counts Mon → day 1 Tuesday
    expect(clockStart(cal, '2025-03-15T02:00:00Z')).toBe('2025-03-18'); // Saturday → counts Mon → day 1 Tuesday
    expect(clockStart(cal, '2025-04-29T09:00:00Z')).toBe('2025-05-06'); // 16:00 on 29/4 → counts 05/5 → day 1 06/5
    // A 3-working-day procedure received Monday 10/3/2025 at 09:00: 11, 12, 13 → due Thursday.
    expect(lastWorkingDay(cal, clockStart(cal, '2025-03-10T02:00:00Z'), 3)).toBe('2025-03-13');
  });

  it('a deadline crossing a year with no holiday data carries a warning; a covered one does not', () => {
    expect(calendarWarning(cal, '2025-03-10', '2025-04-10')).toBeNull();
    expect(calendarWarning(cal, '2031-12-20', '2032-01-10')).toMatch(/Chưa có lịch nghỉ lễ.*2031, 2032/);
    // 2027 is shipped provisional (no decision on its Tết yet): counted with its statutory days, and warned.
    expect(cal.isWorkingDay('2027-02-09')).toBe(false);
    expect(calendarWarning(cal, '2026-12-20', '2027-01-10')).toMatch(/năm 2027/);
  });

  it('ships 2021–2027, each year with its source and an honest verified flag', () => {
    expect(HOLIDAY_YEARS.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const y of HOLIDAY_YEARS) {
      expect(y.source, String(y.year)).toMatch(/BLLĐ 2019/);
      expect(typeof y.verified).toBe('boolean');
      if (y.provisional) expect(y.verified).toBe(false);
    }
  });

  it('counts working days between two dates and adds them', () => {
    expect(workingDaysBetween(cal, '2025-03-10', '2025-03-17')).toBe(5);
    expect(addWorkingDays(cal, '2025-03-14', 1)).toBe('2025-03-17');
    expect(addWorkingDays(cal, '2025-03-14', 0)).toBe('2025-03-14');
  });

  it('a year without data keeps its fixed solar holidays; extra days of a province can be added', () => {
    expect(cal.hasYear(2030)).toBe(false);
    expect(cal.isWorkingDay('2030-09-02')).toBe(false);
    const local = workCalendar({
      daysOff: [{ date: '2025-03-12', name: 'Nghỉ theo quyết định của tỉnh', kind: 'holiday' }],
    });
    expect(local.isWorkingDay('2025-03-12')).toBe(false);
  });

  it('the shipped data lists only weekdays as days off and only Saturdays as worked weekends, with sources', () => {
    for (const y of HOLIDAY_YEARS) {
      expect(y.source.length).toBeGreaterThan(10);
      for (const d of y.daysOff) {
        expect(d.date.startsWith(String(y.year)), d.date).toBe(true);
        expect([0, 6]).not.toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
      }
      for (const w of y.workingWeekends) expect(new Date(`${w.date}T00:00:00Z`).getUTCDay()).toBe(6);
      // Five Tết days off on weekdays every year (the Tết week).
      expect(y.daysOff.filter((d) => d.name.startsWith('Tết Nguyên đán')).length).toBe(5);
    }
  });
});
