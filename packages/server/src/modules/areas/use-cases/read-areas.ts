import { searchKey, type AreaList, type AreaOut, type AreasQuery } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { recordInScope, scopePattern } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { deepFreeze } from '../../../platform/freeze.js';
import { areasPolicy } from '../areas.policy.js';
import { presentArea } from '../areas.presenter.js';
import { areasRepo, type AreaRecord } from '../repo/areas.repo.js';

const WHAT = 'Đơn vị hành chính';

/**
 * Reading the area tree. Areas change only when a list is imported, and every screen asks for
 * them: answers are kept here for a minute (and dropped at once when any server imports: the change bus),
 * unfiltered; each actor's scope is applied to them on the way out.
 */
export function createAreaReader(deps: { database: Database }) {
  const db = deps.database.db;

  async function present(rows: AreaRecord[]): Promise<AreaOut[]> {
    const codes = new Set<string>();
    for (const r of rows) for (const c of r.path.split('/')) if (c) codes.add(c);
    const named = await areasRepo.findManyByCodes(db, [...codes]);
    const names = new Map(named.map((n) => [n.code, n.name]));
    return rows.map((r) => presentArea(r, names));
  }

  const CACHE_MS = 60_000;
  const childrenCache = new Map<string, { at: number; rows: { out: AreaOut; path: string }[] }>();
  const recordCache = new Map<string, { at: number; row: AreaRecord | undefined }>();
  async function cachedRecord(code: string): Promise<AreaRecord | undefined> {
    const hit = recordCache.get(code);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.row;
    const row = await areasRepo.findByCode(db, code);
    if (recordCache.size > 20_000) recordCache.clear();
    recordCache.set(code, { at: Date.now(), row });
    return row;
  }
  const nameCache = new Map<string, { at: number; name: string | undefined }>();
  const answerCache = new Map<string, { children: unknown; answer: AreaList }>();
  async function cachedChildren(parentCode: string) {
    const hit = childrenCache.get(parentCode);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.rows;
    const rows = await areasRepo.children(db, parentCode, null);
    const out = await present(rows);
    const entry = { at: Date.now(), rows: rows.map((r, i) => ({ out: out[i]!, path: r.path })) };
    if (childrenCache.size > 5000) childrenCache.clear();
    childrenCache.set(parentCode, entry);
    return entry.rows;
  }

  return {
    /** One area by code; 404 outside the actor's area. */
    async get(actor: Actor, code: string): Promise<AreaOut> {
      const row = await areasRepo.findByCode(db, code);
      if (!row) throw errors.notFound(WHAT);
      areasPolicy.guard(actor, 'read', { areaPath: row.path }, WHAT);
      return (await present([row]))[0]!;
    },

    /** Children of `parent` (or the actor's home area as the root), or a name search. */
    async list(actor: Actor, query: AreasQuery): Promise<AreaList> {
      areasPolicy.guard(actor, 'read');
      if (query.q) {
        const key = searchKey(query.q);
        if (!key) return { items: [] };
        return { items: await present(await areasRepo.search(db, key, scopePattern(actor), 50)) };
      }
      if (query.parent) {
        const parent = await cachedRecord(query.parent);
        if (!parent) throw errors.notFound(WHAT);
        areasPolicy.guard(actor, 'read', { areaPath: parent.path }, WHAT);
        const children = await cachedChildren(query.parent);
        // The same frozen answer for everyone who sees the same children: the HTTP layer then
        // serializes (and checks against the schema) once per answer, not once per request.
        const key = `${query.parent}|${actor.kind}|${actor.areaPath ?? ''}`;
        const hit = answerCache.get(key);
        if (hit && hit.children === children) return hit.answer;
        const answer = deepFreeze({
          items: children.filter((c) => recordInScope(actor, { areaPath: c.path })).map((c) => c.out),
        });
        if (answerCache.size > 5000) answerCache.clear();
        answerCache.set(key, { children, answer });
        return answer;
      }
      if (actor.kind === 'system') return { items: await present(await areasRepo.roots(db)) };
      const home = actor.areaCode ? await areasRepo.findByCode(db, actor.areaCode) : undefined;
      return { items: home ? await present([home]) : [] };
    },

    /** Path of an area ('/70/689/25210/'), for scope checks in other modules. */
    async pathOf(code: string): Promise<{ path: string; level: number; name: string } | undefined> {
      const row = await areasRepo.findByCode(db, code);
      return row ? { path: row.path, level: row.level, name: row.name } : undefined;
    },

    /**
     * Names of areas by code (a list's rows show their commune's), kept like the tree: other
     * modules' lists ask for the same few hundred names on every page.
     */
    async namesOf(codes: string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      const missing: string[] = [];
      const now = Date.now();
      for (const code of new Set(codes)) {
        if (!code) continue;
        const hit = nameCache.get(code);
        if (hit && now - hit.at < CACHE_MS) {
          if (hit.name !== undefined) out.set(code, hit.name);
        } else missing.push(code);
      }
      if (missing.length) {
        const found = new Map((await areasRepo.findManyByCodes(db, missing)).map((r) => [r.code, r.name]));
        if (nameCache.size > 20_000) nameCache.clear();
        for (const code of missing) {
          const name = found.get(code);
          nameCache.set(code, { at: now, name });
          if (name !== undefined) out.set(code, name);
        }
      }
      return out;
    },

    count: () => areasRepo.count(db),

    /** Drop the cached answers (an import here or on another server: areas.service.ts subscribes). */
    invalidate() {
      childrenCache.clear();
      answerCache.clear();
      recordCache.clear();
      nameCache.clear();
    },
  };
}

export type AreaReader = ReturnType<typeof createAreaReader>;
