import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import SQLite from 'better-sqlite3';
import { DEMO_PASSWORD } from '../test/helpers.js';

/**
 * The built `ansinh` command against a SQLite file, as an administrator runs it. It tests SQLite
 * files (backup, restore, tampering with the file), so it is skipped on PostgreSQL runs.
 */
const onPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');
const root = path.resolve(import.meta.dirname, '../../../..');
const cli = path.join(root, 'packages/server/dist/cli/main.js');

let dir: string;
let dbPath: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 170_000,
    env: {
      ...process.env,
      DATABASE_URL: '',
      SQLITE_PATH: dbPath,
      LOG_LEVEL: 'silent',
      ANSINH_DEMO_PASSWORD: DEMO_PASSWORD,
      ANSINH_SEED_DEMO: 'false',
      // A small demo registry: these tests are about the command, not the seed's size.
      ANSINH_DEMO_PERSONS: '2000',
    },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, out: `${r.stdout}\n${r.stderr}` };
}

/** Read the file directly (a separate connection, closed at once). */
function query<T>(sqlText: string, file = dbPath): T[] {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sqlText).all() as T[];
  } finally {
    db.close();
  }
}
const count = (table: string, file = dbPath) => query<{ n: number }>(`select count(*) as n from ${table}`, file)[0]!.n;
const userLines = (stdout: string) => stdout.split('\n').filter((l) => l.trim() !== '');

describe.skipIf(onPostgres)('ansinh CLI (built, on a SQLite file)', { timeout: 180_000 }, () => {
  beforeAll(() => {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/domain', 'packages/server'],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-cli-'));
    dbPath = path.join(dir, 'ansinh.db');
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('help lists the commands', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    for (const cmd of [
      'ansinh migrate',
      'ansinh seed demo',
      'ansinh users create',
      'ansinh audit verify',
      'ansinh backup',
      'ansinh restore',
    ]) {
      expect(r.stdout).toContain(cmd);
    }
  });

  it('migrate creates the schema, then says it is up to date', () => {
    const first = run('migrate');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('0001-platform');
    expect(fs.existsSync(dbPath)).toBe(true);
    const again = run('migrate');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('up to date');
  });

  it('seed demo creates the demo province once', () => {
    const r = run('seed', 'demo');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Đã tạo 130 tài khoản demo');
    // The password came from the environment: it is not printed.
    expect(r.out).not.toContain(DEMO_PASSWORD);
    expect(count('areas')).toBe(123);
    const again = run('seed', 'demo');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('không tạo demo');
    expect(count('users')).toBe(130);
  });

  it('users list shows the demo accounts; --role filters', () => {
    const r = run('users', 'list');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('xa.25213');
    expect(r.stdout).toMatch(/^admin\s+admin\s+70\s/m);
    expect(userLines(r.stdout)).toHaveLength(130);
    const districts = run('users', 'list', '--role', 'district_officer');
    expect(userLines(districts.stdout)).toHaveLength(11);
    expect(userLines(districts.stdout).every((l) => l.startsWith('huyen.'))).toBe(true);
  });

  it('users create makes an account; bad input is refused with the reason', () => {
    const ok = run(
      'users',
      'create',
      '--username',
      'cli.user',
      '--password',
      'mat-khau-cli-123',
      '--full-name',
      'Người Dùng Dòng Lệnh',
      '--role',
      'commune_officer',
      '--area',
      '25213',
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Đã tạo tài khoản');
    expect(ok.stdout).toContain('cli.user');
    expect(ok.stdout).toContain('Xã Tiến Hưng');
    expect(query<{ area_code: string }>("select area_code from users where username = 'cli.user'")).toEqual([
      { area_code: '25213' },
    ]);

    const badRole = run(
      'users',
      'create',
      '--username',
      'cli.x',
      '--password',
      'mat-khau-cli-123',
      '--full-name',
      'X',
      '--role',
      'boss',
      '--area',
      '25213',
    );
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('Vai trò không hợp lệ');

    const badLevel = run(
      'users',
      'create',
      '--username',
      'cli.x',
      '--password',
      'mat-khau-cli-123',
      '--full-name',
      'X',
      '--role',
      'commune_officer',
      '--area',
      '689',
    );
    expect(badLevel.status).toBe(1);
    expect(badLevel.stderr).toContain('VALIDATION_FAILED');
    expect(badLevel.stderr).toContain('body.areaCode');

    const taken = run(
      'users',
      'create',
      '--username',
      'admin',
      '--password',
      'mat-khau-cli-123',
      '--full-name',
      'X',
      '--role',
      'admin',
      '--area',
      '70',
    );
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('USERNAME_TAKEN');
    expect(count('users')).toBe(131);
  });

  it('users disable locks the account', () => {
    const r = run('users', 'disable', 'cli.user');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Đã khoá tài khoản cli.user');
    const line = userLines(run('users', 'list', '--area', '25213').stdout).find((l) => l.startsWith('cli.user'));
    expect(line).toContain('KHOÁ');
    expect(query<{ disabled: number }>("select disabled from users where username = 'cli.user'")[0]!.disabled).toBe(1);
    const unknown = run('users', 'disable', 'khong.co');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('khong.co');
  });

  it('areas import of a malformed file exits non-zero with the line numbers and changes nothing', () => {
    const before = count('areas');
    const eventsBefore = count('audit_events');
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      bad,
      [
        'code,parent,type,name',
        '98,,province,Tỉnh Hỏng',
        '981,98,district,Huyện Một',
        '9811,981,commune,Xã Mã Bốn Số',
        '98112,981,village,Xã Sai',
      ].join('\n'),
    );
    const r = run('areas', 'import', bad, '--valid-from', '2025-03-01');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('AREA_LIST_INVALID');
    expect(r.stderr).toContain('line 4');
    expect(r.stderr).toContain('line 5');
    expect(r.stderr).not.toContain('line 2:');
    expect(count('areas')).toBe(before);
    expect(count('audit_events')).toBe(eventsBefore);

    const noDate = run('areas', 'import', bad);
    expect(noDate.status).toBe(2);
    expect(noDate.stderr).toContain('--valid-from');
  });

  it('areas import of a good file and of the shipped list', () => {
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(
      good,
      [
        'code,parent,type,name',
        '99,,province,Tỉnh Thử Nghiệm',
        '999,99,district,Huyện Thử Nghiệm',
        '99999,999,commune,Xã Thử Nghiệm',
      ].join('\n'),
    );
    const r = run('areas', 'import', good, '--valid-from', '2025-03-01');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('thêm 3');
    expect(count('areas')).toBe(126);

    const shipped = run('areas', 'import', path.join(root, 'data/areas/vn-2025-03-01.csv'), '--province', '70');
    expect(shipped.status).toBe(0);
    expect(shipped.stdout).toContain('vn-2025-03-01');
    expect(shipped.stdout).toContain('không đổi 123');
  });

  it('audit verify exits 0 on an intact log', () => {
    const r = run('audit', 'verify');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('nguyên vẹn');
    expect(r.stdout).toContain(`${count('audit_events')} sự kiện`);
  });

  it('backup writes a copy; tampering is caught by audit verify; restore brings the copy back', () => {
    const backup = path.join(dir, 'backup.db');
    const b = run('backup', backup);
    expect(b.status).toBe(0);
    expect(fs.existsSync(backup)).toBe(true);
    expect(count('users', backup)).toBe(131);

    // An attacker edits an event in the file.
    const db = new SQLite(dbPath);
    db.prepare(
      'update audit_events set after_json = \'{"username":"ke-gian"}\' where id = (select max(id) from audit_events where action = \'users.create\')',
    ).run();
    db.close();
    const broken = run('audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('KHÔNG nguyên vẹn');
    expect(broken.stderr).toMatch(/#\d+/);

    const r = run('restore', backup);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Đã khôi phục');
    expect(run('audit', 'verify').status).toBe(0);
    expect(count('users')).toBe(131);
  });

  it('backup refuses a database path that does not exist, instead of backing up an empty new file', () => {
    const missing = path.join(dir, 'typo', 'ansinh.db');
    const out = path.join(dir, 'empty-backup.db');
    const r = spawnSync(process.execPath, [cli, 'backup', out], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', SQLITE_PATH: missing, LOG_LEVEL: 'silent' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Không tìm thấy CSDL');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('restore refuses a file that is not an AnSinh backup and leaves the database alone', () => {
    const other = path.join(dir, 'other.db');
    const db = new SQLite(other);
    db.exec('create table notes (x text)');
    db.close();
    const r = run('restore', other);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('không phải bản sao lưu AnSinh');
    expect(count('users')).toBe(131);
    expect(run('audit', 'verify').status).toBe(0);
  });
});
