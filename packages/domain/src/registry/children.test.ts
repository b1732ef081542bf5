import { describe, expect, it } from 'vitest';
import { findStatusCategory, STATUS_CATEGORIES, validateStatusGrant } from './catalogues.js';

/** Luật Trẻ em 102/2016/QH13, Art. 10(1): fourteen groups of children in special circumstances. */
describe('children in special circumstances', () => {
  const kind = STATUS_CATEGORIES.child_special_circumstances;

  it('lists the fourteen groups of Art. 10(1), points a to o, granted to a person', () => {
    expect(kind.subject).toBe('person');
    expect(kind.categories.map((c) => c.code)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'dd',
      'e',
      'g',
      'h',
      'i',
      'k',
      'l',
      'm',
      'n',
      'o',
    ]);
    expect(kind.effectiveFrom).toBe('2017-06-01');
    // Point đ is HIV/AIDS; point h is leaving school to earn a living before lower-secondary is done.
    expect(findStatusCategory('child_special_circumstances', 'dd')?.vi).toBe('Trẻ em nhiễm HIV/AIDS');
    expect(findStatusCategory('child_special_circumstances', 'h')?.ref).toBe('Điều 10 khoản 1 điểm h');
    expect(findStatusCategory('child_special_circumstances', 'h')?.vi).toMatch(/bỏ học kiếm sống/);
  });

  it('grants a group to a child, not to a household, with no review year and no degree', () => {
    const base = {
      kind: 'child_special_circumstances' as const,
      category: 'b',
      validFrom: '2025-01-01',
      decisionDate: '2024-12-20',
    };
    expect(validateStatusGrant({ ...base, personId: 1 })).toEqual([]);
    expect(validateStatusGrant({ ...base, householdId: 1 }).map((p) => p.path)).toContain('body.householdId');
    expect(validateStatusGrant({ ...base, personId: 1, year: 2024 }).map((p) => p.path)).toEqual(['body.year']);
    expect(validateStatusGrant({ ...base, personId: 1, category: 'p' }).map((p) => p.path)).toEqual(['body.category']);
  });
});

describe('how sure we are of Art. 10', () => {
  it('is verified: false (read from a press quotation, not the law itself; docs/legal/children.md)', () => {
    const kind = STATUS_CATEGORIES.child_special_circumstances;
    expect(kind.legalBasisVerified).toBe(false);
    expect(kind.categories.every((c) => !c.verified)).toBe(true);
  });
});
