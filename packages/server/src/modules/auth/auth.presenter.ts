import type { Me, Role } from '@ansinh/domain';
import type { Actor } from '../../platform/actor.js';
import { abilitiesOf } from './auth.policy.js';

export function presentMe(
  actor: Actor,
  s: { fullName: string; areaName: string; csrfToken: string; mustChangePassword: boolean },
): Me {
  return {
    id: actor.userId!,
    username: actor.username,
    fullName: s.fullName,
    role: actor.role as Role,
    areaCode: actor.areaCode!,
    areaName: s.areaName,
    csrfToken: s.csrfToken,
    mustChangePassword: s.mustChangePassword,
    abilities: abilitiesOf(actor),
  };
}
