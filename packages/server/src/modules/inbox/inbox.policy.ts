import { ROLES, type InboxKind } from '@ansinh/domain';
import { definePolicy } from '../../platform/authz.js';

/**
 * Who is given which kind of work in the inbox (docs/modules/inbox.md). Each row mirrors the
 * owning module's policy for the action the work leads to (the inbox test checks that they agree):
 * - a commune officer prepares and fixes the commune's lists (programs `edit`/`submit`, level 3);
 * - a district officer appraises lists (programs `appraise`);
 * - a department officer approves lists (programs `approve`): they record the decision the
 *   department's leader signed;
 * - a department leader signs the approval decision but does not key it in: the leader sees the
 *   lists awaiting approval as "to sign", with who acts said on the item (`list_sign`);
 * - officers answer supervisors' remarks on lists in their area (programs `answer`);
 * - officers process the dossiers held at their level (dossiers `process`);
 * - the inspector, the leader and officers handle the petitions assigned to them;
 * - whoever started an import sees it finished.
 * Every kind is limited in SQL to the actor's area.
 */
export const inboxPolicy = definePolicy('inbox', {
  read: ROLES,
  list_prepare: ['commune_officer'],
  list_fix: ['commune_officer'],
  list_appraise: ['district_officer'],
  list_approve: ['province_officer'],
  list_sign: ['province_leader'],
  remark_answer: ['province_officer', 'district_officer', 'commune_officer'],
  dossier_due: ['province_officer', 'district_officer', 'commune_officer'],
  letter_due: ['province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
  case_due: ['province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
  import_done: ['admin', 'province_officer', 'district_officer', 'commune_officer', 'employment_centre'],
} satisfies Record<'read' | InboxKind, readonly (typeof ROLES)[number][]>);
