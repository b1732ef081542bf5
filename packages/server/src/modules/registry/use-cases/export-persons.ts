import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ethnicGroupName, formatPartialDateVi, type PersonsQuery } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { canRunOffThread, offThreadWithDatabase, type OffThreadDbContext } from '../../../platform/off-thread-db.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { registryPolicy } from '../registry.policy.js';
import { personsRepo, type PersonFilter, type Scope } from '../repo/index.js';
import { personFilter } from './search-persons.js';
import type { RegistryDeps } from './shared.js';
import { safeText } from '../../../platform/xlsx-safe.js';

const COLUMNS = [
  { header: 'STT', key: 'stt', width: 7 },
  { header: 'Họ và tên', key: 'name', width: 28 },
  { header: 'Giới tính', key: 'gender', width: 10 },
  { header: 'Ngày sinh', key: 'birth', width: 12 },
  { header: 'Số CCCD', key: 'cid', width: 16 },
  { header: 'Dân tộc', key: 'ethnic', width: 12 },
  { header: 'Mã hộ', key: 'hh', width: 15 },
  { header: 'Thôn/ấp/tổ', key: 'village', width: 16 },
  { header: 'Xã/phường', key: 'commune', width: 22 },
  { header: 'Điện thoại', key: 'phone', width: 13 },
  { header: 'Ngày mất', key: 'dead', width: 12 },
];

/**
 * Rows read per query and rows written between two yields to the event loop: small enough that
 * neither the (synchronous, on SQLite) query nor the XLSX writing holds other requests for long
 * (issue 16: /healthz within 200 ms during a province-wide export).
 */
const EXPORT_BATCH = 500;
const YIELD_EVERY = 100;

/**
 * Any filtered list as XLSX (Vietnamese headers, dates and formats), streamed in keyset batches.
 * Where the database can be opened again (a SQLite file, PostgreSQL) the whole export (reading the
 * rows, exceljs's many small objects and their garbage collection, the zip's deflate) runs in the
 * database worker and only the bytes come back: on PostgreSQL the export's own work and its
 * collections were the main thread's longest stalls, 50–80 ms (docs/architecture.md, "Event loop").
 * The worker waits for the client to take each piece, so a slow download slows it down.
 */
export async function exportPersons(deps: RegistryDeps, actor: Actor, q: PersonsQuery): Promise<Readable> {
  registryPolicy.guard(actor, 'export');
  const f = await personFilter(deps, actor, q, 'export');
  const scope = areaColumnScope(actor);
  const out = new PassThrough();
  if (!canRunOffThread(deps.database)) {
    void writePersonsXlsx(deps.database.db, scope, f, out);
    return out;
  }
  offThreadWithDatabase<void>(deps.database, import.meta.url, 'exportPersonsInThread', [scope, f], {
    async onChunk(value) {
      if (out.destroyed) return false;
      const bytes = value as Uint8Array;
      if (!out.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) await drained(out);
      return !out.destroyed;
    },
  }).then(
    () => out.end(),
    // When the client left, `out` is already destroyed and this does nothing.
    (err: unknown) => out.destroy(err as Error),
  );
  return out;
}

/** The worker side: the same writer on the worker's connection, its bytes sent as they come. */
export async function exportPersonsInThread(ctx: OffThreadDbContext, scope: Scope, f: PersonFilter): Promise<void> {
  const out = new PassThrough();
  const written = writePersonsXlsx(ctx.database.db, scope, f, out);
  try {
    for await (const chunk of out) await ctx.send(new Uint8Array(chunk as Buffer));
  } catch (err) {
    out.destroy();
    throw err;
  }
  await written;
}

const drained = (s: PassThrough) =>
  new Promise<void>((resolve) => {
    const done = () => {
      s.off('drain', done).off('close', done);
      resolve();
    };
    s.on('drain', done).on('close', done);
  });

/** The XLSX written to `out` (ended when complete, destroyed on a failure), with turns and backpressure. */
async function writePersonsXlsx(db: Executor, scope: Scope, f: PersonFilter, out: PassThrough): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('Nhân khẩu');
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let n = 0;
  try {
    for await (const batch of personsRepo.iteratePersons(db, scope, f, EXPORT_BATCH)) {
      for (let i = 0; i < batch.length; i++) {
        const r = batch[i]!;
        // exceljs spends ~0,1–0,3 ms a row: give other requests their turn every hundred.
        if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        ws.addRow({
          stt: ++n,
          name: safeText(r.full_name),
          gender: r.gender === 'male' ? 'Nam' : 'Nữ',
          birth: formatPartialDateVi(r.birth_date),
          cid: r.citizen_id ?? '',
          ethnic: r.ethnic_code ? ethnicGroupName(r.ethnic_code) : '',
          hh: safeText(r.household_code ?? ''),
          village: safeText(r.village ?? ''),
          commune: safeText(r.commune_name),
          phone: safeText(r.phone ?? ''),
          dead: r.deceased_on ? formatPartialDateVi(r.deceased_on) : '',
        }).commit();
      }
      // Backpressure: wait while the client has not taken what was written, and give other
      // requests their turn between batches (a province-wide export is a million rows).
      if (out.writableNeedDrain) await drained(out);
      if (out.destroyed) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    ws.commit();
    await wb.commit();
  } catch (err) {
    out.destroy(err as Error);
  }
}
