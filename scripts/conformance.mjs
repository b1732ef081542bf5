#!/usr/bin/env node
/**
 * Run the SPDCI compliance suite (Social Registry profile) against a freshly started AnSinh.
 * See docs/modules/interop.md "Running the suite".
 *
 *   node scripts/conformance.mjs [--suite DIR] [--tags EXPR] [--port N]
 *
 * The suite is never installed into AnSinh's own dependencies: it is copied to a scratch folder
 * and `npm ci` runs there. AnSinh runs from its build (packages/server/dist, built if missing)
 * on SQLite, or on PostgreSQL when DATABASE_URL is set (a fresh database is created on that
 * server and dropped afterwards). A demo province with few persons and a test partner are
 * created by the `ansinh` CLI. Prints "N passed, N failed" and exits non-zero on any failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    suite: { type: 'string' },
    tags: { type: 'string', default: '@profile=sr-registry and @tier=core' },
    port: { type: 'string', default: String(18_000 + Math.floor(Math.random() * 1000)) },
  },
});
// CI has shared/ beside the clone; a developer's worktree may sit one level deeper.
const suiteSrc = path.resolve(
  values.suite ??
    process.env.SPDCI_SUITE_DIR ??
    ['../shared', '../../shared']
      .map((s) => path.join(root, s, 'conformance/spdci-compliance'))
      .find((p) => fs.existsSync(path.join(p, 'package.json'))) ??
    path.join(root, '../shared/conformance/spdci-compliance'),
);
if (!fs.existsSync(path.join(suiteSrc, 'package.json'))) {
  console.error(`SPDCI suite not found at ${suiteSrc} (use --suite DIR or SPDCI_SUITE_DIR)`);
  process.exit(2);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-spdci-'));
const suite = path.join(scratch, 'suite');
fs.cpSync(suiteSrc, suite, { recursive: true, filter: (s) => !s.includes(`${path.sep}node_modules`) });
for (const f of walk(suite)) fs.chmodSync(f.path, f.dir ? 0o755 : 0o644);
console.log(`[conformance] suite copied to ${suite}; npm ci …`);
run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: suite });

const cli = path.join(root, 'packages/server/dist/cli/main.js');
if (!fs.existsSync(cli))
  run(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/domain', 'packages/server'],
    { cwd: root },
  );

const port = Number(values.port);
const secret = randomBytes(24).toString('base64url');
const clientId = 'spdci-test-partner';
const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  ANSINH_DEMO_PASSWORD: process.env.ANSINH_DEMO_PASSWORD ?? `demo-${randomBytes(6).toString('hex')}`,
  ANSINH_DEMO_PERSONS: '300',
  ANSINH_SEED_DEMO: 'false',
  SQLITE_PATH: path.join(scratch, 'ansinh.db'),
  API_DOCS: 'off',
};
let dropPg = null;
if (/^postgres/.test(process.env.DATABASE_URL ?? '')) {
  const { default: pg } = await import('pg');
  const name = `ansinh_spdci_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
  dropPg = async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
} else env.DATABASE_URL = '';

console.log(`[conformance] AnSinh on ${env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, port ${port}`);
run(process.execPath, [cli, 'seed', 'demo'], { cwd: root, env });
run(
  process.execPath,
  [
    cli,
    'partners',
    'create',
    '--name',
    'SPDCI compliance suite',
    '--client-id',
    clientId,
    '--secret',
    secret,
    '--area',
    '70',
    '--fields',
    'identifier,name,sex,birth_date,location,household,memberships',
    '--purposes',
    'conformance-test',
    '--callback-prefix',
    'http://127.0.0.1:',
  ],
  { cwd: root, env },
);
const server = spawn(process.execPath, [cli, 'serve'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
let code = 1;
try {
  await waitReady(`http://127.0.0.1:${port}/readyz`);
  const tokenRes = await fetch(`http://127.0.0.1:${port}/api/v1/dci/oauth2/client/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  if (!tokenRes.ok) throw new Error(`token endpoint answered ${tokenRes.status}`);
  const { access_token: token } = await tokenRes.json();
  const out = path.join(scratch, 'cucumber.txt');
  const r = spawnSync(
    path.join(suite, 'node_modules/.bin/cucumber-js'),
    ['--tags', values.tags, '--format', 'summary', '--format', `message:${path.join(scratch, 'messages.ndjson')}`],
    {
      cwd: suite,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        API_BASE_URL: `http://127.0.0.1:${port}/api/v1/dci/`,
        DOMAIN: 'social',
        DCI_AUTH_TOKEN: token,
        CALLBACK_SERVER_ENABLED: 'true',
        CALLBACK_WAIT_MS: '20000',
        QUIET_LOGS: '1',
      },
    },
  );
  fs.writeFileSync(out, `${r.stdout}\n${r.stderr}`);
  console.log(
    r.stdout
      .split('\n')
      .filter((l) => /scenarios?|steps?|✖|failed|Error|AssertionError/i.test(l))
      .slice(-40)
      .join('\n'),
  );
  const m = /(\d+) scenarios? \(([^)]*)\)/.exec(r.stdout);
  const total = m ? Number(m[1]) : 0;
  const passed = m ? Number(/(\d+) passed/.exec(m[2])?.[1] ?? 0) : 0;
  const failed = total - passed;
  console.log(`[conformance] full output: ${out}`);
  console.log(`${passed} passed, ${failed} failed`);
  code = r.status === 0 && total > 0 && failed === 0 ? 0 : 1;
} catch (e) {
  console.error(`[conformance] ${e instanceof Error ? e.message : e}`);
  console.log('0 passed, 1 failed');
} finally {
  server.kill('SIGTERM');
  await new Promise((res) => server.once('exit', res));
  if (dropPg) await dropPg().catch(() => undefined);
}
process.exit(code);

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`[conformance] ${cmd} ${args.slice(0, 3).join(' ')} … failed (${r.status})`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

async function waitReady(url) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('AnSinh did not become ready in 60 s');
}

function* walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      yield { path: p, dir: true };
      yield* walk(p);
    } else yield { path: p, dir: false };
  }
}
