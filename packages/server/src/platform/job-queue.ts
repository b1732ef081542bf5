import PgBoss from 'pg-boss';
import type { Config } from '../config.js';

/**
 * Background work (imports, the outboxes …) goes through one small interface, so that nothing
 * assumes one process (docs/operations/several-servers.md):
 * - on PostgreSQL, pg-boss: jobs are rows of the `pgboss` schema, taken by whichever server's
 *   worker asks first (`FOR UPDATE SKIP LOCKED` inside pg-boss), retried when a handler fails,
 *   and failed again (so retried elsewhere) when a server stops in the middle;
 * - on SQLite (one process by construction), the same handlers run in this process, after the
 *   current request, one at a time per job name.
 * Handlers must be safe to run twice (a crash between the work and its acknowledgement runs it
 * again): the import job claims its row with a lease, the outboxes claim their messages.
 */
export interface JobOptions {
  /** Attempts after the first when the handler throws. */
  retries?: number;
  /** pg-boss fails (and retries) a job still running after this long. */
  expireSeconds?: number;
}

export interface JobQueue {
  readonly kind: 'in-process' | 'pg-boss';
  /** Register the handler of a job name (before the first send). The last definition wins. */
  define<T extends object>(name: string, handler: (data: T) => Promise<void>, opts?: JobOptions): void;
  /** Queue a job; any server's worker (on SQLite: this process) runs it. */
  send<T extends object>(name: string, data: T): Promise<void>;
  /** Start the workers (serve() does it at start; a send also does it). */
  start(): Promise<void>;
  /** Let the running jobs finish (up to a timeout) and stop; queued jobs wait for another server. */
  stop(): Promise<void>;
  /** Resolve once no job of this process is queued or running (tests, the benchmark). */
  idle(): Promise<void>;
}

interface Definition {
  handler: (data: object) => Promise<void>;
  opts: JobOptions;
}

type Log = (msg: string, err: unknown) => void;
const warn: Log = (msg, err) => process.emitWarning(`${msg}: ${err instanceof Error ? err.message : String(err)}`);

/** SQLite: the handlers run in this process, in order of sending, off the request that sent them. */
export function createInProcessQueue(log: Log = warn): JobQueue {
  const defs = new Map<string, Definition>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  async function run(name: string, data: object): Promise<void> {
    const def = defs.get(name);
    if (!def) throw new Error(`No handler for job ${name}`);
    for (let attempt = 0; ; attempt++) {
      try {
        await def.handler(data);
        return;
      } catch (err) {
        if (attempt >= (def.opts.retries ?? 2)) return log(`job ${name} failed`, err);
      }
    }
  }

  return {
    kind: 'in-process',
    define(name, handler, opts = {}) {
      defs.set(name, { handler: handler as Definition['handler'], opts });
    },
    async send(name, data) {
      if (stopped) throw new Error(`Job queue stopped: ${name} not sent`);
      const p = new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(name, data));
      running.add(p);
      void p.finally(() => running.delete(p));
    },
    async start() {
      stopped = false;
    },
    async stop() {
      stopped = true;
      await this.idle();
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
  };
}

/**
 * PostgreSQL: pg-boss in the same database (its own schema `pgboss`, created on first start).
 * Started lazily on the first send, or by serve(); each defined name gets a queue and a worker
 * polling every second (a send from this process wakes its worker at once).
 */
export function createPgBossQueue(
  url: string,
  opts: { maintenanceSeconds?: number; pollSeconds?: number } = {},
  log: Log = warn,
): JobQueue {
  const defs = new Map<string, Definition>();
  const workers = new Map<string, string>();
  const inFlight = new Set<Promise<unknown>>();
  let boss: PgBoss | null = null;
  let starting: Promise<PgBoss> | null = null;

  async function startBoss(): Promise<PgBoss> {
    const b = new PgBoss({
      connectionString: url,
      max: 3,
      application_name: 'ansinh-jobs',
      maintenanceIntervalSeconds: opts.maintenanceSeconds ?? 60,
    });
    b.on('error', (err: unknown) => log('pg-boss', err));
    await b.start();
    for (const [name, def] of defs) await addWorker(b, name, def);
    boss = b;
    return b;
  }

  async function addWorker(b: PgBoss, name: string, def: Definition): Promise<void> {
    await b.createQueue(name, {
      name,
      retryLimit: def.opts.retries ?? 2,
      retryDelay: 1,
      expireInSeconds: def.opts.expireSeconds ?? 15 * 60,
    });
    const id = await b.work<object>(name, { pollingIntervalSeconds: opts.pollSeconds ?? 1, batchSize: 1 }, (jobs) => {
      const p = Promise.all(jobs.map((j) => def.handler(j.data)));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p)).catch(() => undefined);
      return p;
    });
    workers.set(name, id);
  }

  const queue: JobQueue = {
    kind: 'pg-boss',
    define(name, handler, o = {}) {
      defs.set(name, { handler: handler as Definition['handler'], opts: o });
      if (boss && !workers.has(name)) void addWorker(boss, name, defs.get(name)!).catch((e) => log('pg-boss work', e));
    },
    async start() {
      if (boss) return;
      starting ??= startBoss().catch((err: unknown) => {
        starting = null;
        throw err;
      });
      await starting;
    },
    async send(name, data) {
      await queue.start();
      await boss!.send(name, data);
      const id = workers.get(name);
      if (id) boss!.notifyWorker(id);
    },
    async stop() {
      const b = boss ?? (starting ? await starting.catch(() => null) : null);
      boss = null;
      starting = null;
      workers.clear();
      if (b) await b.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
  return queue;
}

/** The queue for this configuration: pg-boss on PostgreSQL, in-process on SQLite. */
export function createJobQueue(config: Pick<Config, 'database'>, log?: Log): JobQueue {
  return config.database.kind === 'postgres'
    ? createPgBossQueue(config.database.url, {}, log)
    : createInProcessQueue(log);
}
