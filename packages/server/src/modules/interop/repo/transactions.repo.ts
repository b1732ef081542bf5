import type { Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { InteropSubscriptionsTable, InteropTransactionsTable } from '../../../db/schema-interop.js';

export type TransactionRow = Selectable<InteropTransactionsTable>;
export type SubscriptionRow = Selectable<InteropSubscriptionsTable>;

/** Asynchronous transactions (their answers, for txn/status) and event subscriptions. */
export const transactionsRepo = {
  async insert(db: Executor, row: Omit<TransactionRow, 'id'>): Promise<void> {
    await db.insertInto('interop_transactions').values(row).execute();
  },
  async finish(db: Executor, correlationId: string, status: string, response: string, now: string) {
    await db
      .updateTable('interop_transactions')
      .set({ status, response, updated_at: now })
      .where('correlation_id', '=', correlationId)
      .execute();
  },
  /** A partner's transaction by its transaction_id (the latest) or by our correlation id. */
  find(db: Executor, partnerId: number, value: string) {
    return db
      .selectFrom('interop_transactions')
      .selectAll()
      .where('partner_id', '=', partnerId)
      .where((eb) => eb.or([eb('transaction_id', '=', value), eb('correlation_id', '=', value)]))
      .orderBy('id', 'desc')
      .executeTakeFirst();
  },
  async insertSubscription(db: Executor, row: Omit<SubscriptionRow, 'id'>): Promise<void> {
    await db.insertInto('interop_subscriptions').values(row).execute();
  },
  /** End a partner's subscriptions by code; returns the codes that were active. */
  async endSubscriptions(db: Executor, partnerId: number, codes: string[], now: string): Promise<string[]> {
    if (!codes.length) return [];
    const rows = await db
      .selectFrom('interop_subscriptions')
      .select('code')
      .where('partner_id', '=', partnerId)
      .where('code', 'in', codes)
      .where('status', '=', 'subscribe')
      .execute();
    const found = rows.map((r) => r.code);
    if (found.length)
      await db
        .updateTable('interop_subscriptions')
        .set({ status: 'unsubscribe', ended_at: now })
        .where('partner_id', '=', partnerId)
        .where('code', 'in', found)
        .execute();
    return found;
  },
  activeSubscriptions(db: Executor) {
    return db.selectFrom('interop_subscriptions').selectAll().where('status', '=', 'subscribe').orderBy('id').execute();
  },
};
