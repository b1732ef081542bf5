import { describe, expect, it } from 'vitest';
import { applyNarrative, minDate, monthEnd, monthsBegun, quarterRange, romanQuarter, yearRange } from './periods.js';

describe('periods of plans and reports', () => {
  it('gives the calendar year and its quarters, February of a leap year included', () => {
    expect(yearRange(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(quarterRange(2025, 4)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(quarterRange(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(monthEnd(2024, 2)).toBe('2024-02-29');
    expect(monthEnd(2025, 2)).toBe('2025-02-28');
  });

  it('writes quarters in Roman numerals and counts the months begun by a date', () => {
    expect([1, 2, 3, 4].map(romanQuarter)).toEqual(['I', 'II', 'III', 'IV']);
    expect(romanQuarter(null)).toBe('');
    expect(monthsBegun(2025, '2024-12-31')).toBe(0);
    expect(monthsBegun(2025, '2025-07-21')).toBe(7);
    expect(monthsBegun(2025, '2026-01-05')).toBe(12);
    expect(minDate('2025-12-31', '2025-06-30')).toBe('2025-06-30');
  });
});

describe('editing the narrative of a report', () => {
  const body = {
    sections: [
      {
        id: 's1',
        title: 'I',
        blocks: [
          { type: 'text', id: 'p1', text: 'old' },
          { type: 'when_zero', id: 'c1', figure: 'x', zero: 'none', otherwise: 'some' },
        ],
      },
    ],
  } as unknown as Parameters<typeof applyNarrative>[0];

  it('replaces text blocks and either branch of a when_zero block, leaving the original alone', () => {
    const r = applyNarrative(body, { p1: 'new', 'c1.zero': 'không phát sinh' });
    expect(r.unknown).toEqual([]);
    expect(r.body.sections[0]!.blocks[0]).toMatchObject({ text: 'new' });
    expect(r.body.sections[0]!.blocks[1]).toMatchObject({ zero: 'không phát sinh', otherwise: 'some' });
    expect(body.sections[0]!.blocks[0]).toMatchObject({ text: 'old' });
  });

  it('names the keys that are no narrative block', () => {
    expect(applyNarrative(body, { nope: 'x', p1: 'y' }).unknown).toEqual(['nope']);
  });
});

describe('halfRange', () => {
  it('covers 1 January to 30 June, the "6 tháng đầu năm" report', async () => {
    const { halfRange } = await import('./periods.js');
    expect(halfRange(2024)).toEqual({ from: '2024-01-01', to: '2024-06-30' });
  });
});
