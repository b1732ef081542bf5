import {
  AgencySettings,
  BackgroundJobOut,
  Dashboard,
  EnteredValueOut,
  EnteredValuePage,
  FigureTrace,
  IndicatorList,
  PlanList,
  PlanOut,
  MissingList,
  ReportsPolicySettings,
  ReportChanges,
  ReportOut,
  ReportPage,
  ReportPreview,
  TemplateList,
  TemplateOut,
  TemplateVersionList,
} from '@ansinh/domain';
import type {
  CreatePlanBody,
  CreateReportBody,
  DashboardQuery,
  CorrectValueBody,
  EnterValueBody,
  ReportsPolicySettingsBody,
  WithdrawValueBody,
  TargetBody,
  UpdateReportBody,
  CreateTemplateBody,
  SaveTemplateBody,
} from '@ansinh/domain';
import { apiUrl, request } from '../../kernel/http';

/** Where a figure is counted: the query of its traceability page. */
export interface FigureRef {
  code: string;
  areaCode: string;
  from: string;
  to: string;
  asOf: string;
  params?: string | undefined;
}

export type DashboardFilter = Partial<DashboardQuery>;

/** The API of plans, indicators, dashboards and reports. */
export const reportsApi = {
  /** Queue the rendering of a report's DOCX (a background job; its file is the document). */
  docxJob: (id: number) =>
    request('POST', `/reports/${encodeURIComponent(id)}/docx-jobs`, { body: {}, schema: BackgroundJobOut }),
  dashboard: (q: DashboardFilter, signal?: AbortSignal) =>
    request<Dashboard>('GET', '/reports/dashboard', { query: { ...q }, schema: Dashboard, signal }),
  figure: (f: FigureRef & { page?: number; pageSize?: number }, signal?: AbortSignal) =>
    request<FigureTrace>('GET', '/reports/figure', { query: { ...f }, schema: FigureTrace, signal }),
  indicators: (signal?: AbortSignal) =>
    request<IndicatorList>('GET', '/reports/indicators', { schema: IndicatorList, signal }),
  values: (
    q: { indicatorCode?: string | undefined; year?: number | undefined; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ) => request<EnteredValuePage>('GET', '/reports/values', { query: { ...q }, schema: EnteredValuePage, signal }),
  correctValue: (id: number, body: CorrectValueBody) =>
    request<EnteredValueOut>('POST', `/reports/values/${id}/correct`, { body, schema: EnteredValueOut }),
  withdrawValue: (id: number, body: WithdrawValueBody) =>
    request<EnteredValueOut>('POST', `/reports/values/${id}/withdraw`, { body, schema: EnteredValueOut }),
  enterValue: (body: EnterValueBody) =>
    request<EnteredValueOut>('POST', '/reports/values', { body, schema: EnteredValueOut }),
  plans: (signal?: AbortSignal) => request<PlanList>('GET', '/plans', { schema: PlanList, signal }),
  plan: (id: number, asOf: string | undefined, signal?: AbortSignal) =>
    request<PlanOut>('GET', `/plans/${id}`, { query: { asOf }, schema: PlanOut, signal }),
  createPlan: (body: CreatePlanBody) => request<PlanOut>('POST', '/plans', { body, schema: PlanOut }),
  setTarget: (id: number, body: TargetBody) =>
    request<PlanOut>('POST', `/plans/${id}/targets`, { body, schema: PlanOut }),
  deleteTarget: (id: number, targetId: number) =>
    request<PlanOut>('DELETE', `/plans/${id}/targets/${targetId}`, { schema: PlanOut }),
  templates: (signal?: AbortSignal, archived = false) =>
    request<TemplateList>('GET', '/reports/templates', {
      query: archived ? { archived: 'true' } : {},
      schema: TemplateList,
      signal,
    }),
  template: (code: string, signal?: AbortSignal) =>
    request<TemplateOut>('GET', `/reports/templates/${encodeURIComponent(code)}`, { schema: TemplateOut, signal }),
  templateVersions: (code: string, signal?: AbortSignal) =>
    request<TemplateVersionList>('GET', `/reports/templates/${encodeURIComponent(code)}/versions`, {
      schema: TemplateVersionList,
      signal,
    }),
  createTemplate: (body: CreateTemplateBody) =>
    request<TemplateOut>('POST', '/reports/templates', { body, schema: TemplateOut }),
  saveTemplate: (code: string, body: SaveTemplateBody) =>
    request<TemplateOut>('PUT', `/reports/templates/${encodeURIComponent(code)}`, { body, schema: TemplateOut }),
  archiveTemplate: (code: string, archived: boolean) =>
    request<TemplateOut>('POST', `/reports/templates/${encodeURIComponent(code)}/archive`, {
      body: { archived },
      schema: TemplateOut,
    }),
  settings: (signal?: AbortSignal) =>
    request<AgencySettings>('GET', '/reports/settings', { schema: AgencySettings, signal }),
  putSettings: (body: AgencySettings) =>
    request<AgencySettings>('PUT', '/reports/settings', { body, schema: AgencySettings }),
  reports: (q: { page?: number; pageSize?: number }, signal?: AbortSignal) =>
    request<ReportPage>('GET', '/reports', { query: { ...q }, schema: ReportPage, signal }),
  create: (body: CreateReportBody) => request<ReportOut>('POST', '/reports', { body, schema: ReportOut }),
  preview: (id: number, signal?: AbortSignal) =>
    request<ReportPreview>('GET', `/reports/${id}/preview`, { schema: ReportPreview, signal }),
  update: (id: number, body: UpdateReportBody) =>
    request<ReportOut>('PATCH', `/reports/${id}`, { body, schema: ReportOut }),
  issue: (id: number, acceptMissing = false) =>
    request<ReportOut>('POST', `/reports/${id}/issue`, { body: { acceptMissing }, schema: ReportOut }),
  rules: (signal?: AbortSignal) =>
    request<ReportsPolicySettings>('GET', '/reports/rules', { schema: ReportsPolicySettings, signal }),
  putRules: (body: ReportsPolicySettingsBody) =>
    request<ReportsPolicySettings>('PUT', '/reports/rules', { body, schema: ReportsPolicySettings }),
  missing: (id: number, signal?: AbortSignal) =>
    request<MissingList>('GET', `/reports/${id}/missing`, { schema: MissingList, signal }),
  changes: (id: number, signal?: AbortSignal) =>
    request<ReportChanges>('GET', `/reports/${id}/changes`, { schema: ReportChanges, signal }),
};

export const reportsUrls = {
  docx: (id: number) => apiUrl(`/reports/${id}/document.docx`),
  annex: (id: number) => apiUrl(`/reports/${id}/annex.xlsx`),
};

export const rk = {
  all: ['reports'] as const,
  dashboard: (q: DashboardFilter) => ['reports', 'dashboard', q] as const,
  figure: (f: object) => ['reports', 'figure', f] as const,
  indicators: ['reports', 'indicators'] as const,
  values: (q: object) => ['reports', 'values', q] as const,
  plans: ['reports', 'plans'] as const,
  plan: (id: number, asOf?: string) => ['reports', 'plan', id, asOf ?? ''] as const,
  templates: ['reports', 'templates'] as const,
  template: (code: string) => ['reports', 'templates', code] as const,
  settings: ['reports', 'settings'] as const,
  reports: (q: object) => ['reports', 'list', q] as const,
  preview: (id: number) => ['reports', 'preview', id] as const,
  changes: (id: number) => ['reports', 'changes', id] as const,
  missing: (id: number) => ['reports', 'missing', id] as const,
  rules: ['reports', 'rules'] as const,
};

/** The traceability page of a figure. */
export function figureHref(f: FigureRef): string {
  const p = new URLSearchParams({ code: f.code, areaCode: f.areaCode, from: f.from, to: f.to, asOf: f.asOf });
  if (f.params) p.set('params', f.params);
  return `/reports/figure?${p.toString()}`;
}
