import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, ACTIVITY_TOPICS, validateActivity } from './index.js';

describe('activities rules', () => {
  it('counts each kind in the word a report uses', () => {
    expect(ACTIVITY_KINDS.map((k) => [k.code, k.countVi])).toEqual([
      ['training', 'lớp'],
      ['campaign', 'đợt'],
      ['conference', 'hội nghị'],
      ['inspection', 'cuộc'],
    ]);
    expect(ACTIVITY_TOPICS.map((t) => t.code)).toContain('women_candidates');
  });

  it('keeps dates and participant counts consistent', () => {
    const ok = {
      startDate: '2025-06-01',
      endDate: '2025-06-30',
      participantsTotal: 100,
      participantsFemale: 60,
      groups: [
        { group: 'Học sinh', count: 70 },
        { group: 'Phụ huynh', count: 30 },
      ],
    };
    expect(validateActivity(ok)).toEqual([]);
    expect(
      validateActivity({
        ...ok,
        endDate: '2025-05-31',
        participantsFemale: 101,
        groups: [...ok.groups, { group: 'học sinh ', count: 1 }],
      }).map((p) => p.path),
    ).toEqual(['body.endDate', 'body.participantsFemale', 'body.groups', 'body.groups.2.group']);
  });
});
