import type { Generated } from 'kysely';

/** Tables of the poverty-review module (see schema.ts for the conventions). */
export interface PovertyTables {
  poverty_campaigns: PovertyCampaignsTable;
  poverty_b1_points: PovertyB1PointsTable;
  poverty_cases: PovertyCasesTable;
  poverty_scores: PovertyScoresTable;
  poverty_surveys: PovertySurveysTable;
  poverty_b1_answers: PovertyB1AnswersTable;
  poverty_meetings: PovertyMeetingsTable;
  poverty_postings: PovertyPostingsTable;
  poverty_objections: PovertyObjectionsTable;
  poverty_recognitions: PovertyRecognitionsTable;
}

interface AreaCodes {
  province_code: string;
  district_code: string | null;
  commune_code: string;
}

export interface PovertyCampaignsTable extends AreaCodes {
  id: Generated<number>;
  kind: string;
  year: number;
  review_date: string;
  window_from: string;
  window_to: string;
  standard_code: string;
  /** 1 when the district gives its opinion (the tree had districts on the review date). */
  district_step: number;
  /** The campaign's own B1 table (base, items, cutoffs): the department corrects it as data. */
  b1_json: string;
  board_json: string;
  reviewers_json: string;
  district_opinion_json: string | null;
  /** 'open' | 'recognized'. */
  state: string;
  created_by: string;
  created_at: string;
}

export interface PovertyB1PointsTable {
  campaign_id: number;
  item_code: string;
  option_code: string;
  rural_points: number;
  urban_points: number;
  province_code: string;
}

/** One household listed in a campaign, with its latest scores and where it stands. */
export interface PovertyCasesTable extends AreaCodes {
  id: Generated<number>;
  campaign_id: number;
  household_id: number;
  village: string | null;
  residence: string;
  ethnic_minority: number;
  source: string;
  step: string;
  /** Its class on the lists before the review: 'poor' | 'near_poor' | null. */
  previous: string | null;
  /** 1 when the household was ever poor before (for "fell back"). */
  ever_poor: number;
  farm: number;
  screened_out: number;
  /** 'answers' (scored from poverty_b1_answers) | 'given' (a total imported) | null. */
  b1_source: string | null;
  /** The B1 total entered or imported without the answers (b1_source 'given'), else null. */
  b1_given: number | null;
  income: number | null;
  /** Bit i set = deprived in the standard's i-th indicator. */
  deprived_mask: number | null;
  cause: string | null;
  /** Bit i set = the household belongs to POVERTY_GROUPS[i] (@ansinh/domain). */
  groups_mask: Generated<number>;
  /** Share agreeing at the village meeting, in hundredths of a percent. */
  agree_bp: number | null;
  meeting_id: number | null;
  posting_id: number | null;
  recognition_id: number | null;
  recognized_class: string | null;
  /** The registry category the recognition wrote ('poor' | 'near_poor' | 'average' | null). */
  recognized_category: string | null;
  updated_at: string;
}

/**
 * The latest scores and proposed class of a surveyed case (migration 0033): written by the survey
 * and rewritten set-based by the campaign's scoring, one narrow row per case.
 */
export interface PovertyScoresTable {
  campaign_id: number;
  case_id: number;
  province_code: string;
  b1_score: number | null;
  deprivation_count: number | null;
  income_band: string | null;
  proposed_class: string | null;
  registry_category: string | null;
}

export interface PovertySurveysTable extends AreaCodes {
  id: Generated<number>;
  case_id: number;
  campaign_id: number;
  surveyed_on: string;
  reviewer: string;
  body_json: string;
  created_by: string;
  created_at: string;
}

export interface PovertyB1AnswersTable {
  case_id: number;
  campaign_id: number;
  item_code: string;
  option_code: string;
  province_code: string;
}

export interface PovertyMeetingsTable extends AreaCodes {
  id: Generated<number>;
  campaign_id: number;
  village: string;
  held_on: string;
  body_json: string;
  created_by: string;
  created_at: string;
}

export interface PovertyPostingsTable extends AreaCodes {
  id: Generated<number>;
  campaign_id: number;
  posted_from: string;
  posted_to: string;
  body_json: string;
  created_by: string;
  created_at: string;
}

export interface PovertyObjectionsTable extends AreaCodes {
  id: Generated<number>;
  posting_id: number;
  case_id: number;
  text: string;
  answer: string | null;
  created_at: string;
}

export interface PovertyRecognitionsTable extends AreaCodes {
  id: Generated<number>;
  campaign_id: number;
  decision_no: string;
  decision_date: string;
  valid_from: string;
  /** 'applying' while the registry statuses are being written, then 'done' (resumable). */
  state: string;
  body_json: string;
  created_by: string;
  created_at: string;
}
