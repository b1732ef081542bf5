import type { PovertyDeps } from './use-cases/deps.js';
import { createCampaign } from './use-cases/create-campaign.js';
import { importSheets } from './use-cases/import-sheets.js';
import { recognitionDocuments } from './use-cases/recognition-documents.js';
import { listHouseholds } from './use-cases/list-households.js';
import { breakdownXlsx } from './use-cases/breakdown-xlsx.js';
import { movementBreakdown } from './use-cases/movement-breakdown.js';
import { movementReport } from './use-cases/movement-report.js';
import { readCampaigns } from './use-cases/read-campaigns.js';
import { recognizeResults } from './use-cases/recognize-results.js';
import { recordMeeting } from './use-cases/record-meeting.js';
import { answerObjection, recordDistrictOpinion, recordPosting } from './use-cases/record-posting.js';
import { recordSurvey } from './use-cases/record-survey.js';
import { scoreCampaign } from './use-cases/score-campaign.js';

/** The poverty review: the use cases assembled (docs/modules/poverty.md). */
export function createPovertyService(deps: PovertyDeps) {
  const read = readCampaigns(deps);
  return {
    createCampaign: createCampaign(deps),
    getCampaign: read.get,
    listCampaigns: read.list,
    listCases: read.cases,
    rules: read.rules,
    progress: read.progress,
    listHouseholds: listHouseholds(deps),
    recordSurvey: recordSurvey(deps),
    scoreCampaign: scoreCampaign(deps),
    recordMeeting: recordMeeting(deps),
    recordPosting: recordPosting(deps),
    answerObjection: answerObjection(deps),
    recordDistrictOpinion: recordDistrictOpinion(deps),
    recognize: recognizeResults(deps),
    movement: movementReport(deps),
    breakdown: movementBreakdown(deps),
    breakdownXlsx: breakdownXlsx(deps),
    ...importSheets(deps),
    ...recognitionDocuments(deps),
  };
}
export type PovertyService = ReturnType<typeof createPovertyService>;
