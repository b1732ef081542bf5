import { describe, expect, it } from 'vitest';
import { groupMask, groupsOfMask, POVERTY_CAUSES, POVERTY_GROUPS } from './breakdowns.js';

describe('poverty breakdown catalogues (TT 07/2021 Phụ lục III)', () => {
  it('names the causes the report template lists, "other" last', () => {
    expect(POVERTY_CAUSES.map((c) => c.code)).toContain('illness');
    expect(POVERTY_CAUSES.at(-1)!.code).toBe('other');
  });

  it('stores a household in several groups at once as a mask and reads it back', () => {
    const m = groupMask(['merit', 'needs_housing']);
    expect(m).toBe((1 << 1) | (1 << 6));
    expect(groupsOfMask(m)).toEqual(['merit', 'needs_housing']);
    expect(groupsOfMask(null)).toEqual([]);
    expect(POVERTY_GROUPS).toHaveLength(7);
  });
});
