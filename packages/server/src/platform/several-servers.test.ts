import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackgroundJobOut, ImportJobOut } from '@ansinh/domain';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import type { Session, TestContext } from '../test/helpers.js';
import { until } from '../test/wait.js';

/**
 * Several app servers on one PostgreSQL database (docs/operations/several-servers.md): server A is
 * the test context's app, server B a second app over its own connection pool, and for the crash a
 * third server runs as a child process (`ansinh serve`) that is killed in the middle of an import.
 * SQLite is one process by construction (one writer, in-process queue): nothing to race there.
 */
const onPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');

/** Loaded only on PostgreSQL, so the skipped file costs the SQLite suite nothing. */
const load = async () => ({
  ...(await import('../app.js')),
  ...(await import('../db/database.js')),
  ...(await import('../modules/dossiers/index.js')),
  ...(await import('../modules/interop/repo/marks.repo.js')),
  ...(await import('../test/helpers.js')),
  ...(await import('../test/factories.js')),
  ...(await import('../test/fixtures.js')),
});
let m: Awaited<ReturnType<typeof load>>;
const LEASE_SECONDS = 2;

let ctx: TestContext;
let databaseB: Database;
let appB: FastifyInstance;
let servicesB: Services;

describe.skipIf(!onPostgres)('several app servers on one database (PostgreSQL only: set DATABASE_URL)', () => {
  beforeAll(async () => {
    m = await load();
    ctx = await m.createTestContext({ env: { ANSINH_JOB_LEASE_SECONDS: String(LEASE_SECONDS) } });
    databaseB = m.openDatabase(ctx.config);
    ({ app: appB, services: servicesB } = await m.buildApp(ctx.config, databaseB, { logger: false }));
    await appB.ready();
  }, 60_000);
  afterAll(async () => {
    await appB?.close();
    await databaseB?.close();
    await ctx?.close();
  });

  /** The same session (sessions live in the database) sent to server A or B. */
  const on = (app: FastifyInstance, s: Session, url: string, body: object, key: string) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': key },
      payload: body,
    });

  it('payment race: two officers on two servers record the same payment, exactly one succeeds', async () => {
    const { programId, communeCode } = await m.buildList(ctx, { stage: 'approved', persons: [{}, {}] });
    const svc = ctx.services.programs.payments;
    const batch = await svc.createBatch(m.factoryActor, {
      programId,
      period: '2025',
      channel: 'post_office',
      areaCode: communeCode,
    });
    const [entry] = (await svc.batchEntries(m.factoryActor, batch.id, { limit: 50, offset: 0 })).items;
    const province = await ctx.login('tinh.chuyenvien');
    const body = { entryIds: [entry!.id], state: 'paid', paidOn: '2025-01-22', reference: 'PC-001' };
    const url = `/api/v1/payment-batches/${batch.id}/payments`;
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([
        on(ctx.app, province, url, body, `race-a-${round}-${batch.id}`),
        on(appB, province, url, body, `race-b-${round}-${batch.id}`),
      ]);
      expect(a.statusCode, a.body).toBe(200);
      expect(b.statusCode, b.body).toBe(200);
      const recorded = [a.json().recorded, b.json().recorded];
      expect(recorded.sort()).toEqual(round === 0 ? [0, 1] : [0, 0]);
    }
    const paid = await ctx.database.db
      .selectFrom('payments')
      .select(['entry_id', 'state'])
      .where('entry_id', '=', entry!.id)
      .execute();
    expect(paid).toEqual([{ entry_id: entry!.id, state: 'paid' }]);
  });

  it('outbox: N notifications drained by both servers at once are each sent exactly once', async () => {
    const d = await m.buildDossier(ctx);
    const db = ctx.database.db;
    await db.updateTable('dossier_outbox').set({ state: 'sent' }).where('state', '=', 'pending').execute();
    const N = 60;
    const at = new Date(Date.now() - 1000).toISOString();
    await db
      .insertInto('dossier_outbox')
      .values(
        Array.from({ length: N }, (_, i) => ({
          dossier_id: d.id,
          kind: 'test',
          recipient: `09000000${String(i).padStart(2, '0')}`,
          message: `message ${i}`,
          state: 'pending',
          attempts: 0,
          next_attempt_at: at,
          created_at: at,
        })),
      )
      .execute();
    const sent: string[] = [];
    const channel = (server: string) => ({
      name: server,
      async send(_to: string, text: string) {
        await new Promise((r) => setTimeout(r, 2));
        sent.push(text);
      },
    });
    const counts = await Promise.all([
      m.drainOutbox(ctx.database, channel('A'), new Date()),
      m.drainOutbox(databaseB, channel('B'), new Date()),
      m.drainOutbox(ctx.database, channel('A'), new Date()),
      m.drainOutbox(databaseB, channel('B'), new Date()),
    ]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(N);
    expect(sent).toHaveLength(N);
    expect(new Set(sent).size).toBe(N);
    // Both servers took part (each claims batches of 10 while the other sends).
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(1);
    const left = await db
      .selectFrom('dossier_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dossier_id', '=', d.id)
      .where('state', '!=', 'sent')
      .executeTakeFirstOrThrow();
    expect(left.n).toBe(0);
  });

  it('an area list imported on one server drops the cached area tree of the other (LISTEN/NOTIFY)', async () => {
    const list = (name: string) =>
      ['code,parent,type,name', '98,,province,Tỉnh Chín Tám', `988,98,district,${name}`, ''].join('\n');
    const opts = (id: string) => ({ listId: id, validFrom: '2025-07-01', validTo: null });
    await ctx.services.areas.importList(m.factoryActor, list('Huyện Cũ'), opts('test-98-a'));
    const names = async () => (await servicesB.areas.list(m.factoryActor, { parent: '98' })).items.map((a) => a.name);
    expect(await names()).toEqual(['Huyện Cũ']); // now cached on B (for up to a minute)
    await ctx.services.areas.importList(m.factoryActor, list('Huyện Mới'), opts('test-98-b'));
    await waitFor(async () => (await names())[0] === 'Huyện Mới', 5_000);
  });

  it('an account disabled on one server stops on the other once the notice arrives (a millisecond or so)', async () => {
    const officer = await ctx.login('huyen.690');
    const me = (app: FastifyInstance) =>
      app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: officer.cookie } });
    expect((await me(appB)).statusCode).toBe(200);
    expect((await me(appB)).statusCode).toBe(200); // now kept on B
    const admin = await ctx.login('admin');
    const id = await m.userIdOf(ctx, 'huyen.690');
    const t0 = performance.now();
    expect((await admin.inject('PATCH', `/api/v1/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await me(ctx.app)).statusCode).toBe(401); // the server that wrote: at once
    await servicesB.cluster.bus.settled();
    const delay = performance.now() - t0;
    expect((await me(appB)).statusCode).toBe(401);
    expect(delay).toBeLessThan(1_000);
  });

  it('a periodic sweep (partner notifications) is taken by one server per window', async () => {
    const name = `test.sweep.${Date.now()}`;
    expect(await m.marksRepo.advance(ctx.database.db, name, new Date(Date.now() - 60_000).toISOString())).toBeNull();
    for (let i = 0; i < 5; i++) {
      const now = new Date(Date.now() - 50_000 + i * 1000).toISOString();
      const got = await Promise.all([
        m.marksRepo.advance(ctx.database.db, name, now),
        m.marksRepo.advance(databaseB.db, name, now),
        m.marksRepo.advance(ctx.database.db, name, now),
        m.marksRepo.advance(databaseB.db, name, now),
      ]);
      expect(got.filter((g) => g !== null)).toHaveLength(1);
    }
  });

  it('an import killed on one server is finished by another, and applied once', async () => {
    const ROWS = 20_000;
    const lines = ['Mã hộ,Họ và tên,Giới tính,Ngày sinh,Số CCCD,Dân tộc,Quan hệ với chủ hộ,Mã xã,Thôn/ấp/tổ'];
    for (let i = 0; i < ROWS; i++) {
      const yy = 50 + (i % 40);
      lines.push(
        `K${i},Lò Văn Khánh ${i},Nam,01/01/19${yy},0700${yy}${String(800000 + i).padStart(6, '0')},Kinh,Chủ hộ,25213,Ấp ${i % 9}`,
      );
    }
    const csv = Buffer.from(lines.join('\n'));
    const xa = await ctx.login('xa.25213');
    const persons = async () =>
      (
        await ctx.database.db
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('full_name', 'like', 'Lò Văn Khánh %')
          .executeTakeFirstOrThrow()
      ).n;

    // Server C, a real process: it takes the upload, starts the job, and is killed mid-run.
    const port = await freePort();
    const c = startServer(port);
    try {
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true,
        60_000,
      );
      const form = new FormData();
      form.append('file', new Blob([csv]), 'killed.csv');
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/registry/imports?mode=commit`, {
        method: 'POST',
        headers: { cookie: xa.cookie, 'x-csrf-token': xa.csrf },
        body: form,
      });
      expect(res.status, await res.clone().text()).toBe(202);
      const job = (await res.json()) as ImportJobOut;
      // Its progress, written to the database while it runs, shows it is in the middle.
      await waitFor(async () => {
        const j = await ctx.database.db
          .selectFrom('import_jobs')
          .select(['state', 'done'])
          .where('id', '=', job.id)
          .executeTakeFirstOrThrow();
        expect(j.state).toBe('running');
        return j.done > 0;
      }, 30_000);
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
      expect(await persons()).toBe(0);

      // Server B notices the lease ran out (serve() asks every lease) and finishes the job.
      let finished: ImportJobOut | null = null;
      await waitFor(async () => {
        await servicesB.registryImport.resumeStale();
        const r = (
          await appB.inject({
            method: 'GET',
            url: `/api/v1/registry/imports/${job.id}`,
            headers: { cookie: xa.cookie },
          })
        ).json() as ImportJobOut;
        if (r.state !== 'running') finished = r;
        return r.state !== 'running';
      }, 120_000);
      expect(finished).toMatchObject({ state: 'done', counts: { total: ROWS, new: ROWS, rejected: 0 } });
      expect(await persons()).toBe(ROWS);
      const input = await ctx.database.db
        .selectFrom('import_job_inputs')
        .select('attempts')
        .where('job_id', '=', job.id)
        .executeTakeFirst();
      expect(input).toBeUndefined();
    } finally {
      if (c.exitCode === null) c.kill('SIGKILL');
    }
  }, 240_000);

  it('a list generation started on a server that dies is finished by another, generated once', async () => {
    const ROWS = 20_000;
    const C = await m.nextCommune(ctx);
    const xa = await ctx.login(`xa.${C}`);
    const db = ctx.database.db;
    // The commune's people (a registry import through server B), all on social assistance.
    const lines = ['Mã hộ,Họ và tên,Giới tính,Ngày sinh,Số CCCD,Dân tộc,Quan hệ với chủ hộ,Mã xã,Thôn/ấp/tổ'];
    for (let i = 0; i < ROWS; i++) {
      const yy = 50 + (i % 40);
      const cid = `0701${yy}${String(200000 + i).padStart(6, '0')}`;
      lines.push(`G${C}-${i},Lò Thị Gen ${i},Nữ,01/01/19${yy},${cid},Kinh,Chủ hộ,${C},Ấp ${i % 9}`);
    }
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(lines.join('\n'))]), 'gen.csv');
    const imported = await appB.inject({
      method: 'POST',
      url: '/api/v1/registry/imports?mode=commit',
      headers: { cookie: xa.cookie, 'x-csrf-token': xa.csrf },
      payload: form,
    });
    expect(imported.statusCode, imported.body).toBe(202);
    await waitFor(async () => {
      const j = (
        await appB.inject({
          method: 'GET',
          url: `/api/v1/registry/imports/${imported.json().id}`,
          headers: { cookie: xa.cookie },
        })
      ).json() as ImportJobOut;
      if (j.state === 'failed') throw new Error(j.message ?? 'import failed');
      return j.state === 'done';
    }, 120_000);
    const now = new Date().toISOString();
    await db
      .insertInto('statuses')
      .columns([
        'kind',
        'subject',
        'person_id',
        'category',
        'valid_from',
        'decision_no',
        'decision_date',
        'province_code',
        'district_code',
        'commune_code',
        'created_at',
      ])
      .expression((eb) =>
        eb
          .selectFrom('persons')
          .select((s) => [
            s.val('social_assistance').as('kind'),
            s.val('person').as('subject'),
            'id',
            s.val('5a').as('category'),
            s.val('2024-01-01').as('valid_from'),
            s.val('12/QĐ-UBND').as('decision_no'),
            s.val('2024-01-01').as('decision_date'),
            'province_code',
            'district_code',
            'commune_code',
            s.val(now).as('created_at'),
          ])
          .where('commune_code', '=', C)
          .where('full_name', 'like', 'Lò Thị Gen %'),
      )
      .execute();
    // An age condition keeps the generation in the application (eligibility read, then entries
    // written in batches), the slow path a crash can cut.
    const program = await m.buildProgram(ctx, {
      rule: {
        validFrom: '2025-01-01',
        eligibility: { per: 'person', any: [{ status: 'social_assistance', minAge: 18 }] },
        amount: { type: 'fixed', amount: 500_000 },
      },
    });
    const counts = async () => {
      const lists = await db.selectFrom('program_lists').select('id').where('program_id', '=', program.id).execute();
      const entries = await db
        .selectFrom('list_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('program_id', '=', program.id)
        .executeTakeFirstOrThrow();
      return { lists: lists.length, entries: entries.n };
    };

    // Server C, a real process, takes the request, starts the job, and is killed mid-run.
    const port = await freePort();
    const c = startServer(port);
    try {
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true,
        60_000,
      );
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/programs/${program.id}/lists`, {
        method: 'POST',
        headers: { cookie: xa.cookie, 'x-csrf-token': xa.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ communeCode: C }),
      });
      expect(res.status, await res.clone().text()).toBe(202);
      const job = (await res.json()) as BackgroundJobOut;
      const row = () =>
        db
          .selectFrom('background_jobs')
          .select(['state', 'attempts'])
          .where('id', '=', job.id)
          .executeTakeFirstOrThrow();
      await waitFor(async () => (await row()).state === 'running', 30_000);
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
      // Cut in the middle: the job still holds C's lease, and its transaction left nothing.
      expect(await row()).toEqual({ state: 'running', attempts: 1 });
      expect(await counts()).toEqual({ lists: 0, entries: 0 });

      // Server B notices the lease ran out (serve() asks every lease) and finishes the job.
      let finished: BackgroundJobOut | null = null;
      await waitFor(async () => {
        await servicesB.jobs.resumeStale();
        const r = (
          await appB.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}`, headers: { cookie: xa.cookie } })
        ).json() as BackgroundJobOut;
        if (r.state === 'done' || r.state === 'failed') finished = r;
        return finished !== null;
      }, 120_000);
      expect(finished).toMatchObject({
        state: 'done',
        result: { lists: 1, entries: ROWS },
        progress: { done: ROWS, total: ROWS },
      });
      expect(await counts()).toEqual({ lists: 1, entries: ROWS });
      expect((await row()).attempts).toBe(2);
      // Sent again (a later sweep): nothing runs twice.
      await servicesB.jobs.resumeStale();
      await new Promise((r) => setTimeout(r, 500));
      expect(await counts()).toEqual({ lists: 1, entries: ROWS });
    } finally {
      if (c.exitCode === null) c.kill('SIGKILL');
    }
  }, 300_000);
});

function startServer(port: number): ChildProcess {
  const root = path.resolve(import.meta.dirname, '../../../..');
  return spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: ctx.config.database.kind === 'postgres' ? ctx.config.database.url : '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ANSINH_SEED_DEMO: 'false',
      ANSINH_JOB_LEASE_SECONDS: String(LEASE_SECONDS),
      WEB_DIST: '/nonexistent',
    },
    stdio: 'ignore',
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Its checks ask servers and the database: every 100 ms. */
const waitFor = (check: () => Promise<boolean>, timeoutMs: number) => until(check, timeoutMs, 100);
