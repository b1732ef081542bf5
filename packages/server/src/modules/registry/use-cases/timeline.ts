import { formatDateVi, todayInVietnam, type Timeline } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { presentStatus } from '../registry.presenter.js';
import { historyRepo, statusesRepo } from '../repo/index.js';
import { loadPerson, type RegistryDeps } from './shared.js';

const AUDIT_TITLES: Record<string, string> = {
  'registry.person.create': 'Tạo hồ sơ nhân khẩu',
  'registry.person.update': 'Sửa thông tin nhân khẩu',
  'registry.person.import': 'Cập nhật từ tệp nhập',
  'registry.person.merge': 'Gộp hồ sơ trùng vào hồ sơ này',
  'registry.person.merged_into': 'Hồ sơ được gộp vào hồ sơ khác',
  'registry.status.grant': 'Công nhận diện hưởng',
  'registry.status.end': 'Chấm dứt diện hưởng',
  'registry.duplicate.different': 'Xác nhận không trùng',
};

/**
 * What another module adds to a person's timeline (its letters, dossiers...), injected where the
 * services are wired (app.ts), so the registry imports no module that depends on it. A source is
 * called after the registry's own guard let the actor read the person; it applies its own policy
 * (answering nothing to a role it does not serve) and never throws for a record it hides.
 */
export type TimelineSource = (actor: Actor, person: { id: number }) => Promise<Timeline['items']>;

/** Everything that happened to a person, newest first: statuses, the audit, and the sources' items. */
export async function personTimeline(
  deps: RegistryDeps,
  actor: Actor,
  id: number,
  sources: readonly TimelineSource[] = [],
): Promise<Timeline> {
  const db = deps.database.db;
  const p = await loadPerson(db, actor, id);
  const statuses = await statusesRepo.statusesOfPerson(db, id, p.household_id);
  const today = todayInVietnam();
  const items: Timeline['items'] = [];
  for (const s of statuses) {
    const st = presentStatus(s, today);
    items.push({
      at: s.valid_from,
      kind: `status.${s.kind}`,
      title: `Được công nhận: ${st.categoryLabel}`,
      detail: `Quyết định ${s.decision_no} ngày ${formatDateVi(s.decision_date)}`,
      by: null,
    });
    if (s.valid_to && s.ended_reason)
      items.push({
        at: s.valid_to,
        kind: `status.${s.kind}.end`,
        title: `Chấm dứt: ${st.categoryLabel}`,
        detail: s.ended_reason,
        by: null,
      });
  }
  for (const e of await historyRepo.auditOf(db, 'person', String(id))) {
    items.push({
      at: e.at.slice(0, 10),
      kind: e.action,
      title: AUDIT_TITLES[e.action] ?? e.action,
      detail: null,
      by: e.actor_username,
    });
  }
  if (p.deceased_on)
    items.push({ at: p.deceased_on, kind: 'person.deceased', title: 'Từ trần', detail: null, by: null });
  if (p.moved_out_on)
    items.push({ at: p.moved_out_on, kind: 'person.moved_out', title: 'Chuyển đi nơi khác', detail: null, by: null });
  for (const source of sources) items.push(...(await source(actor, { id })));
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { items };
}
