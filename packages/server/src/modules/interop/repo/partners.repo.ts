import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { InteropPartnersTable } from '../../../db/schema-interop.js';

export type PartnerRow = Selectable<InteropPartnersTable>;
export type NewPartner = Insertable<InteropPartnersTable>;

/** Registered partner systems and their access tokens (stored hashed). */
export const partnersRepo = {
  async insert(db: Executor, row: NewPartner): Promise<number> {
    const r = await db.insertInto('interop_partners').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  byClientId(db: Executor, clientId: string) {
    return db.selectFrom('interop_partners').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  },
  byId(db: Executor, id: number) {
    return db.selectFrom('interop_partners').selectAll().where('id', '=', id).executeTakeFirst();
  },
  list(db: Executor, provinceCode: string | null) {
    let q = db.selectFrom('interop_partners').selectAll().orderBy('id');
    if (provinceCode) q = q.where('province_code', '=', provinceCode);
    return q.execute();
  },
  byInboundHash(db: Executor, hash: string) {
    return db.selectFrom('interop_partners').selectAll().where('inbound_hash', '=', hash).executeTakeFirst();
  },
  async setInboundHash(db: Executor, id: number, hash: string) {
    await db.updateTable('interop_partners').set({ inbound_hash: hash }).where('id', '=', id).execute();
  },
  async insertToken(
    db: Executor,
    row: { token_hash: string; partner_id: number; province_code: string; expires_at: string; created_at: string },
  ) {
    await db.insertInto('interop_tokens').values(row).execute();
  },
  /** The active partner holding an unexpired token. */
  partnerByToken(db: Executor, tokenHash: string, now: string) {
    return db
      .selectFrom('interop_tokens as t')
      .innerJoin('interop_partners as p', 'p.id', 't.partner_id')
      .selectAll('p')
      .where('t.token_hash', '=', tokenHash)
      .where('t.expires_at', '>', now)
      .where('p.active', '=', 1)
      .executeTakeFirst();
  },
  async purgeTokens(db: Executor, now: string) {
    await db.deleteFrom('interop_tokens').where('expires_at', '<=', now).execute();
  },
};
