import { definePolicy, type AreaCodes } from '../../platform/authz.js';

/** A campaign or a case: its area codes, and for a campaign whether the district step exists. */
export type PovertyRecord = AreaCodes & { district_step?: number };

/**
 * Who may do what in the poverty review (docs/legal/poverty.md). The commune officer works the
 * commune's review with its board and reviewers (listing, surveys, meetings, postings) and records
 * the commune chair's decision; the district gives its opinion only where the tree had districts on
 * the review date (before 1/7/2025); the department, its leaders and inspectors see the province.
 */
export const povertyPolicy = definePolicy<'read' | 'manage' | 'survey' | 'opine' | 'recognize', PovertyRecord>(
  'poverty',
  {
    read: ['admin', 'province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
    manage: ['commune_officer'],
    survey: ['commune_officer'],
    opine: ['district_officer'],
    recognize: ['commune_officer'],
  },
  {
    opine: (_actor, campaign) =>
      campaign.district_step === 1 ||
      'Đợt rà soát này diễn ra khi không còn cấp huyện (từ 1/7/2025): không có bước xin ý kiến huyện.',
  },
);
