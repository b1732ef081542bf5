import type { AreaOut, AreaType } from '@ansinh/domain';
import type { AreaRecord } from './repo/areas.repo.js';

export type Crumb = { code: string; name: string };

/** Row -> response; `names` maps the codes on the row's path to their names (breadcrumbs). */
export function presentArea(row: AreaRecord, names: Map<string, string>): AreaOut {
  const codes = row.path.split('/').filter(Boolean);
  return {
    code: row.code,
    name: row.name,
    type: row.type as AreaType,
    level: row.level as 1 | 2 | 3,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    childCount: Number(row.child_count),
    path: codes.map((code) => ({ code, name: names.get(code) ?? code })),
  };
}
