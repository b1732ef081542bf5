#!/usr/bin/env node
// `npm start`: build what is not built (or is older than its sources), then serve AnSinh with
// the demo province on the embedded SQLite database (var/ansinh.db) unless configured otherwise.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');

/** Newest modification time under `dir` (files only), skipping build output and modules. */
function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);

function run(cmd, args, label) {
  console.log(`» ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`Không build được (${label}). Chạy "npm install" rồi thử lại. / Build failed.`);
    process.exit(r.status ?? 1);
  }
}

const serverOut = path.join(root, 'packages/server/dist/cli/main.js');
const serverSrc = Math.max(
  newest(path.join(root, 'packages/server/src')),
  newest(path.join(root, 'packages/domain/src')),
);
if (mtime(serverOut) < serverSrc) run('npx', ['tsc', '-b', 'packages/domain', 'packages/server'], 'build server');

const webOut = path.join(root, 'packages/web/dist/index.html');
const webSrc = Math.max(
  newest(path.join(root, 'packages/web/src')),
  newest(path.join(root, 'packages/domain/src')),
  mtime(path.join(root, 'packages/web/index.html')),
);
if (!dev && mtime(webOut) < webSrc) run('npm', ['run', 'build', '-w', '@ansinh/web'], 'build web app');

const env = { ...process.env };
env.ANSINH_SEED_DEMO ??= 'true';
const child = spawn(process.execPath, [serverOut, 'serve'], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
