import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createServices,
  loadConfig,
  migrateToLatest,
  openDatabase,
  seedDemo,
  type Config,
  type Database,
  type Services,
} from '@ansinh/server';

/** The demo accounts' password in benches that seed their own database. */
export const BENCH_PASSWORD = 'bench-password-123';

/**
 * A fresh SQLite file in a temporary folder, migrated and seeded with the demo province (no
 * persons), for benches that write their own records straight into it. The caller closes the
 * database and removes `tmp`; a failure here cleans up before it is thrown.
 */
export interface SeededBench {
  tmp: string;
  config: Config;
  database: Database;
  services: Services;
}

export async function openSeededBench(prefix: string): Promise<SeededBench> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `ansinh-bench-${prefix}-`));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    SQLITE_PATH: path.join(tmp, 'bench.db'),
    LOG_LEVEL: 'silent',
  });
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    const services = createServices(database, config);
    await seedDemo(database, services, BENCH_PASSWORD, { persons: 0, dataDir: config.dataDir });
    return { tmp, config, database, services };
  } catch (err) {
    await database.close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
