import { sql } from 'kysely';
import { preparedQuery, type Database, type Executor } from '../../../db/database.js';

/** Sessions and login attempts; the session lookup joins the user and their area in one query. */
export const authRepo = {
  /** The session lookup compiled once (a prepared statement on SQLite): it runs on every request. */
  sessionLookup(database: Database) {
    return preparedQuery(database, authRepo.findSessionQuery(database.db).compile());
  },

  /**
   * SQLite: a reader of the number the database raises whenever what a session resolves to
   * changes (migration 0039), one key lookup, read on every request. PostgreSQL: null (its
   * triggers notify instead).
   */
  sessionChangeCounter(database: Database): (() => number) | null {
    const sqlite = database.sqlite;
    if (!sqlite) return null;
    const stmt = sqlite.prepare('select n from auth_changes where id = 1').pluck();
    return () => Number(stmt.get());
  },

  /** Whether this connection is inside an open transaction (SQLite: what it reads may yet roll back). */
  inOpenTransaction(database: Database): boolean {
    return database.sqlite?.inTransaction ?? false;
  },

  findUserForLogin(db: Executor, username: string) {
    return db
      .selectFrom('users')
      .select(['id', 'username', 'password_hash', 'disabled', 'area_code'])
      .where('username', '=', username)
      .executeTakeFirst();
  },

  /**
   * The hot path of every request: one indexed lookup. Compiled once by the service; its
   * parameters are, in order: session id, now, 0 (not disabled).
   */
  findSessionQuery(db: Executor, id = '', now = '') {
    return (
      db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .innerJoin('areas as a', 'a.code', 'u.area_code')
        // The user's agency, of their own province (an agency code is unique within a province).
        .leftJoin('agencies as ag', (j) =>
          j.onRef('ag.code', '=', 'u.agency_code').on(sql<boolean>`a.path like '/' || ag.province_code || '/%'`),
        )
        .select([
          's.id',
          's.csrf_token',
          's.expires_at',
          's.last_seen_at',
          'u.id as user_id',
          'u.username',
          'u.full_name',
          'u.role',
          'u.area_code',
          'u.must_change_password',
          'a.name as area_name',
          'a.path as area_path',
          'a.level as area_level',
          'u.agency_code',
          'ag.name as agency_name',
        ])
        .where('s.id', '=', id)
        .where('s.expires_at', '>', now)
        .where('u.disabled', '=', 0)
    );
  },

  async createSession(
    db: Executor,
    s: {
      id: string;
      user_id: number;
      csrf_token: string;
      created_at: string;
      expires_at: string;
      ip: string | null;
      user_agent: string | null;
    },
  ): Promise<void> {
    await db
      .insertInto('sessions')
      .values({ ...s, last_seen_at: s.created_at })
      .execute();
  },

  async touchSession(db: Executor, id: string, now: string, expiresAt: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
  },

  async deleteSession(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },

  async deleteUserSessions(db: Executor, userId: number, exceptId?: string): Promise<void> {
    let q = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    await q.execute();
  },

  async deleteExpiredSessions(db: Executor, now: string): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  },

  async deleteAttemptsBefore(db: Executor, before: string): Promise<void> {
    await db.deleteFrom('login_attempts').where('at', '<', before).execute();
  },

  async recordAttempt(
    db: Executor,
    a: { username: string; ip: string; at: string; succeeded: number },
  ): Promise<number> {
    const r = await db.insertInto('login_attempts').values(a).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  async deleteAttempt(db: Executor, id: number): Promise<void> {
    await db.deleteFrom('login_attempts').where('id', '=', id).execute();
  },

  /**
   * Failures recorded before attempt `beforeId` since `since`, for the account and for the
   * address, with the oldest of each.
   */
  /**
   * Failures counted for throttling: of this account from this address, and of this address for
   * any account. Never of the account alone: anyone could then lock out any account by guessing
   * from elsewhere.
   */
  async failuresSince(db: Executor, username: string, ip: string, since: string, beforeId: number) {
    const byUser = await db
      .selectFrom('login_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where('username', '=', username)
      .where('ip', '=', ip)
      .where('at', '>', since)
      .where('succeeded', '=', 0)
      .where('id', '<', beforeId)
      .executeTakeFirstOrThrow();
    const byIp = await db
      .selectFrom('login_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where('ip', '=', ip)
      .where('at', '>', since)
      .where('succeeded', '=', 0)
      .where('id', '<', beforeId)
      .executeTakeFirstOrThrow();
    return { byUser, byIp };
  },

  /** After a successful sign-in: the failures of this account from this address are forgiven. */
  async clearFailures(db: Executor, username: string, ip: string): Promise<void> {
    await db
      .deleteFrom('login_attempts')
      .where('username', '=', username)
      .where('ip', '=', ip)
      .where('succeeded', '=', 0)
      .execute();
  },

  async setLastLogin(db: Executor, userId: number, at: string): Promise<void> {
    await db.updateTable('users').set({ last_login_at: at }).where('id', '=', userId).execute();
  },

  findPasswordHash(db: Executor, userId: number) {
    return db.selectFrom('users').select(['password_hash']).where('id', '=', userId).executeTakeFirst();
  },

  async setPassword(db: Executor, userId: number, hash: string, at: string): Promise<void> {
    await db
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, updated_at: at })
      .where('id', '=', userId)
      .execute();
  },
};
