import { searchKey, todayInVietnam, type PersonPage, type PersonsQuery } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { registryPolicy, type RegistryAction } from '../registry.policy.js';
import { presentListItem } from '../registry.presenter.js';
import { personsRepo, type PersonFilter } from '../repo/index.js';
import { areaFilter, type RegistryDeps } from './shared.js';

/**
 * The filter a person search runs with: an area filter inside the actor's area, and what the
 * search box holds read as a citizen ID, an old ID, a phone, a household code, or a name.
 */
export async function personFilter(
  deps: RegistryDeps,
  actor: Actor,
  q: PersonsQuery,
  action: RegistryAction,
): Promise<PersonFilter> {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const f: PersonFilter = {
    onDate: today,
    ...(q.areaCode ? { area: await areaFilter(deps, actor, q.areaCode, action) } : {}),
    ...(q.statusKind ? { statusKind: q.statusKind, ...(q.category ? { category: q.category } : {}) } : {}),
    ...(q.ageTo !== undefined ? { birthYearFrom: year - q.ageTo } : {}),
    ...(q.ageFrom !== undefined ? { birthYearTo: year - q.ageFrom } : {}),
    ...(q.gender ? { gender: q.gender } : {}),
    ...(q.ethnicCode ? { ethnicCode: q.ethnicCode } : {}),
    ...(q.householdId ? { householdId: q.householdId } : {}),
    includeInactive: q.includeInactive === 'true',
  };
  if (q.q) {
    const raw = q.q.replace(/[\s.]/g, '');
    if (/^\d{12}$/.test(raw)) f.citizenId = raw;
    else if (/^\d{9}$/.test(raw)) f.oldIdNumber = raw;
    else if (/^(\+?84|0)\d{8,10}$/.test(raw)) f.phone = raw.replace(/^\+?84/, '0');
    else if (/^\d{5}-\d{6}$/.test(q.q.trim())) f.householdCode = q.q.trim();
    else {
      const key = searchKey(q.q);
      if (key.includes(' ')) f.namePrefix = key;
      else if (key) f.givenPrefix = key;
    }
  }
  return f;
}

/** Search persons by name (any accents), ID, household code or phone, with filters; paged, Vietnamese order. */
export async function searchPersons(deps: RegistryDeps, actor: Actor, q: PersonsQuery): Promise<PersonPage> {
  registryPolicy.guard(actor, 'read');
  const f = await personFilter(deps, actor, q, 'read');
  const { total, totalCapped, items } = await personsRepo.searchPersons(
    deps.database.db,
    areaColumnScope(actor),
    f,
    q.page,
    q.pageSize,
  );
  return {
    total,
    ...(totalCapped ? { totalCapped } : {}),
    page: q.page,
    pageSize: q.pageSize,
    items: items.map(presentListItem),
  };
}
