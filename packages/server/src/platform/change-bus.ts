import pg from 'pg';
import type { Config } from '../config.js';

/**
 * "This changed, drop what you cached": told to every app server sharing the database
 * (docs/operations/several-servers.md). On PostgreSQL, LISTEN/NOTIFY: one listening connection
 * per process, opened on the first subscription and reopened if it drops (every subscriber is
 * told then too, since notices sent meanwhile were lost). On SQLite, in this process.
 *
 * Per-process caches that subscribe: the area tree (`areas`, modules/areas/use-cases/read-areas.ts).
 */
export interface ChangeBus {
  readonly kind: 'in-process' | 'postgres';
  /** Call `fn` whenever `topic` changes, here or on another server. */
  subscribe(topic: string, fn: () => void): void;
  /** Tell every process (this one at once). */
  publish(topic: string): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'ansinh_changes';

export function createInProcessBus(): ChangeBus {
  const subs = new Map<string, Set<() => void>>();
  return {
    kind: 'in-process',
    subscribe(topic, fn) {
      const set = subs.get(topic) ?? new Set();
      set.add(fn);
      subs.set(topic, set);
    },
    async publish(topic) {
      for (const fn of subs.get(topic) ?? []) fn();
    },
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

  const everyone = () => {
    for (const t of topics) void local.publish(t);
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, application_name: 'ansinh-listen' });
    c.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) void local.publish(n.payload);
    });
    c.on('error', () => undefined);
    c.on('end', () => {
      if (client !== c || closed) return;
      client = null;
      connecting = null;
      everyone();
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
    subscribe(topic, fn) {
      topics.add(topic);
      local.subscribe(topic, fn);
      void listen();
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
