import type { Database } from '../../../db/database.js';
import { SESSIONS_TOPIC, type ChangeBus } from '../../../platform/change-bus.js';
import { authRepo } from '../repo/auth.repo.js';

/** A kept entry is read again after this long, whatever happened (a net under the notices). */
const KEEP_MS = 30_000;
const MAX_ENTRIES = 20_000;

interface Kept<R> {
  id: string;
  row: R;
  at: number;
  expiresAt: number;
  lastSeenAt: number;
}

/** A session as resolved: its id (the sha256 of the token), its row, and the row's times in ms. */
export type Resolved<R> = Readonly<Kept<R>>;

const ms = (t: string | Date) => new Date(t).getTime();

/**
 * What a session resolves to, kept per app server (docs/operations/performance.md, "Sessions").
 * Every request needs its session, user, area and agency; reading them was most of an
 * authenticated read's cost on PostgreSQL (a round trip) and a sixth of it on SQLite. The database
 * tells every server when any of them changes (migration 0039), so a disabled account or a closed
 * session stops on the next request:
 * - SQLite: every request reads the change counter (one key lookup); a moved number drops all;
 * - PostgreSQL: the triggers' NOTIFY drops all on every server; while the listening connection is
 *   down nothing is kept (every request reads the database);
 * - this server's own writes drop all at once, before their answer leaves (`SESSIONS_TOPIC`).
 * Only sessions that exist are kept (an unknown token is read every time), an entry is read again
 * after 30 s or when the expiry it holds passes, and nothing read inside an open SQLite
 * transaction is kept (it may roll back). Kept by cookie token, so a hit hashes nothing.
 */
export function createSessionCache<R extends { expires_at: string | Date; last_seen_at: string | Date }>(deps: {
  database: Database;
  bus: ChangeBus;
}) {
  const { database, bus } = deps;
  const counter = authRepo.sessionChangeCounter(database);
  const kept = new Map<string, Kept<R>>();
  let generation = 0;
  let seen = counter ? counter() : 0;

  function forget(): void {
    kept.clear();
    generation++;
  }
  bus.subscribe(SESSIONS_TOPIC, forget);
  // An area moved or renamed (an import): the areas topic is told too, at once on this server.
  bus.subscribe('areas', forget);

  /** Whether what is kept may be trusted now (and dropped first if the database says it changed). */
  function trusted(): boolean {
    if (counter) {
      const n = counter();
      if (n !== seen) {
        forget();
        seen = n;
      }
      return !authRepo.inOpenTransaction(database);
    }
    return bus.live;
  }

  const entry = (id: string, row: R, at: number): Kept<R> => ({
    id,
    row: Object.freeze(row),
    at,
    expiresAt: ms(row.expires_at),
    lastSeenAt: ms(row.last_seen_at),
  });

  /** The session of cookie `token`, from what is kept or read by `read` (given the session id). */
  async function lookup(
    token: string,
    now: number,
    id: (token: string) => string,
    read: (id: string) => Promise<R | undefined>,
  ): Promise<Resolved<R> | undefined> {
    const trust = trusted();
    if (trust) {
      const hit = kept.get(token);
      if (hit && now - hit.at < KEEP_MS && hit.expiresAt > now) return hit;
    }
    const before = generation;
    const sessionId = id(token);
    const row = await read(sessionId);
    if (!row) return undefined;
    const found = entry(sessionId, row, now);
    // Kept only if nothing changed while it was read (a notice that came meanwhile may be about it).
    if (trust && before === generation && (counter !== null || bus.live)) {
      if (kept.size >= MAX_ENTRIES) kept.clear();
      kept.set(token, found);
    }
    return found;
  }

  /** The session was touched (its expiry slid forward): keep the new row as it is now. */
  function touched(token: string, id: string, row: R, now: number): Resolved<R> {
    const hit = kept.get(token);
    const next = entry(id, row, hit?.at ?? now);
    if (hit) kept.set(token, next);
    return next;
  }

  return { lookup, touched, forget };
}
