import type { CasesQuery, DueList, LettersQuery } from '@ansinh/domain';
import { addDays } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { presentCase, presentIdentity, presentLetter } from '../petitions.presenter.js';
import { casesRepo } from '../repo/cases.repo.js';
import { lettersRepo } from '../repo/letters.repo.js';
import { pageOf, scopeOf, today, type PetitionsDeps } from './shared.js';

/** How many days ahead "due soon" looks in the lists. */
const SOON_DAYS = 5;

const dueBy = (due: 'overdue' | 'soon' | 'all' | undefined, asOf: string) =>
  due === 'overdue'
    ? addDays(asOf, -1)
    : due === 'soon'
      ? addDays(asOf, SOON_DAYS)
      : due === 'all'
        ? '9999-12-31'
        : undefined;

/**
 * Reading letters and cases (lists limited in SQL to the actor's area), the officer's due list,
 * and the one audited read of a denouncer's identity.
 */
export function readUseCases(deps: PetitionsDeps) {
  const { database } = deps;
  const db = database.db;
  return {
    async listLetters(actor: Actor, q: LettersQuery) {
      petitionsPolicy.guard(actor, 'read');
      const asOf = today();
      const r = await lettersRepo.list(
        db,
        {
          scope: scopeOf(actor),
          from: q.from,
          to: q.to,
          state: q.state,
          kind: q.kind,
          noticeDueBy: dueBy(q.due, asOf),
          personId: q.personId,
        },
        pageOf(q),
      );
      return { items: r.rows.map((x) => presentLetter(x, asOf)), total: r.total, page: q.page, pageSize: q.pageSize };
    },

    async getLetter(actor: Actor, id: number) {
      const row = await lettersRepo.find(db, id);
      if (!row) throw errors.notFound('Đơn');
      petitionsPolicy.guard(actor, 'read', { areaPath: row.area_path }, 'Đơn');
      const abilities = (['classify', 'receive', 'identity'] as const).filter((a) =>
        petitionsPolicy.allows(actor, a, { areaPath: row.area_path }),
      );
      return presentLetter(row, today(), [...abilities]);
    },

    /**
     * The denouncer's identity (Luật Tố cáo 2018 Art. 47): only the roles named in the policy, and
     * every read is written to the audit log in the same transaction as the read.
     */
    async readIdentity(actor: Actor, owner: 'letter' | 'entry', id: number) {
      return inTransaction(database, actor, async (trx, audit) => {
        const rec = owner === 'letter' ? await lettersRepo.find(trx, id) : null;
        const area = rec?.area_path ?? (owner === 'entry' ? await lettersRepo.entryArea(trx, id) : null);
        if (!area) throw errors.notFound(owner === 'letter' ? 'Đơn' : 'Lượt tiếp');
        petitionsPolicy.guard(actor, 'identity', { areaPath: area }, owner === 'letter' ? 'Đơn' : 'Lượt tiếp');
        const identity = await lettersRepo.findIdentity(trx, owner, id);
        if (!identity) {
          throw errors.notFound('Thông tin người tố cáo');
        }
        await audit({
          action: 'petitions.identity.read',
          entity: owner === 'letter' ? 'petition_letter' : 'petition_entry',
          entityId: id,
        });
        return presentIdentity(identity);
      });
    },

    async listCases(actor: Actor, q: CasesQuery) {
      petitionsPolicy.guard(actor, 'read');
      const asOf = today();
      const r = await casesRepo.list(
        db,
        {
          scope: scopeOf(actor),
          from: q.from,
          to: q.to,
          state: q.state,
          kind: q.kind,
          dueBy: dueBy(q.due, asOf),
          ...(q.mine && actor.userId ? { assigneeId: actor.userId } : {}),
        },
        pageOf(q),
      );
      // A list shows the stored due date; the clock with suspensions is on the case page.
      const items = [];
      for (const row of r.rows) items.push(presentCase(row, await casesRepo.clockEvents(db, row.id), asOf));
      return { items, total: r.total, page: q.page, pageSize: q.pageSize };
    },

    async getCase(actor: Actor, id: number) {
      const row = await casesRepo.find(db, id);
      if (!row) throw errors.notFound('Vụ việc');
      petitionsPolicy.guard(actor, 'read', { areaPath: row.area_path }, 'Vụ việc');
      const abilities = petitionsPolicy.allows(actor, 'settle', { areaPath: row.area_path }) ? ['settle'] : [];
      return presentCase(row, await casesRepo.clockEvents(db, id), today(), {
        steps: await casesRepo.steps(db, id),
        abilities,
      });
    },

    /** The officer's "due soon / overdue" list: their letters awaiting the notice and their open cases. */
    async dueList(actor: Actor, asOf = today()): Promise<DueList> {
      petitionsPolicy.guard(actor, 'read');
      if (!actor.userId) return { asOf, items: [] };
      const scope = scopeOf(actor);
      const [letters, cases] = [
        await lettersRepo.dueForAssignee(db, actor.userId, scope, 100),
        await casesRepo.dueForAssignee(db, actor.userId, scope, 100),
      ];
      const items = [
        ...letters.map((l) => ({
          type: 'letter' as const,
          id: l.id,
          code: l.code,
          summary: l.summary,
          due: l.notice_due!,
        })),
        ...cases.map((c) => ({
          type: 'case' as const,
          id: c.id,
          code: c.code,
          summary: c.summary,
          due: c.settle_due!,
        })),
      ]
        .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id - b.id))
        .slice(0, 100)
        .map((x) => ({ ...x, overdue: x.due < asOf }));
      return { asOf, items };
    },
  };
}
