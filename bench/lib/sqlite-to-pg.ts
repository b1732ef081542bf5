/**
 * Load a benchmark's SQLite database (e.g. the cached 1.000.000-person province) into a PostgreSQL
 * database of the bench's own, so the same searches can be measured on PostgreSQL without seeding
 * through the app again. The PostgreSQL database is created if missing and migrated to latest
 * (same schema as the SQLite file, which must be migrated to latest too); then every table of the
 * public schema is emptied and filled from SQLite with `COPY … FROM STDIN (FORMAT csv)`, streamed
 * through `psql` (no extra dependency). Secondary indexes and foreign keys are dropped during the
 * load and rebuilt afterwards (faster than maintaining them row by row); sequences are moved past
 * the loaded ids, then ANALYZE.
 *
 * Cached: a database that already holds as many persons as the SQLite file is kept as it is,
 * unless `reload` (BENCH_PG_RELOAD=1).
 */
import { spawn } from 'node:child_process';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { loadConfig, migrateToLatest, openDatabase } from '@ansinh/server';

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

function csvValue(v: unknown, isBool: boolean): string {
  if (v === null || v === undefined) return '';
  if (Buffer.isBuffer(v)) return `\\x${v.toString('hex')}`;
  if (isBool) return Number(v) ? 't' : 'f';
  if (typeof v === 'bigint' || typeof v === 'number') return String(v);
  const s = String(v);
  return `"${s.replace(/"/g, '""')}"`;
}

/** One table, SQLite rows streamed into `psql -c "COPY … FROM STDIN"`. */
async function copyTable(
  sqlite: SQLite.Database,
  url: string,
  table: string,
  cols: { name: string; isBool: boolean }[],
): Promise<number> {
  const list = cols.map((c) => ident(c.name)).join(',');
  const child = spawn(
    'psql',
    [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `COPY ${ident(table)} (${list}) FROM STDIN WITH (FORMAT csv)`],
    {
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  const stmt = sqlite.prepare(`select ${list} from ${ident(table)}`).raw(true);
  let n = 0;
  let chunk: string[] = [];
  const flush = async () => {
    if (!chunk.length) return;
    const ok = child.stdin.write(chunk.join(''));
    chunk = [];
    if (!ok) await new Promise((r) => child.stdin.once('drain', r));
  };
  for (const row of stmt.iterate() as Iterable<unknown[]>) {
    chunk.push(row.map((v, i) => csvValue(v, cols[i]!.isBool)).join(',') + '\n');
    n++;
    if (chunk.length >= 2000) await flush();
  }
  await flush();
  child.stdin.end();
  const code = await done;
  if (code !== 0) throw new Error(`COPY ${table}: psql exited ${code}: ${stderr.slice(0, 500)}`);
  return n;
}

export async function sqliteToPg(
  sqlitePath: string,
  url: string,
  opts: { reload?: boolean; log?: (s: string) => void; countTable?: string } = {},
): Promise<{ loaded: boolean; ms: number; persons: number }> {
  const log = opts.log ?? (() => undefined);
  const t0 = performance.now();
  const dbName = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [dbName]);
    if (!exists.rowCount) await admin.query(`create database ${ident(dbName)}`);
  } finally {
    await admin.end();
  }
  const sqlite = new SQLite(sqlitePath, { readonly: true });
  sqlite.defaultSafeIntegers(true);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counted = ident(opts.countTable ?? 'persons');
    const want = Number((sqlite.prepare(`select count(*) as n from ${counted}`).get() as { n: bigint }).n);
    const has = await client
      .query<{ n: string }>(`select count(*) as n from ${counted}`)
      .then((r) => Number(r.rows[0]!.n))
      .catch(() => -1);
    const migrate = async () => {
      const database = openDatabase(loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }));
      try {
        return await migrateToLatest(database);
      } finally {
        await database.close();
      }
    };
    if (has === want && !opts.reload) {
      // Kept: brought to the latest schema (new indexes), and its visibility map and statistics fresh.
      await migrate();
      await client.query('vacuum analyze');
      return { loaded: false, ms: performance.now() - t0, persons: has };
    }
    await migrate();
    const tables = (
      await client.query<{ t: string }>(
        "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'",
      )
    ).rows.map((r) => r.t);
    const sqliteTables = new Set(
      (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    // Foreign keys and secondary indexes out of the way while loading; put back afterwards.
    const fks = (
      await client.query<{ t: string; name: string; def: string }>(
        "select conrelid::regclass::text as t, conname as name, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace",
      )
    ).rows;
    const idx = (
      await client.query<{ name: string; def: string }>(
        "select i.indexname as name, i.indexdef as def from pg_indexes i where i.schemaname = 'public' and not exists (select 1 from pg_constraint c where c.conname = i.indexname) and i.tablename not like 'kysely_migration%'",
      )
    ).rows;
    for (const f of fks) await client.query(`alter table ${f.t} drop constraint ${ident(f.name)}`);
    for (const i of idx) await client.query(`drop index ${ident(i.name)}`);
    await client.query(`truncate ${tables.map(ident).join(', ')}`);
    let persons = 0;
    for (const t of tables) {
      if (!sqliteTables.has(t)) continue;
      const sqliteCols = new Set(
        (sqlite.prepare(`pragma table_info(${ident(t)})`).all() as { name: string }[]).map((c) => c.name),
      );
      const cols = (
        await client.query<{ name: string; type: string }>(
          "select column_name as name, data_type as type from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position",
          [t],
        )
      ).rows
        .filter((c) => sqliteCols.has(c.name))
        .map((c) => ({ name: c.name, isBool: c.type === 'boolean' }));
      const t1 = performance.now();
      const n = await copyTable(sqlite, url, t, cols);
      if (t === 'persons') persons = n;
      if (n > 10_000) log(`  COPY ${t}: ${n} rows in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      if (cols.some((c) => c.name === 'id')) {
        const seq = await client.query<{ s: string | null }>("select pg_get_serial_sequence($1, 'id') as s", [t]);
        if (seq.rows[0]?.s)
          await client.query(`select setval($1, coalesce((select max(id) from ${ident(t)}), 0) + 1, false)`, [
            seq.rows[0].s,
          ]);
      }
    }
    const t2 = performance.now();
    await client.query("set maintenance_work_mem = '256MB'");
    for (const i of idx) await client.query(i.def);
    for (const f of fks) await client.query(`alter table ${f.t} add constraint ${ident(f.name)} ${f.def}`);
    // Index-only scans need the visibility map that VACUUM builds.
    await client.query('vacuum analyze');
    log(`  indexes, foreign keys and analyze: ${((performance.now() - t2) / 1000).toFixed(1)} s`);
    return { loaded: true, ms: performance.now() - t0, persons };
  } finally {
    await client.end();
    sqlite.close();
  }
}
