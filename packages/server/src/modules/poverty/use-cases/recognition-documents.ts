import type { PovertyClass } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { certificatesDocx, decisionDocx, type RecognitionDoc } from '../poverty.docx.js';
import { casesRepo } from '../repo/cases.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import { registryReader } from '../repo/registry-reader.repo.js';
import { loadCampaign, type PovertyDeps } from './deps.js';

/** The largest list printed at once (a commune has a few thousand households). */
const MAX = 20_000;

/**
 * The documents of a recognised campaign (Mẫu 02 decision with its annex, Mẫu 03 certificates),
 * built from the recognition and the recognised cases; refused before the recognition.
 */
export function recognitionDocuments(deps: PovertyDeps) {
  const db = deps.database.db;
  async function load(actor: Actor, campaignId: number): Promise<RecognitionDoc> {
    const campaign = await loadCampaign(db, actor, campaignId, 'read');
    const rec = await recordsRepo.recognitionOf(db, campaignId);
    if (!rec)
      throw errors.conflict('NOT_RECOGNIZED', 'Đợt rà soát chưa có quyết định công nhận: ghi quyết định trước khi in.');
    const page = await casesRepo.page(db, campaignId, { step: 'recognized', limit: MAX, offset: 0 });
    const names = await registryReader.communeNames(
      db,
      [campaign.commune_code, campaign.district_code].filter((c): c is string => !!c),
    );
    const body = JSON.parse(rec.body_json) as { signer?: string };
    return {
      communeName: names.get(campaign.commune_code) ?? campaign.commune_code,
      districtName: campaign.district_code ? (names.get(campaign.district_code) ?? null) : null,
      year: campaign.year,
      decisionNo: rec.decision_no,
      decisionDate: rec.decision_date,
      validFrom: rec.valid_from,
      signer: body.signer ?? '',
      households: page.rows
        .filter((r) => r.recognized_class)
        .map((r) => ({
          code: r.household_code,
          head: r.head_name,
          village: r.village,
          cls: r.recognized_class as PovertyClass,
        })),
    };
  }
  return {
    decisionDocx: async (actor: Actor, campaignId: number) => decisionDocx(await load(actor, campaignId)),
    certificatesDocx: async (actor: Actor, campaignId: number) => certificatesDocx(await load(actor, campaignId)),
  };
}
