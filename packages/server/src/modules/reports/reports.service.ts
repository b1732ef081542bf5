import { reportsPolicy } from './reports.policy.js';
import { computeFigure } from './use-cases/compute-figure.js';
import { createReportsContext, type ReportsDeps } from './use-cases/context.js';
import { createReport } from './use-cases/create-report.js';
import { dashboard } from './use-cases/dashboard.js';
import { enterValues } from './use-cases/enter-values.js';
import { indicatorsCatalogue } from './use-cases/indicators-catalogue.js';
import { issueReport } from './use-cases/issue-report.js';
import { planProgress } from './use-cases/plan-progress.js';
import { planTargets } from './use-cases/plan-targets.js';
import { plans } from './use-cases/plans.js';
import { reportDocxJob } from './use-cases/docx-job.js';
import { reportDocuments } from './use-cases/report-documents.js';
import { reportFigures } from './use-cases/report-figures.js';
import { settings } from './use-cases/settings.js';
import { reportTemplates } from './use-cases/templates.js';
import { reportsSettings } from './use-cases/reports-settings.js';
import { valueLifecycle } from './use-cases/value-lifecycle.js';

export type { AreaInfo } from './use-cases/context.js';

/**
 * Plans, indicators (computed and entered), dashboards and report documents: the use cases of
 * `use-cases/`, assembled into one service object for the routes, the CLI, the seeds and the tests.
 */
export function createReportsService(deps: ReportsDeps) {
  const c = createReportsContext(deps);
  const progress = planProgress(c);
  const agency = settings(c);
  const figures = reportFigures(c, progress, agency.agencyOf);
  const planUseCases = plans(c, progress);
  const templates = reportTemplates(c);
  const reports = createReport(c, figures, progress, templates);
  const { loadPlan: _loadPlan, ...planApi } = planUseCases;
  const docs = reportDocuments(figures);
  return {
    policy: reportsPolicy,
    ...indicatorsCatalogue(c),
    ...enterValues(c),
    ...computeFigure(c),
    ...planApi,
    ...planTargets(c, progress, planUseCases),
    ...dashboard(c, progress),
    ...templates,
    ...reports,
    ...issueReport(c, figures, reports.get, progress),
    ...valueLifecycle(c),
    ...reportsSettings(c),
    ...docs,
    ...reportDocxJob(figures, docs, deps.jobs),
    settings: agency.settings,
    putSettings: agency.putSettings,
    agency: agency.agency,
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
