#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@ansinh/domain';
import { createServices } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { serve } from '../main.js';
import { systemActor } from '../platform/actor.js';
import { AppError } from '../platform/errors.js';
import { isEmpty, seedDemo } from '../seed/demo.js';

const HELP = `ansinh — dòng lệnh quản trị AnSinh / AnSinh command line

  ansinh serve                         chạy máy chủ (web + API) / run the server
  ansinh migrate                       cập nhật cấu trúc CSDL / migrate the database
  ansinh seed demo                     tạo tỉnh demo nếu CSDL trống / seed the demo province
  ansinh users create --username U --password P --full-name "Họ tên" --role R --area CODE
  ansinh users list [--role R] [--area CODE]
  ansinh users disable USERNAME
  ansinh areas import FILE [--list ID] [--valid-from YYYY-MM-DD] [--valid-to YYYY-MM-DD] [--province CODE]
  ansinh partners create --name N --client-id ID --secret S --area CODE --fields f1,f2 --purposes p1,p2
                       [--kind consumer|crvs] [--callback-prefix URL] [--base-url URL]
                       [--signature none|ed25519 --public-key-file PEM]
  ansinh partners list
  ansinh crvs subscribe --client-id ID   đăng ký nhận tin khai tử/khai sinh / subscribe to CRVS events
  ansinh audit verify                  kiểm tra chuỗi nhật ký / verify the audit chain
  ansinh backup FILE                   sao lưu SQLite trực tuyến / online SQLite backup
  ansinh restore FILE                  khôi phục SQLite (dừng máy chủ trước) / restore (stop the server first)

Vai trò / roles: ${ROLES.join(', ')}
Cấu hình qua biến môi trường (xem README) / configured by environment variables (see README).`;

async function withDb<T>(
  config: Config,
  fn: (db: Database, services: ReturnType<typeof createServices>) => Promise<T>,
): Promise<T> {
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    return await fn(database, createServices(database, config));
  } finally {
    await database.close();
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const [cmd, sub, ...rest] = argv;
  const actor = systemActor('cli');
  switch (cmd) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate': {
      const database = openDatabase(config);
      const done = await migrateToLatest(database);
      await database.close();
      console.log(done.length ? `Đã chạy / applied: ${done.join(', ')}` : 'CSDL đã ở phiên bản mới nhất / up to date');
      return 0;
    }
    case 'seed': {
      if (sub !== 'demo') fail('Dùng: ansinh seed demo');
      return withDb(config, async (db, services) => {
        if (!(await isEmpty(services))) {
          console.log('CSDL đã có dữ liệu, không tạo demo / database not empty, demo not seeded');
          return 0;
        }
        const r = await seedDemo(db, services, config.demoPassword, {
          persons: config.demoPersons,
          dataDir: config.dataDir,
        });
        console.log(
          `Đã tạo ${r.accounts.length} tài khoản demo.${r.password ? ` Mật khẩu / password: ${r.password}` : ''}`,
        );
        return 0;
      });
    }
    case 'users':
      return withDb(config, async (_db, services) => {
        if (sub === 'create') {
          const { values } = parseArgs({
            args: rest,
            options: {
              username: { type: 'string' },
              password: { type: 'string' },
              'full-name': { type: 'string' },
              role: { type: 'string' },
              area: { type: 'string' },
            },
          });
          if (!values.username || !values.password || !values['full-name'] || !values.role || !values.area) {
            fail(
              'Thiếu tham số. Dùng: ansinh users create --username U --password P --full-name "Họ tên" --role R --area CODE',
            );
          }
          if (!(ROLES as readonly string[]).includes(values.role))
            fail(`Vai trò không hợp lệ. Chọn một trong: ${ROLES.join(', ')}`);
          const u = await services.users.create(actor, {
            username: values.username,
            password: values.password,
            fullName: values['full-name'],
            role: values.role as Role,
            areaCode: values.area,
          });
          console.log(`Đã tạo tài khoản #${u.id} ${u.username} (${u.role}, ${u.areaName}).`);
          return 0;
        }
        if (sub === 'list') {
          const { values } = parseArgs({ args: rest, options: { role: { type: 'string' }, area: { type: 'string' } } });
          let page = 1;
          for (;;) {
            const r = await services.users.list(actor, {
              page,
              pageSize: 500,
              ...(values.role ? { role: values.role as Role } : {}),
              ...(values.area ? { areaCode: values.area } : {}),
            });
            for (const u of r.items) {
              console.log(
                [
                  u.username.padEnd(16),
                  u.role.padEnd(17),
                  u.areaCode.padEnd(6),
                  u.disabled ? 'KHOÁ' : '    ',
                  u.fullName,
                ].join(' '),
              );
            }
            if (page * 500 >= r.total) break;
            page++;
          }
          return 0;
        }
        if (sub === 'disable') {
          const username = rest[0] ?? fail('Dùng: ansinh users disable USERNAME');
          const found = await services.users.list(actor, { page: 1, pageSize: 500, q: username });
          const u = found.items.find((x) => x.username === username) ?? fail(`Không có tài khoản "${username}".`);
          await services.users.update(actor, u.id, { disabled: true });
          console.log(`Đã khoá tài khoản ${username}.`);
          return 0;
        }
        fail(HELP);
      });
    case 'areas': {
      if (sub !== 'import') fail(HELP);
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          list: { type: 'string' },
          'valid-from': { type: 'string' },
          'valid-to': { type: 'string' },
          province: { type: 'string' },
        },
      });
      const file = positionals[0] ?? fail('Dùng: ansinh areas import FILE');
      if (!fs.existsSync(file)) fail(`Không tìm thấy tệp ${file}.`);
      const text = fs.readFileSync(file, 'utf8');
      return withDb(config, async (_db, services) => {
        const shipped = services.areas.shippedLists().find((l) => l.file === path.basename(file));
        const listId = values.list ?? shipped?.id ?? path.basename(file).replace(/\.[^.]+$/, '');
        const validFrom =
          values['valid-from'] ?? shipped?.validFrom ?? fail('Cần --valid-from YYYY-MM-DD cho danh mục này.');
        const validTo = values['valid-to'] ?? shipped?.validTo ?? null;
        const r = await services.areas.importList(actor, text, {
          listId,
          validFrom,
          validTo,
          ...(values.province ? { province: values.province } : {}),
        });
        console.log(
          `Đã nạp danh mục ${listId} (${r.format}): thêm ${r.inserted}, cập nhật ${r.updated}, không đổi ${r.unchanged}.`,
        );
        return 0;
      });
    }
    case 'audit': {
      if (sub !== 'verify') fail(HELP);
      return withDb(config, async (_db, services) => {
        const r = await services.audit.verify(actor);
        if (r.ok) {
          console.log(`Chuỗi nhật ký nguyên vẹn: ${r.checked} sự kiện / audit chain intact: ${r.checked} events.`);
          return 0;
        }
        console.error(`Chuỗi nhật ký KHÔNG nguyên vẹn / audit chain BROKEN (${r.checked} events checked):`);
        for (const p of r.problems.slice(0, 50)) console.error(`  - ${p}`);
        return 1;
      });
    }
    case 'backup': {
      const file = sub ?? fail('Dùng: ansinh backup FILE');
      if (config.database.kind === 'postgres') {
        fail(
          'Với PostgreSQL, hãy dùng pg_dump (ví dụ: pg_dump -Fc "$DATABASE_URL" > ansinh.dump) / use pg_dump for PostgreSQL.',
        );
      }
      if (!fs.existsSync(config.database.path))
        fail(`Không tìm thấy CSDL ${config.database.path} (kiểm tra SQLITE_PATH) / database not found.`);
      const database = openDatabase(config);
      try {
        await database.sqlite!.backup(file);
      } finally {
        await database.close();
      }
      console.log(`Đã sao lưu vào ${file} / backed up to ${file}.`);
      return 0;
    }
    case 'restore': {
      const file = sub ?? fail('Dùng: ansinh restore FILE');
      if (config.database.kind === 'postgres')
        fail('Với PostgreSQL, hãy dùng pg_restore / use pg_restore for PostgreSQL.');
      if (!fs.existsSync(file)) fail(`Không tìm thấy tệp ${file}.`);
      const { default: SQLite } = await import('better-sqlite3');
      const check = new SQLite(file, { readonly: true, fileMustExist: true });
      try {
        const ok = check
          .prepare("select count(*) as n from sqlite_master where name in ('kysely_migration','users','areas')")
          .get() as { n: number };
        if (ok.n < 3) fail(`${file} không phải bản sao lưu AnSinh.`);
        check.pragma('integrity_check');
      } finally {
        check.close();
      }
      const target = config.database.path;
      for (const ext of ['-wal', '-shm']) fs.rmSync(target + ext, { force: true });
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
      console.log(`Đã khôi phục ${target} từ ${file}. Khởi động lại máy chủ. / restored; restart the server.`);
      return 0;
    }
    case undefined:
    case 'partners':
    case 'crvs':
      return withDb(config, async (_db, services) => {
        const { values } = parseArgs({
          args: rest,
          options: {
            name: { type: 'string' },
            'client-id': { type: 'string' },
            secret: { type: 'string' },
            area: { type: 'string' },
            fields: { type: 'string' },
            purposes: { type: 'string' },
            kind: { type: 'string' },
            'callback-prefix': { type: 'string' },
            'base-url': { type: 'string' },
            signature: { type: 'string' },
            'public-key-file': { type: 'string' },
          },
        });
        const list = (v: string | undefined) =>
          (v ?? '')
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean);
        if (cmd === 'crvs' && sub === 'subscribe') {
          if (!values['client-id']) fail('Dùng: ansinh crvs subscribe --client-id ID');
          const r = await services.interop.crvsSubscribe(values['client-id']);
          console.log(`HTTP ${r.status}; địa chỉ nhận thông báo / notify address: ${r.notifyUri}`);
          return r.status >= 200 && r.status < 300 ? 0 : 1;
        }
        if (cmd === 'partners' && sub === 'list') {
          for (const p of await services.interop.listPartners(actor))
            console.log(`${p.client_id}\t${p.kind}\t${p.area_code}\t${p.name}`);
          return 0;
        }
        if (cmd !== 'partners' || sub !== 'create') fail(HELP);
        if (!values.name || !values['client-id'] || !values.secret || !values.area)
          fail(
            'Thiếu tham số. Dùng: ansinh partners create --name N --client-id ID --secret S --area CODE --fields … --purposes …',
          );
        const kind = values.kind === 'crvs' ? 'crvs' : 'consumer';
        const signature = values.signature === 'ed25519' ? 'ed25519' : 'none';
        const r = await services.interop.createPartner(actor, {
          name: values.name,
          kind,
          clientId: values['client-id'],
          secret: values.secret,
          areaCode: values.area,
          fields: list(values.fields),
          purposes: list(values.purposes),
          signatureMode: signature,
          publicKey: values['public-key-file'] ? fs.readFileSync(values['public-key-file'], 'utf8') : null,
          callbackPrefix: values['callback-prefix'] ?? null,
          baseUrl: values['base-url'] ?? null,
        });
        console.log(`Đã đăng ký đối tác / partner registered: ${r.clientId} (${r.areaCode})`);
        return 0;
      });
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      fail(`Lệnh không rõ: ${cmd}\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof AppError) {
      console.error(`Lỗi ${err.code}: ${err.message}`);
      for (const d of err.details ?? []) console.error(`  ${d.path}: ${d.message}`);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  },
);
