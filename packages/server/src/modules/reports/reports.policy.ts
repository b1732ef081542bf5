import type { Role } from '@ansinh/domain';
import type { Actor } from '../../platform/actor.js';
import { definePolicy, type RecordArea } from '../../platform/authz.js';

/** Who reads plans, figures and reports: the Department, district divisions and inspectors. */
const READERS: readonly Role[] = ['admin', 'province_leader', 'province_officer', 'district_officer', 'inspector'];
/**
 * Who enters figures, plans and drafts reports: officers of the Department and districts, and the
 * Department's leaders, who sign reports and may also draft and issue them.
 */
const WRITERS: readonly Role[] = ['province_leader', 'province_officer', 'district_officer'];

/** Only the Department (an actor whose home area is the province) may do this. */
const departmentOnly =
  (message: string) =>
  (actor: Actor): boolean | string =>
    actor.areaLevel === 1 || message;

/**
 * Plans, figures and reports. Supervisors and commune officers do not read reports. Records are
 * an area (`{ areaPath }`: the area a plan, a figure or a report is for) or a province
 * (`{ provinceCode }`: its settings, the shared indicator catalogue); the guard answers 404 for a
 * record outside the actor's area. `read` and `manage` are the routes' coarse access lists; the
 * use cases guard the finer actions.
 */
export const reportsPolicy = definePolicy<
  | 'read'
  | 'manage'
  | 'enter_value'
  | 'edit_catalogue'
  | 'edit_plan'
  | 'create_report'
  | 'edit_report'
  | 'issue_report'
  | 'edit_settings'
  | 'edit_template',
  RecordArea
>(
  'reports',
  {
    read: READERS,
    manage: WRITERS,
    enter_value: WRITERS,
    edit_catalogue: WRITERS,
    edit_plan: WRITERS,
    create_report: WRITERS,
    edit_report: WRITERS,
    issue_report: WRITERS,
    edit_settings: WRITERS,
    // Templates are the province's: its Department's officers and leaders shape them, others read.
    edit_template: ['province_leader', 'province_officer'],
  },
  {
    edit_catalogue: departmentOnly('Chỉ Sở thêm chỉ tiêu vào danh mục dùng chung.'),
    edit_settings: departmentOnly('Chỉ Sở sửa thông tin cơ quan ban hành báo cáo.'),
    edit_template: departmentOnly('Chỉ cán bộ cấp tỉnh (Sở) sửa mẫu báo cáo của tỉnh.'),
  },
);

export type ReportsAction = Parameters<typeof reportsPolicy.guard>[1];
