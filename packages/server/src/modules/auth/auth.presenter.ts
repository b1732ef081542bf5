import type { Me, Role } from '@ansinh/domain';
import type { Actor } from '../../platform/actor.js';
import { abilitiesOf } from './auth.policy.js';

export function presentMe(
  actor: Actor,
  s: {
    fullName: string;
    areaName: string;
    agencyName?: string | null;
    csrfToken: string;
    mustChangePassword: boolean;
  },
): Me {
  return {
    id: actor.userId!,
    username: actor.username,
    fullName: s.fullName,
    role: actor.role as Role,
    areaCode: actor.areaCode!,
    areaName: s.areaName,
    agencyCode: actor.agencyCode ?? null,
    agencyName: s.agencyName ?? null,
    csrfToken: s.csrfToken,
    mustChangePassword: s.mustChangePassword,
    abilities: abilitiesOf(actor),
  };
}
