import { InboxOut } from '@ansinh/domain';
import type { InboxKind, InboxItem } from '@ansinh/domain';
import { useQuery } from '@tanstack/react-query';
import { request } from '../../kernel/http';
import { useAuth } from '../../kernel/auth';

export const inboxKeys = { all: ['inbox'] as const };

export const inboxApi = {
  get: (signal?: AbortSignal) => request<InboxOut>('GET', '/inbox', { schema: InboxOut, signal }),
};

/**
 * The signed-in person's inbox; the home page and the menu badges share this one query (a minute
 * fresh, refreshed when the window regains focus so the badges follow the day's work).
 */
export function useInbox() {
  const { me } = useAuth();
  return useQuery({
    queryKey: inboxKeys.all,
    queryFn: ({ signal }) => inboxApi.get(signal),
    enabled: !!me,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}

/** Where the work of an item is done (the web app's own paths). */
export function inboxLink(item: Pick<InboxItem, 'kind' | 'id' | 'state'>): string {
  switch (item.kind) {
    case 'dossier_due':
      return `/dossiers/${item.id}`;
    case 'letter_due':
      return `/petitions/letters/${item.id}`;
    case 'case_due':
      return `/petitions/cases/${item.id}`;
    case 'import_done':
      return item.state === 'employment' ? '/employment' : '/registry/import';
    default:
      return `/programs/lists/${item.id}`;
  }
}

/** The menu entry whose badge counts a kind. */
export const INBOX_NAV: Record<InboxKind, string> = {
  list_fix: 'programs',
  list_prepare: 'programs',
  list_appraise: 'programs',
  list_approve: 'programs',
  list_sign: 'programs',
  remark_answer: 'programs',
  dossier_due: 'dossiers',
  letter_due: 'petitions',
  case_due: 'petitions',
  import_done: 'registry',
};

/** The badge counts per menu key: how many wait, and how many of them are late. */
export function navCounts(data: InboxOut | undefined): Record<string, { count: number; overdue: number }> {
  const out: Record<string, { count: number; overdue: number }> = {};
  for (const c of data?.counts ?? []) {
    // A finished import is news, not work: it does not make a badge.
    if (c.kind === 'import_done' || c.count === 0) continue;
    const k = INBOX_NAV[c.kind];
    const cur = (out[k] ??= { count: 0, overdue: 0 });
    cur.count += c.count;
    cur.overdue += c.overdue;
  }
  const total = Object.values(out).reduce((n, c) => n + c.count, 0);
  if (total > 0) out.home = { count: total, overdue: Object.values(out).reduce((n, c) => n + c.overdue, 0) };
  return out;
}
