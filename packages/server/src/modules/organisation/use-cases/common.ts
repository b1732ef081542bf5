import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { provinceOf } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';

/** What the organisation use cases need. */
export interface OrganisationDeps {
  readonly database: Database;
}

/**
 * The province a new record belongs to: the one named in the body, else the actor's own. An officer
 * naming another province is answered 404 by the policy's guard; the system actor must name one.
 */
export function provinceFor(actor: Actor, named: string | undefined): string {
  const p = named ?? provinceOf(actor);
  if (!p) throw errors.validation([{ path: 'body.provinceCode', message: 'Chọn tỉnh của bản ghi (mã 2 chữ số).' }]);
  return p;
}

export const pageArgs = (p: { page: number; pageSize: number }) => ({
  limit: p.pageSize,
  offset: (p.page - 1) * p.pageSize,
});
