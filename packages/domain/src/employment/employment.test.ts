import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../dossiers/calendar.js';
import { searchKey } from '../text.js';
import { addMonths } from '../dates.js';
import {
  checkpointProblem,
  checkpointsOf,
  countJobsCreated,
  directContractDue,
  followUpState,
  isWorkingAge,
  optionOf,
  QUALIFICATION,
  registrationClock,
  SUPPLY_CATALOGUES,
  trainingSupport,
} from './index.js';

describe('TT 01/2022 catalogues', () => {
  it('every catalogue cites the circular and has unique codes', () => {
    for (const c of Object.values(SUPPLY_CATALOGUES)) {
      expect(c.source).toMatch(/01\/2022\/TT-BLĐTBXH/);
      expect(new Set(c.options.map((o) => o.code)).size).toBe(c.options.length);
    }
  });
  it('finds an option from the words an officer types, without accents', () => {
    expect(optionOf(QUALIFICATION, 'so cap', searchKey)?.code).toBe('elementary');
    expect(optionOf(QUALIFICATION, 'Trung cấp', searchKey)?.code).toBe('intermediate');
    expect(optionOf(QUALIFICATION, 'phi công', searchKey)).toBeNull();
  });
  it('admits people aged 15 and over (Art. 6), a partial birth date at its latest day', () => {
    expect(isWorkingAge('2006-03-10', '2021-03-10')).toBe(true);
    expect(isWorkingAge('2006-03-11', '2021-03-10')).toBe(false);
    expect(isWorkingAge('2006', '2021-06-30')).toBe(false);
    expect(isWorkingAge('2006', '2021-12-31')).toBe(true);
  });
});

describe('placement follow-up (NĐ 23/2021 Art. 12: at least three months)', () => {
  it('sets checkpoints one, two and three months on, inside short months', () => {
    expect(checkpointsOf('2021-11-30').map((c) => c.due)).toEqual(['2021-12-30', '2022-01-30', '2022-02-28']);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
  it('is complete only with a checkpoint three months after the start', () => {
    const start = '2021-06-01';
    const two = [
      { month: 1, date: '2021-07-01', result: 'working' as const },
      { month: 2, date: '2021-08-02', result: 'working' as const },
    ];
    expect(followUpState(start, two, '2021-08-10')).toMatchObject({
      complete: false,
      next: { month: 3, due: '2021-09-01' },
    });
    expect(followUpState(start, two, '2021-09-02').overdue).toBe(true);
    const three = [...two, { month: 3, date: '2021-09-01', result: 'working' as const }];
    expect(followUpState(start, three, '2021-09-02')).toMatchObject({ complete: true, working: true, next: null });
  });
  it('refuses the last checkpoint before three months have passed', () => {
    expect(checkpointProblem('2021-06-01', 3, '2021-08-31')).toMatch(/đủ 3 tháng/);
    expect(checkpointProblem('2021-06-01', 3, '2021-09-01')).toBeNull();
    expect(checkpointProblem('2021-06-01', 1, '2021-05-31')).toMatch(/trước ngày bắt đầu/);
    expect(checkpointProblem('2021-06-01', 4, '2021-10-01')).toMatch(/tháng 1 đến 3/);
  });
});

describe('direct contract registration (Luật 69/2020 Art. 53: 5 working days)', () => {
  it('counts working days on the one calendar, skipping Tết', () => {
    // Received Monday 8/2/2021; Tết Tân Sửu 10–16/2 is off: 9, 17, 18, 19, 22.
    expect(directContractDue(defaultCalendar, '2021-02-08')).toBe('2021-02-22');
    expect(directContractDue(defaultCalendar, '2022-01-03')).toBe('2022-01-10');
  });
  it('tells pending, overdue and registered on time', () => {
    const w = { form: 'direct', receivedOn: '2022-01-03', registeredOn: null };
    expect(registrationClock(defaultCalendar, w, '2022-01-05')).toMatchObject({
      state: 'pending',
      daysLeft: 3,
      overdue: false,
    });
    expect(registrationClock(defaultCalendar, w, '2022-01-12')).toMatchObject({ state: 'pending', overdue: true });
    expect(registrationClock(defaultCalendar, { ...w, registeredOn: '2022-01-07' }, '2022-01-12')).toMatchObject({
      state: 'registered',
      onTime: true,
      workingDaysTaken: 4,
    });
    expect(registrationClock(defaultCalendar, { ...w, form: 'service_company' }, '2022-01-12').state).toBe(
      'not_required',
    );
  });
});

describe('training support for specific groups (effective-dated)', () => {
  it('supports elementary and short courses for the groups, with the ceiling in force', () => {
    expect(trainingSupport('2021-05-01', 'elementary', 'disabled')).toMatchObject({
      supported: true,
      ceiling: 6_000_000,
    });
    expect(trainingSupport('2021-05-01', 'short_course', 'rural')).toMatchObject({
      supported: true,
      ceiling: 2_000_000,
    });
    expect(trainingSupport('2021-05-01', 'college', 'disabled')).toMatchObject({ supported: false });
    expect(trainingSupport('2021-05-01', 'elementary', null)).toMatchObject({ supported: false });
  });
  it('has no rule before it came into force', () => {
    expect(() => trainingSupport('2014-01-01', 'elementary', 'disabled')).toThrow(/không có giá trị/);
  });
});

describe('jobs created: one person once per period', () => {
  it('counts the first job of the period and keeps the others as duplicates', () => {
    const r = countJobsCreated(
      [
        { id: 1, personKey: '070090000001', channel: 'centre_placement', date: '2021-03-01' },
        { id: 2, personKey: '070090000001', channel: 'abroad', date: '2021-09-01' },
        { id: 3, personKey: '070090000002', channel: 'fund_loan', date: '2021-05-01' },
        { id: 4, personKey: '070090000003', channel: 'new_hire', date: '2022-01-05' },
      ],
      '2021-01-01',
      '2021-12-31',
    );
    expect(r.counted.map((x) => x.id)).toEqual([1, 3]);
    expect(r.duplicates.map((d) => [d.record.id, d.countedAs.id])).toEqual([[2, 1]]);
    expect(r.byChannel).toMatchObject({ centre_placement: 1, fund_loan: 1, abroad: 0, new_hire: 0 });
  });
});
