/** Factories of the activities register: each creates its record through the service as the system actor. */
import type { ActivityBody, ActivityOut } from '@ansinh/domain';
import type { TestContext } from '../helpers.js';
import { factoryActor, unique } from './base.js';

/** A training course held by the department in the demo province (30 people, 18 women, 5.000.000đ). */
export function buildActivity(ctx: TestContext, overrides: Partial<ActivityBody> = {}): Promise<ActivityOut> {
  return ctx.services.activities.recordActivity(factoryActor, {
    areaCode: '70',
    kind: 'training',
    topic: 'gender_equality',
    title: `Tập huấn bình đẳng giới ${unique()}`,
    startDate: '2025-05-10',
    place: 'Hội trường Sở',
    organiser: 'Sở Nội vụ',
    targetGroup: 'Cán bộ cấp xã',
    participantsTotal: 30,
    participantsFemale: 18,
    groups: [{ group: 'Cán bộ xã', count: 30 }],
    cost: 5_000_000,
    ...overrides,
  });
}
