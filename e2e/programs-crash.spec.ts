import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The server is killed (SIGKILL, no shutdown) while officers record a payment batch. Afterwards
 * every entry is paid once or not at all, every payment the server acknowledged is there, and
 * sending the same requests again (same Idempotency-Keys) pays the rest exactly once.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'e2e-crash-password';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-crash-'));
const dbPath = path.join(tmp, 'crash.db');
const port = 18_000 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;
let child: ChildProcess | null = null;

async function start(): Promise<void> {
  child = spawn(process.execPath, [path.join(root, 'packages/server/dist/cli/main.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      SQLITE_PATH: dbPath,
      LOG_LEVEL: 'warn',
      ANSINH_SEED_DEMO: 'true',
      ANSINH_DEMO_PASSWORD: PASSWORD,
      ANSINH_DEMO_PERSONS: '6000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      /* starting */
    }
    if (Date.now() > until || child.exitCode !== null) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function login(username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
}

beforeAll(async () => {
  await start();
}, 150_000);
afterAll(async () => {
  child?.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a crash during a payment batch', () => {
  it('leaves every entry paid once or not at all; retries with the same keys finish the batch exactly once', async () => {
    let api = await login('tinh.chuyenvien');
    // A demo program whose approved entries in the second half of the districts wait for payment.
    const programs = (await (await api('GET', '/api/v1/programs')).json()) as { items: { id: number; code: string }[] };
    const program = programs.items.find((p) => p.code === 'TET2021-BTXH')!;
    const batchRes = await api('POST', '/api/v1/payment-batches', {
      programId: program.id,
      period: '2021',
      channel: 'commune_cash',
      areaCode: '70',
    });
    expect(batchRes.status).toBe(201);
    const batch = (await batchRes.json()) as { id: number; entriesCount: number };
    expect(batch.entriesCount).toBeGreaterThan(8);
    const entries = (await (await api('GET', `/api/v1/payment-batches/${batch.id}/entries?limit=500`)).json()) as {
      items: { id: number }[];
    };
    const ids = entries.items.map((e) => e.id);

    // One request per entry, four at a time, each with its own key; the server is killed midway.
    const key = (id: number) => `crash-test-${batch.id}-${id}`;
    const acknowledged = new Set<number>();
    const send = (id: number) =>
      api(
        'POST',
        `/api/v1/payment-batches/${batch.id}/payments`,
        { entryIds: [id], state: 'paid', paidOn: '2021-02-05' },
        { 'idempotency-key': key(id) },
      );
    let next = 0;
    const killAt = Math.floor(ids.length / 2);
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        if (next === killAt) child!.kill('SIGKILL');
        try {
          const res = await send(id);
          if (res.ok) acknowledged.add(id);
        } catch {
          /* the server is gone */
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    if (child!.exitCode === null && child!.signalCode === null) await new Promise((r) => child!.once('exit', r));
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(ids.length);

    // Straight from the database file, as the crash left it.
    const db = new SQLite(dbPath, { readonly: true });
    const rows = db
      .prepare('select entry_id, count(*) as n, max(state) as state from payments where batch_id = ? group by entry_id')
      .all(batch.id) as { entry_id: number; n: number; state: string }[];
    db.close();
    expect(rows.every((r) => r.n === 1 && r.state === 'paid')).toBe(true);
    const paid = new Set(rows.map((r) => r.entry_id));
    for (const id of acknowledged) expect(paid.has(id)).toBe(true);

    // Restart and send every request again with its key: each entry ends paid exactly once.
    await start();
    api = await login('tinh.chuyenvien');
    let recorded = 0;
    for (const id of ids) {
      const res = await send(id);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { recorded: number; alreadyPaid: number[] };
      recorded += body.recorded;
      // A request the crash cut off may have committed before its answer was lost: then it reports already paid.
      if (!acknowledged.has(id) && !paid.has(id)) expect(body.recorded).toBe(1);
    }
    const after = (await (await api('GET', `/api/v1/payment-batches/${batch.id}`)).json()) as {
      paidCount: number;
      entriesCount: number;
    };
    expect(after.paidCount).toBe(ids.length);
    // Every key answers "recorded 1": the first time, or replayed from the stored answer.
    expect(recorded).toBe(ids.length);
    const db2 = new SQLite(dbPath, { readonly: true });
    const dup = db2
      .prepare(
        'select count(*) as n from (select entry_id from payments where batch_id = ? group by entry_id having count(*) > 1)',
      )
      .get(batch.id) as { n: number };
    const total = db2.prepare('select count(*) as n from payments where batch_id = ?').get(batch.id) as { n: number };
    db2.close();
    expect(dup.n).toBe(0);
    expect(total.n).toBe(ids.length);
  }, 240_000);
});
