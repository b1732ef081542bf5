import { nameSimilar, type DuplicateList } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { registryPolicy } from '../registry.policy.js';
import { presentListItem } from '../registry.presenter.js';
import { duplicatesRepo } from '../repo/index.js';
import type { RegistryDeps } from './shared.js';

type Item = DuplicateList['items'][number];
type ListRow = Parameters<typeof presentListItem>[0];

/**
 * Likely duplicates inside the actor's area: the same normalised name and birth year in a
 * commune, or near-identical names with the same full birth date. Pairs an officer already
 * decided are left out.
 */
export async function duplicates(deps: RegistryDeps, actor: Actor, limit = 200): Promise<DuplicateList> {
  registryPolicy.guard(actor, 'merge');
  const db = deps.database.db;
  const scope = areaColumnScope(actor);
  const decided = new Set((await duplicatesRepo.decidedPairs(db)).map((d) => `${d.person_a}:${d.person_b}`));
  const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const seen = new Set<string>();
  const items: Item[] = [];
  const push = (reason: Item['reason'], a: ListRow, b: ListRow) => {
    const k = pairKey(a.id, b.id);
    if (decided.has(k) || seen.has(k)) return;
    seen.add(k);
    items.push({ reason, a: presentListItem(a), b: presentListItem(b) });
  };
  for (const g of await duplicatesRepo.sameNameAndYear(db, scope, limit)) {
    const ps = await duplicatesRepo.personsWhere(db, {
      commune_code: g.commune_code,
      name_key: g.name_key,
      birth_year: g.birth_year,
    });
    for (let i = 0; i < ps.length; i++)
      for (let j = i + 1; j < ps.length; j++) push('same_name_birth_year', ps[i]!, ps[j]!);
    if (items.length >= limit) break;
  }
  if (items.length < limit) {
    for (const g of await duplicatesRepo.sameBirthDate(db, scope, 5000)) {
      const ps = await duplicatesRepo.personsWhere(db, { commune_code: g.commune_code, birth_date: g.birth_date });
      for (let i = 0; i < ps.length; i++) {
        for (let j = i + 1; j < ps.length; j++) {
          if (ps[i]!.name_key !== ps[j]!.name_key && nameSimilar(ps[i]!.full_name, ps[j]!.full_name))
            push('similar_name_same_birth_date', ps[i]!, ps[j]!);
        }
      }
      if (items.length >= limit) break;
    }
  }
  return { items: items.slice(0, limit), total: items.length };
}
