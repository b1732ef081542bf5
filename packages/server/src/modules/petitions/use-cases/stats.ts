import type { PetitionStats, StatsQuery } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { statsRepo } from '../repo/stats.repo.js';
import { areaCodeOf, resolveArea, type PetitionsDeps } from './shared.js';

/**
 * The periodic report's counts for any period and area (TT 02/2021/TT-TTCP): reception visits,
 * people and groups; letters carried over, received, fit, within competence, handled; complaints
 * and denunciations accepted, settled, on time and by result; mass complaints. Supervisors may
 * read these counts, never the records behind them.
 */
export function statsUseCases(deps: PetitionsDeps) {
  const { database } = deps;
  return {
    async stats(actor: Actor, q: StatsQuery): Promise<PetitionStats> {
      if (q.to < q.from) {
        throw errors.validation([{ path: 'querystring.to', message: 'Ngày cuối kỳ phải sau ngày đầu kỳ.' }]);
      }
      const area = await resolveArea(deps, actor, q.areaCode);
      petitionsPolicy.guard(actor, 'stats', { areaPath: area.area_path }, 'Đơn vị hành chính');
      const f = { pattern: `${area.area_path}%`, from: q.from, to: q.to };
      const r = await statsRepo.reception(database.db, f);
      const l = await statsRepo.letters(database.db, f);
      const c = await statsRepo.cases(database.db, f);
      return {
        from: q.from,
        to: q.to,
        areaCode: areaCodeOf(area),
        sessions: r.sessions,
        visits: r.visits,
        people: r.people,
        groups: r.groups,
        calls: r.calls,
        lettersCarriedOver: l.carried,
        lettersReceived: l.received,
        lettersFit: l.fit,
        lettersInCompetence: l.competence,
        lettersHandled: l.handled,
        complaints: c.complaints,
        denunciations: c.denunciations,
        massComplaints: r.massEntries + l.massLetters,
      };
    },
  };
}
