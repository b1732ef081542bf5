import type { Ability } from '@ansinh/domain';
import type { Actor } from '../../platform/actor.js';
import { areasPolicy } from '../areas/index.js';
import { auditPolicy } from '../audit/index.js';
import { registryPolicy } from '../registry/index.js';
import { usersPolicy } from '../users/index.js';
import { programsPolicy } from '../programs/index.js';
import { dossiersPolicy } from '../dossiers/index.js';
import { reportsPolicy } from '../reports/index.js';
import { petitionsPolicy } from '../petitions/index.js';
import { employmentPolicy } from '../employment/index.js';
import { povertyPolicy } from '../poverty/index.js';
import { meritPolicy } from '../merit/index.js';
import { organisationPolicy } from '../organisation/index.js';
import { activitiesPolicy } from '../activities/index.js';

/**
 * Abilities shipped to the web app to show or hide navigation. Built modules answer from their
 * own policy; modules still to come are listed by role here until they land with theirs.
 */
const ABILITY_CHECKS: Record<Ability, (actor: Actor) => boolean> = {
  'areas.read': (a) => areasPolicy.can(a, 'read'),
  'areas.import': (a) => areasPolicy.can(a, 'import'),
  'users.manage': (a) => usersPolicy.can(a, 'manage'),
  'audit.read': (a) => auditPolicy.can(a, 'read'),
  'registry.read': (a) => registryPolicy.can(a, 'read'),
  'registry.write': (a) => registryPolicy.can(a, 'write'),
  'programs.read': (a) => programsPolicy.can(a, 'read'),
  'programs.manage': (a) => programsPolicy.can(a, 'manage'),
  'programs.prepare': (a) => programsPolicy.can(a, 'prepare'),
  'programs.appraise': (a) => programsPolicy.can(a, 'appraise'),
  'programs.approve': (a) => programsPolicy.can(a, 'approve'),
  'programs.pay': (a) => programsPolicy.can(a, 'pay'),
  'programs.remark': (a) => programsPolicy.can(a, 'remark'),
  'dossiers.read': (a) => dossiersPolicy.can(a, 'read'),
  'dossiers.receive': (a) => dossiersPolicy.can(a, 'receive'),
  'dossiers.catalogue': (a) => dossiersPolicy.can(a, 'catalogue'),
  'reports.read': (a) => reportsPolicy.can(a, 'read'),
  'reports.manage': (a) => reportsPolicy.can(a, 'manage'),
  'petitions.read': (a) => petitionsPolicy.can(a, 'read'),
  'petitions.receive': (a) => petitionsPolicy.can(a, 'receive'),
  'petitions.classify': (a) => petitionsPolicy.can(a, 'classify'),
  'petitions.settle': (a) => petitionsPolicy.can(a, 'settle'),
  'petitions.stats': (a) => petitionsPolicy.can(a, 'stats'),
  'employment.read': (a) => employmentPolicy.can(a, 'read'),
  'employment.collect': (a) => employmentPolicy.can(a, 'collect'),
  'employment.serve': (a) => employmentPolicy.can(a, 'serve'),
  'employment.transfer': (a) => employmentPolicy.can(a, 'transfer'),
  'poverty.read': (a) => povertyPolicy.can(a, 'read'),
  'poverty.manage': (a) => povertyPolicy.can(a, 'manage'),
  'poverty.survey': (a) => povertyPolicy.can(a, 'survey'),
  'poverty.opine': (a) => povertyPolicy.can(a, 'opine'),
  'poverty.recognize': (a) => povertyPolicy.can(a, 'recognize'),
  'merit.read': (a) => meritPolicy.can(a, 'read'),
  'merit.manage': (a) => meritPolicy.can(a, 'manage'),
  'merit.confirm': (a) => meritPolicy.can(a, 'confirm'),
  'organisation.read': (a) => organisationPolicy.can(a, 'read'),
  'organisation.manage': (a) => organisationPolicy.can(a, 'manage'),
  'activities.read': (a) => activitiesPolicy.can(a, 'read'),
  'activities.record': (a) => activitiesPolicy.can(a, 'record'),
};

export function abilitiesOf(actor: Actor): Ability[] {
  return (Object.keys(ABILITY_CHECKS) as Ability[]).filter((k) => ABILITY_CHECKS[k](actor));
}
