import { entitlement, type AddEntryBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { listRecord, programsPolicy } from '../programs.policy.js';
import { candidatesRepo } from '../repo/candidates.repo.js';
import { entriesRepo } from '../repo/entries.repo.js';
import type { EntryRow } from '../repo/types.js';
import { loadList, loadProgram, ruleOn, type ProgramsDeps } from './load.js';

/** What the audit keeps of a removed entry. */
function entryAudit(e: EntryRow) {
  return {
    beneficiary: e.beneficiary_key,
    fullName: e.full_name,
    amount: e.amount,
    arrears: e.arrears_amount,
    quantityMilli: e.quantity_milli,
    manual: e.manual === 1,
  };
}

/** Manual additions and removals on a draft (or returned) list, each with a written reason. */
export function editEntriesUseCases({ database }: ProgramsDeps) {
  return {
    async addEntry(actor: Actor, listId: number, body: AddEntryBody) {
      return inTransaction(database, actor, async (trx, audit) => {
        const l = await loadList(trx, actor, listId, 'edit');
        const p = await loadProgram(trx, actor, l.program_id, 'read');
        const per = body.personId !== undefined ? 'person' : 'household';
        if (per !== p.per)
          throw errors.validation([
            {
              path: 'body',
              message:
                p.per === 'person'
                  ? 'Chương trình hỗ trợ theo người: chọn một người.'
                  : 'Chương trình hỗ trợ theo hộ: chọn một hộ.',
            },
          ]);
        const id = (body.personId ?? body.householdId)!;
        const rule = await ruleOn(trx, p.id, l.ref_date);
        const holder =
          per === 'person'
            ? (await candidatesRepo.personsByIds(trx, [id]))[0]
            : (await candidatesRepo.householdsByIds(trx, [id])).map((h) => ({
                ...h,
                full_name: h.full_name ?? `Hộ ${h.code}`,
              }))[0];
        const what = per === 'person' ? 'Người' : 'Hộ';
        if (!holder) throw errors.notFound(what);
        const where = {
          province_code: holder.province_code,
          district_code: holder.district_code,
          commune_code: holder.commune_code,
        };
        programsPolicy.guard(actor, 'edit', { ...listRecord(l), ...where }, what);
        if (holder.commune_code !== l.commune_code)
          throw errors.validation([{ path: 'body', message: 'Người/hộ này không thuộc xã của danh sách.' }]);
        const sts = await candidatesRepo.statusesOf(trx, per, [id], l.ref_date);
        const members = 'members' in holder ? Number(holder.members ?? 1) : 1;
        const ent = entitlement(
          rule.eligibility,
          rule.amount,
          { birthDate: holder.birth_date, statuses: sts, members },
          l.ref_date,
        );
        const amount = body.amount ?? ent?.amount;
        if (amount === undefined)
          throw errors.validation([
            { path: 'body.amount', message: 'Người này không thuộc diện theo quy định: nhập mức hỗ trợ và lý do.' },
          ]);
        const key = `${per === 'person' ? 'p' : 'h'}:${id}`;
        if (await entriesRepo.hasBeneficiary(trx, l.id, key))
          throw errors.conflict('ENTRY_EXISTS', `${holder.full_name} đã có trong danh sách.`);
        const now = nowIso();
        await entriesRepo.insertEntries(trx, [
          {
            list_id: l.id,
            program_id: p.id,
            period: l.period,
            person_id: per === 'person' ? id : null,
            household_id: per === 'household' ? id : null,
            beneficiary_key: key,
            full_name: holder.full_name,
            birth_date: holder.birth_date,
            citizen_id: holder.citizen_id,
            village: holder.village,
            category: ent?.category ?? null,
            amount,
            quantity_milli: Math.round((ent?.quantity ?? 0) * 1000),
            reason: ent ? ent.reason : 'Bổ sung theo đề nghị',
            manual: 1,
            manual_reason: body.reason,
            arrears_note: null,
            arrears_months: null,
            province_code: holder.province_code,
            district_code: holder.district_code,
            commune_code: holder.commune_code,
            created_at: now,
          },
        ]);
        await entriesRepo.refreshTotals(trx, [l.id], now);
        await audit({
          action: 'program_list.add_entry',
          entity: 'program_list',
          entityId: l.id,
          areaCode: l.commune_code,
          after: { beneficiary: `${per}:${id}`, amount, reason: body.reason },
        });
        return { ok: true };
      });
    },

    async removeEntry(actor: Actor, listId: number, entryId: number, reason: string) {
      return inTransaction(database, actor, async (trx, audit) => {
        const l = await loadList(trx, actor, listId, 'edit');
        const e = await entriesRepo.find(trx, l.id, entryId);
        if (!e) throw errors.notFound('Dòng danh sách');
        await entriesRepo.remove(trx, entryId);
        await entriesRepo.refreshTotals(trx, [l.id], nowIso());
        await audit({
          action: 'program_list.remove_entry',
          entity: 'program_list',
          entityId: l.id,
          areaCode: l.commune_code,
          before: entryAudit(e),
          after: { reason },
        });
        return { ok: true };
      });
    },
  };
}
