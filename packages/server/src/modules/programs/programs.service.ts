import type { Database } from '../../db/database.js';
import type { AreasService } from '../areas/index.js';
import type { BackgroundJobs } from '../../platform/background-jobs.js';
import { programsJobsUseCases } from './use-cases/background.js';
import { checkListsUseCases } from './use-cases/check-lists.js';
import { editEntriesUseCases } from './use-cases/edit-entries.js';
import { generateListsUseCase } from './use-cases/generate-lists.js';
import { importListUseCase } from './use-cases/import-list.js';
import { listStepsUseCases } from './use-cases/list-steps.js';
import { manageProgramsUseCases } from './use-cases/manage-programs.js';
import { outsideSettingsUseCases } from './use-cases/outside-settings.js';
import { paymentBatchesUseCases } from './use-cases/payment-batches.js';
import { CHANNEL_VI, paymentSheetUseCase } from './use-cases/payment-sheet.js';
import { publishAndRemarksUseCases } from './use-cases/publish-and-remarks.js';
import { readListsUseCases } from './use-cases/read-lists.js';
import { reconcileUseCase } from './use-cases/reconcile.js';
import { recordPaymentsUseCase } from './use-cases/record-payments.js';
import { supplementaryListUseCase } from './use-cases/supplementary-list.js';
import { totalsAndProgressUseCases } from './use-cases/totals-and-progress.js';

export type { CreateProgramOptions } from './use-cases/manage-programs.js';

/**
 * The programs module's service: the use cases under use-cases/, assembled into the one object
 * the routes, seeds, CLI, benches and tests use. Payments (batches, recording, reconciliation,
 * the sheet, totals) hang under `payments`, as before.
 */
export function createProgramsService(deps: { database: Database; areas?: AreasService; jobs?: BackgroundJobs }) {
  const uc = { database: deps.database };
  const generate = generateListsUseCase(uc);
  const sheetXlsx = paymentSheetUseCase(uc);
  const background = programsJobsUseCases(uc, deps.jobs, generate, sheetXlsx);
  const read = readListsUseCases(uc);
  const totals = totalsAndProgressUseCases(uc);
  return {
    payments: {
      CHANNEL_VI,
      ...paymentBatchesUseCases(uc),
      recordPayments: recordPaymentsUseCase(uc),
      reconcile: reconcileUseCase(uc),
      sheetXlsx,
      startSheet: background.startSheet,
      totals: totals.totals,
    },
    ...manageProgramsUseCases(uc),
    generate,
    startGenerate: background.startGenerate,
    importList: importListUseCase(uc),
    ...outsideSettingsUseCases(uc),
    supplementary: supplementaryListUseCase(uc, read.listDetail),
    ...read,
    ...checkListsUseCases(uc),
    ...editEntriesUseCases(uc),
    ...listStepsUseCases(uc, read.listDetail),
    ...publishAndRemarksUseCases(uc, read.listDetail),
    progress: totals.progress,
  };
}
export type ProgramsService = ReturnType<typeof createProgramsService>;
