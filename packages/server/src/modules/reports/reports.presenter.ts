import {
  ReportBody,
  type EnteredValueOut,
  type FigureSource,
  type IndicatorOut,
  type PlanSummary,
  type ReportOut,
  type TemplateOut,
  type TemplatePeriod,
} from '@ansinh/domain';
import type { IndicatorDef } from './reports.catalogue.js';
import type { IndicatorValueRow } from './repo/indicators.repo.js';
import type { PlanRow } from './repo/plans.repo.js';
import type { ReportRow } from './repo/reports.repo.js';
import type { TemplateRow } from './repo/templates.repo.js';

/** Row → API shapes of the reports module. */
export function presentIndicator(d: IndicatorDef): IndicatorOut {
  return {
    code: d.code,
    module: d.module,
    nameVi: d.nameVi,
    nameEn: d.nameEn,
    unit: d.unit,
    rollup: d.rollup,
    lowerIsBetter: d.lowerIsBetter,
    source: d.source,
    params: [...d.params],
    ...(d.enteredBefore ? { enteredBefore: true } : {}),
  };
}

export function presentValue(r: IndicatorValueRow, names: Map<string, string>, indicatorName: string): EnteredValueOut {
  return {
    id: Number(r.id),
    indicatorCode: r.indicator_code,
    indicatorName,
    areaCode: r.area_code,
    areaName: names.get(r.area_code) ?? r.area_code,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    sourceKind: r.source_kind,
    sourceRef: r.source_ref,
    sourceDate: r.source_date,
    note: r.note,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
    status: r.status === 'superseded' || r.status === 'withdrawn' ? r.status : 'active',
    params: r.params,
    overrideReason: r.override_reason,
    supersededBy: r.superseded_by === null ? null : Number(r.superseded_by),
    statusReason: r.status_reason,
    statusBy: r.status_by,
    statusAt: r.status_at,
  };
}

/** An entered figure as the annex cites it: its own area, period and source document. */
export function presentSource(r: IndicatorValueRow, names: Map<string, string>): FigureSource {
  return {
    id: Number(r.id),
    areaCode: r.area_code,
    areaName: names.get(r.area_code) ?? r.area_code,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    value: r.value,
    sourceRef: r.source_ref,
    sourceDate: r.source_date,
  };
}

/** "Kế hoạch số 169/KH-SLĐTBXH ngày 21/7/2021" (day and month without leading zeros, as cited in reports). */
export function planCitation(p: Pick<PlanRow, 'doc_number' | 'doc_date'>): string {
  const [y, m, d] = p.doc_date.split('-');
  return `Kế hoạch số ${p.doc_number} ngày ${Number(d)}/${Number(m)}/${y}`;
}

export function presentPlan(p: PlanRow, names: Map<string, string>, targetCount: number): PlanSummary {
  return {
    id: Number(p.id),
    year: p.year,
    areaCode: p.area_code,
    areaName: names.get(p.area_code) ?? p.area_code,
    title: p.title,
    docNumber: p.doc_number,
    docDate: p.doc_date,
    issuer: p.issuer,
    citation: planCitation(p),
    kind: p.kind === 'department' ? 'department' : 'ubnd',
    targetCount,
  };
}

export function presentReport(
  r: ReportRow,
  names: Map<string, string>,
  templateName: string,
  abilities: string[],
): ReportOut {
  return {
    id: Number(r.id),
    templateCode: r.template_code,
    templateName,
    templateVersion: r.template_version == null ? null : Number(r.template_version),
    title: r.title,
    year: r.year,
    quarter: r.quarter,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    asOf: r.as_of,
    areaCode: r.area_code,
    areaName: names.get(r.area_code) ?? r.area_code,
    state: r.state === 'issued' ? 'issued' : 'draft',
    number: r.number,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    abilities,
    planId: r.plan_id == null ? null : Number(r.plan_id),
  };
}

/** A stored template with the body of one of its versions, as the API shows it. */
export function presentTemplate(t: TemplateRow, bodyJson: string): TemplateOut {
  return {
    id: Number(t.id),
    code: t.code,
    agencyCode: t.agency_code,
    nameVi: t.name_vi,
    nameEn: t.name_en,
    period: t.period as TemplatePeriod,
    titlePattern: t.title_pattern,
    version: Number(t.version),
    archived: t.archived_at !== null,
    updatedBy: t.updated_by,
    updatedAt: String(t.updated_at),
    body: ReportBody.parse(JSON.parse(bodyJson)),
  };
}
