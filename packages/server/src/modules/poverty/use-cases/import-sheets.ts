import { POVERTY_CAUSES, POVERTY_GROUPS, b1Range, searchKey, type SurveyBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { AppError, errors } from '../../../platform/errors.js';
import { readImportFileOffThread, rejectedRowsXlsx, type ImportRow } from '../../../platform/sheet-import.js';
import {
  LISTING_COLUMNS,
  SOURCE_WORDS,
  SURVEY_COLUMNS,
  cellDate,
  cellList,
  cellText,
  type ListingColumn,
  type SurveyColumn,
} from '../poverty.sheet.js';
import { casesRepo, type CaseRow } from '../repo/cases.repo.js';
import { registryReader } from '../repo/registry-reader.repo.js';
import { loadCampaign, requireOpen, rulesOf, type PovertyDeps } from './deps.js';
import { listHouseholds } from './list-households.js';
import { SURVEYABLE, classifySurvey, writeSurvey } from './record-survey.js';

export interface PovertyImportResult {
  mode: 'dry_run' | 'commit';
  counts: { total: number; accepted: number; rejected: number };
  rejected: { line: number; problems: string[] }[];
  /** The rejected rows with what to fix in each, as XLSX in base64 (null when none). */
  errorFile: string | null;
}
type Rejected = { line: number; cells: ImportRow['cells']; problems: string[] };

const byLabel = (items: readonly { code: string; vi: string }[]) =>
  new Map(items.flatMap((i) => [[searchKey(i.vi), i.code] as const, [i.code, i.code] as const]));
const CAUSES = byLabel(POVERTY_CAUSES);
const GROUPS = byLabel(POVERTY_GROUPS);
const YES = new Set(['co', 'x', 'yes', '1', 'true']);

async function result(
  mode: 'dry_run' | 'commit',
  total: number,
  headers: string[],
  rejected: Rejected[],
): Promise<PovertyImportResult> {
  const file = rejected.length ? await rejectedRowsXlsx(headers, rejected) : null;
  return {
    mode,
    counts: { total, accepted: total - rejected.length, rejected: rejected.length },
    rejected: rejected.slice(0, 200).map((r) => ({ line: r.line, problems: r.problems })),
    errorFile: file ? file.toString('base64') : null,
  };
}

function refuseCommit(rejected: Rejected[]): void {
  if (rejected.length)
    throw errors.badRequest(
      'IMPORT_HAS_REJECTED_ROWS',
      `Có ${rejected.length} dòng bị từ chối nên chưa nhập dòng nào. Chạy kiểm tra, tải tệp lỗi, sửa các dòng đó rồi nhập lại.`,
    );
}

/** A household code of the file -> the household, or the row's problem (unknown, of another commune). */
async function householdsOf(deps: PovertyDeps, codes: string[], communeCode: string) {
  const ids = await registryReader.householdIdsByCodes(deps.database.db, [...new Set(codes.filter(Boolean))]);
  const rows = await registryReader.households(deps.database.db, [...ids.values()]);
  const byId = new Map(rows.map((h) => [h.id, h]));
  return (code: string, p: string[]) => {
    if (!code) return void p.push('Thiếu mã hộ');
    const h = byId.get(ids.get(code) ?? -1);
    if (!h) return void p.push(`Không có hộ mã ${code} trong sổ hộ`);
    if (h.commune_code !== communeCode) return void p.push(`Hộ ${code} thuộc xã khác: chỉ nhập hộ của xã đang rà soát`);
    if (h.state !== 'active') return void p.push(`Hộ ${code} không còn cư trú`);
    return h;
  };
}

/**
 * Excel imports of a campaign (docs/modules/poverty.md "Import"): the listing (household code,
 * source) and the surveys (Phiếu B as the national software exports it: B1 total, B2 deprivations,
 * cause, groups). Every row is checked and every problem of a row is told; a dry run writes
 * nothing, a commit writes all rows in one transaction and only when none is rejected.
 */
export function importSheets(deps: PovertyDeps) {
  const list = listHouseholds(deps);
  return {
    async importListing(actor: Actor, campaignId: number, data: Buffer, mode: 'dry_run' | 'commit') {
      const campaign = await loadCampaign(deps.database.db, actor, campaignId, 'manage');
      requireOpen(campaign);
      const sheet = await readImportFileOffThread<ListingColumn>(data, LISTING_COLUMNS);
      const v = (r: ImportRow, k: ListingColumn) =>
        sheet.columns[k] === undefined ? '' : cellText(r.cells[sheet.columns[k]!]);
      const find = await householdsOf(
        deps,
        sheet.rows.map((r) => v(r, 'householdCode')),
        campaign.commune_code,
      );
      const seen = new Map<string, number>();
      const rejected: Rejected[] = [];
      const households: { householdId: number; source: 'list' | 'form01' | 'form04' | 'officer' }[] = [];
      for (const r of sheet.rows) {
        const p: string[] = [];
        const code = v(r, 'householdCode');
        const h = find(code, p);
        if (code && seen.has(code)) p.push(`Mã hộ trùng với dòng ${seen.get(code)}`);
        seen.set(code, r.line);
        const raw = v(r, 'source');
        const source = raw ? SOURCE_WORDS[searchKey(raw)] : 'officer';
        if (!source) p.push(`Nguồn "${raw}" không hợp lệ: ghi Danh sách, Mẫu 01, Mẫu 04 hoặc Cán bộ`);
        if (p.length || !h || !source) rejected.push({ line: r.line, cells: r.cells, problems: p });
        else households.push({ householdId: h.id, source });
      }
      if (mode === 'commit') {
        refuseCommit(rejected);
        await list(actor, campaignId, { currentLists: false, households });
      }
      return result(mode, sheet.rows.length, sheet.headers, rejected);
    },

    async importSurveys(actor: Actor, campaignId: number, data: Buffer, mode: 'dry_run' | 'commit') {
      const db = deps.database.db;
      const campaign = await loadCampaign(db, actor, campaignId, 'survey');
      requireOpen(campaign);
      const { standard, b1 } = rulesOf(campaign);
      const indicators = byLabel(standard.indicators);
      const sheet = await readImportFileOffThread<SurveyColumn>(data, SURVEY_COLUMNS);
      const cell = (r: ImportRow, k: SurveyColumn) =>
        sheet.columns[k] === undefined ? null : r.cells[sheet.columns[k]!];
      const v = (r: ImportRow, k: SurveyColumn) => cellText(cell(r, k) ?? null);
      const find = await householdsOf(
        deps,
        sheet.rows.map((r) => v(r, 'householdCode')),
        campaign.commune_code,
      );
      const cases = await casesRepo.byHousehold(db, campaignId);
      const seen = new Map<string, number>();
      const rejected: Rejected[] = [];
      const accepted: { c: CaseRow; body: SurveyBody; classified: ReturnType<typeof classifySurvey> }[] = [];
      for (const r of sheet.rows) {
        const p: string[] = [];
        const code = v(r, 'householdCode');
        const h = find(code, p);
        const c = h ? cases.get(h.id) : undefined;
        if (h && !c) p.push(`Hộ ${code} chưa có trong danh sách rà soát của đợt: lập danh sách trước`);
        if (c && !SURVEYABLE.includes(c.step)) p.push(`Hộ ${code} đã qua họp dân: không khảo sát lại`);
        if (code && seen.has(code)) p.push(`Mã hộ trùng với dòng ${seen.get(code)}`);
        seen.set(code, r.line);
        const surveyedOn = cellDate(cell(r, 'surveyedOn') ?? null);
        if (!surveyedOn) p.push('Ngày rà soát ghi dạng ngày/tháng/năm');
        const reviewer = v(r, 'reviewer');
        if (!reviewer) p.push('Thiếu họ tên rà soát viên');
        const scoreText = v(r, 'b1Score');
        const score = scoreText ? Number(scoreText) : undefined;
        const residence = c?.residence === 'urban' ? 'urban' : 'rural';
        const { min, max } = b1Range(b1, residence);
        if (score !== undefined && !Number.isInteger(score)) p.push(`Tổng điểm B1 "${scoreText}" phải là số nguyên`);
        else if (score !== undefined && (score < min || score > max))
          p.push(`Tổng điểm B1 ${score} ngoài thang điểm (${min}–${max}) của đợt rà soát`);
        const incomeText = v(r, 'income').replace(/[.\s]/g, '');
        const income = incomeText ? Number(incomeText) : undefined;
        if (income !== undefined && !(Number.isInteger(income) && income >= 0))
          p.push('Thu nhập ghi số đồng, không âm');
        if (score === undefined && income === undefined) p.push('Ghi tổng điểm B1 hoặc thu nhập bình quân');
        const deprived: string[] = [];
        for (const d of cellList(cell(r, 'deprived') ?? null)) {
          const k = indicators.get(searchKey(d)) ?? indicators.get(d);
          if (k) deprived.push(k);
          else p.push(`Chỉ số thiếu hụt "${d}" không có trong chuẩn ${standard.code}`);
        }
        const causeText = v(r, 'cause');
        const cause = causeText ? CAUSES.get(searchKey(causeText)) : undefined;
        if (causeText && !cause) p.push(`Nguyên nhân nghèo "${causeText}" không có trong danh mục`);
        const groups: string[] = [];
        for (const g of cellList(cell(r, 'groups') ?? null)) {
          const k = GROUPS.get(searchKey(g));
          if (k) groups.push(k);
          else p.push(`Nhóm hộ "${g}" không có trong danh mục`);
        }
        const body = {
          surveyedOn: surveyedOn ?? '',
          reviewer,
          farmHousehold: YES.has(searchKey(v(r, 'farm'))),
          screeningYes: [],
          b1: {},
          ...(score !== undefined ? { b1Score: score } : {}),
          ...(income !== undefined ? { incomePerPersonMonth: income } : {}),
          deprived,
          ...(cause ? { cause } : {}),
          groups,
        } as SurveyBody;
        if (!p.length && c) {
          try {
            accepted.push({ c, body, classified: classifySurvey(campaign, c, body) });
            continue;
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            p.push(e.message);
          }
        }
        rejected.push({ line: r.line, cells: r.cells, problems: p });
      }
      if (mode === 'commit') {
        refuseCommit(rejected);
        await inTransaction(deps.database, actor, async (trx, audit) => {
          for (const a of accepted) await writeSurvey(trx, audit, actor, a.c, a.body, a.classified);
        });
      }
      return result(mode, sheet.rows.length, sheet.headers, rejected);
    },
  };
}
