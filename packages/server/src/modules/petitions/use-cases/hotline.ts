import { todayInVietnam, type HotlineCallBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { presentCall } from '../petitions.presenter.js';
import { callsRepo } from '../repo/calls.repo.js';
import { areaCodeOf, notFuture, pageOf, resolveArea, scopeOf, type PetitionsDeps } from './shared.js';

/**
 * The hotline: calls logged quickly (the caller is optional), kept apart from letters; a call
 * that becomes a letter is linked to it when the letter is received (receive-letter.ts).
 */
export function hotlineUseCases(deps: PetitionsDeps) {
  const { database } = deps;
  return {
    async logCall(actor: Actor, body: HotlineCallBody) {
      const calledAt = new Date(body.calledAt);
      const calledDate = todayInVietnam(calledAt);
      notFuture(calledDate, 'body.calledAt', 'Thời điểm gọi');
      const area = await resolveArea(deps, actor, body.areaCode);
      petitionsPolicy.guard(actor, 'receive', { areaPath: area.area_path }, 'Đơn vị hành chính');
      return inTransaction(database, actor, async (trx, audit) => {
        const row = await callsRepo.insert(trx, {
          called_at: calledAt.toISOString(),
          called_date: calledDate,
          caller_name: body.callerName ?? null,
          caller_phone: body.callerPhone ?? null,
          topic: body.topic,
          program_code: body.programCode ?? null,
          answer: body.answer,
          forwarded_to: body.forwardedTo ?? null,
          letter_id: null,
          ...area,
          created_by: actor.username,
          created_at: nowIso(),
        });
        await audit({
          action: 'petitions.call.create',
          entity: 'petition_call',
          entityId: row.id,
          areaCode: areaCodeOf(area),
        });
        return presentCall(row);
      });
    },

    /**
     * A log of calls kept elsewhere (a paper book, a spreadsheet) entered at once: each checked as
     * `logCall` does, all written in one transaction with one audit entry, or none.
     */
    async logCalls(actor: Actor, bodies: readonly HotlineCallBody[]): Promise<{ count: number }> {
      const areas = new Map<string, Awaited<ReturnType<typeof resolveArea>>>();
      const rows: Parameters<typeof callsRepo.insertMany>[1][number][] = [];
      for (const body of bodies) {
        const calledAt = new Date(body.calledAt);
        const calledDate = todayInVietnam(calledAt);
        notFuture(calledDate, 'body.calledAt', 'Thời điểm gọi');
        const key = body.areaCode ?? '';
        let area = areas.get(key);
        if (!area) {
          area = await resolveArea(deps, actor, body.areaCode);
          petitionsPolicy.guard(actor, 'receive', { areaPath: area.area_path }, 'Đơn vị hành chính');
          areas.set(key, area);
        }
        rows.push({
          called_at: calledAt.toISOString(),
          called_date: calledDate,
          caller_name: body.callerName ?? null,
          caller_phone: body.callerPhone ?? null,
          topic: body.topic,
          program_code: body.programCode ?? null,
          answer: body.answer,
          forwarded_to: body.forwardedTo ?? null,
          letter_id: null,
          ...area,
          created_by: actor.username,
          created_at: nowIso(),
        });
      }
      return inTransaction(database, actor, async (trx, audit) => {
        await callsRepo.insertMany(trx, rows);
        await audit({ action: 'petitions.call.import', entity: 'petition_call', after: { count: rows.length } });
        return { count: rows.length };
      });
    },

    async listCalls(
      actor: Actor,
      q: { page: number; pageSize: number; from?: string | undefined; to?: string | undefined },
    ) {
      petitionsPolicy.guard(actor, 'read');
      const r = await callsRepo.list(database.db, { scope: scopeOf(actor), from: q.from, to: q.to }, pageOf(q));
      return { items: r.rows.map(presentCall), total: r.total, page: q.page, pageSize: q.pageSize };
    },
  };
}
