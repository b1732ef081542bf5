import { rateChangePoints, ratePercent, standardByCode, type MovementOut, type MovementQuery } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { povertyPolicy } from '../poverty.policy.js';
import { registryReader } from '../repo/registry-reader.repo.js';
import { reportsRepo } from '../repo/reports.repo.js';
import { areaFilter } from './read-campaigns.js';
import type { PovertyDeps } from './deps.js';

/**
 * The movement of poor and near-poor households in an area for a review year (docs/legal/poverty.md):
 * start (on the lists before the review), left, fell back, new, end (recognised), the rates over the
 * area's resident households (two decimals, half-up) and the change in percentage points, and the
 * deprivations by indicator. Moves in and out of the area are not yet counted (otherIn/otherOut 0).
 */
export function movementReport(deps: PovertyDeps) {
  return async (actor: Actor, q: MovementQuery): Promise<MovementOut> => {
    povertyPolicy.guard(actor, 'read');
    const db = deps.database.db;
    const own = areaColumnScope(actor);
    const area = (await areaFilter(deps, actor, q.areaCode)) ?? own;
    if (!area)
      throw errors.validation([
        { path: 'query.areaCode', message: 'Chọn địa bàn cần báo cáo (mã tỉnh, huyện hoặc xã).' },
      ]);
    const standardCode = await reportsRepo.standardOfYear(db, area, q.year);
    const standard = standardByCode(standardCode ?? '') ?? standardByCode('2022-2025')!;
    const n = standard.indicators.length;
    const [m, households] = await Promise.all([
      reportsRepo.movement(db, area, q.year, n, q.asOf),
      registryReader.residentHouseholds(db, area.column, area.code),
    ]);
    const row = (t: 'poor' | 'near_poor') => {
      const start = m[`${t}_start`] ?? 0;
      const end = m[`${t}_end`] ?? 0;
      return {
        start,
        left: m[`${t}_left`] ?? 0,
        leftToNearPoor: t === 'poor' ? (m[`${t}_left_np`] ?? 0) : 0,
        fellBack: m[`${t}_fell`] ?? 0,
        new: m[`${t}_new`] ?? 0,
        otherIn: 0,
        otherOut: 0,
        end,
        netDecrease: start - end,
      };
    };
    const poor = row('poor');
    const startRate = ratePercent(poor.start, households);
    const endRate = ratePercent(poor.end, households);
    return {
      areaCode: area.code,
      year: q.year,
      households,
      poor,
      nearPoor: row('near_poor'),
      startRate,
      endRate,
      rateChangePoints: rateChangePoints(startRate, endRate),
      deprivations: standard.indicators.map((ind, i) => ({
        code: ind.code,
        vi: ind.vi,
        poor: m[`p${i}`] ?? 0,
        nearPoor: m[`n${i}`] ?? 0,
      })),
    };
  };
}
