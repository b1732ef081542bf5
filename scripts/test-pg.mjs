#!/usr/bin/env node
// `npm run test:pg`: every server integration test again, on PostgreSQL. Each test file creates
// (and drops) its own database, so the role in the URL needs CREATEDB.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const url =
  process.env.ANSINH_TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://ansinh:ansinh@127.0.0.1:5432/ansinh_test';
if (!/^postgres(ql)?:\/\//.test(url)) {
  console.error('DATABASE_URL phải là postgres://… / must be a postgres:// URL');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
try {
  await client.connect();
  await client.query('select 1');
  await client.end();
} catch (err) {
  console.error(`Không kết nối được PostgreSQL tại ${url.replace(/:[^:@/]+@/, ':***@')}: ${err.message}
Khởi động PostgreSQL và tạo vai trò có quyền CREATEDB, ví dụ:
  pg_ctlcluster 15 main start
  su postgres -c "psql -c \\"create role ansinh login createdb password 'ansinh'\\""
  su postgres -c "createdb -O ansinh ansinh_test"
hoặc đặt ANSINH_TEST_DATABASE_URL.`);
  process.exit(2);
}
const r = spawnSync('npx', ['vitest', 'run', '--project', 'server', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
});
process.exit(r.status ?? 1);
