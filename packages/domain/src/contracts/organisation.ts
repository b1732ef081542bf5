import { z } from 'zod';
import { ORG_UNIT_KIND_CODES } from '../organisation/index.js';
import { IsoDate, PageQuery, pageOf } from './common.js';

/** Request and response bodies of the organisation register (docs/modules/organisation.md). */
const Text = (max = 200) => z.string().trim().max(max);
const Count = z.number().int().min(0, 'Nhập số không âm').max(1_000_000);
/** An agency's code (the agencies module keeps the list); null: the department itself. */
const AgencyCode = Text(40).min(1).nullable().default(null);
const ProvinceCode = z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số');

export const OrgUnitBody = z.object({
  name: Text(200).min(2, 'Nhập tên đơn vị'),
  kind: z.enum(ORG_UNIT_KIND_CODES),
  parentId: z.number().int().positive().nullable().default(null),
  activeFrom: IsoDate,
  activeTo: IsoDate.nullable().default(null),
  agencyCode: AgencyCode,
  note: Text(500).default(''),
  /** Only for the system actor (seeds, CLI); an officer's province is their own. */
  provinceCode: ProvinceCode.optional(),
});
export type OrgUnitBody = z.input<typeof OrgUnitBody>;
export type OrgUnitIn = z.infer<typeof OrgUnitBody>;

export const OrgUnitOut = z.object({
  id: z.number().int(),
  provinceCode: z.string(),
  agencyCode: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  parentId: z.number().int().nullable(),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
  note: z.string(),
});
export type OrgUnitOut = z.infer<typeof OrgUnitOut>;

export const OrgUnitsQuery = PageQuery.extend({
  /** Only the units active on this date (before/after a reorganisation). */
  onDate: IsoDate.optional(),
  agencyCode: Text(40).min(1).optional(),
});
export type OrgUnitsQuery = z.infer<typeof OrgUnitsQuery>;
export const OrgUnitPage = pageOf(OrgUnitOut).extend({ abilities: z.array(z.string()) });

export const StaffingBody = z.object({
  agencyCode: AgencyCode,
  approvedPosts: Count,
  staffStart: Count,
  staffEnd: Count,
  staffCut: Count,
  trainedPolitical: Count.default(0),
  trainedStateManagement: Count.default(0),
  trainedProfessional: Count.default(0),
  trainedOther: Count.default(0),
  note: Text(500).default(''),
  provinceCode: ProvinceCode.optional(),
});
export type StaffingBody = z.input<typeof StaffingBody>;
export type StaffingIn = z.infer<typeof StaffingBody>;

export const StaffingOut = z.object({
  id: z.number().int(),
  provinceCode: z.string(),
  agencyCode: z.string().nullable(),
  year: z.number().int(),
  approvedPosts: z.number().int(),
  staffStart: z.number().int(),
  staffEnd: z.number().int(),
  staffCut: z.number().int(),
  /** Staff cut in percent of the start of the year (two decimals), null with no staff at the start. */
  staffCutPercent: z.number().nullable(),
  trainedPolitical: z.number().int(),
  trainedStateManagement: z.number().int(),
  trainedProfessional: z.number().int(),
  trainedOther: z.number().int(),
  note: z.string(),
});
export type StaffingOut = z.infer<typeof StaffingOut>;
export const StaffingYear = z.coerce.number().int().min(2000).max(2100);
export const StaffingQuery = z.object({ agencyCode: Text(40).min(1).optional() });
export const StaffingList = z.object({ items: z.array(StaffingOut), abilities: z.array(z.string()) });
export type StaffingList = z.infer<typeof StaffingList>;
export type OrgUnitPage = z.infer<typeof OrgUnitPage>;
