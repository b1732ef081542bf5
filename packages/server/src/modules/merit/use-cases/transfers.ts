import {
  MERIT_DOSSIER_TYPES,
  parseMeritDossierCode,
  searchKey,
  transferRefusal,
  type IncomingTransferBody,
  type OpenItem,
  type TransferRequestBody,
  type TransferStepBody,
} from '@ansinh/domain';
import type { z } from 'zod';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { meritPolicy, meritRecordArea } from '../merit.policy.js';
import { meritPresenter } from '../merit.presenter.js';
import { meritReaders } from '../repo/readers.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import { transfersRepo } from '../repo/transfers.repo.js';
import type { MeritContext } from './context.js';
import type { Records } from './records.js';

const WHAT = 'Phiếu di chuyển hồ sơ';
const NEXT: Record<'out' | 'in', Record<string, readonly string[]>> = {
  out: { slip: ['requested'], posted: ['slip_issued'], returned: ['posted'], registered: [] },
  in: { slip: [], posted: [], registered: ['posted'], returned: ['posted'] },
};

/**
 * Moving a dossier between provinces (NĐ 131/2021 Art. 131): the person's request (Mẫu 27), the
 * transfer slip (Mẫu 93) within 12 days, posting; at the receiving province, registration within
 * 12 days or return with reasons. Open items are settled before the move; payment continues from
 * the date on the slip. A province not on AnSinh gets the printed forms.
 */
export function transfers(c: MeritContext, rec: Records) {
  async function openItems(recordId: number, personId: number): Promise<OpenItem[]> {
    const items: OpenItem[] = [];
    if (await transfersRepo.openTransfers(c.db, recordId))
      items.push({ kind: 'open_dossier', label: 'một phiếu di chuyển khác đang mở' });
    const pending = await transfersRepo.pendingDecisions(c.db, recordId, c.today());
    if (pending) items.push({ kind: 'pending_decision', label: `${pending} quyết định chưa đến ngày ký` });
    const dossiers = await meritReaders.openDossiers(c.db, personId);
    if (dossiers) items.push({ kind: 'open_dossier', label: `${dossiers} hồ sơ thủ tục đang giải quyết` });
    return items;
  }

  const out = (t: Parameters<typeof meritPresenter.transfer>[0]) => meritPresenter.transfer(t, c.cal, c.today());

  return {
    async listTransfers(actor: Actor) {
      meritPolicy.guard(actor, 'read');
      return (await transfersRepo.list(c.db, actor)).map(out);
    },

    /** The person asks to move: refused, changing nothing, while items are open. */
    async requestTransfer(actor: Actor, b: z.infer<typeof TransferRequestBody>) {
      const r = await rec.loadRecord(actor, b.recordId, 'manage');
      if (b.toProvinceCode === r.province_code)
        throw errors.validation([
          { path: 'body.toProvinceCode', message: 'Tỉnh nơi đến phải khác tỉnh đang quản lý hồ sơ.' },
        ]);
      if (r.state !== 'managed')
        throw errors.conflict('MERIT_RECORD_NOT_MANAGED', 'Hồ sơ đang chuyển hoặc đã chuyển đi; không lập phiếu mới.');
      const refusal = transferRefusal(await openItems(Number(r.id), Number(r.person_id)));
      if (refusal) throw errors.conflict('MERIT_TRANSFER_OPEN_ITEMS', refusal);
      const id = await inTransaction(c.database, actor, async (trx, audit) => {
        const at = c.nowIso();
        const tid = await transfersRepo.insert(trx, {
          record_id: Number(r.id),
          direction: 'out',
          other_province_code: b.toProvinceCode,
          person_name: r.full_name,
          dossier_code: r.dossier_code,
          state: 'requested',
          requested_on: b.requestedOn,
          province_code: r.province_code,
          district_code: r.district_code,
          commune_code: r.commune_code,
          created_at: at,
          updated_at: at,
        });
        await recordsRepo.updateRecord(trx, Number(r.id), { state: 'transferring', updated_at: at });
        await audit({
          action: 'merit.transfer.request',
          entity: 'merit_transfer',
          entityId: tid,
          areaCode: r.commune_code,
          after: b,
        });
        return tid;
      });
      return out((await transfersRepo.get(c.db, id))!);
    },

    /** A dossier arriving from another province (a slip received on paper or from AnSinh). */
    async receiveTransfer(actor: Actor, b: z.infer<typeof IncomingTransferBody>) {
      const codes = await c.communeCodes(b.communeCode, 'body.communeCode');
      meritPolicy.guard(actor, 'manage', codes);
      const id = await inTransaction(c.database, actor, async (trx, audit) => {
        const at = c.nowIso();
        const tid = await transfersRepo.insert(trx, {
          record_id: null,
          direction: 'in',
          other_province_code: b.fromProvinceCode,
          person_name: b.personName,
          dossier_code: b.dossierCode.toUpperCase(),
          state: 'posted',
          requested_on: b.slipOn,
          slip_no: b.slipNo,
          slip_on: b.slipOn,
          received_on: b.receivedOn,
          ...codes,
          created_at: at,
          updated_at: at,
        });
        await audit({
          action: 'merit.transfer.receive',
          entity: 'merit_transfer',
          entityId: tid,
          areaCode: codes.commune_code,
          after: b,
        });
        return tid;
      });
      return out((await transfersRepo.get(c.db, id))!);
    },

    /** The next step of a transfer: slip, posted (sending end), registered or returned (receiving end). */
    async transferStep(actor: Actor, id: number, b: z.infer<typeof TransferStepBody>) {
      const t = await transfersRepo.get(c.db, id);
      if (!t) throw errors.notFound(WHAT);
      meritPolicy.guard(actor, 'manage', meritRecordArea(t), WHAT);
      const dir = t.direction as 'out' | 'in';
      if (!NEXT[dir][b.step]!.includes(t.state))
        throw errors.conflict(
          'MERIT_TRANSFER_STEP',
          `Phiếu đang ở bước "${t.state}"; không thể chuyển sang "${b.step}".`,
        );
      if (b.on < t.requested_on)
        throw errors.validation([{ path: 'body.on', message: 'Ngày không được trước ngày đề nghị di chuyển.' }]);
      if (b.step === 'slip' && !b.slipNo)
        throw errors.validation([{ path: 'body.slipNo', message: 'Nhập số phiếu di chuyển hồ sơ (Mẫu 93).' }]);
      if (b.step === 'returned' && !b.reason)
        throw errors.validation([{ path: 'body.reason', message: 'Ghi rõ lý do trả lại hồ sơ.' }]);
      let person: Awaited<ReturnType<typeof meritReaders.person>> | undefined;
      if (b.step === 'registered') {
        person = b.personId ? await meritReaders.person(c.db, b.personId) : undefined;
        if (!person || person.province_code !== t.province_code)
          throw errors.validation([
            { path: 'body.personId', message: 'Chọn người trong sổ hộ của tỉnh để đăng ký quản lý.' },
          ]);
      }
      await inTransaction(c.database, actor, async (trx, audit) => {
        const at = c.nowIso();
        if (b.step === 'slip')
          await transfersRepo.update(trx, id, {
            state: 'slip_issued',
            slip_no: b.slipNo!,
            slip_on: b.on,
            updated_at: at,
          });
        if (b.step === 'posted') {
          await transfersRepo.update(trx, id, { state: 'posted', posted_on: b.on, updated_at: at });
          await recordsRepo.updateRecord(trx, Number(t.record_id), { state: 'transferred_out', updated_at: at });
        }
        if (b.step === 'returned') {
          await transfersRepo.update(trx, id, {
            state: 'returned',
            returned_on: b.on,
            return_reason: b.reason!,
            updated_at: at,
          });
          if (dir === 'out')
            await recordsRepo.updateRecord(trx, Number(t.record_id), { state: 'managed', updated_at: at });
        }
        if (b.step === 'registered' && person) {
          const parsed = parseMeritDossierCode(t.dossier_code);
          const category =
            (Object.entries(MERIT_DOSSIER_TYPES).find(([, v]) => v === parsed?.type)?.[0] as string | undefined) ?? 'g';
          const recordId = await recordsRepo.insertRecord(trx, {
            person_id: person.id,
            full_name: person.full_name,
            name_key: searchKey(person.full_name),
            category,
            degree: null,
            dossier_code: t.dossier_code,
            custodian: 'Sở',
            retention: 'permanent',
            state: 'managed',
            province_code: person.province_code,
            district_code: person.district_code,
            commune_code: person.commune_code,
            created_at: at,
            updated_at: at,
          });
          await transfersRepo.update(trx, id, {
            state: 'registered',
            registered_on: b.on,
            record_id: recordId,
            updated_at: at,
          });
        }
        await audit({
          action: `merit.transfer.${b.step}`,
          entity: 'merit_transfer',
          entityId: id,
          areaCode: t.commune_code,
          before: { state: t.state },
          after: b,
        });
      });
      return out((await transfersRepo.get(c.db, id))!);
    },
  };
}
