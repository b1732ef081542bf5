import type { Database } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import type { AreasService } from '../areas/index.js';
import { registryPolicy } from './registry.policy.js';
import { createHousehold } from './use-cases/create-household.js';
import { createPerson } from './use-cases/create-person.js';
import { duplicates } from './use-cases/duplicates.js';
import { updateHousehold } from './use-cases/edit-household.js';
import { updatePerson } from './use-cases/edit-person.js';
import { exportPersons } from './use-cases/export-persons.js';
import { householdEvent } from './use-cases/household-events.js';
import { decideDuplicate } from './use-cases/merge-persons.js';
import { getHousehold, searchHouseholds } from './use-cases/read-household.js';
import { getPerson } from './use-cases/read-person.js';
import { searchPersons } from './use-cases/search-persons.js';
import type { RegistryDeps } from './use-cases/shared.js';
import { endStatus, grantStatus } from './use-cases/statuses.js';
import { personTimeline, type TimelineSource } from './use-cases/timeline.js';
import { decideTransfer, listTransfers, requestTransfer } from './use-cases/transfers.js';

export { citizenIdProblems, normalizeCitizenId, personKeys } from '@ansinh/domain';
export { personAuditView } from './use-cases/shared.js';

type Rest<F> = F extends (deps: RegistryDeps, actor: Actor, ...rest: infer R) => infer O
  ? (actor: Actor, ...rest: R) => O
  : never;

/** Bind a use case to the service's dependencies. */
const bind = <F extends (deps: RegistryDeps, actor: Actor, ...rest: never[]) => unknown>(
  deps: RegistryDeps,
  f: F,
): Rest<F> =>
  ((actor: Actor, ...rest: unknown[]) =>
    (f as unknown as (...a: unknown[]) => unknown)(deps, actor, ...rest)) as Rest<F>;

/** The registry: households, persons, their statuses, search, export, duplicates (one use case each). */
export function createRegistryService(deps: {
  database: Database;
  areas: Pick<AreasService, 'pathOf'>;
  idConflictsPerDay?: number;
  /** What other modules add to a person's timeline (wired in app.ts). */
  timelineSources?: readonly TimelineSource[];
}) {
  const d: RegistryDeps = { database: deps.database, areas: deps.areas, idConflictsPerDay: deps.idConflictsPerDay };
  const sources = deps.timelineSources ?? [];
  return {
    policy: registryPolicy,
    searchPersons: bind(d, searchPersons),
    exportPersons: bind(d, exportPersons),
    getPerson: bind(d, getPerson),
    createPerson: bind(d, createPerson),
    updatePerson: bind(d, updatePerson),
    personTimeline: (actor: Actor, id: number) => personTimeline(d, actor, id, sources),
    searchHouseholds: bind(d, searchHouseholds),
    getHousehold: bind(d, getHousehold),
    createHousehold: bind(d, createHousehold),
    updateHousehold: bind(d, updateHousehold),
    householdEvent: bind(d, householdEvent),
    grantStatus: bind(d, grantStatus),
    endStatus: bind(d, endStatus),
    duplicates: bind(d, duplicates),
    decideDuplicate: bind(d, decideDuplicate),
    requestTransfer: bind(d, requestTransfer),
    listTransfers: bind(d, listTransfers),
    decideTransfer: bind(d, decideTransfer),
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
export type { TimelineSource };
