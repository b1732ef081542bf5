import { z } from 'zod';
import { AreaCode, IsoDate } from './common.js';

/**
 * Contracts of the reports module's entered values lifecycle, overrides of computed figures,
 * plan kinds, target measures and issuing with missing figures (issue 11, docs/modules/reports.md).
 */

/** The province People's Committee's plan, or the Department's own. */
export const PlanKind = z.enum(['ubnd', 'department']);
export type PlanKind = z.infer<typeof PlanKind>;

/** What a target counts in: the figure itself, or its change in percentage points over the year. */
export const TargetMeasure = z.enum(['count', 'points']);
export type TargetMeasure = z.infer<typeof TargetMeasure>;

export const EnteredValueStatus = z.enum(['active', 'superseded', 'withdrawn']);

/** The lifecycle part of an entered value. */
export const EnteredValueLifecycle = z.object({
  status: EnteredValueStatus.optional(),
  params: z.string().optional(),
  overrideReason: z.string().nullable().optional(),
  supersededBy: z.number().int().nullable().optional(),
  statusReason: z.string().nullable().optional(),
  statusBy: z.string().nullable().optional(),
  statusAt: z.string().nullable().optional(),
});

/** An entered figure as the annex cites it: its own area, period and source. */
export const FigureSource = z.object({
  id: z.number().int(),
  areaCode: z.string(),
  areaName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  value: z.number(),
  sourceRef: z.string(),
  sourceDate: z.string(),
});
export type FigureSource = z.infer<typeof FigureSource>;

/** How a figure was obtained, as the preview and the annex say it. */
export const FigureBasis = z.object({
  /** "tính từ dữ liệu", "giá trị của tỉnh cho kỳ này", "cộng từ 3 huyện", "số liệu nhập thay". */
  basis: z.string().optional(),
  /** Typed in place of a computed figure, with its reason ("số liệu nhập thay"). */
  overridden: z.boolean().optional(),
  overrideReason: z.string().nullable().optional(),
  sources: z.array(FigureSource).optional(),
  /** The target's measure; for 'points', `change` is the year's change of the rate in points. */
  measure: TargetMeasure.optional(),
  change: z.number().nullable().optional(),
});

const Reason = z.string().trim().min(5, 'Ghi lý do (ít nhất 5 ký tự)').max(1000);

/** A correction: the new value and its source replace the old one, which is kept in the history. */
export const CorrectValueBody = z.object({
  value: z.number().finite(),
  numerator: z.number().finite().nullish(),
  denominator: z.number().finite().nullish(),
  sourceRef: z.string().trim().min(3).max(300).optional(),
  sourceDate: IsoDate.optional(),
  reason: Reason,
});
export type CorrectValueBody = z.infer<typeof CorrectValueBody>;

export const WithdrawValueBody = z.object({ reason: Reason });
export type WithdrawValueBody = z.infer<typeof WithdrawValueBody>;

/** A value typed in place of a computed figure for exactly an area and a period, with its reason. */
export const OverrideBody = z
  .object({
    indicatorCode: z.string().min(1).max(100),
    params: z.string().max(200).optional(),
    areaCode: AreaCode,
    periodFrom: IsoDate,
    periodTo: IsoDate,
    value: z.number().finite(),
    numerator: z.number().finite().nullish(),
    denominator: z.number().finite().nullish(),
    sourceRef: z.string().trim().min(3, 'Ghi nguồn số liệu nhập thay').max(300),
    sourceDate: IsoDate,
    reason: z.string().trim().min(10, 'Ghi rõ lý do nhập thay số liệu tính từ dữ liệu (ít nhất 10 ký tự)').max(1000),
  })
  .refine((b) => b.periodFrom <= b.periodTo, { path: ['periodTo'], message: 'Ngày cuối kỳ phải sau ngày đầu kỳ.' });
export type OverrideBody = z.infer<typeof OverrideBody>;

/** Since when each module's records are kept in AnSinh, for a province: { petitions: '2024-01-01' }. */
export const RecordsSince = z.record(z.string().regex(/^[a-z_]+$/), IsoDate.nullable());
export type RecordsSince = z.infer<typeof RecordsSince>;

/** Whether a report with missing figures may be issued after a confirmation, or not at all. */
export const IssueWithMissing = z.enum(['confirm', 'refuse']);
export type IssueWithMissing = z.infer<typeof IssueWithMissing>;

export const ReportsPolicySettings = z.object({
  recordsSince: RecordsSince,
  issueWithMissing: IssueWithMissing,
});
export type ReportsPolicySettings = z.infer<typeof ReportsPolicySettings>;
export const ReportsPolicySettingsBody = ReportsPolicySettings.partial();
export type ReportsPolicySettingsBody = z.infer<typeof ReportsPolicySettingsBody>;

export const IssueBody = z.object({ acceptMissing: z.boolean().optional() }).default({});
export type IssueBody = z.infer<typeof IssueBody>;

/** What a report still lacks: figures written "[chưa có số liệu]" and template notes left in. */
export const MissingItem = z.object({
  kind: z.enum(['figure', 'target', 'note']),
  key: z.string(),
  text: z.string(),
  section: z.string(),
});
export type MissingItem = z.infer<typeof MissingItem>;
export const MissingList = z.object({ mode: IssueWithMissing, items: z.array(MissingItem) });
export type MissingList = z.infer<typeof MissingList>;
