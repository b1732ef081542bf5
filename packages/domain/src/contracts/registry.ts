import { z } from 'zod';
import { AreaCode, IsoDate, PageQuery, PartialIsoDate, pageOf } from './common.js';

export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;

/** Urban or rural residence decides the poverty threshold (NĐ 07/2021 Art. 3). */
export const Residence = z.enum(['urban', 'rural']);
export type Residence = z.infer<typeof Residence>;

export const HouseholdState = z.enum(['active', 'moved', 'split', 'merged', 'dissolved']);
export type HouseholdState = z.infer<typeof HouseholdState>;

export const Relation = z.enum([
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'child_in_law',
  'other',
]);
export type Relation = z.infer<typeof Relation>;

/** Degrees of disability, Luật Người khuyết tật 51/2010/QH12 Art. 3(2). */
export const DisabilityDegree = z.enum(['mild', 'severe', 'especially_severe']);
export type DisabilityDegree = z.infer<typeof DisabilityDegree>;

export const StatusKind = z.enum([
  'poverty',
  'social_assistance',
  'meritorious',
  'ethnic_minority_area',
  'health_insurance',
  'child_special_circumstances',
]);
export type StatusKind = z.infer<typeof StatusKind>;

/** Partial date of birth: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export const PartialDateStr = PartialIsoDate;

const trimmed = (max: number) => z.string().trim().max(max, `Dài tối đa ${max} ký tự`);
const Phone = z
  .string()
  .trim()
  .regex(/^(\+?84|0)\d{8,10}$/, 'Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)');

export const StatusOut = z.object({
  id: z.number().int(),
  kind: StatusKind,
  subject: z.enum(['person', 'household']),
  personId: z.number().int().nullable(),
  householdId: z.number().int().nullable(),
  category: z.string(),
  categoryLabel: z.string(),
  year: z.number().int().nullable(),
  degree: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  decisionNo: z.string(),
  decisionDate: z.string(),
  endedReason: z.string().nullable(),
  active: z.boolean(),
});
export type StatusOut = z.infer<typeof StatusOut>;

export const IdWarning = z.object({ code: z.string(), message: z.string() });

export const PersonOut = z.object({
  id: z.number().int(),
  householdId: z.number().int().nullable(),
  householdCode: z.string().nullable(),
  relation: Relation.nullable(),
  fullName: z.string(),
  gender: Gender,
  birthDate: z.string(),
  citizenId: z.string().nullable(),
  oldIdNumber: z.string().nullable(),
  ethnicCode: z.string().nullable(),
  ethnicName: z.string().nullable(),
  phone: z.string().nullable(),
  disability: DisabilityDegree.nullable(),
  deceasedOn: z.string().nullable(),
  movedOutOn: z.string().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  village: z.string().nullable(),
  mergedIntoId: z.number().int().nullable(),
  idWarnings: z.array(IdWarning),
  statuses: z.array(StatusOut),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonOut = z.infer<typeof PersonOut>;

export const PersonListItem = PersonOut.pick({
  id: true,
  householdId: true,
  householdCode: true,
  fullName: true,
  gender: true,
  birthDate: true,
  citizenId: true,
  ethnicName: true,
  phone: true,
  communeCode: true,
  communeName: true,
  village: true,
  deceasedOn: true,
  movedOutOn: true,
});
export type PersonListItem = z.infer<typeof PersonListItem>;
/**
 * A page of persons. A broad search ("nguyen") does not count every match: past `total` = 1.000
 * the answer says `totalCapped: true` ("hơn 1.000 kết quả") and pages stop at the 1.000th match.
 */
export const PersonPage = pageOf(PersonListItem).extend({ totalCapped: z.boolean().optional() });
export type PersonPage = z.infer<typeof PersonPage>;

export const PersonsQuery = PageQuery.extend({
  /** A name (any accents or case), a citizen ID, a household code or a phone number. */
  q: z.string().trim().max(100).optional(),
  areaCode: AreaCode.optional(),
  statusKind: StatusKind.optional(),
  category: z.string().trim().max(40).optional(),
  ageFrom: z.coerce.number().int().min(0).max(130).optional(),
  ageTo: z.coerce.number().int().min(0).max(130).optional(),
  gender: Gender.optional(),
  ethnicCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  householdId: z.coerce.number().int().positive().optional(),
  /** Deceased and moved-out people are hidden unless asked for. */
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type PersonsQuery = z.infer<typeof PersonsQuery>;

const PersonFields = {
  fullName: trimmed(120).min(1, 'Nhập họ và tên'),
  gender: Gender,
  birthDate: PartialDateStr,
  citizenId: z.string().trim().max(20).nullable().optional(),
  oldIdNumber: z.string().trim().max(20).nullable().optional(),
  ethnicCode: z
    .string()
    .regex(/^\d{2}$/, 'Mã dân tộc gồm 2 chữ số (01 Kinh … 54 Rơ Măm)')
    .nullable()
    .optional(),
  phone: Phone.nullable().optional(),
  disability: DisabilityDegree.nullable().optional(),
  deceasedOn: IsoDate.nullable().optional(),
  movedOutOn: IsoDate.nullable().optional(),
  village: trimmed(120).nullable().optional(),
  relation: Relation.nullable().optional(),
};

export const CreatePersonBody = z.strictObject({
  ...PersonFields,
  householdId: z.number().int().positive().nullable().optional(),
  /** Required when the person is not in a household. */
  communeCode: AreaCode.optional(),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

export const PatchPersonBody = z.strictObject({
  fullName: PersonFields.fullName.optional(),
  gender: Gender.optional(),
  birthDate: PartialDateStr.optional(),
  citizenId: PersonFields.citizenId,
  oldIdNumber: PersonFields.oldIdNumber,
  ethnicCode: PersonFields.ethnicCode,
  phone: PersonFields.phone,
  disability: PersonFields.disability,
  deceasedOn: PersonFields.deceasedOn,
  movedOutOn: PersonFields.movedOutOn,
  village: PersonFields.village,
  relation: PersonFields.relation,
  householdId: z.number().int().positive().nullable().optional(),
});
export type PatchPersonBody = z.infer<typeof PatchPersonBody>;

export const HouseholdEventOut = z.object({
  id: z.number().int(),
  kind: z.string(),
  date: z.string(),
  note: z.string().nullable(),
  relatedHouseholdCode: z.string().nullable(),
});

export const HouseholdOut = z.object({
  id: z.number().int(),
  code: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  village: z.string().nullable(),
  address: z.string().nullable(),
  residence: Residence,
  phone: z.string().nullable(),
  state: HouseholdState,
  headPersonId: z.number().int().nullable(),
  headName: z.string().nullable(),
  members: z.array(PersonListItem.extend({ relation: Relation.nullable() })),
  statuses: z.array(StatusOut),
  events: z.array(HouseholdEventOut),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HouseholdOut = z.infer<typeof HouseholdOut>;

export const HouseholdListItem = HouseholdOut.pick({
  id: true,
  code: true,
  communeCode: true,
  communeName: true,
  village: true,
  address: true,
  residence: true,
  state: true,
  headName: true,
}).extend({ memberCount: z.number().int() });
export const HouseholdPage = pageOf(HouseholdListItem);
export type HouseholdPage = z.infer<typeof HouseholdPage>;

export const HouseholdsQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  areaCode: AreaCode.optional(),
  statusKind: StatusKind.optional(),
  category: z.string().trim().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type HouseholdsQuery = z.infer<typeof HouseholdsQuery>;

export const CreateHouseholdBody = z.strictObject({
  communeCode: AreaCode,
  village: trimmed(120).nullable().optional(),
  address: trimmed(300).nullable().optional(),
  residence: Residence,
  phone: Phone.nullable().optional(),
});
export type CreateHouseholdBody = z.infer<typeof CreateHouseholdBody>;

export const PatchHouseholdBody = z.strictObject({
  village: trimmed(120).nullable().optional(),
  address: trimmed(300).nullable().optional(),
  residence: Residence.optional(),
  phone: Phone.nullable().optional(),
  headPersonId: z.number().int().positive().optional(),
});
export type PatchHouseholdBody = z.infer<typeof PatchHouseholdBody>;

/** Moved, split, merged or dissolved, with its date; kept as history. */
export const HouseholdEventBody = z.strictObject({
  kind: z.enum(['moved', 'split', 'merged', 'dissolved']),
  date: IsoDate,
  note: trimmed(500).optional(),
  relatedHouseholdId: z.number().int().positive().optional(),
});
export type HouseholdEventBody = z.infer<typeof HouseholdEventBody>;

export const GrantStatusBody = z.strictObject({
  kind: StatusKind,
  personId: z.number().int().positive().optional(),
  householdId: z.number().int().positive().optional(),
  category: z.string().trim().min(1).max(40),
  /** Poverty review year (poverty statuses). */
  year: z.number().int().min(2000).max(2100).optional(),
  /** Degree of injury in percent (war invalids, sick soldiers). */
  degree: z.number().int().min(0).max(100).optional(),
  validFrom: IsoDate,
  validTo: IsoDate.optional(),
  decisionNo: trimmed(60).min(1, 'Nhập số quyết định'),
  decisionDate: IsoDate,
});
export type GrantStatusBody = z.infer<typeof GrantStatusBody>;

export const EndStatusBody = z.strictObject({
  validTo: IsoDate,
  reason: trimmed(300).min(1, 'Nhập lý do chấm dứt'),
});
export type EndStatusBody = z.infer<typeof EndStatusBody>;

export const TimelineEntry = z.object({
  at: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  by: z.string().nullable(),
});
export const Timeline = z.object({ items: z.array(TimelineEntry) });
export type Timeline = z.infer<typeof Timeline>;

export const DuplicatePair = z.object({
  reason: z.enum(['same_citizen_id', 'same_name_birth_year', 'similar_name_same_birth_date']),
  a: PersonListItem,
  b: PersonListItem,
});
export const DuplicateList = z.object({ items: z.array(DuplicatePair), total: z.number().int() });
export type DuplicateList = z.infer<typeof DuplicateList>;

export const DuplicateDecisionBody = z.strictObject({
  personA: z.number().int().positive(),
  personB: z.number().int().positive(),
  decision: z.enum(['different', 'merge']),
  /** With merge: the record that stays; the other is folded into it. */
  keep: z.number().int().positive().optional(),
  note: trimmed(500).optional(),
});
export type DuplicateDecisionBody = z.infer<typeof DuplicateDecisionBody>;

export const ImportCounts = z.object({
  total: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  possibleDuplicates: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportJobOut = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mode: z.enum(['dry_run', 'commit']),
  state: z.enum(['running', 'done', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  counts: ImportCounts.nullable(),
  message: z.string().nullable(),
  hasRejectedFile: z.boolean(),
  createdAt: z.string(),
});
export type ImportJobOut = z.infer<typeof ImportJobOut>;
