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
import { generateKeyPairSync, randomBytes } from 'node:crypto';
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
    'no-crvs': { type: 'boolean', default: false },
    /** Register the test partner with an Ed25519 key: unsigned requests are then refused (security tier). */
    signed: { type: 'boolean', default: false },
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
// Hex: a secret starting with '-' would be read as an option by the CLI's argument parser.
const secret = randomBytes(24).toString('hex');
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
  ANSINH_PUBLIC_URL: `http://127.0.0.1:${port}`,
  API_DOCS: 'off',
  ANSINH_NOTIFY_CHANNEL: 'none',
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
    `--secret=${secret}`,
    '--area',
    '70',
    '--fields',
    'identifier,name,sex,birth_date,location,household,memberships',
    '--purposes',
    'conformance-test',
    '--callback-prefix',
    'http://127.0.0.1:',
    ...signedArgs(),
  ],
  { cwd: root, env },
);
const crvsPort = port + 1000;
const crvsSecret = randomBytes(24).toString('hex');
if (!values['no-crvs'])
  run(
    process.execPath,
    [
      cli,
      'partners',
      'create',
      '--kind',
      'crvs',
      '--name',
      'CRVS mock',
      '--client-id',
      'crvs-mock',
      `--secret=${crvsSecret}`,
      '--area',
      '70',
      '--fields',
      'identifier',
      '--purposes',
      'civil-status',
      '--base-url',
      `http://127.0.0.1:${crvsPort}`,
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
  let passed = m ? Number(/(\d+) passed/.exec(m[2])?.[1] ?? 0) : 0;
  let failed = total - passed;
  console.log(`[conformance] SPDCI ${values.tags}: ${passed}/${total} scenarios passed; full output: ${out}`);
  if (!values['no-crvs']) {
    const c = await crvsChecks(token);
    passed += c.passed;
    failed += c.failed;
  }
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
// The scratch folder (suite, its node_modules, the database) is kept only when something failed.
if (code === 0 && !process.env.KEEP_SCRATCH) fs.rmSync(scratch, { recursive: true, force: true });
else console.log(`[conformance] scratch folder kept: ${scratch}`);
process.exit(code);

/**
 * AnSinh as a CRVS client, against the suite's mock CRVS registry: the subscribe request is valid
 * for the CRVS spec, a death notification that arrives twice is applied once (one proposal), and
 * one for a person AnSinh does not know is kept for review.
 */
async function crvsChecks(token) {
  const results = [];
  const check = (name, ok, detail = '') => {
    results.push(ok);
    console.log(`[crvs] ${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
  };
  const mock = spawn(process.execPath, ['common/mock-server/server.mjs'], {
    cwd: suite,
    env: { ...process.env, DOMAIN: 'crvs', PORT: String(crvsPort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const mockUrl = `http://127.0.0.1:${crvsPort}`;
  try {
    await waitReady(`${mockUrl}/admin/healthcheck`);
    const sub = spawnSync(process.execPath, [cli, 'crvs', 'subscribe', '--client-id', 'crvs-mock'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    const notifyUri = /(http\S+\/registry\/notify)/.exec(sub.stdout)?.[1];
    check('subscribe to the CRVS registry', sub.status === 0 && !!notifyUri, sub.stdout + sub.stderr);
    const recorded = await (await fetch(`${mockUrl}/admin/requests/registry%2Fsubscribe`)).json();
    const last = recorded.requests.at(-1);
    check('subscribe request valid for the CRVS spec', !!last?.validation?.valid, JSON.stringify(last?.validation));
    await new Promise((r) => setTimeout(r, 500));
    check('on-subscribe callback accepted by AnSinh', last?.callback?.status === 200, JSON.stringify(last?.callback));
    if (!notifyUri) return tally(results);
    // A living person of the province, found through the SR API itself.
    const found = await fetch(`http://127.0.0.1:${port}/api/v1/dci/registry/sync/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        header: {
          message_id: 'c1',
          message_ts: new Date().toISOString(),
          action: 'search',
          sender_id: 'ci',
          total_count: 1,
        },
        message: {
          transaction_id: 'c1',
          search_request: [
            {
              reference_id: 'c1',
              timestamp: new Date().toISOString(),
              search_criteria: {
                query_type: 'predicate',
                query: [
                  { seq_num: 1, expression1: { attribute_name: 'location', operator: 'eq', attribute_value: '70' } },
                ],
                pagination: { page_size: 50, page_number: 1 },
              },
            },
          ],
        },
      }),
    }).then((r) => r.json());
    const cid = found.message.search_response[0].data.reg_records
      .map((p) => p.identifier?.[0]?.identifier_value)
      .find(Boolean);
    const notice = (ref, id) => ({
      header: {
        version: '1.0.0',
        message_id: `n-${ref}`,
        message_ts: new Date().toISOString(),
        action: 'notify',
        sender_id: 'crvs-mock',
        total_count: 1,
      },
      message: {
        transaction_id: `t-${ref}`,
        notify_event: [
          {
            reference_id: ref,
            timestamp: new Date().toISOString(),
            data: {
              version: '1.0.0',
              reg_type: 'ns:org:RegistryType:CRVS',
              reg_event_type: 'spdci-common:RegistryEventType:Death',
              reg_record_type: 'Person',
              reg_records: { identifier: { identifier_type: 'UIN', identifier_value: id }, death_date: '2026-11-02' },
            },
          },
        ],
      },
    });
    const trigger = (payload) =>
      fetch(`${mockUrl}/admin/trigger-callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: notifyUri, payload }),
      }).then((r) => r.json());
    const t1 = await trigger(notice('death-1', cid));
    const t2 = await trigger(notice('death-1', cid));
    const t3 = await trigger(notice('death-unknown', '070099000001'));
    check(
      'notifications delivered by the mock',
      [t1, t2, t3].every((t) => t.status === 200),
      JSON.stringify([t1, t2, t3]),
    );
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tinh.chuyenvien', password: env.ANSINH_DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const events = await fetch(`http://127.0.0.1:${port}/api/v1/interop/crvs-events?state=proposed,unmatched`, {
      headers: { cookie },
    }).then((r) => r.json());
    const proposals = Array.isArray(events) ? events.filter((e) => e.citizenId === cid) : [];
    check(
      'a death notified twice is one proposal',
      proposals.length === 1 && proposals[0].state === 'proposed',
      JSON.stringify(events).slice(0, 300),
    );
    const unknown = Array.isArray(events) ? events.filter((e) => e.citizenId === '070099000001') : [];
    check(
      'an unknown person is kept for review',
      unknown.length === 1 && unknown[0].state === 'unmatched',
      JSON.stringify(unknown),
    );
  } catch (e) {
    check('CRVS client against the mock', false, e instanceof Error ? e.message : String(e));
  } finally {
    mock.kill('SIGTERM');
  }
  return tally(results);
}

/** With --signed: an Ed25519 key for the test partner (the suite signs nothing, so only refusals can be tested). */
function signedArgs() {
  if (!values.signed) return [];
  const { publicKey } = generateKeyPairSync('ed25519');
  const file = path.join(scratch, 'partner.pub.pem');
  fs.writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
  return ['--signature', 'ed25519', '--public-key-file', file];
}

function tally(results) {
  const passed = results.filter(Boolean).length;
  console.log(`[conformance] CRVS client checks: ${passed}/${results.length} passed`);
  return { passed, failed: results.length - passed };
}

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
