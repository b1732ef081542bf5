import { describe, expect, it } from 'vitest';
import { defaultCalendar as cal } from '../dossiers/calendar.js';
import {
  CITIZEN_NOTICE,
  COMPLAINT_ACCEPTANCE,
  DENUNCIATION_CHECK,
  DIALOGUE_MANDATORY_2ND,
  REFUSAL_NOTICE,
  SUSPENSION_STOPS_CLOCK,
  complaintSettlementLimit,
  denunciationSettlementLimit,
  ruleOn,
} from './limits.js';
import { clockState, dueDate, suspensionsOf } from './clock.js';
import { checkExtensionProblem, denunciationCheckLimit } from './check.js';
import { allowedDecisions, checkSplit, checkTransfer, isGroup } from './classify.js';
import { assessFitness, fitnessItemsFor } from './fitness.js';
import { RECEPTION_BOOK_COLUMNS } from './reception.js';

describe('complaint limits (Luật Khiếu nại 2011 Art. 27, 28, 36, 37; NĐ 155/2026 Art. 10)', () => {
  it('accepts within 10 working days before 1/7/2026 and 7 working days from that day', () => {
    const before = ruleOn(COMPLAINT_ACCEPTANCE, '2026-06-29')!;
    expect(before.value).toEqual({ days: 10, kind: 'working' });
    expect(dueDate(cal, { start: '2026-06-29', limit: before.value })).toBe('2026-07-13');
    const after = ruleOn(COMPLAINT_ACCEPTANCE, '2026-07-01')!;
    expect(after.value).toEqual({ days: 7, kind: 'working' });
    expect(after.source).toMatch(/155\/2026/);
    expect(dueDate(cal, { start: '2026-07-01', limit: after.value })).toBe('2026-07-10');
  });

  it('settles the first complaint in 30 days, 45 complex, 45 remote, 60 remote and complex (Art. 28)', () => {
    const f = (complex: boolean, remote: boolean) =>
      complaintSettlementLimit(1, '2021-03-01', { complex, remote }).limit.days;
    expect([f(false, false), f(true, false), f(false, true), f(true, true)]).toEqual([30, 45, 45, 60]);
    const { limit } = complaintSettlementLimit(1, '2021-03-01', { complex: false, remote: false });
    expect(limit.kind).toBe('calendar');
    expect(dueDate(cal, { start: '2021-03-01', limit })).toBe('2021-03-31');
  });

  it('settles the second complaint in 45 days, 60 complex, 60 remote, 70 remote and complex (Art. 37)', () => {
    const f = (complex: boolean, remote: boolean) =>
      complaintSettlementLimit(2, '2026-08-03', { complex, remote }).limit.days;
    expect([f(false, false), f(true, false), f(false, true), f(true, true)]).toEqual([45, 60, 60, 70]);
    const { limit } = complaintSettlementLimit(2, '2021-03-01', { complex: true, remote: true });
    expect(dueDate(cal, { start: '2021-03-01', limit })).toBe('2021-05-10');
  });

  it('moves a calendar-day limit ending on a Sunday to the Monday', () => {
    expect(dueDate(cal, { start: '2021-03-05', limit: { days: 30, kind: 'calendar' } })).toBe('2021-04-05');
  });

  it('makes dialogue mandatory at second instance only from 1/7/2026', () => {
    expect(ruleOn(DIALOGUE_MANDATORY_2ND, '2026-06-30')!.value).toBe(false);
    expect(ruleOn(DIALOGUE_MANDATORY_2ND, '2026-07-01')!.value).toBe(true);
  });

  it('lets a complaint be suspended only from 1/7/2026', () => {
    expect(ruleOn(SUSPENSION_STOPS_CLOCK.complaint, '2026-06-30')).toBeNull();
    expect(ruleOn(SUSPENSION_STOPS_CLOCK.complaint, '2026-07-01')!.value).toBe(true);
  });
});

describe('denunciation limits (Luật Tố cáo 2018 Art. 24, 30)', () => {
  it('checks in 7 working days, 10 at most, forwards in 5', () => {
    const r = ruleOn(DENUNCIATION_CHECK, '2021-03-01')!.value;
    expect([r.normal.days, r.extended.days, r.forward.days]).toEqual([7, 10, 5]);
    // Received Friday 5/2/2021, before Tết Tân Sửu (10–16/2 off): 7 working days end on 23/2.
    expect(dueDate(cal, { start: '2021-02-05', limit: r.normal })).toBe('2021-02-23');
  });

  it('settles in 30 days, extended at most twice by 30', () => {
    expect(denunciationSettlementLimit('2021-03-01', 0).limit.days).toBe(30);
    expect(denunciationSettlementLimit('2021-03-01', 1).limit.days).toBe(60);
    expect(denunciationSettlementLimit('2021-03-01', 2).limit.days).toBe(90);
    expect(denunciationSettlementLimit('2021-03-01', 5).limit.days).toBe(90);
  });
});

describe('citizen notices', () => {
  it('tells the citizen within 10 working days (Luật Tiếp công dân Art. 28), across Tết', () => {
    const limit = ruleOn(CITIZEN_NOTICE, '2021-02-05')!.value;
    expect(dueDate(cal, { start: '2021-02-05', limit })).toBe('2021-02-26');
  });

  it('has a 3-working-day refusal notice only from 1/7/2026 (NĐ 154/2026 Art. 4)', () => {
    expect(ruleOn(REFUSAL_NOTICE, '2026-06-30')).toBeNull();
    expect(ruleOn(REFUSAL_NOTICE, '2026-07-01')!.value).toEqual({ days: 3, kind: 'working' });
  });
});

describe('suspension stops the clock and resumption restarts it', () => {
  const limit = { days: 30, kind: 'calendar' as const };

  it('adds the suspended days to the due date', () => {
    // Accepted 1/3/2021; suspended 11/3, resumed 21/3: 10 days not counted -> 10/4 (Saturday) -> 12/4.
    const suspensions = suspensionsOf([
      { kind: 'suspend', date: '2021-03-11' },
      { kind: 'resume', date: '2021-03-21' },
    ]);
    expect(suspensions).toEqual([{ from: '2021-03-11', to: '2021-03-21' }]);
    expect(dueDate(cal, { start: '2021-03-01', limit, suspensions })).toBe('2021-04-12');
  });

  it('has no due date while suspended and keeps the days left', () => {
    const s = clockState(
      cal,
      { start: '2021-03-01', limit, suspensions: [{ from: '2021-03-11', to: null }] },
      '2021-05-01',
    );
    expect(s).toMatchObject({ due: null, status: 'suspended', remaining: 21 });
  });

  it('refuses a resumption without a suspension and a double suspension', () => {
    expect(() => suspensionsOf([{ kind: 'resume', date: '2021-03-11' }])).toThrow(/không tạm đình chỉ/);
    expect(() =>
      suspensionsOf([
        { kind: 'suspend', date: '2021-03-11' },
        { kind: 'suspend', date: '2021-03-12' },
      ]),
    ).toThrow(/đang tạm đình chỉ/);
  });

  it('works on a working-day clock across the 1/7/2026 switch', () => {
    const lim = ruleOn(COMPLAINT_ACCEPTANCE, '2026-07-01')!.value;
    // Suspended Thursday 2/7, resumed Monday 6/7: Thursday and Friday not counted.
    const due = dueDate(cal, {
      start: '2026-07-01',
      limit: lim,
      suspensions: [{ from: '2026-07-02', to: '2026-07-06' }],
    });
    expect(due).toBe('2026-07-14');
  });
});

describe('clock state', () => {
  const c = { start: '2021-03-01', limit: { days: 30, kind: 'calendar' as const } };
  it('runs, warns, is overdue, and stops on time or late', () => {
    expect(clockState(cal, c, '2021-03-10')).toMatchObject({ due: '2021-03-31', remaining: 21, status: 'running' });
    expect(clockState(cal, c, '2021-03-29')).toMatchObject({ remaining: 2, status: 'due_soon' });
    expect(clockState(cal, c, '2021-04-02')).toMatchObject({ remaining: -2, status: 'overdue' });
    expect(clockState(cal, c, '2021-04-02', '2021-03-30').status).toBe('done_on_time');
    expect(clockState(cal, c, '2021-04-02', '2021-04-01').status).toBe('done_late');
  });
});

describe('classification', () => {
  it('splits a mixed letter into single-kind parts', () => {
    expect(checkSplit([{ kind: 'complaint', summary: 'a' }])).toMatch(/ít nhất 2/);
    expect(
      checkSplit([
        { kind: 'complaint', summary: 'a' },
        { kind: 'mixed', summary: 'b' },
      ]),
    ).toMatch(/Mỗi phần/);
    expect(
      checkSplit([
        { kind: 'complaint', summary: 'a' },
        { kind: 'denunciation', summary: 'b' },
      ]),
    ).toBeNull();
  });

  it('counts 5 signers or more as a group (TT 05/2021)', () => {
    expect(isGroup(4)).toBe(false);
    expect(isGroup(5)).toBe(true);
  });

  it('guides a complaint and transfers a denunciation or proposal outside competence (Luật TCD Art. 26)', () => {
    expect(allowedDecisions('complaint', true, false)).toContain('guide');
    expect(allowedDecisions('denunciation', true, false)).toContain('transfer');
    expect(allowedDecisions('proposal', true, false)).toContain('transfer');
    expect(allowedDecisions('complaint', true, true)).toEqual(['accept']);
    expect(allowedDecisions('complaint', false, true)).toEqual(['file', 'return']);
  });

  it('transfers a denunciation only once per content (TT 05/2021 Art. 14)', () => {
    expect(checkTransfer('denunciation', 0)).toBeNull();
    expect(checkTransfer('denunciation', 1)).toMatch(/chỉ chuyển một lần/);
    expect(checkTransfer('proposal', 1)).toBeNull();
  });
});

describe('fit to handle (TT 07/2014 Art. 6, TT 05/2021)', () => {
  const all = {
    vietnamese: true,
    dated: true,
    name_address: true,
    signed: true,
    not_settled: true,
    not_sent_elsewhere: true,
    not_guided_before: true,
  };
  it('asks a complaint for its content and a denunciation for the accused and act', () => {
    expect(fitnessItemsFor('complaint')).toContain('complaint_content');
    expect(fitnessItemsFor('complaint')).not.toContain('denunciation_content');
    expect(assessFitness('complaint', all)).toEqual({ fit: false, failed: ['complaint_content'] });
    expect(assessFitness('denunciation', { ...all, denunciation_content: true }).fit).toBe(true);
    expect(assessFitness('proposal', { ...all, signed: false })).toEqual({ fit: false, failed: ['signed'] });
  });
});

it('the reception book has the 13 columns of Mẫu 03/TCD', () => {
  expect(RECEPTION_BOOK_COLUMNS).toHaveLength(13);
});

describe('extending the denunciation check (Luật Tố cáo 2018 Art. 24(1))', () => {
  const letter = { kind: 'denunciation', receivedDate: '2021-02-05', decided: false, extendedDate: null };
  it('brings the limit to 10 working days from receipt, across Tết Tân Sửu', () => {
    const ext = denunciationCheckLimit('2021-02-05', true);
    expect(ext.limit).toEqual({ days: 10, kind: 'working' });
    // 7 working days end on 23/2 (Tết 10–16/2 off); 10 working days on 26/2.
    expect(dueDate(cal, { start: '2021-02-05', limit: ext.limit })).toBe('2021-02-26');
  });
  it('is decided once, while the 7 days run, on a denunciation not yet handled', () => {
    expect(checkExtensionProblem(cal, letter, '2021-02-23')).toBeNull();
    expect(checkExtensionProblem(cal, letter, '2021-02-24')).toMatch(/đã hết ngày 2021-02-23/);
    expect(checkExtensionProblem(cal, { ...letter, extendedDate: '2021-02-18' }, '2021-02-19')).toMatch(/một lần/);
    expect(checkExtensionProblem(cal, { ...letter, kind: 'complaint' }, '2021-02-18')).toMatch(/đơn tố cáo/);
    expect(checkExtensionProblem(cal, { ...letter, decided: true }, '2021-02-18')).toMatch(/đã được xử lý/);
    expect(checkExtensionProblem(cal, letter, '2021-02-04')).toMatch(/trước ngày nhận đơn/);
  });
});
