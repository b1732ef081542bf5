import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createChangeBus, type ChangeBus } from './change-bus.js';
import { createJobQueue, type JobQueue } from './job-queue.js';

/**
 * What lets several app servers share one database: the job queue and the change bus
 * (docs/operations/several-servers.md). One pair per opened database, so the services the CLI,
 * the demo seed and the app build over the same database share them; the app closes them.
 */
export interface Cluster {
  readonly queue: JobQueue;
  readonly bus: ChangeBus;
  close(): Promise<void>;
}

const clusters = new WeakMap<Database, Cluster>();

export function clusterOf(database: Database, config: Pick<Config, 'database'>): Cluster {
  let c = clusters.get(database);
  if (!c) {
    const queue = createJobQueue(config);
    const bus = createChangeBus(config);
    c = {
      queue,
      bus,
      async close() {
        clusters.delete(database);
        await queue.stop();
        await bus.close();
      },
    };
    clusters.set(database, c);
  }
  return c;
}
