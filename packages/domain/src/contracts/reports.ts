import { z } from 'zod';
import { AreaCode, IsoDate, PageQuery, pageOf } from './common.js';
import { EnteredValueLifecycle, FigureBasis, PlanKind, TargetMeasure } from './reports-values.js';

/** Contracts of the plans, indicators and reports module. */
export const ReportsContractsVersion = z.literal(1);

export const INDICATOR_UNITS = [
  'persons',
  'households',
  'gifts',
  'dong',
  'kg',
  'tonnes',
  'cards',
  'procedures',
  'dossiers',
  'lists',
  'jobs',
  'percent',
  'percentage_points',
  'sessions',
  'enterprises',
  'samples',
  'cases',
  'units',
  'payments',
  'activities',
] as const;
export const IndicatorUnit = z.enum(INDICATOR_UNITS);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

/** Vietnamese and English words for each unit, as written after a figure. */
export const INDICATOR_UNIT_LABELS: Record<IndicatorUnit, { vi: string; en: string }> = {
  persons: { vi: 'người', en: 'persons' },
  households: { vi: 'hộ', en: 'households' },
  gifts: { vi: 'suất quà', en: 'gifts' },
  dong: { vi: 'đồng', en: 'VND' },
  kg: { vi: 'kg', en: 'kg' },
  tonnes: { vi: 'tấn', en: 'tonnes' },
  cards: { vi: 'thẻ', en: 'cards' },
  procedures: { vi: 'thủ tục', en: 'procedures' },
  dossiers: { vi: 'hồ sơ', en: 'dossiers' },
  lists: { vi: 'danh sách', en: 'lists' },
  jobs: { vi: 'lao động', en: 'workers' },
  percent: { vi: '%', en: '%' },
  percentage_points: { vi: 'điểm phần trăm', en: 'percentage points' },
  sessions: { vi: 'phiên', en: 'sessions' },
  enterprises: { vi: 'doanh nghiệp', en: 'enterprises' },
  samples: { vi: 'mẫu', en: 'samples' },
  cases: { vi: 'vụ việc', en: 'cases' },
  units: { vi: 'đơn vị', en: 'units' },
  payments: { vi: 'lượt chi trả', en: 'payments' },
  activities: { vi: 'hoạt động', en: 'activities' },
};

export const IndicatorOut = z.object({
  code: z.string(),
  module: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  rollup: z.enum(['sum', 'ratio']),
  lowerIsBetter: z.boolean(),
  source: z.enum(['computed', 'entered']),
  params: z.array(z.string()),
  /** Computed from records where they are kept, entered before (docs/modules/reports.md). */
  enteredBefore: z.boolean().optional(),
});
export type IndicatorOut = z.infer<typeof IndicatorOut>;
export const IndicatorList = z.object({ items: z.array(IndicatorOut) });
export type IndicatorList = z.infer<typeof IndicatorList>;

const IndicatorCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'Mã chỉ tiêu viết thường, có dấu chấm, ví dụ employment.jobs_created');

export const CreateIndicatorBody = z.object({
  code: IndicatorCode,
  nameVi: z.string().trim().min(3, 'Nhập tên chỉ tiêu bằng tiếng Việt').max(300),
  nameEn: z.string().trim().min(3, 'Nhập tên chỉ tiêu bằng tiếng Anh').max(300),
  unit: IndicatorUnit,
  rollup: z.enum(['sum', 'ratio']).default('sum'),
  lowerIsBetter: z.boolean().default(false),
});
export type CreateIndicatorBody = z.infer<typeof CreateIndicatorBody>;

export const SOURCE_KINDS = ['survey', 'agency', 'document', 'other'] as const;
export const SOURCE_KIND_LABELS: Record<(typeof SOURCE_KINDS)[number], { vi: string; en: string }> = {
  survey: { vi: 'Điều tra, khảo sát', en: 'Survey' },
  agency: { vi: 'Số liệu của cơ quan khác', en: "Another agency's figure" },
  document: { vi: 'Văn bản', en: 'Document' },
  other: { vi: 'Nguồn khác', en: 'Other' },
};

export const EnterValueBody = z
  .object({
    indicatorCode: IndicatorCode,
    areaCode: AreaCode,
    periodFrom: IsoDate,
    periodTo: IsoDate,
    value: z.number().finite(),
    numerator: z.number().finite().nullish(),
    denominator: z.number().finite().nullish(),
    sourceKind: z.enum(SOURCE_KINDS),
    sourceRef: z
      .string()
      .trim()
      .min(3, 'Ghi nguồn số liệu: tên cuộc điều tra, cơ quan cung cấp hoặc số văn bản')
      .max(300),
    sourceDate: IsoDate,
    note: z.string().trim().max(1000).nullish(),
  })
  .refine((b) => b.periodFrom <= b.periodTo, { path: ['periodTo'], message: 'Ngày cuối kỳ phải sau ngày đầu kỳ.' });
export type EnterValueBody = z.infer<typeof EnterValueBody>;

export const EnteredValueOut = z.object({
  id: z.number().int(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  sourceKind: z.string(),
  sourceRef: z.string(),
  sourceDate: z.string(),
  note: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
  ...EnteredValueLifecycle.shape,
});
export type EnteredValueOut = z.infer<typeof EnteredValueOut>;
export const EnteredValuePage = pageOf(EnteredValueOut);
export type EnteredValuePage = z.infer<typeof EnteredValuePage>;
export const EnteredValuesQuery = PageQuery.extend({
  indicatorCode: z.string().max(100).optional(),
  areaCode: AreaCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type EnteredValuesQuery = z.infer<typeof EnteredValuesQuery>;

/** Parameters of an indicator as written in a query string: "program=COVID68,year=2021". */
export const ParamsText = z
  .string()
  .max(200)
  .regex(/^([a-z_]+=[^,=]+(,[a-z_]+=[^,=]+)*)?$/, 'Tham số ghi dạng ten=giatri, cách nhau dấu phẩy');

export const TargetBody = z.object({
  indicatorCode: IndicatorCode,
  params: ParamsText.optional(),
  /** A district or commune the target is split down to; the plan's area when absent. */
  areaCode: AreaCode.optional(),
  target: z.number().finite().min(0, 'Chỉ tiêu không được âm'),
  note: z.string().trim().max(500).nullish(),
  measure: TargetMeasure.optional(),
});
export type TargetBody = z.infer<typeof TargetBody>;

export const CreatePlanBody = z.object({
  year: z.number().int().min(2000).max(2100),
  areaCode: AreaCode,
  title: z.string().trim().min(5, 'Nhập tên kế hoạch, ví dụ "Kế hoạch thực hiện chỉ tiêu năm 2025"').max(500),
  docNumber: z.string().trim().min(3, 'Ghi số văn bản ban hành kế hoạch, ví dụ 169/KH-SLĐTBXH').max(100),
  docDate: IsoDate,
  issuer: z.string().trim().min(3, 'Nhập cơ quan ban hành kế hoạch').max(200),
  kind: PlanKind.optional(),
  targets: z.array(TargetBody).max(200).default([]),
});
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;

export const TargetOut = z.object({
  id: z.number().int(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  params: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  target: z.number(),
  lowerIsBetter: z.boolean(),
  note: z.string().nullable(),
  measure: TargetMeasure.optional(),
  available: z.boolean(),
  achieved: z.number().nullable(),
  percent: z.number().nullable(),
  text: z.string(),
  status: z.enum(['met', 'on_track', 'behind', 'no_target', 'no_data']),
});
export type TargetOut = z.infer<typeof TargetOut>;

export const PlanSummary = z.object({
  id: z.number().int(),
  year: z.number().int(),
  areaCode: z.string(),
  areaName: z.string(),
  title: z.string(),
  docNumber: z.string(),
  docDate: z.string(),
  issuer: z.string(),
  /** "Kế hoạch số 169/KH-SLĐTBXH ngày 21/7/2021". */
  citation: z.string(),
  kind: PlanKind.optional(),
  targetCount: z.number().int(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;
export const PlanList = z.object({ items: z.array(PlanSummary) });
export type PlanList = z.infer<typeof PlanList>;
export const PlanOut = PlanSummary.extend({
  asOf: z.string(),
  targets: z.array(TargetOut),
  abilities: z.array(z.string()),
});
export type PlanOut = z.infer<typeof PlanOut>;
export const PlansQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const PlanQuery = z.object({ asOf: IsoDate.optional() });

/** Where and when a figure is counted. */
export const FigureQuery = PageQuery.extend({
  code: IndicatorCode,
  areaCode: AreaCode,
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
  params: ParamsText.optional(),
});
export type FigureQuery = z.infer<typeof FigureQuery>;

export const IndicatorRecordOut = z.object({
  kind: z.string(),
  id: z.union([z.number(), z.string()]),
  label: z.string(),
  href: z.string().nullable(),
  areaCode: z.string(),
  areaName: z.string(),
  date: z.string().nullable(),
  amount: z.number().nullable(),
});

/** A figure with how it was obtained (traceability) and the records behind it. */
export const FigureTrace = z.object({
  indicator: IndicatorOut,
  areaCode: z.string(),
  areaName: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  params: z.string(),
  available: z.boolean(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  text: z.string(),
  /** For an entered figure: the values with their sources. */
  entered: z.array(EnteredValueOut),
  records: z.object({
    items: z.array(IndicatorRecordOut),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});
export type FigureTrace = z.infer<typeof FigureTrace>;

export const DashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  asOf: IsoDate.optional(),
  areaCode: AreaCode.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const AreaRef = z.object({ code: z.string(), name: z.string(), level: z.number().int() });

export const DashboardTarget = z.object({
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  params: z.string(),
  lowerIsBetter: z.boolean(),
  target: z.number(),
  available: z.boolean(),
  achieved: z.number().nullable(),
  percent: z.number().nullable(),
  text: z.string(),
  status: z.enum(['met', 'on_track', 'behind', 'no_target', 'no_data']),
  byArea: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string(),
      target: z.number().nullable(),
      achieved: z.number().nullable(),
      text: z.string(),
    }),
  ),
});
export type DashboardTarget = z.infer<typeof DashboardTarget>;

export const Dashboard = z.object({
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  area: AreaRef,
  children: z.array(AreaRef),
  plan: PlanSummary.nullable(),
  years: z.array(z.number().int()),
  targets: z.array(DashboardTarget),
  trend: z.array(
    z.object({
      indicatorCode: z.string(),
      indicatorName: z.string(),
      unit: z.string(),
      params: z.string(),
      points: z.array(z.object({ month: z.string(), to: z.string(), value: z.number() })),
    }),
  ),
  attention: z.array(
    z.object({
      kind: z.enum(['behind', 'lists_pending', 'due_soon', 'overdue']),
      text: z.string(),
      count: z.number(),
      indicatorCode: z.string(),
      params: z.string(),
      areaCode: z.string(),
    }),
  ),
  serverMs: z.number(),
});
export type Dashboard = z.infer<typeof Dashboard>;

// --- Report templates and instances ---------------------------------------------------------------

export const ReportBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), id: z.string(), text: z.string().max(20_000) }),
  z.object({
    type: z.literal('when_zero'),
    id: z.string(),
    /** A placeholder without braces: "petitions.complaints_received". */
    figure: z.string(),
    zero: z.string().max(5000),
    otherwise: z.string().max(5000),
  }),
  z.object({
    type: z.literal('table'),
    id: z.string(),
    caption: z.string(),
    rows: z.array(z.object({ label: z.string(), figure: z.string() })),
  }),
]);
export type ReportBlock = z.infer<typeof ReportBlock>;

export const ReportSection = z.object({
  id: z.string(),
  /** "I.", "1.", "1.1." — written as in the document. */
  number: z.string(),
  title: z.string(),
  level: z.number().int().min(1).max(3),
  blocks: z.array(ReportBlock),
});
export type ReportSection = z.infer<typeof ReportSection>;

/** Who signs: the agency's signer unless a template or a report names another. */
export const ReportSigner = z.object({
  authority: z.string().max(100),
  title: z.string().min(2).max(100),
  name: z.string().min(2).max(100),
});
export type ReportSigner = z.infer<typeof ReportSigner>;

export const ReportBody = z.object({
  docTitle: z.string(),
  /** The summary line (trích yếu). */
  summary: z.string(),
  /** "Kính gửi: …". */
  addressee: z.string().nullable(),
  sections: z.array(ReportSection),
  /** "Nơi nhận" before the agency's own (e.g. "Lưu: VT"). */
  recipients: z.array(z.string()),
  /** The signer of this template or report; null: the agency's signer (settings). */
  signer: ReportSigner.nullable().optional(),
});
export type ReportBody = z.infer<typeof ReportBody>;

/** The period a template's reports cover: a year, its first six months, or a quarter. */
export const TemplatePeriod = z.enum(['year', 'half', 'quarter']);
export type TemplatePeriod = z.infer<typeof TemplatePeriod>;

export const TemplateOut = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  period: TemplatePeriod,
  body: ReportBody,
  /** The stored template (issue 19): absent for nothing shipped today, kept optional for old clients. */
  id: z.number().int().optional(),
  agencyCode: z.string().nullable().optional(),
  titlePattern: z.string().optional(),
  version: z.number().int().optional(),
  archived: z.boolean().optional(),
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type TemplateOut = z.infer<typeof TemplateOut>;
export const TemplateList = z.object({ items: z.array(TemplateOut) });
export type TemplateList = z.infer<typeof TemplateList>;
export const TemplateQuery = z.object({ archived: z.enum(['true', 'false']).optional() });

const TemplateText = z.string().trim().min(2, 'Nhập ít nhất 2 ký tự.').max(300);
/** A new template or a new version of one: its names, the title of its reports and its body. */
export const SaveTemplateBody = z.object({
  nameVi: TemplateText,
  nameEn: TemplateText,
  period: TemplatePeriod,
  /** The title of a report: "{year}" and "{quarter}" are replaced. */
  titlePattern: TemplateText,
  body: ReportBody.extend({
    summary: z.string().trim().min(2, 'Nhập trích yếu của báo cáo.').max(500),
    sections: z.array(ReportSection).min(1, 'Mẫu cần ít nhất một mục.').max(100),
    recipients: z.array(z.string().trim().min(1).max(300)).max(30),
  }),
});
export type SaveTemplateBody = z.infer<typeof SaveTemplateBody>;
export const CreateTemplateBody = SaveTemplateBody.extend({
  code: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,59}$/,
      'Mã mẫu gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "bao-cao-thang".',
    ),
  /** The agency the template is for; null: every agency of the province. */
  agencyCode: z.string().max(40).nullish(),
});
export type CreateTemplateBody = z.infer<typeof CreateTemplateBody>;

/** One saved version of a template. */
export const TemplateVersionOut = z.object({
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const TemplateVersionList = z.object({ items: z.array(TemplateVersionOut) });
export type TemplateVersionList = z.infer<typeof TemplateVersionList>;

export const CreateReportBody = z.object({
  templateCode: z.string().min(1).max(100),
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4).nullish(),
  areaCode: AreaCode.optional(),
  asOf: IsoDate.optional(),
  /** The plan the report's targets come from; the UBND plan of the year when absent. */
  planId: z.number().int().positive().optional(),
});
export type CreateReportBody = z.infer<typeof CreateReportBody>;

export const UpdateReportBody = z.object({
  asOf: IsoDate.optional(),
  planId: z.number().int().positive().nullish(),
  /** New text of narrative blocks, by block id (a when_zero block takes "<id>.zero" / "<id>.otherwise"). */
  texts: z.record(z.string(), z.string().max(20_000)).default({}),
  /** The report's own header and closing (until issue): summary line, "Kính gửi", "Nơi nhận", signer. */
  summary: z.string().trim().min(2).max(500).optional(),
  addressee: z.string().trim().max(500).nullish(),
  recipients: z.array(z.string().trim().min(1).max(300)).max(30).optional(),
  /** null: back to the agency's signer. */
  signer: ReportSigner.nullish(),
  /** The report's sections as a whole (added, renamed, reordered, deleted). */
  sections: z.array(ReportSection).min(1).max(100).optional(),
});
export type UpdateReportBody = z.infer<typeof UpdateReportBody>;

export const ReportOut = z.object({
  id: z.number().int(),
  templateCode: z.string(),
  templateName: z.string(),
  /** The template version the report was made from (null: before templates were stored). */
  templateVersion: z.number().int().nullable().optional(),
  title: z.string(),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  asOf: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  state: z.enum(['draft', 'issued']),
  number: z.string().nullable(),
  issuedAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.array(z.string()),
  planId: z.number().int().nullable().optional(),
});
export type ReportOut = z.infer<typeof ReportOut>;
export const ReportPage = pageOf(ReportOut);
export type ReportPage = z.infer<typeof ReportPage>;
export const ReportsQuery = PageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** A figure of a report as shown in the preview: its value and how it was obtained. */
export const FigureOut = z.object({
  key: z.string(),
  kind: z.enum(['value', 'target', 'progress', 'percent']),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  params: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  source: z.enum(['computed', 'entered', 'missing']),
  available: z.boolean(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  target: z.number().nullable(),
  lowerIsBetter: z.boolean(),
  ...FigureBasis.shape,
});
export type FigureOut = z.infer<typeof FigureOut>;

export const PreviewSegment = z.object({ text: z.string(), figure: z.string().nullable() });
export const PreviewBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), id: z.string(), source: z.string(), segments: z.array(PreviewSegment) }),
  z.object({
    type: z.literal('when_zero'),
    id: z.string(),
    zero: z.string(),
    otherwise: z.string(),
    isZero: z.boolean(),
    segments: z.array(PreviewSegment),
  }),
  z.object({
    type: z.literal('table'),
    id: z.string(),
    caption: z.string(),
    rows: z.array(
      z.object({
        label: z.string(),
        figure: z.string(),
        target: z.string(),
        achieved: z.string(),
        percent: z.string(),
      }),
    ),
  }),
]);
export type PreviewBlock = z.infer<typeof PreviewBlock>;

export const ReportPreview = z.object({
  report: ReportOut,
  header: z.object({
    parentAgency: z.string(),
    agency: z.string(),
    number: z.string(),
    placeDate: z.string(),
    docTitle: z.string(),
    summary: z.string(),
    addressee: z.string().nullable(),
    recipients: z.array(z.string()),
    signerAuthority: z.string(),
    signerTitle: z.string(),
    signerName: z.string(),
  }),
  sections: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      level: z.number().int(),
      blocks: z.array(PreviewBlock),
    }),
  ),
  figures: z.array(FigureOut),
  /** Whether the figures are the ones frozen at issue. */
  frozen: z.boolean(),
});
export type ReportPreview = z.infer<typeof ReportPreview>;

export const ReportChanges = z.object({
  issuedAt: z.string().nullable(),
  asOf: z.string(),
  items: z.array(z.object({ key: z.string(), name: z.string(), before: z.string(), after: z.string() })),
});
export type ReportChanges = z.infer<typeof ReportChanges>;

/** The agency that issues a province's reports (province setting "reports.agency"): it may be reorganised. */
export const AgencySettings = z.object({
  parentAgency: z.string().min(2).max(200),
  agency: z.string().min(2).max(200),
  /** The agency's name as written in running text: "Sở Lao động - Thương binh và Xã hội". */
  agencyName: z.string().min(2).max(200),
  /** The symbol after "BC-" in the number: "SLĐTBXH". */
  symbol: z.string().min(2).max(40),
  place: z.string().min(2).max(100),
  signerAuthority: z.string().max(100),
  signerTitle: z.string().min(2).max(100),
  signerName: z.string().min(2).max(100),
  recipients: z.array(z.string().max(300)).max(30),
});
export type AgencySettings = z.infer<typeof AgencySettings>;
