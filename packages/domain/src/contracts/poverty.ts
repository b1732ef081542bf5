import { z } from 'zod';
import { AreaCode, IsoDate } from './common.js';
import { POVERTY_CAUSE_CODES, POVERTY_GROUP_CODES } from '../poverty/breakdowns.js';

/** Contracts of the poverty-review module (campaigns, listing, surveys, meetings, postings, recognition). */

const text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max);
const id = z.number().int().positive();

export const CAMPAIGN_KINDS = ['periodic', 'adhoc'] as const;
export const CASE_STEPS = ['listed', 'surveyed', 'resurvey', 'agreed', 'posted', 'recognized'] as const;
export type CaseStep = (typeof CASE_STEPS)[number];
export const CASE_SOURCES = ['list', 'form01', 'form04', 'officer'] as const;
export const POVERTY_CLASSES = [
  'poor',
  'near_poor',
  'left_poverty',
  'left_near_poverty',
  'average_farm',
  'not_poor',
] as const;
const PovertyClassZ = z.enum(POVERTY_CLASSES);

export const BoardMember = z.strictObject({
  name: text(120, 'Nhập họ tên thành viên'),
  role: text(120, 'Nhập chức danh (ví dụ Trưởng ban)'),
  userId: id.optional(),
});
export const CreateCampaignBody = z.strictObject({
  communeCode: AreaCode,
  kind: z.enum(CAMPAIGN_KINDS),
  year: z.number().int().min(2015).max(2030),
  /** The day the review is held (for an ad hoc review: the request). */
  reviewDate: IsoDate,
  windowFrom: IsoDate,
  windowTo: IsoDate,
  board: z.array(BoardMember).max(30).default([]),
  reviewers: z.array(BoardMember).max(200).default([]),
});
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

export const CampaignsQuery = z.object({
  areaCode: AreaCode.optional(),
  year: z.coerce.number().int().min(2015).max(2030).optional(),
});
export type CampaignsQuery = z.infer<typeof CampaignsQuery>;

export const StepCounts = z.object(
  Object.fromEntries(CASE_STEPS.map((s) => [s, z.number().int()])) as Record<CaseStep, z.ZodNumber>,
);
export type StepCounts = z.infer<typeof StepCounts>;

export const CampaignOut = z.object({
  id: z.number().int(),
  provinceCode: z.string(),
  districtCode: z.string().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  year: z.number().int(),
  reviewDate: z.string(),
  windowFrom: z.string(),
  windowTo: z.string(),
  standard: z.string(),
  standardVi: z.string(),
  /** Whether the district gives its opinion (the tree had districts on the review date, before 1/7/2025). */
  districtStep: z.boolean(),
  districtOpinion: z.object({ documentNo: z.string(), date: z.string(), opinion: z.string() }).nullable(),
  board: z.array(BoardMember),
  reviewers: z.array(BoardMember),
  steps: StepCounts,
  recognition: z.object({ decisionNo: z.string(), decisionDate: z.string(), validFrom: z.string() }).nullable(),
  abilities: z.array(z.string()),
});
export type CampaignOut = z.infer<typeof CampaignOut>;
export const CampaignList = z.object({ items: z.array(CampaignOut) });
export type CampaignList = z.infer<typeof CampaignList>;

export const ListHouseholdsBody = z.strictObject({
  /** Add every household on the commune's current poor and near-poor lists. */
  currentLists: z.boolean().default(false),
  households: z
    .array(z.strictObject({ householdId: id, source: z.enum(CASE_SOURCES).default('officer') }))
    .max(5000)
    .default([]),
});
export type ListHouseholdsBody = z.infer<typeof ListHouseholdsBody>;

export const PovertyCasesQuery = z.object({
  step: z.enum(CASE_STEPS).optional(),
  village: z.string().trim().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PovertyCasesQuery = z.infer<typeof PovertyCasesQuery>;

export const PovertyCaseOut = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  householdId: z.number().int(),
  householdCode: z.string(),
  headName: z.string().nullable(),
  village: z.string().nullable(),
  residence: z.string(),
  ethnicMinority: z.boolean(),
  source: z.enum(CASE_SOURCES),
  step: z.enum(CASE_STEPS),
  previous: z.enum(['poor', 'near_poor']).nullable(),
  proposedClass: PovertyClassZ.nullable(),
  b1Score: z.number().int().nullable(),
  deprivationCount: z.number().int().nullable(),
  deprived: z.array(z.string()),
  agreePercent: z.number().nullable(),
  recognizedClass: PovertyClassZ.nullable(),
  cause: z.string().nullable(),
  groups: z.array(z.string()),
});
export type PovertyCaseOut = z.infer<typeof PovertyCaseOut>;
export const PovertyCasePage = z.object({ items: z.array(PovertyCaseOut), total: z.number().int() });
export type PovertyCasePage = z.infer<typeof PovertyCasePage>;

export const SurveyBody = z.strictObject({
  surveyedOn: IsoDate,
  reviewer: text(120, 'Nhập họ tên rà soát viên'),
  farmHousehold: z.boolean().default(false),
  /** Phiếu A: codes of the criteria answered "yes". */
  screeningYes: z.array(z.string().max(40)).max(30).default([]),
  /** Phiếu B1 answers: item code -> option code. */
  b1: z.record(z.string().max(40), z.string().max(40)).default({}),
  /** A B1 total from the national software, when the answers are not entered. */
  b1Score: z.number().int().optional(),
  incomePerPersonMonth: z.number().int().min(0).max(1_000_000_000).optional(),
  /** Phiếu B2: codes of the deprived indicators. */
  deprived: z.array(z.string().max(40)).max(20).default([]),
  /** The main cause of poverty (TT 07/2021 report templates): one of POVERTY_CAUSES. */
  cause: z.enum(POVERTY_CAUSE_CODES, { error: 'Chọn nguyên nhân nghèo trong danh mục' }).optional(),
  /** The groups the household belongs to (no working capacity, meritorious service, support needed). */
  groups: z
    .array(z.enum(POVERTY_GROUP_CODES, { error: 'Chọn nhóm hộ trong danh mục' }))
    .max(7)
    .optional(),
});
export type SurveyBody = z.infer<typeof SurveyBody>;

export const ClassificationOut = z.object({
  class: PovertyClassZ,
  classVi: z.string(),
  registryCategory: z.enum(['poor', 'near_poor', 'average']).nullable(),
  b1Score: z.number().nullable(),
  b1Lines: z.array(
    z.object({ item: z.string(), itemVi: z.string(), option: z.string(), optionVi: z.string(), points: z.number() }),
  ),
  deprived: z.array(z.object({ code: z.string(), vi: z.string() })),
  deprivationCount: z.number().int(),
  excludedByScreening: z.array(z.string()),
  reasons: z.array(z.string()),
});
export const SurveyOut = z.object({ case: PovertyCaseOut, classification: ClassificationOut });
export type SurveyOut = z.infer<typeof SurveyOut>;

export const MeetingBody = z.strictObject({
  village: text(120, 'Nhập tên thôn, tổ dân phố'),
  heldOn: IsoDate,
  chairedBy: text(120, 'Nhập người chủ trì (trưởng thôn)'),
  attendees: z.number().int().min(1, 'Số người dự họp phải từ 1').max(5000),
  votes: z
    .array(z.strictObject({ caseId: id, agree: z.number().int().min(0) }))
    .min(1, 'Ghi số người đồng ý cho ít nhất một hộ')
    .max(2000),
});
export type MeetingBody = z.infer<typeof MeetingBody>;
export const MeetingOut = z.object({ id: z.number().int(), agreed: z.number().int(), resurvey: z.number().int() });
export type MeetingOut = z.infer<typeof MeetingOut>;

export const PostingBody = z.strictObject({
  places: z.array(text(200, 'Nhập nơi niêm yết')).min(1, 'Nhập ít nhất một nơi niêm yết').max(10),
  postedFrom: IsoDate,
  postedTo: IsoDate,
  objections: z
    .array(
      z.strictObject({
        caseId: id,
        text: text(1000, 'Nhập nội dung ý kiến'),
        answer: z.string().trim().max(1000).optional(),
      }),
    )
    .max(500)
    .default([]),
});
export type PostingBody = z.infer<typeof PostingBody>;
export const PostingOut = z.object({
  id: z.number().int(),
  posted: z.number().int(),
  openObjections: z.number().int(),
});
export type PostingOut = z.infer<typeof PostingOut>;

export const DistrictOpinionBody = z.strictObject({
  documentNo: text(60, 'Nhập số văn bản'),
  date: IsoDate,
  opinion: text(2000, 'Nhập ý kiến của huyện'),
});
export type DistrictOpinionBody = z.infer<typeof DistrictOpinionBody>;

export const RecognitionBody = z.strictObject({
  decisionNo: text(60, 'Nhập số quyết định (Mẫu 02)'),
  decisionDate: IsoDate,
  /** First day of the new statuses (usually 1 January of the next year). */
  validFrom: IsoDate,
  signer: text(120, 'Nhập người ký (Chủ tịch UBND xã)'),
});
export type RecognitionBody = z.infer<typeof RecognitionBody>;
export const RecognitionOut = z.object({
  id: z.number().int(),
  recognized: z.number().int(),
  granted: z.number().int(),
  ended: z.number().int(),
});
export type RecognitionOut = z.infer<typeof RecognitionOut>;

export const ScoreOut = z.object({ scored: z.number().int() });

export const MovementQuery = z.object({
  areaCode: AreaCode.optional(),
  /** The review year whose results end the period. */
  year: z.coerce.number().int().min(2016).max(2031),
  /** Count only the recognitions dated and recorded by the end of this date (default: all). */
  asOf: IsoDate.optional(),
});
export type MovementQuery = z.infer<typeof MovementQuery>;
const MovementRow = z.object({
  start: z.number().int(),
  left: z.number().int(),
  leftToNearPoor: z.number().int(),
  fellBack: z.number().int(),
  new: z.number().int(),
  otherIn: z.number().int(),
  otherOut: z.number().int(),
  end: z.number().int(),
  netDecrease: z.number().int(),
});
export const MovementOut = z.object({
  areaCode: z.string(),
  year: z.number().int(),
  households: z.number().int(),
  poor: MovementRow,
  nearPoor: MovementRow,
  startRate: z.number(),
  endRate: z.number(),
  rateChangePoints: z.number(),
  deprivations: z.array(
    z.object({ code: z.string(), vi: z.string(), poor: z.number().int(), nearPoor: z.number().int() }),
  ),
});
export type MovementOut = z.infer<typeof MovementOut>;

export const BREAKDOWN_DIMENSIONS = ['cause', 'group', 'ethnicity'] as const;
export const BreakdownQuery = MovementQuery.extend({ by: z.enum(BREAKDOWN_DIMENSIONS) });
export type BreakdownQuery = z.infer<typeof BreakdownQuery>;
/** Movement columns of one line of a breakdown (poor or near-poor). */
export const BreakdownCells = z.object({
  start: z.number().int(),
  left: z.number().int(),
  fellBack: z.number().int(),
  new: z.number().int(),
  end: z.number().int(),
  netDecrease: z.number().int(),
});
export type BreakdownCells = z.infer<typeof BreakdownCells>;
const BreakdownLine = z.object({ key: z.string(), poor: BreakdownCells, nearPoor: BreakdownCells });
/**
 * The movement of poor and near-poor households by cause, by group or by ethnicity, per commune
 * and for the whole area (a household in several groups counts in each of them).
 */
export const BreakdownOut = z.object({
  areaCode: z.string(),
  year: z.number().int(),
  asOf: z.string().nullable(),
  by: z.enum(BREAKDOWN_DIMENSIONS),
  keys: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
  communes: z.array(z.object({ communeCode: z.string(), communeName: z.string(), lines: z.array(BreakdownLine) })),
  total: z.array(BreakdownLine),
});
export type BreakdownOut = z.infer<typeof BreakdownOut>;

export const PovertyProgressOut = z.object({
  items: z.array(
    z.object({
      campaignId: z.number().int(),
      communeCode: z.string(),
      communeName: z.string(),
      year: z.number().int(),
      steps: StepCounts,
      recognized: z.boolean(),
    }),
  ),
});
export type PovertyProgressOut = z.infer<typeof PovertyProgressOut>;

export const POVERTY_IMPORT_KINDS = ['listing', 'surveys'] as const;
export type PovertyImportKind = (typeof POVERTY_IMPORT_KINDS)[number];
/** The answer to an Excel import (dry run or commit): counts, the rejected rows, the error file. */
export const PovertyImportOut = z.object({
  mode: z.enum(['dry_run', 'commit']),
  counts: z.object({ total: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
  rejected: z.array(z.object({ line: z.number().int(), problems: z.array(z.string()) })),
  /** The rejected rows with a column saying what to fix, XLSX in base64; null when none. */
  errorFile: z.string().nullable(),
});
export type PovertyImportOut = z.infer<typeof PovertyImportOut>;
