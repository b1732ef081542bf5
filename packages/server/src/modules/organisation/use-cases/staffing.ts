import { StaffingBody, validateStaffing, type StaffingList, type StaffingOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { provinceScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { organisationPolicy } from '../organisation.policy.js';
import { presentStaffing } from '../organisation.presenter.js';
import { staffingRepo } from '../repo/staffing.repo.js';
import { provinceFor, type OrganisationDeps } from './common.js';

/**
 * The agency's staffing figures of a year: approved posts, staff at the start and end of the year,
 * the staff cut, and the officials sent to training by kind. Entered once a year and corrected in
 * place (the audit log keeps the earlier figures).
 */
export function staffingUseCases({ database }: OrganisationDeps) {
  return {
    async listStaffing(actor: Actor, q: { agencyCode?: string | undefined }): Promise<StaffingList> {
      organisationPolicy.guard(actor, 'read');
      const rows = await staffingRepo.list(database.db, provinceScope(actor), q.agencyCode);
      return { items: rows.map(presentStaffing), abilities: organisationPolicy.abilities(actor) };
    },

    /** Record or correct the figures of `year` (one row per province, agency and year). */
    async putStaffing(actor: Actor, year: number, body: StaffingBody): Promise<StaffingOut> {
      const b = StaffingBody.parse(body);
      const province = provinceFor(actor, b.provinceCode);
      organisationPolicy.guard(actor, 'manage', { provinceCode: province }, 'Tỉnh');
      const problems = validateStaffing(b);
      if (problems.length) throw errors.validation(problems);
      const figures = {
        approved_posts: b.approvedPosts,
        staff_start: b.staffStart,
        staff_end: b.staffEnd,
        staff_cut: b.staffCut,
        trained_political: b.trainedPolitical,
        trained_state_management: b.trainedStateManagement,
        trained_professional: b.trainedProfessional,
        trained_other: b.trainedOther,
        note: b.note,
      };
      return inTransaction(database, actor, async (trx, audit) => {
        const prior = await staffingRepo.find(trx, province, b.agencyCode, year);
        const now = nowIso();
        const row = prior
          ? await staffingRepo.update(trx, prior.id, { ...figures, updated_at: now })
          : await staffingRepo.insert(trx, {
              province_code: province,
              agency_code: b.agencyCode,
              year,
              ...figures,
              created_by: actor.username,
              created_at: now,
              updated_at: now,
            });
        await audit({
          action: prior ? 'organisation.staffing.update' : 'organisation.staffing.create',
          entity: 'org_staffing',
          entityId: row.id,
          areaCode: province,
          ...(prior ? { before: prior } : {}),
          after: { year, agencyCode: b.agencyCode, ...figures },
        });
        return presentStaffing(row);
      });
    },
  };
}
