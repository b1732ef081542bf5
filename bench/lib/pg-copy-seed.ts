/**
 * Seeding several provinces into one PostgreSQL database with `COPY … FROM STDIN` (pg-copy-streams
 * over the installed `pg` client), for the national bench (bench/national.ts). The rows come from
 * the demo generator (`generateHouseholds`), one province after another, written as COPY text into
 * three streams (households, persons, statuses) on three connections at once.
 *
 * Bulk-load practice (PostgreSQL manual, "Populating a Database"): the foreign keys, the unique
 * constraints and the secondary indexes of the three tables are dropped first and rebuilt once at
 * the end; ids are given by the loader (the sequences are moved past them afterwards), so a person's
 * household and a household's head are known without a round trip.
 *
 * Citizen IDs: the generator keeps them unique within one run (one province). Across provinces the
 * loader rewrites them: the birth-registration code of the generated province (070) becomes the
 * province's own, and the last six digits come from one counter per 6-digit prefix for the whole
 * load, spread by a fixed bijection of 000000–999999 — unique across the country, as CCCD are.
 */
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { personKeys } from '@ansinh/domain';
import { generateHouseholds, type GenHousehold } from '@ansinh/server';
import type { Writable } from 'node:stream';

export interface SeedProvince {
  code: string;
  persons: number;
  seed: number;
  communes: { code: string; provinceCode: string; districtCode: string | null; name: string; type: string }[];
}

export interface SeedCounts {
  households: number;
  persons: number;
  statuses: number;
}

const TABLES = ['households', 'persons', 'statuses'] as const;

/** COPY text format: backslash, tab, newline and carriage return escaped; null is \N. */
function esc(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}
const line = (vals: (string | number | null | undefined)[]) => vals.map(esc).join('\t') + '\n';

/** A COPY stream with a write buffer and back-pressure. */
class CopyWriter {
  private buf: string[] = [];
  private size = 0;
  private done: Promise<void>;
  constructor(private stream: Writable) {
    this.done = new Promise((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
  }
  async push(s: string): Promise<void> {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise((r) => this.stream.once('drain', r));
  }
  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.done;
  }
}

/** Citizen IDs unique across every province of the load (see the header). */
class NationalIds {
  private counters = new Map<string, number>();
  rewrite(id: string | null, provinceCode: string): string | null {
    if (!id || id.length !== 12) return id;
    const birthCode = id.startsWith('070') ? `0${provinceCode}` : id.slice(0, 3);
    const prefix = birthCode + id.slice(3, 6);
    const n = this.counters.get(prefix) ?? 0;
    if (n >= 1_000_000) throw new Error(`more than a million citizen IDs under ${prefix}`);
    this.counters.set(prefix, n + 1);
    return prefix + String((n * 738_919 + 104_729) % 1_000_000).padStart(6, '0');
  }
}

async function dropForLoad(client: pg.Client): Promise<string[]> {
  const list = TABLES.map((t) => `'${t}'`).join(',');
  const cons = await client.query<{ tbl: string; name: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
       from pg_constraint where conrelid::regclass::text in (${list}) and contype in ('f', 'u')`,
  );
  const idx = await client.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes i where tablename in (${list})
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const c of cons.rows) await client.query(`alter table ${c.tbl} drop constraint "${c.name}"`);
  for (const i of idx.rows) await client.query(`drop index "${i.name}"`);
  // Indexes first (the unique constraints build theirs), foreign keys last.
  return [
    ...idx.rows.map((i) => i.def),
    ...cons.rows
      .filter((c) => c.def.startsWith('UNIQUE'))
      .map((c) => `alter table ${c.tbl} add constraint "${c.name}" ${c.def}`),
    ...cons.rows
      .filter((c) => !c.def.startsWith('UNIQUE'))
      .map((c) => `alter table ${c.tbl} add constraint "${c.name}" ${c.def}`),
  ];
}

/**
 * Load the provinces. `onProvince` is told when each is written (for progress); `restore` times
 * the rebuild of indexes and constraints separately from the COPY itself.
 */
export async function copySeed(
  url: string,
  provinces: SeedProvince[],
  dataDir: string,
  onProgress: (msg: string) => void,
): Promise<SeedCounts & { copyMs: number; indexMs: number }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const clients = TABLES.map(() => new pg.Client({ connectionString: url }));
  try {
    await Promise.all(clients.map((c) => c.connect()));
    const restore = await dropForLoad(admin);
    const next: Record<string, number> = {};
    for (const t of TABLES)
      next[t] = Number((await admin.query(`select coalesce(max(id), 0) + 1 as n from ${t}`)).rows[0].n);
    const at = new Date().toISOString();
    const hCols = [
      'id',
      'code',
      'province_code',
      'district_code',
      'commune_code',
      'village',
      'address',
      'residence',
      'phone',
      'state',
      'head_person_id',
      'created_at',
      'updated_at',
    ];
    const pCols = [
      'id',
      'household_id',
      'relation',
      'full_name',
      'name_key',
      'given_key',
      'sort_key',
      'gender',
      'birth_date',
      'birth_year',
      'citizen_id',
      'old_id_number',
      'ethnic_code',
      'phone',
      'disability',
      'deceased_on',
      'moved_out_on',
      'province_code',
      'district_code',
      'commune_code',
      'village',
      'created_at',
      'updated_at',
    ];
    const sCols = [
      'id',
      'kind',
      'subject',
      'category',
      'year',
      'degree',
      'valid_from',
      'valid_to',
      'decision_no',
      'decision_date',
      'province_code',
      'district_code',
      'commune_code',
      'person_id',
      'household_id',
      'created_at',
    ];
    const t0 = performance.now();
    const [hw, pw, sw] = [
      [clients[0]!, 'households', hCols],
      [clients[1]!, 'persons', pCols],
      [clients[2]!, 'statuses', sCols],
    ].map(
      ([c, t, cols]) =>
        new CopyWriter(
          (c as pg.Client).query(copyFrom(`copy ${t as string} (${(cols as string[]).join(',')}) from stdin`)),
        ),
    ) as [CopyWriter, CopyWriter, CopyWriter];
    const ids = new NationalIds();
    const counts: SeedCounts = { households: 0, persons: 0, statuses: 0 };
    const status = (s: GenHousehold['statuses'][number], h: GenHousehold, pid: number | null, hid: number | null) =>
      line([
        next.statuses!++,
        s.kind,
        pid === null ? 'household' : 'person',
        s.category,
        s.year,
        s.degree,
        s.valid_from,
        s.valid_to,
        s.decision_no,
        s.decision_date,
        h.province_code,
        h.district_code,
        h.commune_code,
        pid,
        hid,
        at,
      ]);
    for (const p of provinces) {
      const before = counts.persons;
      for (const h of generateHouseholds({ seed: p.seed, persons: p.persons, communes: p.communes, dataDir })) {
        const hid = next.households!++;
        const firstPid = next.persons!;
        const headIdx = h.members.findIndex((m) => m.relation === 'head');
        await hw.push(
          line([
            hid,
            h.code,
            h.province_code,
            h.district_code,
            h.commune_code,
            h.village,
            h.address,
            h.residence,
            h.phone,
            h.state,
            headIdx >= 0 ? firstPid + headIdx : null,
            at,
            at,
          ]),
        );
        counts.households++;
        for (const s of h.statuses) {
          await sw.push(status(s, h, null, hid));
          counts.statuses++;
        }
        for (const m of h.members) {
          const pid = next.persons!++;
          const k = personKeys(m.full_name);
          await pw.push(
            line([
              pid,
              hid,
              m.relation,
              m.full_name,
              k.name_key,
              k.given_key,
              k.sort_key,
              m.gender,
              m.birth_date,
              Number(m.birth_date.slice(0, 4)),
              ids.rewrite(m.citizen_id, p.code),
              m.old_id_number,
              m.ethnic_code,
              m.phone,
              m.disability,
              m.deceased_on,
              m.moved_out_on,
              h.province_code,
              h.district_code,
              h.commune_code,
              m.village,
              at,
              at,
            ]),
          );
          counts.persons++;
          for (const s of m.statuses) {
            await sw.push(status(s, h, pid, null));
            counts.statuses++;
          }
        }
      }
      onProgress(
        `province ${p.code}: ${counts.persons - before} persons (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
    await Promise.all([hw.end(), pw.end(), sw.end()]);
    const copyMs = performance.now() - t0;
    const t1 = performance.now();
    await admin.query(`set maintenance_work_mem = '512MB'`);
    for (const t of TABLES)
      await admin.query(`select setval(pg_get_serial_sequence('${t}', 'id'), (select coalesce(max(id), 1) from ${t}))`);
    for (const ddl of restore) {
      const t = performance.now();
      await admin.query(ddl);
      onProgress(`${ddl.slice(0, 90)}… ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    await admin.query(`vacuum (analyze) households, persons, statuses`);
    return { ...counts, copyMs, indexMs: performance.now() - t1 };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await admin.end().catch(() => undefined);
  }
}
