import { z } from 'zod';
import { AmountRule, EligibilityRule, PROGRAM_KINDS, PROGRAM_UNITS } from '../programs/rules.js';
import { LIST_STATES } from '../programs/lists.js';
import { isValidIsoDate } from '../dates.js';
import { IsoMonth, NOT_A_CALENDAR_DATE } from './common.js';

/** Contracts of the support-programs module (programs, lists, approval, publication, payments). */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD, ví dụ 2021-07-01')
  .refine(isValidIsoDate, NOT_A_CALENDAR_DATE);
const text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max);
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const PERIOD_KINDS = ['once', 'monthly'] as const;

/**
 * Programme groups a report figure can name (docs/modules/reports.md): a figure of the programmes
 * module sums one programme or one group, never every programme together.
 */
export const PROGRAM_GROUPS = [
  'covid',
  'tet',
  'merit',
  'social_assistance',
  'health_insurance',
  'food',
  'other',
] as const;
export type ProgramGroup = (typeof PROGRAM_GROUPS)[number];
export const PAYMENT_CHANNELS = ['post_office', 'bank', 'commune_cash', 'in_kind'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
export const PAYMENT_STATES = ['paid', 'failed', 'returned'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export const ProgramRuleIn = z.strictObject({
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  eligibility: EligibilityRule,
  amount: AmountRule,
  note: z.string().trim().max(500).optional(),
});
export type ProgramRuleIn = z.infer<typeof ProgramRuleIn>;

export const CreateProgramBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, 'Mã chương trình: chữ in hoa, số, gạch; ví dụ TET2021-NCC'),
  name: text(300, 'Nhập tên chương trình'),
  legalBasis: text(500, 'Nhập căn cứ pháp lý (số văn bản)'),
  legalDate: isoDate.nullable().optional(),
  kind: z.enum(PROGRAM_KINDS),
  unit: z.enum(PROGRAM_UNITS),
  periodKind: z.enum(PERIOD_KINDS),
  refDate: isoDate,
  periodFrom: isoDate,
  periodTo: isoDate.nullable().optional(),
  budget: z.number().int().min(0).nullable().optional(),
  fundingSource: z.string().trim().max(300).nullable().optional(),
  /** The group a report figure names ('covid' for the 2021 Covid-19 support programmes). */
  group: z.enum(PROGRAM_GROUPS).nullable().optional(),
  /** Lists come from files of communes or employers (people outside the registry), not from the rule. */
  listByImport: z.boolean().optional(),
  rule: ProgramRuleIn,
});
export type CreateProgramBody = z.infer<typeof CreateProgramBody>;

export const ProgramRuleOut = z.object({
  id: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  eligibility: EligibilityRule,
  amount: AmountRule,
  note: z.string().nullable(),
});
export const ProgramOut = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  legalDate: z.string().nullable(),
  kind: z.enum(PROGRAM_KINDS),
  unit: z.enum(PROGRAM_UNITS),
  per: z.enum(['person', 'household']),
  periodKind: z.enum(PERIOD_KINDS),
  refDate: z.string(),
  periodFrom: z.string(),
  periodTo: z.string().nullable(),
  budget: z.number().nullable(),
  fundingSource: z.string().nullable(),
  group: z.string().nullable(),
  isDemo: z.boolean(),
  listByImport: z.boolean(),
  rules: z.array(ProgramRuleOut),
});
export type ProgramOut = z.infer<typeof ProgramOut>;
export const ProgramList = z.object({ items: z.array(ProgramOut) });

export const GenerateListsBody = z.strictObject({
  /** 'YYYY-MM' for monthly programs; omitted for one-off programs. */
  period: IsoMonth.optional(),
  /** One commune; omitted: every commune in the actor's area that has no list yet. */
  communeCode: z.string().trim().min(1).optional(),
});
export type GenerateListsBody = z.infer<typeof GenerateListsBody>;
export const GenerateResult = z.object({ lists: z.number(), entries: z.number(), listIds: z.array(z.number()) });

export const ListsQuery = z.object({
  programId: z.coerce.number().int().positive().optional(),
  period: z.string().optional(),
  state: z.enum(LIST_STATES).optional(),
  areaCode: z.string().optional(),
  published: z.enum(['true', 'false']).optional(),
  ...page,
});
export type ListsQuery = z.infer<typeof ListsQuery>;

export const ListStep = z.object({
  action: z.string(),
  fromState: z.string(),
  toState: z.string(),
  actor: z.string(),
  /** The account's full name (null for the system): shown and printed instead of the username. */
  actorName: z.string().nullable(),
  comment: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  at: z.string(),
});

export const ListOut = z.object({
  id: z.number(),
  programId: z.number(),
  programCode: z.string(),
  programName: z.string(),
  unit: z.enum(PROGRAM_UNITS),
  period: z.string(),
  refDate: z.string(),
  seq: z.number(),
  parentListId: z.number().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  districtCode: z.string().nullable(),
  levels: z.number(),
  state: z.enum(LIST_STATES),
  entriesCount: z.number(),
  totalAmount: z.number(),
  totalQuantity: z.number(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type ListOut = z.infer<typeof ListOut>;
export const ListDetail = ListOut.extend({
  steps: z.array(ListStep),
  openRemarks: z.number(),
  /** For a list imported from Excel (people outside the registry): who sent which file, how many rows. */
  imported: z
    .array(z.object({ submittedBy: z.string(), fileName: z.string(), entries: z.number(), createdPersons: z.number() }))
    .optional(),
});
export type ListDetail = z.infer<typeof ListDetail>;
export const ListPage = z.object({ items: z.array(ListOut), total: z.number() });

export const EntryPayment = z.object({
  state: z.enum(PAYMENT_STATES),
  paidOn: z.string().nullable(),
  reference: z.string().nullable(),
});
export const EntryOut = z.object({
  id: z.number(),
  personId: z.number().nullable(),
  householdId: z.number().nullable(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  citizenId: z.string().nullable(),
  village: z.string().nullable(),
  category: z.string().nullable(),
  amount: z.number(),
  arrearsAmount: z.number(),
  arrearsNote: z.string().nullable(),
  quantity: z.number(),
  reason: z.string(),
  manual: z.boolean(),
  manualReason: z.string().nullable(),
  batchId: z.number().nullable(),
  payment: EntryPayment.nullable(),
});
export type EntryOut = z.infer<typeof EntryOut>;
export const EntriesQuery = z.object({ q: z.string().trim().max(100).optional(), ...page });
export const EntryPage = z.object({ items: z.array(EntryOut), total: z.number() });

export const AddEntryBody = z
  .strictObject({
    personId: z.number().int().positive().optional(),
    householdId: z.number().int().positive().optional(),
    reason: z
      .string()
      .trim()
      .min(10, 'Ghi lý do bổ sung (ít nhất 10 ký tự), ví dụ: "Hộ mới phát sinh khó khăn do thiên tai"'),
    /** Required when the rule gives nothing for this person; otherwise the rule's amount is used. */
    amount: z.number().int().min(0).optional(),
  })
  .refine((b) => (b.personId === undefined) !== (b.householdId === undefined), {
    message: 'Chọn một người hoặc một hộ',
    path: ['personId'],
  });
export type AddEntryBody = z.infer<typeof AddEntryBody>;
export const RemoveEntryBody = z.strictObject({
  reason: z.string().trim().min(5, 'Ghi lý do xoá, ví dụ: "Đã chuyển đi nơi khác"'),
});

export const ListProblemOut = z.object({
  entryId: z.number(),
  fullName: z.string(),
  code: z.string(),
  blocking: z.boolean(),
  message: z.string(),
});
export const CheckResult = z.object({ ok: z.boolean(), problems: z.array(ListProblemOut), checkedEntries: z.number() });
export type CheckResult = z.infer<typeof CheckResult>;

export const StepBody = z.strictObject({
  comment: z.string().trim().max(2000).optional(),
  decisionNo: z.string().trim().max(60).optional(),
  decisionDate: isoDate.optional(),
});
export type StepBody = z.infer<typeof StepBody>;
export const ReturnBody = z.strictObject({
  comment: z.string().trim().min(5, 'Ghi ý kiến trả lại để xã biết cần sửa gì'),
});
export const ApproveBody = z.strictObject({
  decisionNo: z.string().trim().min(1, 'Nhập số quyết định phê duyệt, ví dụ 123/QĐ-UBND').max(60),
  decisionDate: isoDate,
  comment: z.string().trim().max(2000).optional(),
});
export type ApproveBody = z.infer<typeof ApproveBody>;
export const BulkApproveBody = ApproveBody.extend({ listIds: z.array(z.number().int().positive()).min(1).max(2000) });
export const BulkResult = z.object({
  approved: z.array(z.number()),
  failed: z.array(z.object({ listId: z.number(), code: z.string(), message: z.string() })),
});

export const ProgressQuery = z.object({
  programId: z.coerce.number().int().positive(),
  period: z.string().optional(),
  areaCode: z.string().optional(),
});
export const ProgressRow = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  communes: z.number(),
  missing: z.number(),
  byState: z.record(z.string(), z.number()),
  approvedEntries: z.number(),
  approvedAmount: z.number(),
});
export const ProgramProgress = z.object({
  rows: z.array(ProgressRow),
  missingCommunes: z.array(z.object({ code: z.string(), name: z.string() })),
});

/** Published list entry: name, birth year, village, last three digits of the ID. */
export const PublicEntry = z.object({
  id: z.number(),
  fullName: z.string(),
  birthYear: z.number().nullable(),
  village: z.string().nullable(),
  idTail: z.string().nullable(),
  category: z.string().nullable(),
  amount: z.number(),
  quantity: z.number(),
});
export const PublicList = z.object({
  id: z.number(),
  programName: z.string(),
  legalBasis: z.string(),
  unit: z.enum(PROGRAM_UNITS),
  period: z.string(),
  communeName: z.string(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  publishedAt: z.string(),
  entriesCount: z.number(),
  totalAmount: z.number(),
  entries: z.array(PublicEntry),
  remarks: z.array(
    z.object({
      id: z.number(),
      entryId: z.number().nullable(),
      author: z.string(),
      text: z.string(),
      createdAt: z.string(),
      answer: z.string().nullable(),
      answeredBy: z.string().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
});
export type PublicList = z.infer<typeof PublicList>;
export const PublicListSummary = PublicList.omit({ entries: true, remarks: true });
export const PublicListPage = z.object({ items: z.array(PublicListSummary), total: z.number() });
export const PublicFacets = z.object({
  programs: z.array(z.object({ id: z.number(), name: z.string() })),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type PublicFacets = z.infer<typeof PublicFacets>;
export const RemarkBody = z.strictObject({
  entryId: z.number().int().positive().optional(),
  text: z.string().trim().min(5, 'Ghi nội dung ý kiến').max(2000),
});
export const AnswerBody = z.strictObject({ answer: z.string().trim().min(5, 'Ghi nội dung trả lời').max(2000) });

export const CreateBatchBody = z.strictObject({
  programId: z.number().int().positive(),
  period: z.string().min(1),
  channel: z.enum(PAYMENT_CHANNELS),
  /** The commune or district whose approved, unbatched entries go in; the actor's area when absent. */
  areaCode: z.string().optional(),
});
export const BatchOut = z.object({
  id: z.number(),
  programId: z.number(),
  programName: z.string(),
  unit: z.enum(PROGRAM_UNITS),
  period: z.string(),
  channel: z.enum(PAYMENT_CHANNELS),
  areaCode: z.string(),
  areaName: z.string(),
  entriesCount: z.number(),
  totalAmount: z.number(),
  paidCount: z.number(),
  paidAmount: z.number(),
  failedCount: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type BatchOut = z.infer<typeof BatchOut>;
export const BatchPage = z.object({ items: z.array(BatchOut), total: z.number() });

export const RecordPaymentsBody = z.strictObject({
  entryIds: z.array(z.number().int().positive()).min(1).max(100_000),
  state: z.enum(PAYMENT_STATES),
  paidOn: isoDate,
  reference: z.string().trim().max(100).optional(),
  note: z.string().trim().max(500).optional(),
});
export type RecordPaymentsBody = z.infer<typeof RecordPaymentsBody>;
export const RecordResult = z.object({
  recorded: z.number(),
  alreadyPaid: z.array(z.number()),
  notInBatch: z.array(z.number()),
  rejected: z.array(z.object({ row: z.number(), message: z.string() })).optional(),
});
export type RecordResult = z.infer<typeof RecordResult>;

export const TotalsQuery = z.object({
  programId: z.coerce.number().int().positive(),
  period: z.string().optional(),
  areaCode: z.string().optional(),
  groupBy: z.enum(['area', 'category']).default('area'),
});
export const TotalsRow = z.object({
  key: z.string(),
  label: z.string(),
  approvedCount: z.number(),
  approvedAmount: z.number(),
  approvedQuantity: z.number(),
  paidCount: z.number(),
  paidAmount: z.number(),
  paidQuantity: z.number(),
});
export const Totals = z.object({ rows: z.array(TotalsRow), total: TotalsRow });
export type Totals = z.infer<typeof Totals>;

/** A program's settings the department may change after creation (issue 19). */
export const ProgramSettingsBody = z.strictObject({ listByImport: z.boolean() });
export type ProgramSettingsBody = z.infer<typeof ProgramSettingsBody>;

/**
 * Import of a list of people outside the registry (issue 19, docs/modules/programs.md): a dry run
 * reports every problem of every row and writes nothing; a commit writes the list only when no row
 * is rejected. The file is the multipart field "file".
 */
export const ImportListQuery = z.object({
  mode: z.enum(['dry_run', 'commit']).default('dry_run'),
  /** The commune whose list it is; a commune officer's own commune when omitted. */
  communeCode: z.string().trim().min(1).max(20).optional(),
  /** 'YYYY-MM' for monthly programs. */
  period: IsoMonth.optional(),
  /** Who submitted the list: the commune's or the employer's name. */
  submittedBy: z.string().trim().min(2, 'Ghi đơn vị lập danh sách (UBND xã hoặc tên doanh nghiệp).').max(300),
});
export type ImportListQuery = z.infer<typeof ImportListQuery>;
export const ImportRowProblem = z.object({ field: z.string(), header: z.string(), message: z.string() });
export const ImportListOut = z.object({
  mode: z.enum(['dry_run', 'commit']),
  counts: z.object({
    total: z.number(),
    accepted: z.number(),
    rejected: z.number(),
    /** Rows matched to a person already in the registry. */
    matched: z.number(),
    /** Rows that create a registry person (nobody holds the ID). */
    created: z.number(),
    amount: z.number(),
  }),
  /** Every rejected row (the first 500), each problem naming its column. */
  rejected: z.array(z.object({ line: z.number(), problems: z.array(ImportRowProblem) })),
  /** The rejected rows with a column saying what to fix (base64 XLSX), or null. */
  errorFile: z.string().nullable(),
  /** The list created by a commit. */
  listId: z.number().nullable(),
});
export type ImportListOut = z.infer<typeof ImportListOut>;
