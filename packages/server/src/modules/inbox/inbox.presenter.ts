import type { InboxItem, InboxKind, InboxOut } from '@ansinh/domain';
import type { KindAnswer } from './repo/types.js';

/** How urgent a kind is when nothing is due: fixing a returned list before preparing a new one. */
const KIND_ORDER: Record<InboxKind, number> = {
  list_fix: 0,
  dossier_due: 1,
  letter_due: 2,
  case_due: 3,
  remark_answer: 4,
  list_approve: 5,
  list_sign: 6,
  list_appraise: 7,
  list_prepare: 8,
  import_done: 9,
};

/**
 * The inbox answer: counts per kind, and the items overdue first, then the soonest due, then the
 * oldest waiting (ties: the more urgent kind, then the record id).
 */
export function presentInbox(answers: [InboxKind, KindAnswer][], today: string, limit: number): InboxOut {
  const items: InboxItem[] = answers.flatMap(([kind, a]) =>
    a.rows.map((r) => ({
      kind,
      id: r.id,
      title: r.title,
      detail: r.detail ?? '',
      areaName: r.area_name,
      since: r.since,
      due: r.due,
      overdue: kind !== 'import_done' && !!r.due && r.due < today,
      state: r.state ?? null,
    })),
  );
  items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.due && b.due ? a.due.localeCompare(b.due) : a.due ? -1 : b.due ? 1 : 0) ||
      (a.kind === 'import_done' || b.kind === 'import_done' ? 0 : a.since.localeCompare(b.since)) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.id - b.id,
  );
  return {
    asOf: today,
    counts: answers
      .map(([kind, a]) => ({ kind, count: a.count, overdue: a.overdue }))
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]),
    items,
    limit,
  };
}
