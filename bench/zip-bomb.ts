/**
 * Issue 16, item 4: a zip-bomb XLSX against the upload reader, before and after the limits.
 *
 *   npx tsx bench/zip-bomb.ts            # builds the bomb, then measures both readers, each in a
 *                                        # fresh process: peak RSS and the longest event-loop stall
 *
 * The bomb is a real XLSX whose sheet is ~300 MB of repeated rows, deflated at level 9 (~1 MB, the
 * size reported in the issue). "before" is the reader of commit 802dcd1 (no limits, unzipped on the
 * event loop: `git show 802dcd1:packages/server/src/platform/xlsx-read.ts`), "after" the current
 * `readFirstSheetOffThread` (limits checked before reading, in a worker thread). A 10 ms timer
 * stands for /healthz: its worst lateness is how long every request would have waited.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const tmp = path.join(os.tmpdir(), 'ansinh-zip-bomb');
const bombPath = path.join(tmp, 'bomb.xlsx');
const oldReader = path.join(tmp, 'xlsx-read-802dcd1.ts');

async function build(): Promise<void> {
  const { rawXlsx } = await import('../packages/server/src/test/xlsx-raw.js');
  const cell = `<c t="inlineStr"><is><t>${'A'.repeat(1000)}</t></is></c>`;
  const row = Buffer.from(`<row>${cell.repeat(10)}</row>`);
  const target = 300 * 1024 * 1024;
  const rows = Math.ceil(target / row.length);
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>');
  const tail = Buffer.from('</sheetData></worksheet>');
  const xml = Buffer.allocUnsafe(head.length + rows * row.length + tail.length);
  head.copy(xml, 0);
  for (let i = 0; i < rows; i++) row.copy(xml, head.length + i * row.length);
  tail.copy(xml, head.length + rows * row.length);
  fs.mkdirSync(tmp, { recursive: true });
  fs.writeFileSync(bombPath, rawXlsx(xml, 9));
  fs.writeFileSync(
    oldReader,
    execFileSync('git', ['show', '802dcd1:packages/server/src/platform/xlsx-read.ts'], { cwd: root }),
  );
  console.log(
    `bomb: ${(fs.statSync(bombPath).size / 1024 / 1024).toFixed(2)} MB packed, ${(xml.length / 1024 / 1024).toFixed(0)} MB of sheet XML, ${rows} rows`,
  );
}

async function measure(which: 'before' | 'after'): Promise<void> {
  const buf = fs.readFileSync(bombPath);
  // Modules loaded before the clock starts: only the reading is measured.
  const before = (await import(oldReader)) as { readFirstSheet: (b: Buffer) => unknown[] };
  const after = await import('../packages/server/src/platform/xlsx-read.js');
  const baseRssMb = process.memoryUsage().rss / 1024 / 1024;
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  const t0 = performance.now();
  let outcome: string;
  try {
    if (which === 'before') {
      outcome = `read ${before.readFirstSheet(buf).length} rows`;
    } else {
      outcome = `read ${(await after.readFirstSheetOffThread(buf)).length} rows`;
    }
  } catch (e) {
    outcome = `refused: ${(e as { code?: string }).code ?? ''} ${(e as Error).message.slice(0, 90)}`;
  }
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 30));
  clearInterval(timer);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${which.padEnd(6)} peak RSS ${rssMb.toFixed(0)} MB (${baseRssMb.toFixed(0)} MB before reading), longest stall ${Math.round(worst)} ms, took ${Math.round(ms)} ms — ${outcome}`,
  );
}

const arg = process.argv[2];
if (arg === 'before' || arg === 'after') await measure(arg);
else {
  await build();
  for (const which of ['before', 'after']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), which], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) console.log(`${which} exited with ${r.status ?? r.signal}`);
  }
}
