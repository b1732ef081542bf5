import type { ExpressionBuilder } from 'kysely';
import { searchKey } from '@ansinh/domain';
import type { DB } from '../../../db/schema.js';

/**
 * What an officer types in a list's (or a payment batch's) search box, as a condition on its
 * entries: a citizen ID, or part of the name as written or without accents ("nguyen van" finds
 * "Nguyễn Văn An": the registry's search key of the entry's person). A list is one commune's, so
 * this is tested on its few hundred entries, never on the province.
 */
export function entryMatches(
  eb: ExpressionBuilder<DB & { e: DB['list_entries']; rp: DB['persons'] }, 'e' | 'rp'>,
  q: string,
) {
  const raw = q.trim().replace(/[\\%_]/g, '');
  const key = searchKey(raw);
  return eb.or([
    eb('e.citizen_id', '=', raw),
    eb('e.full_name', 'like', `%${raw}%`),
    ...(key ? [eb('rp.name_key', 'like', `%${key}%`)] : []),
  ]);
}
