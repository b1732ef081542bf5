import pg from 'pg';

/** The PostgreSQL server a bench may use: BENCH_DATABASE_URL, else DATABASE_URL (postgres:// only). */
export function benchPgBase(): string | undefined {
  return [process.env.BENCH_DATABASE_URL, process.env.DATABASE_URL].find((u) => u && /^postgres/.test(u));
}

/** The URL of database `name` on the bench's PostgreSQL server (the local test server when none is named). */
export function benchPgUrl(name: string): string {
  const u = new URL(benchPgBase() ?? 'postgres://ansinh:ansinh@127.0.0.1:5432/ansinh_test');
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh PostgreSQL database `name` next to `base` (dropped by the returned function). */
export async function freshPg(base: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
