import { z } from 'zod';
import { AreaCode, IsoDate, PageQuery, pageOf } from './common.js';

/** Contracts of the administrative-procedures module (catalogue, dossiers, lookup, statistics). */
export const DossiersContractsVersion = z.literal(1);

const trimmed = (max: number) => z.string().trim().max(max, `Dài tối đa ${max} ký tự`);
const required = (max: number, label: string) =>
  z.string().trim().min(1, `${label} là bắt buộc`).max(max, `Dài tối đa ${max} ký tự`);
const Phone = z
  .string()
  .trim()
  .regex(/^(\+?84|0)\d{8,10}$/, 'Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)');

export const DossierLevelCode = z.enum(['province', 'district', 'commune']);
export type DossierLevelCode = z.infer<typeof DossierLevelCode>;

/**
 * Online mode of a procedure: NĐ 42/2022 "toàn trình" (fully online) / "một phần" (partly) /
 * not online; `onlineLevel` keeps the former levels 1–4 of NĐ 43/2011 for history.
 */
export const ProcedureOnlineMode = z.enum(['full', 'partial', 'none']);
export type ProcedureOnlineMode = z.infer<typeof ProcedureOnlineMode>;

export const ProcedureLevelStep = z.object({ level: DossierLevelCode, days: z.number().int().min(0).max(365) });

export const ProcedureBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z.-]{3,40}$/, 'Mã thủ tục gồm chữ, số, dấu chấm hoặc gạch (ví dụ 1.001776)'),
  name: required(500, 'Tên thủ tục'),
  field: required(200, 'Lĩnh vực'),
  decisionLevel: DossierLevelCode,
  path: z.array(ProcedureLevelStep).min(1, 'Thủ tục phải qua ít nhất một cấp').max(3),
  fee: z.number().int().min(0).max(1_000_000_000).default(0),
  documents: z.array(trimmed(500)).max(50).default([]),
  resultDocument: trimmed(500).default(''),
  onlineMode: ProcedureOnlineMode,
  onlineLevel: z.number().int().min(1).max(4).nullable().default(null),
  onNationalPortal: z.boolean().default(false),
  legalBasis: trimmed(2000).default(''),
  active: z.boolean().default(true),
  /**
   * From which date this entry, or this change (withdrawn, now fully online), holds in the
   * catalogue; today when not given. The catalogue on a report's as-of date is read from these
   * dates (docs/modules/reports.md).
   */
  effectiveFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày hiệu lực theo dạng YYYY-MM-DD, ví dụ 2021-07-01')
    .optional(),
});
export type ProcedureBody = z.infer<typeof ProcedureBody>;
export const PatchProcedureBody = ProcedureBody.partial().strict();
export type PatchProcedureBody = z.infer<typeof PatchProcedureBody>;

export const ProcedureOut = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  field: z.string(),
  decisionLevel: DossierLevelCode,
  path: z.array(ProcedureLevelStep),
  totalDays: z.number().int(),
  fee: z.number().int(),
  documents: z.array(z.string()),
  resultDocument: z.string(),
  onlineMode: ProcedureOnlineMode,
  onlineLevel: z.number().int().nullable(),
  onNationalPortal: z.boolean(),
  legalBasis: z.string(),
  active: z.boolean(),
  isDemo: z.boolean(),
});
export type ProcedureOut = z.infer<typeof ProcedureOut>;

export const ProceduresQuery = PageQuery.extend({
  q: trimmed(100).optional(),
  field: trimmed(200).optional(),
  onlineMode: ProcedureOnlineMode.optional(),
  active: z.enum(['1', '0']).optional(),
});
export type ProceduresQuery = z.infer<typeof ProceduresQuery>;
export const ProcedurePage = pageOf(ProcedureOut);
export type ProcedurePage = z.infer<typeof ProcedurePage>;

export const ProcedureImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
export type ProcedureImportResult = z.infer<typeof ProcedureImportResult>;

/** How a dossier reached the office. `assisted`: an officer submitted it for someone who cannot. */
export const DossierChannel = z.enum(['counter', 'post', 'online', 'assisted']);
export type DossierChannel = z.infer<typeof DossierChannel>;
/** How the result reaches the applicant. */
export const DossierDelivery = z.enum(['counter', 'post', 'home', 'online']);
export type DossierDelivery = z.infer<typeof DossierDelivery>;
export const DossierState = z.enum(['processing', 'supplement', 'result_ready', 'returned', 'refused', 'withdrawn']);
export type DossierState = z.infer<typeof DossierState>;
export const DossierTimeliness = z.enum(['early', 'on_time', 'late']);
export const DossierUrgency = z.enum(['overdue', 'due_today', 'due_tomorrow', 'due_soon', 'in_time']);

export const DossierAssistedReason = z.enum(['elderly', 'disability', 'illness', 'child', 'no_device', 'other']);
export type DossierAssistedReason = z.infer<typeof DossierAssistedReason>;
/** Labels of the reasons, for texts the server writes (event notes print on the control slip in Vietnamese). */
export const DOSSIER_ASSISTED_REASON_LABELS: Record<DossierAssistedReason, { vi: string; en: string }> = {
  elderly: { vi: 'Người cao tuổi', en: 'Elderly' },
  disability: { vi: 'Người khuyết tật', en: 'Disability' },
  illness: { vi: 'Ốm đau, bệnh tâm thần', en: 'Illness, mental illness' },
  child: { vi: 'Trẻ em', en: 'Child' },
  no_device: { vi: 'Không có thiết bị, không biết dùng', en: 'No device or skills' },
  other: { vi: 'Lý do khác', en: 'Other' },
};

export const ReceiveDossierBody = z
  .object({
    procedureId: z.number().int().positive(),
    channel: DossierChannel,
    communeCode: AreaCode,
    personId: z.number().int().positive().nullable().default(null),
    applicantName: required(200, 'Họ tên người nộp'),
    applicantPhone: Phone.nullable().default(null),
    applicantIdNumber: z
      .string()
      .trim()
      .regex(/^(\d{9}|\d{12})$/, 'Số CCCD gồm 12 chữ số (hoặc CMND 9 chữ số)')
      .nullable()
      .default(null),
    applicantAddress: trimmed(500).default(''),
    delivery: DossierDelivery.default('counter'),
    assistedReason: DossierAssistedReason.nullable().default(null),
    assistedNote: trimmed(500).default(''),
    documents: z.array(trimmed(500)).max(50).default([]),
    note: trimmed(1000).default(''),
    /** The instant of receipt (a dossier received by post is recorded on the day it arrived); default now. */
    receivedAt: z.iso.datetime().optional(),
  })
  .strict();
export type ReceiveDossierBody = z.input<typeof ReceiveDossierBody>;

export const DossierStepOut = z.object({
  seq: z.number().int(),
  level: DossierLevelCode,
  areaCode: z.string(),
  areaName: z.string(),
  days: z.number().int(),
  startedAt: z.string().nullable(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  finishedAt: z.string().nullable(),
  finishedDate: z.string().nullable(),
  pausedDays: z.number().int(),
  timeliness: DossierTimeliness.nullable(),
});
export type DossierStepOut = z.infer<typeof DossierStepOut>;

export const DossierEventOut = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  actor: z.string(),
  /** The account's full name (null for the system or a removed account): printed and shown, not `actor`. */
  actorName: z.string().nullable(),
  level: DossierLevelCode.nullable(),
  areaName: z.string().nullable(),
  note: z.string(),
});
export type DossierEventOut = z.infer<typeof DossierEventOut>;

export const DossierFileOut = z.object({
  id: z.number().int(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});
export type DossierFileOut = z.infer<typeof DossierFileOut>;

export const DossierListItem = z.object({
  id: z.number().int(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  channel: DossierChannel,
  state: DossierState,
  currentLevel: DossierLevelCode.nullable(),
  currentAreaName: z.string().nullable(),
  receivedAt: z.string(),
  levelDueDate: z.string().nullable(),
  dueDate: z.string(),
  appointmentDate: z.string(),
  urgency: DossierUrgency.nullable(),
  /**
   * Set when the deadline crosses a year with no official holiday calendar in the data: the date
   * then treats every weekday as worked and may be early (shown on every dossier page).
   */
  calendarWarning: z.string().nullable(),
  timeliness: DossierTimeliness.nullable(),
  communeName: z.string(),
});
export type DossierListItem = z.infer<typeof DossierListItem>;
/** A search past 1.000 matches stops counting: `totalCapped` ("hơn 1.000 kết quả"), pages stop there. */
export const DossierPage = pageOf(DossierListItem).extend({ totalCapped: z.boolean().optional() });
export type DossierPage = z.infer<typeof DossierPage>;

export const DossierOut = DossierListItem.extend({
  procedure: ProcedureOut,
  personId: z.number().int().nullable(),
  applicantPhone: z.string().nullable(),
  /** Printed on the receipt: with the phone number, what the citizen's public lookup accepts. */
  lookupSecret: z.string().nullable(),
  applicantIdNumber: z.string().nullable(),
  applicantAddress: z.string(),
  delivery: DossierDelivery,
  assistedBy: z.string().nullable(),
  assistedReason: DossierAssistedReason.nullable(),
  assistedNote: z.string(),
  documents: z.array(z.string()),
  note: z.string(),
  receivedBy: z.string(),
  /** The receiving officer's full name, as the receipt prints it (null for the system). */
  receivedByName: z.string().nullable(),
  /** The full name of the officer who submitted on the person's behalf. */
  assistedByName: z.string().nullable(),
  receivingAreaName: z.string(),
  startDate: z.string(),
  apologies: z.number().int(),
  apologyReason: z.string().nullable(),
  supplementRequest: z.string().nullable(),
  settledDate: z.string().nullable(),
  returnedAt: z.string().nullable(),
  lateLevel: DossierLevelCode.nullable(),
  outcomeNote: z.string().nullable(),
  communeCode: z.string(),
  districtName: z.string().nullable(),
  provinceName: z.string(),
  steps: z.array(DossierStepOut),
  events: z.array(DossierEventOut),
  files: z.array(DossierFileOut),
  /** What the actor may do now (hides buttons; the server checks again). */
  actions: z.array(z.string()),
});
export type DossierOut = z.infer<typeof DossierOut>;

export const DossierDueFilter = z.enum(['overdue', 'today', 'tomorrow', 'soon']);
export const DossiersQuery = PageQuery.extend({
  q: trimmed(100).optional(),
  state: z.enum(['open', 'processing', 'supplement', 'result_ready', 'returned', 'refused', 'withdrawn']).optional(),
  procedureId: z.coerce.number().int().positive().optional(),
  areaCode: AreaCode.optional(),
  /** Only the dossiers held at the actor's own level and area (what they must act on). */
  mine: z.enum(['1', '0']).optional(),
  due: DossierDueFilter.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type DossiersQuery = z.infer<typeof DossiersQuery>;

export const DossierNoteBody = z.object({ note: trimmed(1000).default('') }).strict();
export const DossierReasonBody = z.object({ reason: required(1000, 'Lý do') }).strict();
export const DossierSupplementBody = z
  .object({ missing: required(1000, 'Giấy tờ cần bổ sung'), note: trimmed(1000).default('') })
  .strict();
export const DossierApologyBody = z.object({ reason: required(1000, 'Lý do chậm'), newDate: IsoDate }).strict();
export const DossierResultBody = z
  .object({ outcomeNote: trimmed(1000).default(''), note: trimmed(1000).default('') })
  .strict();

export const DossierLookupQuery = z.object({
  code: z.string().trim().min(5, 'Nhập mã hồ sơ in trên giấy hẹn').max(40),
  /** The applicant's full phone number, or the lookup code printed on the receipt. */
  check: z.string().trim().min(6, 'Nhập số điện thoại đã khai khi nộp hoặc mã tra cứu in trên giấy hẹn').max(20),
});
export const DossierLookupOut = z.object({
  code: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  state: DossierState,
  stateLabel: z.string(),
  receivedDate: z.string(),
  appointmentDate: z.string(),
  settledDate: z.string().nullable(),
  where: z.string().nullable(),
  delivery: DossierDelivery,
  /** While the dossier waits for papers ('supplement'): what the applicant must bring. */
  supplementRequest: z.string().nullable(),
  steps: z.array(z.object({ levelLabel: z.string(), areaName: z.string(), finished: z.boolean() })),
});
export type DossierLookupOut = z.infer<typeof DossierLookupOut>;

export const DossierStatsQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  areaCode: AreaCode.optional(),
  /** Pending and overdue counted as of this date (default `to`). */
  asOf: IsoDate.optional(),
});
export type DossierStatsQuery = z.infer<typeof DossierStatsQuery>;

const Ratio = z.object({ count: z.number().int(), total: z.number().int(), percent: z.number() });
export const DossierTimelinessCounts = z.object({
  early: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
});
export const DossierStatsOut = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  procedures: z.object({
    total: z.number().int(),
    fullyOnline: Ratio,
    partlyOnline: Ratio,
    notOnline: Ratio,
    onNationalPortal: Ratio,
  }),
  received: z.object({ total: z.number().int(), byChannel: z.record(z.string(), z.number().int()) }),
  settled: DossierTimelinessCounts.extend({ total: z.number().int(), onTimeRate: Ratio }),
  pending: z.object({ total: z.number().int(), overdue: z.number().int() }),
  refused: z.number().int(),
  withdrawn: z.number().int(),
  byLevel: z.array(DossierTimelinessCounts.extend({ level: DossierLevelCode, settled: z.number().int() })),
  byProcedure: z.array(
    DossierTimelinessCounts.extend({
      procedureId: z.number().int(),
      code: z.string(),
      name: z.string(),
      received: z.number().int(),
      pending: z.number().int(),
    }),
  ),
  lateByLevel: z.array(z.object({ level: DossierLevelCode, count: z.number().int() })),
});
export type DossierStatsOut = z.infer<typeof DossierStatsOut>;
