import { buildApp, createServices } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { checkpointOffThread, refreshPlannerStatistics } from './db/maintenance.js';
import { migrateToLatest } from './db/migrate.js';
import { isEmpty, seedDemo, type DemoResult } from './seed/demo.js';
import { purgePublicAttempts } from './platform/throttle.js';

function printDemo(demo: DemoResult, url: string): void {
  const lines = [
    '',
    '  AnSinh — tỉnh demo Bình Phước (mã 70) đã được tạo / demo province seeded',
    `  Mở / open: ${url}`,
    demo.password
      ? `  Mật khẩu chung của các tài khoản demo / demo password: ${demo.password}`
      : '  Mật khẩu demo: giá trị của ANSINH_DEMO_PASSWORD / demo password: the value of ANSINH_DEMO_PASSWORD',
    '  Tài khoản / accounts:',
    ...demo.accounts
      .filter((a, i) => i < 5 || a.username.startsWith('huyen.') || /^xa\.25(21[0-9])$/.test(a.username))
      .map((a) => `    ${a.username.padEnd(16)} ${a.role.padEnd(17)} ${a.areaName}`),
    `    … và ${demo.accounts.filter((a) => a.username.startsWith('xa.')).length} tài khoản xa.<mã xã>, một cho mỗi xã (ansinh users list)`,
    '',
  ];
  console.log(lines.join('\n'));
}

/** Open the database, migrate, seed the demo when asked and empty, and listen. */
export async function serve(config: Config): Promise<void> {
  const database = openDatabase(config);
  await migrateToLatest(database);
  let demo: DemoResult | null = null;
  if (config.seedDemo) {
    const services = createServices(database, config);
    if (await isEmpty(services))
      demo = await seedDemo(database, services, config.demoPassword, {
        persons: config.demoPersons,
        dataDir: config.dataDir,
      });
  }
  const { app, services } = await buildApp(config, database);
  // Background jobs: this server's workers take jobs from the queue (pg-boss on PostgreSQL, shared
  // by every server; in-process on SQLite), and jobs whose server died are sent again.
  await services.cluster.queue.start();
  const resume = () => {
    void services.registryImport.resumeStale().catch((err: unknown) => app.log.error({ err }, 'resume failed'));
    void services.jobs.resumeStale().catch((err: unknown) => app.log.error({ err }, 'resume failed'));
  };
  resume();
  const resumer = setInterval(resume, config.jobLeaseMs);
  resumer.unref();
  // SQLite: the WAL is checkpointed in the database worker, not by the commit that fills it.
  const stopCheckpoints = checkpointOffThread(database);
  // Housekeeping: at start and every hour, off the request path. The planner's statistics first:
  // a SQLite database that never had them gets plans that can be a hundred times slower (written
  // in the database worker, so no request waits behind the event loop for them).
  const purge = async () => {
    // Plans only get worse without them: a failure is logged, and the server serves on.
    await refreshPlannerStatistics(database).then(
      (stats) => app.log.info(stats, 'planner statistics refreshed'),
      (err: unknown) => app.log.warn({ err }, 'planner statistics not refreshed'),
    );
    await services.auth.purgeExpired();
    await purgePublicAttempts(database.db);
    await services.registryImport.purgeChecks();
    await services.jobs.purge();
  };
  await purge();
  const housekeeping = setInterval(
    () => void purge().catch((err: unknown) => app.log.error({ err }, 'purge failed')),
    3600_000,
  );
  housekeeping.unref();
  // Notifications to applicants: the outbox is drained by the configured channel. Every server
  // drains; a message is claimed before it is sent, so two servers never send it twice.
  const outbox = setInterval(
    () => void services.dossiers.drainOutbox().catch((err: unknown) => app.log.error({ err }, 'outbox failed')),
    15_000,
  );
  outbox.unref();
  // Partners: callbacks and registry-event notifications, retried until delivered. The changes
  // since the last sweep are taken by one server (a shared mark), the outbox claimed per message.
  const interop = setInterval(() => {
    void services.interop
      .notifyDue()
      .then(() => services.interop.drainOutbox())
      .catch((err: unknown) => app.log.error({ err }, 'interop outbox failed'));
  }, 15_000);
  interop.unref();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    stopCheckpoints(); // the main connection checkpoints as it closes
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  if (demo) printDemo(demo, url);
  else console.log(`\n  AnSinh đang chạy / running at ${url} (${database.dialect})\n`);
}
