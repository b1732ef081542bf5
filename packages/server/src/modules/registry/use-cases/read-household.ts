import { searchKey, todayInVietnam, type HouseholdOut, type HouseholdPage, type HouseholdsQuery } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { registryPolicy } from '../registry.policy.js';
import { asHouseholdState, asRelation, asResidence, presentListItem, presentStatus } from '../registry.presenter.js';
import { householdsRepo, personsRepo, statusesRepo } from '../repo/index.js';
import { areaFilter, loadHousehold, type RegistryDeps } from './shared.js';

/** Households by code or head's name, with an area and status filter; paged, in code order. */
export async function searchHouseholds(deps: RegistryDeps, actor: Actor, q: HouseholdsQuery): Promise<HouseholdPage> {
  registryPolicy.guard(actor, 'read');
  const f: Parameters<typeof householdsRepo.searchHouseholds>[2] = {
    onDate: todayInVietnam(),
    ...(q.areaCode ? { area: await areaFilter(deps, actor, q.areaCode, 'read') } : {}),
    ...(q.statusKind ? { statusKind: q.statusKind } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.year ? { year: q.year } : {}),
  };
  if (q.q) {
    if (/^\d{5}-\d{6}$/.test(q.q.trim())) f.code = q.q.trim();
    else f.headNamePrefix = searchKey(q.q);
  }
  const { total, items } = await householdsRepo.searchHouseholds(
    deps.database.db,
    areaColumnScope(actor),
    f,
    q.page,
    q.pageSize,
  );
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: items.map((h) => ({
      id: h.id,
      code: h.code,
      communeCode: h.commune_code,
      communeName: h.commune_name,
      village: h.village,
      address: h.address,
      residence: asResidence(h.residence),
      state: asHouseholdState(h.state),
      headName: h.head_name,
      memberCount: Number(h.member_count),
    })),
  };
}

/** One household with its members, statuses and events. */
export async function getHousehold(deps: RegistryDeps, actor: Actor, id: number): Promise<HouseholdOut> {
  const db = deps.database.db;
  const h = await loadHousehold(db, actor, id);
  const today = todayInVietnam();
  const [members, statuses, events] = await Promise.all([
    personsRepo.householdMembers(db, id),
    statusesRepo.statusesOfHousehold(db, id),
    householdsRepo.householdEvents(db, id),
  ]);
  return {
    id: h.id,
    code: h.code,
    communeCode: h.commune_code,
    communeName: h.commune_name,
    village: h.village,
    address: h.address,
    residence: asResidence(h.residence),
    phone: h.phone,
    state: asHouseholdState(h.state),
    headPersonId: h.head_person_id,
    headName: h.head_name,
    members: members.map((m) => ({
      ...presentListItem({ ...m, household_code: h.code }),
      relation: asRelation(m.relation),
    })),
    statuses: statuses.map((s) => presentStatus(s, today)),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      date: e.date,
      note: e.note,
      relatedHouseholdCode: e.related_code,
    })),
    createdAt: h.created_at,
    updatedAt: h.updated_at,
  };
}
