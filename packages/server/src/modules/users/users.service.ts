import type { Database } from '../../db/database.js';
import type { ChangeBus } from '../../platform/change-bus.js';
import type { AgenciesService } from '../agencies/index.js';
import type { AreasService } from '../areas/index.js';
import { usersPolicy } from './users.policy.js';
import { createUserCreate } from './use-cases/create-user.js';
import { createUserReads } from './use-cases/read-users.js';
import { createUserUpdate } from './use-cases/update-user.js';

/** Accounts: an administrator creates, edits, disables and resets them within their area. */
export function createUsersService(deps: {
  database: Database;
  areas: Pick<AreasService, 'pathOf'>;
  agencies?: Pick<AgenciesService, 'byCode'>;
  bus?: Pick<ChangeBus, 'publishHere'>;
}) {
  const { list, get, count } = createUserReads(deps);
  return { policy: usersPolicy, list, get, count, create: createUserCreate(deps), update: createUserUpdate(deps) };
}

export type UsersService = ReturnType<typeof createUsersService>;
