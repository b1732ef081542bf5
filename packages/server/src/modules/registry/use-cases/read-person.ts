import { todayInVietnam, type PersonOut } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { asDisability, asRelation, idWarnings, presentListItem, presentStatus } from '../registry.presenter.js';
import { statusesRepo } from '../repo/index.js';
import { loadPerson, type LoadedPerson, type RegistryDeps } from './shared.js';

/** A person with their statuses (their own and their household's), as the API shows them. */
export async function presentPerson(ex: Executor, p: LoadedPerson): Promise<PersonOut> {
  const today = todayInVietnam();
  const statuses = await statusesRepo.statusesOfPerson(ex, p.id, p.household_id);
  return {
    ...presentListItem(p),
    relation: asRelation(p.relation),
    oldIdNumber: p.old_id_number,
    ethnicCode: p.ethnic_code,
    disability: asDisability(p.disability),
    mergedIntoId: p.merged_into_id,
    idWarnings: idWarnings(p),
    statuses: statuses.map((s) => presentStatus(s, today)),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

/** One person inside the actor's area (404 outside, 403 for a role that may not read the registry). */
export async function getPerson(deps: RegistryDeps, actor: Actor, id: number): Promise<PersonOut> {
  const db = deps.database.db;
  return presentPerson(db, await loadPerson(db, actor, id));
}
