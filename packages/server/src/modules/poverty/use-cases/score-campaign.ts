import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { casesRepo, type ScoringParams } from '../repo/cases.repo.js';
import { loadCampaign, requireOpen, rulesOf, type PovertyDeps } from './deps.js';
import type { CampaignRow } from '../repo/campaigns.repo.js';

/** The campaign's rules as the parameters of the set-based scoring statement. */
export function scoringParams(campaign: CampaignRow, dialect: 'sqlite' | 'postgres'): ScoringParams {
  const { standard, b1 } = rulesOf(campaign);
  const pick = (f: (r: 'rural' | 'urban') => number) => ({ rural: f('rural'), urban: f('urban') });
  const nearPoorCut = b1.cutoffs.rural.nearPoor !== null && b1.cutoffs.urban.nearPoor !== null;
  return {
    answersByCampaign: dialect === 'postgres',
    rule: standard.rule,
    threshold: standard.deprivationThreshold,
    indicatorCount: standard.indicators.length,
    base: b1.base,
    cut: {
      poverty: pick((r) => b1.cutoffs[r].poverty),
      nearPoor: nearPoorCut ? pick((r) => b1.cutoffs[r].nearPoor!) : null,
      average: pick((r) => b1.cutoffs[r].average),
    },
    lines: { poverty: standard.lines.poverty, nearPoor: standard.lines.nearPoor, average: standard.lines.averageUpTo },
  };
}

/**
 * Score and classify every surveyed household of a campaign again, in SQL (after the department
 * corrected the campaign's B1 table, or after an import of surveys). Audited as one event.
 */
export function scoreCampaign(deps: PovertyDeps) {
  return async (actor: Actor, campaignId: number): Promise<{ scored: number }> => {
    const campaign = await loadCampaign(deps.database.db, actor, campaignId, 'manage');
    requireOpen(campaign);
    return inTransaction(deps.database, actor, async (trx, audit) => {
      const scored = await casesRepo.scoreCampaign(trx, campaignId, scoringParams(campaign, deps.database.dialect));
      await audit({
        action: 'poverty.campaign.score',
        entity: 'poverty_campaign',
        entityId: campaignId,
        areaCode: campaign.commune_code,
        after: { scored },
      });
      return { scored };
    });
  };
}
