import type { PaymentState, RecordPaymentsBody, RecordResult } from '@ansinh/domain';
import type { Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { nowIso } from '../../../platform/context.js';
import { once } from '../../../platform/idempotency.js';
import { paymentsRepo } from '../repo/payments.repo.js';
import { CHUNK } from '../repo/types.js';
import type { ProgramsDeps } from './load.js';
import { loadBatch } from './payment-batches.js';

/** One entry to record: the day it was paid and the payer's voucher. */
export interface PaymentItem {
  id: number;
  paidOn: string;
  reference: string | null;
}

/**
 * Record a state for entries of a batch. An entry is paid at most once: `payments` has one row per
 * entry (a unique column), a paid row is never changed back to paid. Entries already paid are
 * reported, not paid again; entries outside the batch are reported. Runs in the caller's transaction.
 */
export async function recordPaymentItems(
  trx: Trx,
  actor: Actor,
  batchId: number,
  items: PaymentItem[],
  state: PaymentState,
  note: string | null,
): Promise<RecordResult> {
  const byId = new Map(items.map((it) => [it.id, it]));
  const ids = [...byId.keys()];
  const alreadyPaid: number[] = [];
  const notInBatch: number[] = [];
  let recorded = 0;
  const now = nowIso();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const entries = await paymentsRepo.entriesToRecord(trx, batchId, chunk);
    const found = new Set(entries.map((e) => e.id));
    for (const id of chunk) if (!found.has(id)) notInBatch.push(id);
    const fresh = [];
    const again: number[] = [];
    for (const e of entries) {
      if (e.pay_state === null) {
        if (state === 'returned') notInBatch.push(e.id);
        else fresh.push(e);
      } else if (e.pay_state === 'paid') {
        if (state === 'returned') again.push(e.id);
        else alreadyPaid.push(e.id);
      } else if (state !== 'returned') again.push(e.id);
      else notInBatch.push(e.id);
    }
    if (fresh.length > 0) {
      const inserted = await paymentsRepo.insertPayments(
        trx,
        fresh.map((e) => ({
          entry_id: e.id,
          batch_id: batchId,
          program_id: e.program_id,
          period: e.period,
          state,
          amount: e.amount + e.arrears_amount,
          quantity_milli: e.quantity_milli,
          paid_on: byId.get(e.id)!.paidOn,
          reference: byId.get(e.id)!.reference,
          note,
          recorded_by: actor.username,
          recorded_at: now,
          province_code: e.province_code,
          district_code: e.district_code,
          commune_code: e.commune_code,
        })),
      );
      recorded += inserted.length;
      // Rows another request inserted a moment ago are not ours: report them as already paid.
      const mine = new Set(inserted);
      for (const e of fresh) if (!mine.has(e.id)) alreadyPaid.push(e.id);
    }
    // Rows recorded before (failed, returned, or paid and now returned), by date and voucher.
    const groups = new Map<string, number[]>();
    for (const id of again) {
      const it = byId.get(id)!;
      const k = `${it.paidOn}|${it.reference ?? ''}`;
      groups.set(k, [...(groups.get(k) ?? []), id]);
    }
    for (const groupIds of groups.values()) {
      const it = byId.get(groupIds[0]!)!;
      recorded += await paymentsRepo.updatePayments(trx, groupIds, {
        state,
        paid_on: it.paidOn,
        reference: it.reference,
        note,
        recorded_by: actor.username,
        recorded_at: now,
      });
    }
  }
  return { recorded, alreadyPaid, notInBatch };
}

/** Record payments for entries of a batch, once per Idempotency-Key. */
export function recordPaymentsUseCase({ database }: ProgramsDeps) {
  return async function recordPayments(
    actor: Actor,
    batchId: number,
    body: RecordPaymentsBody,
    idempotencyKey: string | undefined,
  ): Promise<RecordResult> {
    const b = await loadBatch(database.db, actor, batchId);
    return once(database, actor, idempotencyKey, { batchId, body }, async (trx, audit) => {
      const items = body.entryIds.map((id) => ({ id, paidOn: body.paidOn, reference: body.reference ?? null }));
      const r = await recordPaymentItems(trx, actor, batchId, items, body.state, body.note ?? null);
      await audit({
        action: `payment.${body.state}`,
        entity: 'payment_batch',
        entityId: batchId,
        areaCode: b.area_code,
        after: {
          entries: body.entryIds.length > 50 ? `${body.entryIds.length} dòng` : body.entryIds,
          recorded: r.recorded,
          alreadyPaid: r.alreadyPaid.length,
          paidOn: body.paidOn,
          reference: body.reference ?? null,
        },
      });
      return r;
    });
  };
}
