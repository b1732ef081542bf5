import type { ListDetail } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { programsPolicy } from '../programs.policy.js';
import { entriesRepo } from '../repo/entries.repo.js';
import { listsRepo } from '../repo/lists.repo.js';
import { eligibleIn } from './find-beneficiaries.js';
import { loadList, loadProgram, ruleOn, type ProgramsDeps } from './load.js';
import type { ListDetailFn } from './read-lists.js';

/**
 * A supplementary list of an approved one (an approved list is never edited in place): the people
 * the rule gives in the commune who are on no approved list of the program and period.
 */
export function supplementaryListUseCase({ database }: ProgramsDeps, listDetail: ListDetailFn) {
  return async function supplementary(actor: Actor, listId: number): Promise<ListDetail> {
    const id = await inTransaction(database, actor, async (trx, audit) => {
      const l = await loadList(trx, actor, listId, 'read');
      if (l.state !== 'approved')
        throw errors.conflict('LIST_NOT_APPROVED', 'Chỉ lập danh sách bổ sung cho danh sách đã phê duyệt.');
      programsPolicy.guard(actor, 'prepare', l);
      const p = await loadProgram(trx, actor, l.program_id, 'read');
      if (p.list_by_import === 1)
        throw errors.conflict(
          'PROGRAM_BY_IMPORT',
          'Chương trình này lấy danh sách từ tệp Excel: người cần bổ sung được nhập bằng một tệp mới ("Nhập danh sách từ Excel").',
        );
      const rule = await ruleOn(trx, p.id, l.ref_date);
      const now = nowIso();
      const newId = await listsRepo.insert(trx, {
        program_id: p.id,
        period: l.period,
        ref_date: l.ref_date,
        seq: (await listsRepo.maxSeq(trx, p.id, l.period, l.commune_code)) + 1,
        parent_list_id: l.id,
        province_code: l.province_code,
        district_code: l.district_code,
        commune_code: l.commune_code,
        levels: l.levels,
        state: 'draft',
        created_by: actor.username,
        created_at: now,
        updated_at: now,
      });
      const items = await eligibleIn(trx, p, rule, { column: 'commune_code', code: l.commune_code }, l.ref_date);
      const onApproved = await entriesRepo.approvedKeys(trx, p.id, l.period, l.commune_code);
      const entries = items
        .filter((i) => !onApproved.has(i.entry.beneficiary_key))
        .map((i) => ({ ...i.entry, period: l.period, list_id: newId, created_at: now }));
      await entriesRepo.insertEntries(trx, entries, database.sqlite);
      await entriesRepo.refreshTotals(trx, [newId], now);
      await audit({
        action: 'program_list.supplementary',
        entity: 'program_list',
        entityId: newId,
        areaCode: l.commune_code,
        after: { parentListId: l.id, entries: entries.length },
      });
      return newId;
    });
    return listDetail(actor, id);
  };
}
