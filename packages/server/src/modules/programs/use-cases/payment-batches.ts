import type { BatchOut, PaymentChannel } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { agencyScope, areaColumnScope, codesOfCommune } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { programsPolicy } from '../programs.policy.js';
import { presentBatch, presentEntry } from '../programs.presenter.js';
import { areasReader } from '../repo/areas.repo.js';
import { entriesRepo } from '../repo/entries.repo.js';
import { paymentsRepo, type BatchJoined } from '../repo/payments.repo.js';
import type { ProgramsDeps } from './load.js';
import { LEVEL_COLUMN } from './read-lists.js';

/** A batch the actor may pay: 404 outside their area (or for an actor with no area). */
export async function loadBatch(ex: Executor, actor: Actor, id: number): Promise<BatchJoined> {
  const b = await paymentsRepo.batch(ex, id);
  if (!b) throw errors.notFound('Đợt chi trả');
  programsPolicy.guard(actor, 'pay', { areaPath: b.area_path, agencyCode: b.program_agency_code }, 'Đợt chi trả');
  return b;
}

const inKind = (kind: string) => kind === 'in_kind' || kind === 'health_card';

/**
 * Payment batches: the approved entries of an area not yet in a batch, by channel; the list of
 * batches in the actor's area; one batch and its entries.
 */
export function paymentBatchesUseCases({ database }: ProgramsDeps) {
  const db = database.db;
  const present = async (ex: Executor, b: BatchJoined) => presentBatch(b, await paymentsRepo.progress(ex, b.id));

  return {
    async createBatch(
      actor: Actor,
      body: { programId: number; period: string; channel: PaymentChannel; areaCode?: string },
    ): Promise<BatchOut> {
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const program = await paymentsRepo.program(trx, body.programId);
        if (!program) throw errors.notFound('Chương trình');
        programsPolicy.guard(actor, 'pay', { provinceCode: program.province_code }, 'Chương trình');
        if (inKind(program.kind) !== (body.channel === 'in_kind')) {
          throw errors.validation([
            {
              path: 'body.channel',
              message: inKind(program.kind)
                ? 'Chương trình hiện vật: chọn hình thức "Cấp phát hiện vật".'
                : 'Chọn hình thức chi tiền.',
            },
          ]);
        }
        const code = body.areaCode ?? actor.areaCode;
        if (!code) throw errors.validation([{ path: 'body.areaCode', message: 'Chọn địa bàn chi trả.' }]);
        const area = await areasReader.byCode(trx, code);
        if (!area) throw errors.notFound('Địa bàn');
        programsPolicy.guard(actor, 'pay', { areaPath: area.path }, 'Địa bàn');
        const codes = codesOfCommune(code, area.path);
        const batchId = await paymentsRepo.insertBatch(trx, {
          program_id: body.programId,
          period: body.period,
          channel: body.channel,
          area_code: code,
          province_code: codes.province_code,
          district_code: area.level >= 2 ? codes.district_code : null,
          commune_code: area.level === 3 ? code : null,
          created_by: actor.username,
          created_at: nowIso(),
        });
        const { n, t } = await paymentsRepo.fillBatch(trx, batchId, {
          programId: body.programId,
          period: body.period,
          column: LEVEL_COLUMN[area.level] ?? 'commune_code',
          code,
        });
        if (n === 0) {
          throw errors.conflict(
            'NOTHING_TO_PAY',
            'Không có người nào trong danh sách đã phê duyệt chưa vào đợt chi trả ở địa bàn này.',
          );
        }
        await audit({
          action: 'payment_batch.create',
          entity: 'payment_batch',
          entityId: batchId,
          areaCode: code,
          after: { ...body, entries: n, total: t },
        });
        return batchId;
      });
      return present(db, await loadBatch(db, actor, id));
    },

    async batches(actor: Actor, q: { programId?: number; limit: number; offset: number }) {
      programsPolicy.guard(actor, 'pay');
      const { rows, total } = await paymentsRepo.batches(db, {
        scope: areaColumnScope(actor),
        agency: agencyScope(actor),
        ...q,
      });
      return { items: await Promise.all(rows.map((b) => present(db, b))), total };
    },

    async batch(actor: Actor, id: number) {
      return present(db, await loadBatch(db, actor, id));
    },

    async batchEntries(actor: Actor, id: number, q: { q?: string; limit: number; offset: number }) {
      await loadBatch(db, actor, id);
      const { rows, total } = await entriesRepo.entriesPage(db, { batch_id: id }, q);
      return { items: rows.map(presentEntry), total };
    },
  };
}
