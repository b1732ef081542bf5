import {
  POVERTY_CAUSES,
  POVERTY_GROUPS,
  groupsOfMask,
  type BreakdownCells,
  type BreakdownOut,
  type BreakdownQuery,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { povertyPolicy } from '../poverty.policy.js';
import { breakdownsRepo, type BreakdownRow } from '../repo/breakdowns.repo.js';
import { registryReader } from '../repo/registry-reader.repo.js';
import { areaFilter } from './read-campaigns.js';
import type { PovertyDeps } from './deps.js';

const ETHNICITY = [
  { code: 'ethnic_minority', vi: 'Hộ đồng bào dân tộc thiểu số', en: 'Ethnic-minority households' },
  { code: 'kinh', vi: 'Hộ dân tộc Kinh', en: 'Kinh households' },
];
const UNKNOWN_CAUSE = { code: 'unknown', vi: 'Chưa ghi nguyên nhân', en: 'Cause not recorded' };
const NO_GROUP = { code: 'none', vi: 'Không thuộc nhóm nào', en: 'In no group' };

const empty = (): BreakdownCells => ({ start: 0, left: 0, fellBack: 0, new: 0, end: 0, netDecrease: 0 });
function add(into: BreakdownCells, r: BreakdownRow, t: 'poor' | 'near_poor') {
  const n = (k: string) => Number(r[`${t}_${k}`] ?? 0);
  into.start += n('start');
  into.left += n('left');
  into.fellBack += n('fell');
  into.new += n('new');
  into.end += n('end');
  into.netDecrease = into.start - into.end;
}

/**
 * The movement of poor and near-poor households by cause, by group (a household in several groups
 * counts in each) or by ethnicity, per commune and for the area, for a review year as of a date
 * (docs/modules/poverty.md "Breakdowns"). The grouping is done in SQL; the few grouped rows (communes ×
 * keys) are laid out here.
 */
export function movementBreakdown(deps: PovertyDeps) {
  return async (actor: Actor, q: BreakdownQuery): Promise<BreakdownOut> => {
    povertyPolicy.guard(actor, 'read');
    const db = deps.database.db;
    const area = (await areaFilter(deps, actor, q.areaCode)) ?? areaColumnScope(actor);
    if (!area)
      throw errors.validation([
        { path: 'query.areaCode', message: 'Chọn địa bàn cần báo cáo (mã tỉnh, huyện hoặc xã).' },
      ]);
    const rows = await breakdownsRepo.movementBy(db, area, q, q.by);
    const keys =
      q.by === 'cause'
        ? [...POVERTY_CAUSES, UNKNOWN_CAUSE]
        : q.by === 'group'
          ? [...POVERTY_GROUPS, NO_GROUP]
          : ETHNICITY;
    const communes = new Map<string, Map<string, { poor: BreakdownCells; nearPoor: BreakdownCells }>>();
    const total = new Map(keys.map((k) => [k.code, { poor: empty(), nearPoor: empty() }]));
    for (const r of rows) {
      let lines = communes.get(r.commune_code);
      if (!lines) {
        lines = new Map(keys.map((k) => [k.code, { poor: empty(), nearPoor: empty() }]));
        communes.set(r.commune_code, lines);
      }
      const rowKeys = q.by === 'group' ? groupsOfMask(Number(r.key)) : [r.key];
      for (const key of rowKeys.length ? rowKeys : ['none'])
        for (const target of [lines.get(key), total.get(key)])
          if (target) {
            add(target.poor, r, 'poor');
            add(target.nearPoor, r, 'near_poor');
          }
    }
    const names = await registryReader.communeNames(db, [...communes.keys()]);
    const lines = (m: Map<string, { poor: BreakdownCells; nearPoor: BreakdownCells }>) =>
      [...m.entries()].map(([key, v]) => ({ key, ...v }));
    return {
      areaCode: area.code,
      year: q.year,
      asOf: q.asOf ?? null,
      by: q.by,
      keys: keys.map((k) => ({ code: k.code, vi: k.vi, en: k.en })),
      communes: [...communes.entries()].map(([communeCode, m]) => ({
        communeCode,
        communeName: names.get(communeCode) ?? communeCode,
        lines: lines(m),
      })),
      total: lines(total),
    };
  };
}
