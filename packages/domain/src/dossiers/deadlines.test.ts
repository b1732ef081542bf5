import { describe, expect, it } from 'vitest';
import { defaultCalendar as cal } from './calendar.js';
import { agencyCode, formatDossierCode, parseDossierCode } from './code.js';
import { apologyProblem, effectivePath, pauseShift, planSteps, stepDue, timeliness, urgency } from './deadlines.js';

describe('early, on time, late (TT 01/2018/TT-VPCP Art. 13)', () => {
  it('compares the day the result is ready with the due date', () => {
    expect(timeliness('2025-03-10', '2025-03-11')).toBe('early');
    expect(timeliness('2025-03-11', '2025-03-11')).toBe('on_time');
    expect(timeliness('2025-03-12', '2025-03-11')).toBe('late');
  });
  it('tells an officer what is overdue, due today, due tomorrow (the next working day)', () => {
    expect(urgency(cal, '2025-03-12', '2025-03-11')).toBe('overdue');
    expect(urgency(cal, '2025-03-12', '2025-03-12')).toBe('due_today');
    expect(urgency(cal, '2025-03-14', '2025-03-17')).toBe('due_tomorrow'); // Friday → Monday
    expect(urgency(cal, '2025-03-12', '2025-03-14')).toBe('due_soon');
    expect(urgency(cal, '2025-03-12', '2025-03-28')).toBe('in_time');
    // Two working days after Friday 14 (Mon 17, Tue 18) are soon; the third is not; a year ahead neither.
    expect(urgency(cal, '2025-03-14', '2025-03-18')).toBe('due_soon');
    expect(urgency(cal, '2025-03-14', '2025-03-19')).toBe('in_time');
    expect(urgency(cal, '2025-03-12', '2026-03-12')).toBe('in_time');
  });
});

describe('levels and due dates', () => {
  const path = [
    { level: 'commune' as const, days: 5 },
    { level: 'district' as const, days: 7 },
    { level: 'province' as const, days: 8 },
  ];
  it('plans commune, district and province due dates in working days; a 2-level province drops the district', () => {
    const plan = planSteps(cal, '2025-03-03', path);
    expect(plan.steps.map((s) => [s.level, s.start, s.due])).toEqual([
      ['commune', '2025-03-03', '2025-03-07'],
      ['district', '2025-03-10', '2025-03-18'],
      ['province', '2025-03-19', '2025-03-28'],
    ]);
    expect(plan.due).toBe('2025-03-28');
    const two = planSteps(cal, '2025-03-03', effectivePath(path, false));
    expect(two.steps.map((s) => s.level)).toEqual(['commune', 'province']);
    expect(two.due).toBe('2025-03-19');
  });
  it('a level receiving after 15:00 counts it received the next working day, and starts the day after (BLDS Art. 147)', () => {
    // Friday 07/3/2025 15:30 → received Monday 10/3 → day 1 Tuesday 11/3, day 2 Wednesday 12/3.
    expect(stepDue(cal, '2025-03-07T08:30:00Z', 2)).toEqual({ start: '2025-03-11', due: '2025-03-12' });
  });
  it('the clock stops while supplements are awaited: the working days in between are added back', () => {
    expect(pauseShift(cal, '2025-03-05', '2025-03-12')).toBe(5);
    expect(pauseShift(cal, '2025-03-05', '2025-03-05')).toBe(0);
  });
  it('one apology, before the due date, with a later date (NĐ 61/2018 Art. 19)', () => {
    expect(apologyProblem({ today: '2025-03-10', due: '2025-03-11', apologies: 0, newDate: '2025-03-14' })).toBeNull();
    expect(apologyProblem({ today: '2025-03-11', due: '2025-03-11', apologies: 0, newDate: '2025-03-14' })).toMatch(
      /trước ngày hẹn trả/,
    );
    expect(apologyProblem({ today: '2025-03-10', due: '2025-03-11', apologies: 1, newDate: '2025-03-14' })).toMatch(
      /một lần/,
    );
    expect(apologyProblem({ today: '2025-03-10', due: '2025-03-11', apologies: 0, newDate: '2025-03-11' })).toMatch(
      /sau ngày hẹn/,
    );
  });
});

describe('dossier codes (TT 01/2018/TT-VPCP Art. 19)', () => {
  it('formats V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX and reads it back', () => {
    const agency = agencyCode({ provinceCode: '70', districtCode: '689', communeCode: '25213', level: 3 });
    expect(agency).toBe('213.89.31.H70');
    const code = formatDossierCode(agency, '2025-03-12', 7);
    expect(code).toBe('213.89.31.H70-250312-0007');
    expect(parseDossierCode(code)).toEqual({ agency, date: '2025-03-12', seq: 7 });
    expect(parseDossierCode('25213-000042')).toBeNull();
    expect(agencyCode({ provinceCode: '70', districtCode: null, communeCode: null, level: 1 })).toBe('000.00.31.H70');
  });
});
