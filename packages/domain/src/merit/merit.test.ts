import { describe, expect, it } from 'vitest';
import { defaultCalendar as cal } from '../dossiers/calendar.js';
import { addMonths } from '../dates.js';
import {
  benefitState,
  checkDecision,
  checkSampleEvent,
  formatMeritDossierCode,
  giftTotalText,
  housingProblems,
  isMaternalLine,
  martyrInfoStatus,
  martyrSearchKey,
  graveKeys,
  GRAVE_KEY_LENGTH,
  normalizeSampleCode,
  paidMonths,
  parseMeritDossierCode,
  paymentContinuesFrom,
  sampleClocks,
  samplingRefusal,
  stepDueDate,
  stepClock,
  stepLimit,
  transferClocks,
  transferRefusal,
  yearlyCountPeriod,
  MERIT_PROCEDURES,
  MERIT_TIME_LIMITS,
  meritProcedurePath,
  calendarToWorkingDays,
} from './index.js';
import { valueOn } from '../programs/effective.js';

describe('NĐ 131/2021 time limits', () => {
  it('Art. 147(1): remains received on a Friday are coded and shipped by the next working day', () => {
    expect(stepLimit('remains_receive', '2025-03-14')).toMatchObject({ amount: 1, unit: 'working_days' });
    expect(stepDueDate(cal, 'remains_receive', '2025-03-14')).toBe('2025-03-17');
    expect(stepDueDate(cal, 'sample_dispatch', '2025-03-12')).toBe('2025-03-13');
  });
  it('Art. 147(1) skips Tết: remains received before the Tết break are due after it', () => {
    // Tết Ất Tỵ 2025: 25/01–02/02 off.
    expect(stepDueDate(cal, 'sample_dispatch', '2025-01-24')).toBe('2025-02-03');
  });
  it('Art. 148: the laboratory has 6 months from dispatch; the sample goes back within 5 working days', () => {
    expect(stepDueDate(cal, 'lab_result', '2025-03-17')).toBe('2025-09-17');
    expect(stepDueDate(cal, 'sample_return', '2025-09-17')).toBe('2025-09-24');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
  });
  it('Art. 131: the sending department issues the slip within 12 days (a Saturday moves to Monday)', () => {
    expect(stepDueDate(cal, 'transfer_slip', '2025-03-03')).toBe('2025-03-17');
  });
  it('Art. 118: suspension within 5 working days of the judgment', () => {
    expect(stepDueDate(cal, 'suspension_decision', '2025-03-10')).toBe('2025-03-17');
  });
  it('Art. 7: commune 5 working days, then 20 days, then 12 days', () => {
    expect(stepLimit('commune_confirm', '2024-01-01').amount).toBe(5);
    expect(stepLimit('competent_decision', '2024-01-01').amount).toBe(20);
    expect(stepLimit('department_allowance', '2024-01-01').amount).toBe(12);
  });
  it('has no limits before NĐ 131/2021 took effect', () => {
    expect(() => stepLimit('transfer_slip', '2022-02-14')).toThrow(/không có giá trị/);
  });
  it('tells a clock done on time, late, overdue, due today, running', () => {
    expect(stepClock(cal, 'sample_dispatch', '2025-03-12', '2025-03-13', '2025-03-20').state).toBe('done_on_time');
    expect(stepClock(cal, 'sample_dispatch', '2025-03-12', '2025-03-14', '2025-03-20').state).toBe('done_late');
    expect(stepClock(cal, 'sample_dispatch', '2025-03-12', null, '2025-03-14').state).toBe('overdue');
    expect(stepClock(cal, 'sample_dispatch', '2025-03-12', null, '2025-03-13').state).toBe('due_today');
    expect(stepClock(cal, 'sample_dispatch', '2025-03-12', null, '2025-03-12').state).toBe('running');
  });
});

describe('dossier code (Art. 127)', () => {
  it('writes place / type / serial / period, CA- for the police, and reads it back', () => {
    const c = formatMeritDossierCode({ police: false, place: '31', type: 'TB', serial: 1234, period: 2022 });
    expect(c).toBe('31/TB/001234/2022');
    expect(parseMeritDossierCode(c)).toEqual({ police: false, place: '31', type: 'TB', serial: 1234, period: 2022 });
    expect(formatMeritDossierCode({ police: true, place: '31', type: 'LS', serial: 7, period: 2023 })).toBe(
      'CA-31/LS/000007/2023',
    );
    expect(parseMeritDossierCode('31-TB-1')).toBeNull();
    expect(() => formatMeritDossierCode({ police: false, place: '3', type: 'TB', serial: 1, period: 2022 })).toThrow();
  });
});

describe('benefit decisions', () => {
  it('grant, suspend, resume, terminate in order; resumption only after suspension', () => {
    const h = [
      { kind: 'grant' as const, effectiveMonth: '2022-03' },
      { kind: 'suspension' as const, effectiveMonth: '2023-01' },
    ];
    expect(benefitState(h)).toBe('suspended');
    expect(checkDecision(h, { kind: 'resumption', effectiveMonth: '2023-06' })).toEqual({ ok: true, state: 'active' });
    expect(checkDecision(h, { kind: 'change', effectiveMonth: '2023-06' })).toMatchObject({
      ok: false,
      problem: 'not_allowed_from_state',
    });
    expect(checkDecision(h, { kind: 'resumption', effectiveMonth: '2022-12' })).toMatchObject({
      ok: false,
      problem: 'before_previous',
    });
    expect(checkDecision([], { kind: 'grant', effectiveMonth: '2022-13' })).toMatchObject({
      ok: false,
      problem: 'bad_month',
    });
    expect(
      checkDecision([{ kind: 'termination', effectiveMonth: '2022-01' }], { kind: 'grant', effectiveMonth: '2022-02' }),
    ).toMatchObject({ ok: true });
  });
  it('counts the paid months of a year', () => {
    const h = [
      { kind: 'grant' as const, effectiveMonth: '2021-03' },
      { kind: 'suspension' as const, effectiveMonth: '2021-06' },
      { kind: 'resumption' as const, effectiveMonth: '2021-09' },
    ];
    expect(paidMonths(h, '2021-01', '2021-12')).toBe(3 + 4);
  });
});

describe('martyrs, graves and samples', () => {
  it('information status: full, partial, none', () => {
    expect(martyrInfoStatus({ fullName: 'Nguyễn Văn A', hometown: 'Hà Tĩnh', deathYear: 1972 })).toBe('full');
    expect(martyrInfoStatus({ fullName: 'Nguyễn Văn A' })).toBe('partial');
    expect(martyrInfoStatus({ fullName: ' ', hometown: 'Hà Tĩnh' })).toBe('none');
  });
  it('searches without diacritics', () => {
    expect(martyrSearchKey(['Nguyễn Văn Đức', 'Quảng Trị'])).toContain('nguyen van duc');
  });
  it('keys a grave at every word start of its martyr name and hometown, cut to the key length', () => {
    expect(graveKeys(martyrSearchKey(['Nguyễn Văn Đức', 'Quảng Trị']))).toEqual([
      'nguyen van duc quang tri',
      'van duc quang tri',
      'duc quang tri',
      'quang tri',
      'tri',
    ]);
    const long = graveKeys('nguyen thi thanh huong thai binh viet nam');
    expect(long[0]).toBe('nguyen thi thanh huong thai binh');
    expect(long.every((k) => k.length <= GRAVE_KEY_LENGTH)).toBe(true);
    expect(graveKeys('')).toEqual([]);
  });
  it('Art. 146: no sample from a mass grave or an identified grave; a second only after a failure', () => {
    expect(samplingRefusal({ massGrave: true, identified: false, earlierSamples: [] })).toBe('mass_grave');
    expect(samplingRefusal({ massGrave: false, identified: true, earlierSamples: [] })).toBe('already_identified');
    expect(samplingRefusal({ massGrave: false, identified: false, earlierSamples: [{ outcome: null }] })).toBe(
      'first_sample_not_failed',
    );
    expect(
      samplingRefusal({ massGrave: false, identified: false, earlierSamples: [{ outcome: 'failed' }] }),
    ).toBeNull();
  });
  it('Art. 146: reference samples on the mother’s line only', () => {
    expect(isMaternalLine('mother')).toBe(true);
    expect(isMaternalLine('father')).toBe(false);
  });
  it('a result cannot precede dispatch, nor be recorded before it; a return needs a result', () => {
    const s = { takenOn: '2025-03-14', dispatchedOn: '2025-03-17', resultOn: null, returnedOn: null };
    expect(checkSampleEvent({ ...s, dispatchedOn: null }, { kind: 'result', on: '2025-04-01' })).toBe('not_dispatched');
    expect(checkSampleEvent(s, { kind: 'result', on: '2025-03-16' })).toBe('result_before_dispatch');
    expect(checkSampleEvent(s, { kind: 'result', on: '2025-03-17' })).toBeNull();
    expect(checkSampleEvent(s, { kind: 'return', on: '2025-03-18' })).toBe('no_result');
    expect(checkSampleEvent(s, { kind: 'dispatch', on: '2025-03-13' })).toBe('dispatch_before_taken');
  });
  it('normalizes sample codes', () => {
    expect(normalizeSampleCode(' qt-2025-0001 ')).toBe('QT-2025-0001');
    expect(normalizeSampleCode('x')).toBeNull();
  });
  it('gives a sample its clocks', () => {
    const c = sampleClocks(
      cal,
      { receivedOn: '2025-03-14', takenOn: '2025-03-14', dispatchedOn: '2025-03-17', resultOn: null, returnedOn: null },
      '2025-04-01',
    );
    expect(c.map((x) => [x.step, x.due, x.state])).toEqual([
      ['sample_dispatch', '2025-03-17', 'done_on_time'],
      ['lab_result', '2025-09-17', 'running'],
    ]);
  });
});

describe('transfers, housing, gifts, yearly count', () => {
  it('Art. 131: a transfer with open items is refused; payment continues from the slip month', () => {
    expect(transferRefusal([])).toBeNull();
    expect(transferRefusal([{ kind: 'pending_decision', label: 'Quyết định chờ ký' }])).toMatch(/chưa giải quyết/);
    expect(paymentContinuesFrom('2025-04-20')).toBe('2025-04');
    const c = transferClocks(
      cal,
      { requestedOn: '2025-03-03', slipOn: '2025-03-10', receivedOn: null, registeredOn: null },
      '2025-03-11',
    );
    expect(c[0]!.state).toBe('done_on_time');
  });
  it('Art. 102: 30 m² (24 m² alone), 20 years new, 10 years repair, not helped under QĐ 22/2013', () => {
    expect(
      housingProblems({ kind: 'new_build', floorArea: 30, livesAlone: false, lifeYears: 20, helpedUnderQd22: false }),
    ).toEqual([]);
    expect(
      housingProblems({ kind: 'new_build', floorArea: 26, livesAlone: false, lifeYears: 20, helpedUnderQd22: false }),
    ).toEqual(['area_too_small']);
    expect(
      housingProblems({ kind: 'new_build', floorArea: 24, livesAlone: true, lifeYears: 20, helpedUnderQd22: false }),
    ).toEqual([]);
    expect(
      housingProblems({ kind: 'repair', floorArea: 10, livesAlone: false, lifeYears: 9, helpedUnderQd22: true }),
    ).toEqual(['helped_before', 'too_short_lived']);
  });
  it('states gifts as "N suất, X đồng"; Mẫu 100 is due 31/01', () => {
    expect(giftTotalText(1234, 740_400_000)).toBe('1.234 suất, 740.400.000 đồng');
    expect(yearlyCountPeriod(2021)).toEqual({ from: '2021-01-01', to: '2021-12-31', due: '2022-01-31' });
  });
});

describe('merit procedures as dossiers-module paths (NĐ 131/2021)', () => {
  it('Art. 7: commune 5 working days, then 20 + 12 days at the province as 14 + 8 working days', () => {
    const p = MERIT_PROCEDURES.find((x) => x.code === 'NCC131.D7')!;
    expect(meritProcedurePath(p)).toEqual([
      { level: 'commune', days: 5 },
      { level: 'province', days: 22 },
    ]);
    expect(calendarToWorkingDays(12)).toBe(8);
  });
  it('Art. 145: 5 + 7 + 3 working days, one level each', () => {
    const p = MERIT_PROCEDURES.find((x) => x.code === 'NCC131.D145')!;
    expect(meritProcedurePath(p).map((s) => s.days)).toEqual([5, 7, 3]);
  });
  it('takes each step limit from the time-limit table', () => {
    const limits = valueOn(MERIT_TIME_LIMITS, '2022-02-15').value;
    for (const p of MERIT_PROCEDURES)
      for (const s of p.steps) {
        expect(limits[s.step].amount, `${p.code} ${s.step}`).toBe(s.amount);
        expect(limits[s.step].unit, `${p.code} ${s.step}`).toBe(s.unit);
      }
  });
});
