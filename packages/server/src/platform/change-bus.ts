import pg from 'pg';
import type { Config } from '../config.js';

/**
 * "This changed, drop what you cached": told to every app server sharing the database
 * (docs/operations/several-servers.md). On PostgreSQL, LISTEN/NOTIFY: one listening connection
 * per process, opened on the first subscription and reopened if it drops (every subscriber is
 * told then too, since notices sent meanwhile were lost). On SQLite, in this process.
 *
 * Per-process caches that subscribe: the area tree (`areas`, modules/areas/use-cases/read-areas.ts)
 * and the resolved sessions (`sessions`, modules/auth/use-cases/session-cache.ts; on PostgreSQL the
 * database's own triggers send that one, migration 0039).
 */
export interface ChangeBus {
  readonly kind: 'in-process' | 'postgres';
  /** Call `fn` whenever `topic` changes, here or on another server. */
  subscribe(topic: string, fn: () => void): void;
  /** Tell every process (this one at once). */
  publish(topic: string): Promise<void>;
  /** Tell this process at once, when the others are told otherwise (the database's triggers). */
  publishHere(topic: string): void;
  /**
   * Whether a change made anywhere reaches this process: always in-process; on PostgreSQL while
   * the listening connection is open. A cache that must never be stale keeps nothing otherwise.
   */
  readonly live: boolean;
  /**
   * Resolves once every change committed before the call has been told here (PostgreSQL: a notice
   * of our own, sent after them, came back: notices arrive in commit order). For tests and tools
   * that change the database behind the app and must not race its notices.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'ansinh_changes';

/**
 * Told when a user, a session, an area or an agency changes: on PostgreSQL by the database's own
 * triggers (migration 0039); a writer in this process also tells this process at once
 * (`publishHere`), before its answer leaves.
 */
export const SESSIONS_TOPIC = 'sessions';

export function createInProcessBus(): ChangeBus {
  const subs = new Map<string, Set<() => void>>();
  const publishHere = (topic: string) => {
    for (const fn of subs.get(topic) ?? []) fn();
  };
  return {
    kind: 'in-process',
    live: true,
    subscribe(topic, fn) {
      const set = subs.get(topic) ?? new Set();
      set.add(fn);
      subs.set(topic, set);
    },
    async publish(topic) {
      publishHere(topic);
    },
    publishHere,
    async settled() {},
    async close() {
      subs.clear();
    },
  };
}

export function createPgBus(url: string): ChangeBus {
  const local = createInProcessBus();
  const topics = new Set<string>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  const waiting = new Map<string, () => void>();
  let pings = 0;

  const everyone = () => {
    for (const t of topics) void local.publish(t);
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, application_name: 'ansinh-listen' });
    c.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      const settle = waiting.get(n.payload);
      if (settle) {
        waiting.delete(n.payload);
        settle();
      } else void local.publish(n.payload);
    });
    c.on('error', () => undefined);
    c.on('end', () => {
      if (client !== c || closed) return;
      client = null;
      connecting = null;
      everyone();
      // Everything kept was dropped: whoever waits for their notices has what they waited for.
      for (const settle of waiting.values()) settle();
      waiting.clear();
      setTimeout(() => void listen(), 1000).unref();
    });
    await c.connect();
    await c.query(`listen ${CHANNEL}`);
    // Listening never keeps a process alive (a CLI command ends when its work does).
    (c as unknown as { connection?: { stream?: { unref?(): void } } }).connection?.stream?.unref?.();
    client = c;
  }

  function listen(): Promise<void> {
    if (closed) return Promise.resolve();
    connecting ??= connect().catch((err: unknown) => {
      connecting = null;
      process.emitWarning(`LISTEN ${CHANNEL}: ${err instanceof Error ? err.message : String(err)}`);
      setTimeout(() => void listen(), 5000).unref();
    });
    return connecting;
  }

  return {
    kind: 'postgres',
    get live() {
      return client !== null && !closed;
    },
    subscribe(topic, fn) {
      topics.add(topic);
      local.subscribe(topic, fn);
      void listen();
    },
    publishHere(topic) {
      local.publishHere(topic);
    },
    async settled() {
      await listen();
      const c = client;
      if (!c) return;
      const token = `settled:${process.pid}:${++pings}`;
      const back = new Promise<void>((resolve) => waiting.set(token, resolve));
      await c.query('select pg_notify($1, $2)', [CHANNEL, token]);
      await back;
    },
    async publish(topic) {
      // Our own process at once; the others (and ours again, harmlessly) through NOTIFY.
      await local.publish(topic);
      const c = new pg.Client({ connectionString: url, application_name: 'ansinh-notify' });
      await c.connect();
      try {
        await c.query('select pg_notify($1, $2)', [CHANNEL, topic]);
      } finally {
        await c.end();
      }
    },
    async close() {
      closed = true;
      await connecting;
      const c = client;
      client = null;
      await local.close();
      if (c) await c.end().catch(() => undefined);
    },
  };
}

export function createChangeBus(config: Pick<Config, 'database'>): ChangeBus {
  return config.database.kind === 'postgres' ? createPgBus(config.database.url) : createInProcessBus();
}
