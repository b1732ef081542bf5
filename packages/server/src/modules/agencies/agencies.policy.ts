import type { Role } from '@ansinh/domain';
import type { Actor } from '../../platform/actor.js';
import { definePolicy } from '../../platform/authz.js';

/** Every officer of a province reads its agencies (to pick one, to show their own in the header bar). */
const READERS: readonly Role[] = [
  'admin',
  'province_leader',
  'province_officer',
  'district_officer',
  'commune_officer',
  'inspector',
  'supervisor',
  'employment_centre',
];

/**
 * Agencies are province-wide records (`{ provinceCode }`): an agency of another province answers
 * 404. Only the province's administrator (the one who manages accounts) creates and edits them.
 */
export const agenciesPolicy = definePolicy(
  'agencies',
  { read: READERS, manage: ['admin'] },
  {
    manage: (actor: Actor) =>
      actor.areaLevel === 1 || 'Chỉ quản trị cấp tỉnh thêm và sửa cơ quan. Nhờ quản trị của Sở làm việc này.',
  },
);

export type AgenciesAction = Parameters<typeof agenciesPolicy.guard>[1];
