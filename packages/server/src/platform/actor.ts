import type { Role } from '@ansinh/domain';

/**
 * Who is acting. Every service function takes one; the CLI uses `systemActor`. `areaPath` is the
 * home area's path ('/70/689/'), from which the SQL scope is built.
 */
export interface Actor {
  readonly kind: 'user' | 'system';
  readonly userId: number | null;
  readonly username: string;
  readonly role: Role | 'system';
  readonly areaCode: string | null;
  readonly areaPath: string | null;
  /** 1 province, 2 district, 3 commune level of the home area. */
  readonly areaLevel: number | null;
  /**
   * The agency of the province the user works for (docs/modules/agencies.md); absent or null: every
   * agency of the province (the system actor, an account not given one).
   */
  readonly agencyCode?: string | null;
  readonly ip: string | null;
  readonly requestId: string | null;
}

/** The CLI and seeding act as the system: every scope, audited as "system". */
export function systemActor(what = 'system'): Actor {
  return {
    kind: 'system',
    userId: null,
    username: what,
    role: 'system',
    areaCode: null,
    areaPath: null,
    areaLevel: null,
    ip: null,
    requestId: null,
  };
}
