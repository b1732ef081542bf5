import { personKeys, type ListDetail, type ListsQuery } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { agencyScope, areaColumnScope, type AreaColumn } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { checkThrottle, recordFailure, throttledReads, type ThrottleRule } from '../../../platform/throttle.js';
import { programsPolicy } from '../programs.policy.js';
import {
  presentEntryFor,
  presentList,
  presentListDetail,
  presentPublicList,
  presentPublicSummary,
} from '../programs.presenter.js';
import { areasReader } from '../repo/areas.repo.js';
import { entriesRepo } from '../repo/entries.repo.js';
import { listsRepo } from '../repo/lists.repo.js';
import { outsideRepo } from '../repo/outside.repo.js';
import type { Scope } from '../repo/types.js';
import { loadList, type ProgramsDeps } from './load.js';

export const LEVEL_COLUMN: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };

/**
 * Published lists are public, but not a bulk feed: every read counts per address, and a miss (an
 * unknown or unpublished list number, i.e. someone walking the numbers) counts more.
 */
export const PUBLIC_LISTS_PER_ADDRESS: ThrottleRule = { scope: 'lists-ip', limit: 120, windowMs: 600_000 };
export const PUBLIC_LISTS_MISSES: ThrottleRule = { scope: 'lists-miss-ip', limit: 20, windowMs: 3600_000 };

export type ListDetailFn = (actor: Actor, id: number) => Promise<ListDetail>;

/**
 * Reading lists: a page of lists in the actor's area, one list with its steps, its entries
 * (masked for supervisors by the presenter), and the published lists anyone may read.
 */
export function readListsUseCases({ database }: ProgramsDeps) {
  const db = database.db;

  /** The columns an asked area code limits a page to (unknown codes limit nothing, as before). */
  async function areaFilter(code: string | undefined): Promise<Scope | null> {
    if (!code) return null;
    const a = await areasReader.byCode(db, code);
    return a ? { column: LEVEL_COLUMN[a.level] ?? 'commune_code', code } : null;
  }

  async function listDetail(actor: Actor, id: number): Promise<ListDetail> {
    const l = await loadList(db, actor, id, 'read');
    const detail = presentListDetail(l, await listsRepo.steps(db, id), await listsRepo.openRemarks(db, id));
    const imported = await outsideRepo.importedInto(db, id);
    return imported.length ? { ...detail, imported } : detail;
  }

  return {
    listDetail,

    async lists(actor: Actor, q: ListsQuery) {
      programsPolicy.guard(actor, 'read');
      const { rows, total } = await listsRepo.page(
        db,
        {
          scope: areaColumnScope(actor),
          agency: agencyScope(actor),
          area: await areaFilter(q.areaCode),
          publishedOnly: actor.role === 'supervisor' || q.published === 'true',
          // Supervisors see published lists only, whatever they ask for.
          unpublishedOnly: actor.role !== 'supervisor' && q.published === 'false',
          programId: q.programId,
          period: q.period,
          state: q.state,
        },
        { limit: q.limit, offset: q.offset, order: 'commune' },
      );
      return { items: rows.map(presentList), total };
    },

    async entries(actor: Actor, listId: number, q: { q?: string; limit: number; offset: number }) {
      const l = await loadList(db, actor, listId, 'read');
      const { rows, total } = await entriesRepo.entriesPage(db, { list_id: listId }, q);
      // Until approval an entry shows the registry as it is now (a fixed ID shows at once); from
      // approval on, the copy that was approved.
      const current = l.state !== 'approved';
      const shown = rows.map((r) =>
        current && r.person_id !== null && r.reg_full_name !== null
          ? { ...r, full_name: r.reg_full_name, citizen_id: r.reg_citizen_id, birth_date: r.reg_birth_date }
          : r,
      );
      return { items: shown.map((r) => presentEntryFor(actor, r)), total };
    },

    /** Published lists for anyone: masked entries (name, birth year, village, last 3 ID digits) and remarks. */
    async publicLists(
      q: { programId?: number; areaCode?: string; name?: string; limit: number; offset: number },
      client: { ip: string },
    ) {
      const reads = [{ rule: PUBLIC_LISTS_PER_ADDRESS, key: client.ip }];
      await checkThrottle(db, [...reads, { rule: PUBLIC_LISTS_MISSES, key: client.ip }], throttledReads);
      await recordFailure(db, reads);
      const nameKey = q.name ? personKeys(q.name).name_key : '';
      const { rows, total } = await listsRepo.page(
        db,
        {
          publishedOnly: true,
          nonEmpty: true,
          programId: q.programId,
          area: await areaFilter(q.areaCode),
          ...(nameKey ? { nameKey } : {}),
        },
        { limit: q.limit, offset: q.offset, order: 'published' },
      );
      return { items: rows.map(presentPublicSummary), total };
    },

    /** What the public page can filter by: programs and communes with a published list. */
    async publicFacets() {
      return listsRepo.publishedFacets(db);
    },

    async publicList(id: number, client: { ip: string }) {
      const reads = [{ rule: PUBLIC_LISTS_PER_ADDRESS, key: client.ip }];
      await checkThrottle(db, [...reads, { rule: PUBLIC_LISTS_MISSES, key: client.ip }], throttledReads);
      await recordFailure(db, reads);
      const l = await listsRepo.byId(db, id);
      if (!l || !l.published_at) {
        await recordFailure(db, [{ rule: PUBLIC_LISTS_MISSES, key: client.ip }]);
        throw errors.notFound('Danh sách công khai');
      }
      return presentPublicList(l, await entriesRepo.published(db, id), await listsRepo.publicRemarks(db, id));
    },
  };
}
