/**
 * Reports benchmarks on the full-scale province (1,000,000 persons, with the programs and
 * dossiers the demo seeds), on the real server over HTTP, each printed with a baseline measured
 * in the same run:
 * - every figure of the annual report for the province and for every district (what the XLSX
 *   annex computes), against one figure of the province (target: < 3 s);
 * - the dashboard's first load (server time, as the server reports it in `serverMs`, and the
 *   round trip), against GET /api/v1/auth/me (target: < 1 s server time).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, loadConfig, migrateToLatest, openDatabase, seedDemo } from '@ansinh/server';
import { startBenchServer } from './lib/server.js';
import { fmt } from './lib/stats.js';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const PASSWORD = 'bench-password-123';

export async function reportsBench(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-rep-'));
  const file = path.join(tmp, 'bench.db');
  const config = loadConfig({ ...process.env, DATABASE_URL: '', SQLITE_PATH: file, LOG_LEVEL: 'silent' });
  let database = openDatabase(config);
  try {
    await migrateToLatest(database);
    // BENCH_DB_CACHE keeps a seeded province between runs; the cache itself is only read.
    const cache = process.env.BENCH_DB_CACHE ? `${process.env.BENCH_DB_CACHE}-${PERSONS}.db` : null;
    if (cache && fs.existsSync(cache)) {
      await database.close();
      fs.copyFileSync(cache, file);
      database = openDatabase(config);
      await migrateToLatest(database);
    } else {
      await seedDemo(database, createServices(database, config), PASSWORD, {
        persons: PERSONS,
        dataDir: config.dataDir,
      });
      if (cache) await database.sqlite!.backup(cache);
    }
    const count = (table: string) =>
      Number((database.sqlite!.prepare(`select count(*) n from ${table}`).get() as { n: number }).n);
    const sizes = { persons: count('persons'), statuses: count('statuses') };
    const optional = (table: string) => {
      try {
        return count(table);
      } catch {
        return 0;
      }
    };
    const more = {
      listEntries: optional('list_entries'),
      payments: optional('payments'),
      dossiers: optional('dossiers'),
    };
    await database.close();

    const server = await startBenchServer({ sqlitePath: file, port: 18290 });
    try {
      const { base } = server;
      const session = async (username: string) => {
        const res = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: PASSWORD }),
        });
        const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
        const { csrfToken } = (await res.json()) as { csrfToken: string };
        return {
          get: async (url: string) => {
            const t = performance.now();
            const r = await fetch(`${base}${url}`, { headers: { cookie } });
            const body = Buffer.from(await r.arrayBuffer());
            if (!r.ok) throw new Error(`${url}: ${r.status} ${body.toString().slice(0, 300)}`);
            return { ms: performance.now() - t, body };
          },
          post: async (url: string, payload: unknown) => {
            const r = await fetch(`${base}${url}`, {
              method: 'POST',
              headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
              body: JSON.stringify(payload),
            });
            if (!r.ok && r.status !== 409) throw new Error(`${url}: ${r.status} ${await r.text()}`);
            return (await r.json()) as { id: number };
          },
        };
      };
      const leader = await session('tinh.lanhdao');
      const officer = await session('tinh.chuyenvien');
      const year = Number(new Date().toISOString().slice(0, 4));

      // A plan for the year when the cached province predates this module's seed.
      const plans = JSON.parse((await leader.get(`/api/v1/plans?year=${year}`)).body.toString()) as {
        items: unknown[];
      };
      if (plans.items.length === 0) {
        await officer.post('/api/v1/plans', {
          year,
          areaCode: '70',
          title: `Kế hoạch năm ${year}`,
          docNumber: '01/KH-BENCH',
          docDate: `${year}-01-10`,
          issuer: 'Sở Lao động - Thương binh và Xã hội',
          targets: [
            { indicatorCode: 'registry.poor_households', target: 15_000 },
            { indicatorCode: 'registry.social_assistance_new', target: 5_000 },
            { indicatorCode: 'registry.households_left_poverty', target: 2_000 },
          ],
        });
      }

      // Dashboard: the first load after start (cold), then a second one.
      const meCold = await leader.get('/api/v1/auth/me');
      const first = await leader.get('/api/v1/reports/dashboard');
      const dash = JSON.parse(first.body.toString()) as {
        serverMs: number;
        targets: unknown[];
        children: unknown[];
        trend: unknown[];
      };
      const second = await leader.get('/api/v1/reports/dashboard');
      const dash2 = JSON.parse(second.body.toString()) as { serverMs: number };
      const me = await leader.get('/api/v1/auth/me');

      // The annual report: its figures for the province and every district (the annex).
      const report = await officer.post('/api/v1/reports', { templateCode: 'dan-van-nam', year });
      const one = await leader.get(
        `/api/v1/reports/figure?code=registry.poor_households&areaCode=70&from=${year}-01-01&to=${year}-12-31&asOf=${year}-12-31&pageSize=1`,
      );
      const preview = await leader.get(`/api/v1/reports/${report.id}/preview`);
      const figures = (JSON.parse(preview.body.toString()) as { figures: unknown[] }).figures.length;
      const annex = await leader.get(`/api/v1/reports/${report.id}/annex.xlsx`);
      const docx = await leader.get(`/api/v1/reports/${report.id}/document.docx`);

      console.log(
        `\n## Reports (SQLite, ${fmt(sizes.persons)} persons, ${fmt(sizes.statuses)} statuses, ${fmt(more.listEntries)} list entries, ${fmt(more.payments)} payments, ${fmt(more.dossiers)} dossiers)`,
      );
      console.log(`GET /api/v1/auth/me (baseline): ${fmt(me.ms)} ms (cold ${fmt(meCold.ms)} ms)`);
      console.log(
        `dashboard first load (${dash.targets.length} targets x ${dash.children.length + 1} areas, ${dash.trend.length} monthly trends): server ${fmt(dash.serverMs)} ms, round trip ${fmt(first.ms)} ms (${fmt(first.ms / me.ms)}x baseline); second load server ${fmt(dash2.serverMs)} ms; target < 1 s: ${dash.serverMs < 1000 ? 'met' : 'NOT met'}`,
      );
      console.log(`one figure of the province (registry.poor_households, baseline): ${fmt(one.ms)} ms`);
      console.log(
        `annual report preview (${figures} figures of the province): ${fmt(preview.ms)} ms (${fmt(preview.ms / one.ms)}x baseline)`,
      );
      console.log(
        `annual report, every figure for the province and each district (XLSX annex, ${fmt(annex.body.length / 1024)} KB): ${fmt(annex.ms)} ms (${fmt(annex.ms / one.ms)}x baseline); target < 3 s: ${annex.ms < 3000 ? 'met' : 'NOT met'}`,
      );
      console.log(`DOCX of the report: ${fmt(docx.ms)} ms`);
    } finally {
      await server.stop();
    }
  } finally {
    await database.close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
