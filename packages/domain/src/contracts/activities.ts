import { z } from 'zod';
import { ACTIVITY_KIND_CODES, ACTIVITY_TOPIC_CODES } from '../activities/index.js';
import { AreaCode, IsoDate, PageQuery, pageOf } from './common.js';

/** Request and response bodies of the activities register (docs/modules/activities.md). */
const Text = (max = 200) => z.string().trim().max(max);
const Count = z.number().int().min(0, 'Nhập số không âm').max(10_000_000);

export const ActivityGroup = z.object({
  group: Text(120).min(1, 'Nhập tên nhóm (ví dụ: cán bộ xã, học sinh)'),
  count: Count,
});
export type ActivityGroup = z.infer<typeof ActivityGroup>;

export const ActivityBody = z.object({
  /** The commune, district or province the activity belongs to; the officer's own area by default. */
  areaCode: AreaCode.optional(),
  kind: z.enum(ACTIVITY_KIND_CODES),
  topic: z.enum(ACTIVITY_TOPIC_CODES),
  title: Text(300).min(3, 'Nhập tên hoạt động'),
  startDate: IsoDate,
  endDate: IsoDate.nullable().default(null),
  place: Text(200).default(''),
  organiser: Text(200).min(2, 'Nhập đơn vị tổ chức'),
  targetGroup: Text(200).default(''),
  participantsTotal: Count,
  participantsFemale: Count.default(0),
  groups: z.array(ActivityGroup).max(20).default([]),
  /** Cost in đồng (integer). */
  cost: z.number().int().min(0).max(1e13).default(0),
  note: Text(1000).default(''),
});
export type ActivityBody = z.input<typeof ActivityBody>;
export type ActivityIn = z.infer<typeof ActivityBody>;

export const ActivityOut = z.object({
  id: z.number().int(),
  areaCode: z.string(),
  provinceCode: z.string(),
  kind: z.string(),
  topic: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  place: z.string(),
  organiser: z.string(),
  targetGroup: z.string(),
  participantsTotal: z.number().int(),
  participantsFemale: z.number().int(),
  groups: z.array(ActivityGroup),
  cost: z.number().int(),
  note: z.string(),
  createdBy: z.string(),
});
export type ActivityOut = z.infer<typeof ActivityOut>;

export const ActivitiesQuery = PageQuery.extend({
  kind: z.enum(ACTIVITY_KIND_CODES).optional(),
  topic: z.enum(ACTIVITY_TOPIC_CODES).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type ActivitiesQuery = z.infer<typeof ActivitiesQuery>;
/** A page of activities, with the actions the caller may take (to hide buttons). */
export const ActivityPage = pageOf(ActivityOut).extend({ abilities: z.array(z.string()) });
export type ActivityPage = z.infer<typeof ActivityPage>;
