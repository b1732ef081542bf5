import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { buildActivity } from '../../test/factories.js';
import { validateTemplate } from '../reports/reports.validate.js';
import { computedIndicators } from '../reports/reports.catalogue.js';
import { activitiesIndicators } from './index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const byCode = (code: string) => activitiesIndicators.find((i) => i.code === code)!;
const area = (code: string, level: 1 | 2 | 3) => ({
  code,
  level,
  column: (level === 1 ? 'province_code' : level === 2 ? 'district_code' : 'commune_code') as
    'province_code' | 'district_code' | 'commune_code',
});

describe('activities indicators', () => {
  it('give "N lớp, M người" by kind and topic, with women and cost, rolling up from commune to province', async () => {
    // Year 2022 is this test's own: two trainings for women candidates (one in a commune), one
    // drug-prevention campaign, and a training dated after the as-of date that does not count.
    await buildActivity(ctx, {
      areaCode: '25213',
      topic: 'women_candidates',
      startDate: '2022-03-02',
      participantsTotal: 40,
      participantsFemale: 40,
      cost: 12_000_000,
      groups: [],
    });
    await buildActivity(ctx, {
      areaCode: '70',
      topic: 'women_candidates',
      startDate: '2022-03-20',
      participantsTotal: 25,
      participantsFemale: 25,
      cost: 8_000_000,
      groups: [],
    });
    await buildActivity(ctx, {
      areaCode: '689',
      kind: 'campaign',
      topic: 'drug_prevention',
      startDate: '2022-06-26',
      participantsTotal: 300,
      participantsFemale: 120,
      cost: 0,
      groups: [{ group: 'Học sinh', count: 250 }],
    });
    await buildActivity(ctx, {
      areaCode: '70',
      startDate: '2022-11-15',
      participantsTotal: 10,
      participantsFemale: 5,
      groups: [],
    });
    const db = ctx.database.db;
    const year = { area: area('70', 1), from: '2022-01-01', to: '2022-12-31', asOf: '2022-10-31' };
    const v = async (code: string, params: Record<string, string>, q = year) =>
      (await byCode(code).compute(db, q, params)).value;

    expect(await v('activities.count', { kind: 'training' })).toBe(2);
    expect(await v('activities.participants', { kind: 'training' })).toBe(65);
    expect(await v('activities.participants_female', { topic: 'women_candidates' })).toBe(65);
    expect(await v('activities.cost', { kind: 'training', topic: 'women_candidates' })).toBe(20_000_000);
    expect(await v('activities.count', { kind: 'campaign' })).toBe(1);
    expect(await v('activities.participants', { topic: 'drug_prevention' })).toBe(300);
    // The district holds its campaign and the commune's training, not the province's own course.
    const district = { ...year, area: area('689', 2) };
    expect(await v('activities.count', { kind: 'training' }, district)).toBe(1);
    expect(await v('activities.count', { kind: 'campaign' }, district)).toBe(1);
    // As of the year's end the November course counts too.
    expect(await v('activities.count', { kind: 'training' }, { ...year, asOf: '2022-12-31' })).toBe(3);

    const behind = await byCode('activities.participants').records(
      db,
      year,
      { limit: 10, offset: 0 },
      { kind: 'training' },
    );
    expect(behind.total).toBe(2);
    expect(behind.rows.map((r) => r.amount)).toEqual([40, 25]);
    expect(behind.rows[0]!.label).toMatch(/^Tập huấn, bồi dưỡng: /);
  });

  it('is refused in a report template unless it names a kind or a topic', () => {
    const body = {
      summary: 'Báo cáo',
      sections: [
        {
          id: 's1',
          title: 'Kết quả',
          blocks: [
            { type: 'text' as const, id: 's1.p1', text: 'Tổ chức {activities.count(kind=training)} lớp.' },
            { type: 'text' as const, id: 's1.p2', text: 'Tổng {activities.participants} người.' },
          ],
        },
      ],
    };
    const problems = validateTemplate(body as never, computedIndicators());
    expect(problems.map((p) => p.path)).toEqual(['s1.p2']);
    // The message names what an activities figure is filtered by, not programmes.
    expect(problems[0]!.message).toContain('ghi rõ kind hoặc topic');
    expect(problems[0]!.message).not.toContain('chương trình');
  });
});
