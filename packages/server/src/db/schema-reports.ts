import type { Generated } from 'kysely';

/** Tables of the plans, indicators and reports module (see schema.ts for the conventions). */
export interface ReportsTables {
  report_indicators: ReportIndicatorsTable;
  indicator_values: IndicatorValuesTable;
  plans: PlansTable;
  plan_targets: PlanTargetsTable;
  reports: ReportsTable;
  report_templates: ReportTemplatesTable;
  report_template_versions: ReportTemplateVersionsTable;
  province_settings: ProvinceSettingsTable;
}

/** Indicators whose values are entered with their source (the computed ones live in code). */
export interface ReportIndicatorsTable {
  code: string;
  module: string;
  name_vi: string;
  name_en: string;
  unit: string;
  rollup: string;
  lower_is_better: number;
  created_at: string;
}

/** An entered value: a figure no record gives, with its source and who entered it. */
export interface IndicatorValuesTable {
  id: Generated<number>;
  indicator_code: string;
  area_code: string;
  area_level: number;
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
  period_from: string;
  period_to: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source_kind: string;
  source_ref: string;
  /** Date of the survey or document: the value counts for reports as of this date or later. */
  source_date: string;
  note: string | null;
  entered_by: string;
  entered_at: string;
  /** 'active' | 'superseded' | 'withdrawn' (migration 0020). */
  status: Generated<string>;
  /** A computed figure's parameters ('program=COVID68') for an override; '' otherwise. */
  params: Generated<string>;
  /** Set when the value is typed in place of a computed figure ("số liệu nhập thay"). */
  override_reason: string | null;
  /** The correction that replaced this value. */
  superseded_by: number | null;
  status_reason: string | null;
  status_by: string | null;
  status_at: string | null;
}

export interface PlansTable {
  id: Generated<number>;
  year: number;
  area_code: string;
  area_level: number;
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
  title: string;
  doc_number: string;
  doc_date: string;
  issuer: string;
  /** 'ubnd' (the province People's Committee's plan) | 'department' (migration 0020). */
  kind: Generated<string>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PlanTargetsTable {
  id: Generated<number>;
  plan_id: number;
  indicator_code: string;
  /** "program=COVID68" or ''. */
  params: string;
  area_code: string;
  area_level: number;
  target: number;
  note: string | null;
  /** 'count' | 'points' (a change in percentage points), migration 0020. */
  measure: Generated<string>;
}

export interface ReportsTable {
  id: Generated<number>;
  template_code: string;
  title: string;
  year: number;
  quarter: number | null;
  period_from: string;
  period_to: string;
  as_of: string;
  area_code: string;
  area_level: number;
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
  state: string;
  number_seq: number | null;
  /** Year of issue: with the province and number_seq, unique (migration 0006). */
  issue_year?: number | null;
  number: string | null;
  /** The template's sections as edited by the officers (ReportBody). */
  body_json: string;
  /** The figures as they were at issue (FigureOut[]); null while a draft. */
  figures_json: string | null;
  /** The plan the report takes its targets from; null: the UBND plan of its year (migration 0020). */
  plan_id?: number | null;
  /** The template version the report was made from (migration 0029); null before it. */
  template_version?: number | null;
  issued_at: string | null;
  issued_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** The agency it belongs to (migration 0028); null: every agency of the province. */
  agency_code: string | null;
}

/** A setting of one province (migration 0008): `reports.agency` is the agency issuing its reports. */
export interface ProvinceSettingsTable {
  province_code: string;
  key: string;
  value_json: string;
  updated_at: string;
}

/** A report template of a province (migration 0029); `version` is its current version. */
export interface ReportTemplatesTable {
  id: Generated<number>;
  province_code: string;
  /** The agency it is for; null: every agency of the province. */
  agency_code: string | null;
  code: string;
  name_vi: string;
  name_en: string;
  period: string;
  title_pattern: string;
  version: number;
  /** 1: loaded from the templates AnSinh ships. */
  shipped: Generated<number>;
  archived_at: string | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

/** Every saved version of a template: a report keeps the version it was made from. */
export interface ReportTemplateVersionsTable {
  id: Generated<number>;
  template_id: number;
  province_code: string;
  version: number;
  name_vi: string;
  name_en: string;
  period: string;
  title_pattern: string;
  body_json: string;
  created_by: string;
  created_at: string;
}
