import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * What a session resolves to (docs/operations/performance.md, "Sessions"): every request reads its
 * session, its user, the user's area and agency. An app server keeps what it read, and the
 * database itself says when any of it changed, whoever changed it (an app server, the command
 * line, an administrator's SQL):
 * - SQLite: a counter, `auth_changes.n`, raised by triggers; every request reads that one row
 *   (a key lookup) and drops what it kept when the number moved. A write rolled back moves it
 *   back, which is a change too.
 * - PostgreSQL: the triggers send `NOTIFY ansinh_changes, 'sessions'` (at commit, to every
 *   listening server; the change bus, platform/change-bus.ts).
 * Touching a session (its expiry slides forward) is not a change: a server that kept the older
 * expiry reads the row again when that expiry passes.
 */
/** What SQLite watches (PostgreSQL compares the same columns inside its trigger function). */
const WATCHED: { table: string; on: string; when?: string }[] = [
  { table: 'sessions', on: 'delete' },
  {
    table: 'sessions',
    on: 'update',
    when: 'new.expires_at < old.expires_at or new.user_id <> old.user_id or new.csrf_token <> old.csrf_token',
  },
  {
    table: 'users',
    on: 'update of username, full_name, role, area_code, agency_code, disabled, must_change_password',
  },
  { table: 'users', on: 'delete' },
  { table: 'areas', on: 'update of name, path, level' },
  { table: 'areas', on: 'delete' },
  { table: 'agencies', on: 'insert' },
  { table: 'agencies', on: 'update' },
  { table: 'agencies', on: 'delete' },
];

const triggerName = (w: (typeof WATCHED)[number]) => `session_changes_${w.table}_${w.on.split(' ')[0]}`;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`create table auth_changes (id integer primary key check (id = 1), n integer not null)`.execute(db);
    await sql`insert into auth_changes (id, n) values (1, 0)`.execute(db);
    for (const w of WATCHED)
      await sql
        .raw(
          `create trigger ${triggerName(w)} after ${w.on} on ${w.table} for each row` +
            `${w.when ? ` when ${w.when}` : ''} begin update auth_changes set n = n + 1 where id = 1; end`,
        )
        .execute(db);
    return;
  }
  // The columns are compared inside the function, not named in the triggers: a trigger naming a
  // column would forbid a later migration to drop or rebuild it.
  await sql`
    create function ansinh_session_changed() returns trigger language plpgsql as $$
    begin
      -- A new session, user or area changes no session that exists; a new agency may name one.
      if tg_op = 'INSERT' and tg_table_name <> 'agencies' then
        return null;
      end if;
      if tg_op = 'UPDATE' then
        if tg_table_name = 'sessions' then
          if not (new.expires_at < old.expires_at or new.user_id <> old.user_id
                  or new.csrf_token <> old.csrf_token) then
            return null;
          end if;
        elsif tg_table_name = 'users' then
          if (new.username, new.full_name, new.role, new.area_code, new.agency_code, new.disabled,
              new.must_change_password) is not distinct from (old.username, old.full_name, old.role,
              old.area_code, old.agency_code, old.disabled, old.must_change_password) then
            return null;
          end if;
        elsif tg_table_name = 'areas' then
          if (new.name, new.path, new.level) is not distinct from (old.name, old.path, old.level) then
            return null;
          end if;
        end if;
      end if;
      perform pg_notify('ansinh_changes', 'sessions');
      return null;
    end $$`.execute(db);
  for (const table of ['sessions', 'users', 'areas', 'agencies'])
    await sql
      .raw(
        `create trigger session_changes_${table} after insert or update or delete on ${table} ` +
          `for each row execute function ansinh_session_changed()`,
      )
      .execute(db);
}
