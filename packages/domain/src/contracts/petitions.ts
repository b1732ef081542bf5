import { z } from 'zod';
import { HANDLING_DECISIONS, LETTER_CHANNELS, LETTER_KINDS } from '../petitions/classify.js';
import { FITNESS_ITEMS } from '../petitions/fitness.js';
import { CASE_RESULTS, SESSION_KINDS } from '../petitions/reception.js';
import { AreaCode, IsoDate, PageQuery, pageOf } from './common.js';

/** Contracts of the petitions module: reception, hotline, letters, complaint and denunciation cases. */
const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} dài quá ${max} ký tự; hãy tóm tắt lại.`);
const required = (max: number, what: string) => text(max, what).min(1, `Nhập ${what.toLowerCase()}.`);
const optional = (max: number, what: string) => text(max, what).nullish();

export const LetterKindField = z.enum(LETTER_KINDS);
export const SingleKindField = z.enum(['complaint', 'denunciation', 'proposal']);
export const LetterChannelField = z.enum(LETTER_CHANNELS);
export const SessionKindField = z.enum(SESSION_KINDS);
export const HandlingDecisionField = z.enum(HANDLING_DECISIONS);
export const CaseResultField = z.enum(CASE_RESULTS);
export const FitnessAnswers = z.partialRecord(z.enum(FITNESS_ITEMS), z.boolean());

// ---- reception
export const ReceptionSessionBody = z.object({
  kind: SessionKindField,
  date: IsoDate,
  areaCode: AreaCode.optional(),
  host: required(200, 'Người chủ trì'),
  place: required(300, 'Địa điểm'),
  noticeRef: optional(200, 'Số thông báo'),
  recordingRef: optional(300, 'Mã bản ghi hình'),
  note: text(2000, 'Ghi chú').default(''),
});
export type ReceptionSessionBody = z.infer<typeof ReceptionSessionBody>;

export const ReceptionSessionOut = z.object({
  id: z.number().int(),
  kind: SessionKindField,
  date: z.string(),
  areaCode: z.string(),
  host: z.string(),
  place: z.string(),
  noticeRef: z.string().nullable(),
  recordingRef: z.string().nullable(),
  note: z.string(),
  entries: z.number().int(),
});
export type ReceptionSessionOut = z.infer<typeof ReceptionSessionOut>;
export type ReceptionSessionPage = z.infer<typeof ReceptionSessionPage>;
export const ReceptionSessionPage = pageOf(ReceptionSessionOut);

/** One line of the reception book (Mẫu 03/TCD, 13 columns). */
export const ReceptionEntryBody = z.object({
  sessionId: z.number().int().positive().nullish(),
  date: IsoDate,
  areaCode: AreaCode.optional(),
  name: required(200, 'Họ tên'),
  address: required(300, 'Địa chỉ'),
  idNumber: optional(20, 'Số CCCD'),
  summary: required(4000, 'Nội dung vụ việc'),
  kind: SingleKindField,
  people: z.number().int().min(1).max(10_000).default(1),
  settledBy: optional(300, 'Cơ quan đã giải quyết'),
  withinCompetence: z.boolean(),
  guidance: optional(500, 'Hướng dẫn'),
  acceptedBy: optional(500, 'Cơ quan tiếp nhận'),
  followUp: optional(1000, 'Theo dõi kết quả'),
  note: text(1000, 'Ghi chú').default(''),
  /** With no letter: the statement was written down and signed or thumb-printed (Luật TCD Art. 25). */
  statementSigned: z.boolean().default(false),
});
export type ReceptionEntryBody = z.infer<typeof ReceptionEntryBody>;

export const ReceptionEntryOut = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  sessionId: z.number().int().nullable(),
  date: z.string(),
  areaCode: z.string(),
  /** Null for a denunciation: the denouncer's identity is restricted. */
  name: z.string().nullable(),
  address: z.string().nullable(),
  idNumber: z.string().nullable(),
  identityRestricted: z.boolean(),
  summary: z.string(),
  kind: SingleKindField,
  people: z.number().int(),
  group: z.boolean(),
  settledBy: z.string().nullable(),
  withinCompetence: z.boolean(),
  guidance: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  followUp: z.string().nullable(),
  note: z.string(),
  statementSigned: z.boolean(),
});
export type ReceptionEntryOut = z.infer<typeof ReceptionEntryOut>;
export type ReceptionEntryPage = z.infer<typeof ReceptionEntryPage>;
export const ReceptionEntryPage = pageOf(ReceptionEntryOut);

export const PeriodQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  areaCode: AreaCode.optional(),
});
export const ReceptionEntriesQuery = PageQuery.extend(PeriodQuery.shape).extend({ kind: SingleKindField.optional() });
export type ReceptionEntriesQuery = z.infer<typeof ReceptionEntriesQuery>;

// ---- hotline
export const HotlineCallBody = z.object({
  calledAt: z.iso.datetime({
    offset: true,
    message: 'Thời điểm gọi phải là ngày giờ ISO (2021-07-15T08:30:00+07:00).',
  }),
  areaCode: AreaCode.optional(),
  callerName: optional(200, 'Tên người gọi'),
  callerPhone: optional(20, 'Số điện thoại'),
  topic: required(500, 'Nội dung hỏi'),
  programCode: optional(50, 'Mã chương trình'),
  answer: text(4000, 'Nội dung trả lời').default(''),
  forwardedTo: optional(300, 'Chuyển cho'),
});
export type HotlineCallBody = z.infer<typeof HotlineCallBody>;

export const HotlineCallOut = z.object({
  id: z.number().int(),
  calledAt: z.string(),
  areaCode: z.string(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  topic: z.string(),
  programCode: z.string().nullable(),
  answer: z.string(),
  forwardedTo: z.string().nullable(),
  letterId: z.number().int().nullable(),
});
export type HotlineCallOut = z.infer<typeof HotlineCallOut>;
export type HotlineCallPage = z.infer<typeof HotlineCallPage>;
export const HotlineCallPage = pageOf(HotlineCallOut);
export const CallsQuery = PageQuery.extend(PeriodQuery.shape);

// ---- letters
export const LetterBody = z.object({
  receivedDate: IsoDate,
  channel: LetterChannelField,
  areaCode: AreaCode.optional(),
  senderName: required(200, 'Họ tên người viết đơn'),
  senderAddress: required(300, 'Địa chỉ người viết đơn'),
  senderIdNumber: optional(20, 'Số CCCD'),
  senderPhone: optional(20, 'Số điện thoại'),
  summary: required(4000, 'Tóm tắt nội dung đơn'),
  kind: LetterKindField.optional(),
  signers: z.number().int().min(1).max(10_000).default(1),
  sourceBody: optional(300, 'Cơ quan chuyển đơn'),
  callId: z.number().int().positive().nullish(),
  /** The registry person who wrote it, when known (their timeline lists their letters). */
  personId: z.number().int().positive().nullish(),
  /** The earlier letter of the same content (a denunciation is transferred once per content). */
  sameContentAs: z.number().int().positive().nullish(),
});
export type LetterBody = z.infer<typeof LetterBody>;

export const ClassifyLetterBody = z.object({
  kind: LetterKindField,
  fitness: FitnessAnswers.default({}),
  withinCompetence: z.boolean(),
});
export type ClassifyLetterBody = z.infer<typeof ClassifyLetterBody>;

export const SplitLetterBody = z.object({
  parts: z
    .array(z.object({ kind: SingleKindField, summary: required(4000, 'Tóm tắt phần tách') }))
    .min(2, 'Đơn nhiều nội dung tách thành ít nhất 2 đơn.')
    .max(10),
});
export type SplitLetterBody = z.infer<typeof SplitLetterBody>;

export const DecideLetterBody = z.object({
  decision: HandlingDecisionField,
  date: IsoDate,
  /** The body it goes to (transfer, guide). */
  to: optional(300, 'Cơ quan nhận'),
  documentRef: optional(100, 'Số văn bản'),
  note: text(2000, 'Ghi chú').default(''),
  /** For an accepted complaint: the instance; flags pick the settlement limit. */
  instance: z.union([z.literal(1), z.literal(2)]).default(1),
  complex: z.boolean().default(false),
  remote: z.boolean().default(false),
});
export type DecideLetterBody = z.infer<typeof DecideLetterBody>;

/** Extending the 7-working-day check of a denunciation to at most 10 (Luật Tố cáo 2018 Art. 24). */
export const ExtendCheckBody = z.object({
  date: IsoDate,
  reason: required(1000, 'Lý do gia hạn (ví dụ: phải kiểm tra, xác minh tại nhiều địa điểm)'),
});
export type ExtendCheckBody = z.infer<typeof ExtendCheckBody>;

export const NotifyLetterBody = z.object({ date: IsoDate, documentRef: optional(100, 'Số văn bản') });
export type NotifyLetterBody = z.infer<typeof NotifyLetterBody>;

export const ClockOut = z.object({
  start: z.string(),
  days: z.number().int(),
  dayKind: z.enum(['working', 'calendar']),
  due: z.string().nullable(),
  remaining: z.number().int(),
  status: z.enum(['running', 'due_soon', 'overdue', 'suspended', 'done_on_time', 'done_late']),
  source: z.string(),
});
export type ClockOut = z.infer<typeof ClockOut>;

export const LETTER_STATES = ['received', 'classified', 'split', 'decided', 'notified'] as const;
export const LetterState = z.enum(LETTER_STATES);

export const LetterOut = z.object({
  id: z.number().int(),
  code: z.string(),
  parentId: z.number().int().nullable(),
  receivedDate: z.string(),
  channel: LetterChannelField,
  areaCode: z.string(),
  senderName: z.string().nullable(),
  senderAddress: z.string().nullable(),
  identityRestricted: z.boolean(),
  summary: z.string(),
  kind: LetterKindField.nullable(),
  signers: z.number().int(),
  group: z.boolean(),
  fit: z.boolean().nullable(),
  failedChecks: z.array(z.string()),
  withinCompetence: z.boolean().nullable(),
  decision: HandlingDecisionField.nullable(),
  decisionDate: z.string().nullable(),
  decisionTo: z.string().nullable(),
  transfers: z.number().int(),
  state: LetterState,
  caseId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  notifiedDate: z.string().nullable(),
  noticeClock: ClockOut.nullable(),
  /** A denunciation's check clock (7 working days, 10 when extended), done at the decision. */
  checkClock: ClockOut.nullable(),
  checkExtendedDate: z.string().nullable(),
  checkExtensionReason: z.string().nullable(),
  sameContentAs: z.number().int().nullable(),
  abilities: z.array(z.string()).optional(),
});
export type LetterOut = z.infer<typeof LetterOut>;
export type LetterPage = z.infer<typeof LetterPage>;
export const LetterPage = pageOf(LetterOut);

export const DueFilter = z.enum(['overdue', 'soon', 'all']);
export const LettersQuery = PageQuery.extend(PeriodQuery.shape).extend({
  state: LetterState.optional(),
  kind: LetterKindField.optional(),
  due: DueFilter.optional(),
  personId: z.coerce.number().int().positive().optional(),
});
export type LettersQuery = z.infer<typeof LettersQuery>;

/** The restricted identity of a denouncer (every read audited). */
export const IdentityOut = z.object({
  name: z.string(),
  address: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
});
export type IdentityOut = z.infer<typeof IdentityOut>;

// ---- cases
export const CASE_STATES = [
  'accepted',
  'verifying',
  'dialogue',
  'suspended',
  'decided',
  'published',
  'closed',
] as const;
export const CaseState = z.enum(CASE_STATES);
export const CASE_STEP_KINDS = [
  'accept',
  'verify',
  'dialogue',
  'complex',
  'extend',
  'suspend',
  'resume',
  'decide',
  'publish',
  'follow_up',
  'close',
] as const;
export const CaseStepKind = z.enum(CASE_STEP_KINDS);

export const CaseStepBody = z.object({
  kind: CaseStepKind.exclude(['accept']),
  date: IsoDate,
  note: text(4000, 'Nội dung').default(''),
  documentRef: optional(100, 'Số văn bản'),
  result: CaseResultField.optional(),
});
export type CaseStepBody = z.infer<typeof CaseStepBody>;

export const CaseStepOut = z.object({
  id: z.number().int(),
  kind: CaseStepKind,
  date: z.string(),
  note: z.string(),
  documentRef: z.string().nullable(),
  by: z.string(),
});

export const CaseOut = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.enum(['complaint', 'denunciation']),
  instance: z.number().int().nullable(),
  letterId: z.number().int(),
  areaCode: z.string(),
  summary: z.string(),
  receivedDate: z.string(),
  acceptedDate: z.string(),
  complex: z.boolean(),
  remote: z.boolean(),
  extensions: z.number().int(),
  state: CaseState,
  result: CaseResultField.nullable(),
  decidedDate: z.string().nullable(),
  dialogueRequired: z.boolean(),
  acceptanceClock: ClockOut,
  settlementClock: ClockOut,
  steps: z.array(CaseStepOut).optional(),
  abilities: z.array(z.string()).optional(),
});
export type CaseOut = z.infer<typeof CaseOut>;
export type CasePage = z.infer<typeof CasePage>;
export const CasePage = pageOf(CaseOut);
export const CasesQuery = PageQuery.extend(PeriodQuery.shape).extend({
  state: CaseState.optional(),
  kind: z.enum(['complaint', 'denunciation']).optional(),
  due: DueFilter.optional(),
  mine: z.coerce.boolean().optional(),
});
export type CasesQuery = z.infer<typeof CasesQuery>;

/** The officer's due list: letters awaiting the citizen notice and cases awaiting settlement. */
export const DueItem = z.object({
  type: z.enum(['letter', 'case']),
  id: z.number().int(),
  code: z.string(),
  summary: z.string(),
  due: z.string(),
  overdue: z.boolean(),
});
export const DueList = z.object({ asOf: z.string(), items: z.array(DueItem) });
export type DueList = z.infer<typeof DueList>;

/** Counts for a period and area (the TT 02/2021/TT-TTCP tables): supervisors see only these. */
export const PetitionStats = z.object({
  from: z.string(),
  to: z.string(),
  areaCode: z.string(),
  sessions: z.number().int(),
  visits: z.number().int(),
  people: z.number().int(),
  groups: z.number().int(),
  calls: z.number().int(),
  lettersCarriedOver: z.number().int(),
  lettersReceived: z.number().int(),
  lettersFit: z.number().int(),
  lettersInCompetence: z.number().int(),
  lettersHandled: z.number().int(),
  complaints: z.object({
    accepted: z.number().int(),
    settled: z.number().int(),
    onTime: z.number().int(),
    right: z.number().int(),
    partly: z.number().int(),
    wrong: z.number().int(),
  }),
  denunciations: z.object({
    accepted: z.number().int(),
    settled: z.number().int(),
    onTime: z.number().int(),
    right: z.number().int(),
    partly: z.number().int(),
    wrong: z.number().int(),
  }),
  massComplaints: z.number().int(),
});
export type PetitionStats = z.infer<typeof PetitionStats>;
export const StatsQuery = PeriodQuery.extend({ from: IsoDate, to: IsoDate });
export type StatsQuery = z.infer<typeof StatsQuery>;
