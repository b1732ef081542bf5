import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type Services } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../seed/demo.js';

export const DEMO_PASSWORD = 'demo-password-for-tests';

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  database: Database;
  config: Config;
  /** Sign in and return what a client keeps: the cookie and the CSRF token. */
  login(username: string, password?: string): Promise<Session>;
  /** Sign several users in at once; the sessions come back in the same order, typed as a tuple. */
  loginAll<const T extends readonly string[]>(usernames: T): Promise<{ [K in keyof T]: Session }>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Call the API as this user (CSRF header included for unsafe methods). */
  inject(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

/**
 * A real database per test file: a temporary SQLite file, or a fresh PostgreSQL database when
 * DATABASE_URL points at a server (npm run test:pg). Migrated and seeded with the demo province.
 */
export async function createTestContext(
  opts: { seed?: boolean; persons?: number; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const baseUrl = process.env.DATABASE_URL;
  let dropPg: (() => Promise<void>) | null = null;
  let tmpDir: string | null = null;
  const env: Record<string, string | undefined> = {
    ...process.env,
    LOG_LEVEL: 'silent',
    ANSINH_DEMO_PASSWORD: DEMO_PASSWORD,
    ...opts.env,
  };
  if (baseUrl && /^postgres/.test(baseUrl)) {
    const name = `ansinh_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(baseUrl);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    dropPg = async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } catch {
        // FORCE may not end an autovacuum worker (a superuser's process) for a role without that
        // right; a plain DROP waits for it to be cancelled, so try that a few times instead.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`drop database if exists ${name}`);
            break;
          } catch (err) {
            if (attempt >= 10) throw err;
            await new Promise((r) => setTimeout(r, 500 * attempt));
          }
        }
      } finally {
        await c.end();
      }
    };
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-test-'));
    env.DATABASE_URL = '';
    env.SQLITE_PATH = path.join(tmpDir, 'test.db');
  }
  const config = loadConfig(env);
  const database = openDatabase(config);
  await migrateToLatest(database);
  const { app, services } = await buildApp(config, database, { logger: false });
  if (opts.seed !== false)
    await seedDemo(database, services, DEMO_PASSWORD, { persons: opts.persons ?? 0, dataDir: config.dataDir });
  await app.ready();

  const ctx: TestContext = {
    app,
    services,
    database,
    config,
    loginAll<const T extends readonly string[]>(usernames: T) {
      return Promise.all(usernames.map((u) => ctx.login(u))) as Promise<{ [K in keyof T]: Session }>;
    },
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'ansinh_sid')!;
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      const session: Session = {
        cookie: `${cookie.name}=${cookie.value}`,
        csrf,
        inject: (method, url, body) =>
          app.inject({
            method,
            url,
            headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) },
            ...(body === undefined ? {} : { payload: body as object }),
          }),
      };
      return session;
    },
    async close() {
      await app.close();
      await database.close();
      if (dropPg) await dropPg();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  };
  return ctx;
}
