import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ImportJobOut } from '@ansinh/domain';
import type { Session, TestContext } from './helpers.js';

/** An XLSX workbook with one sheet of these rows (first row = headers). */
export async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhân khẩu');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Read back an XLSX the server sent: the first sheet's rows as plain values. */
export async function readXlsx(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** POST a file as multipart/form-data, the way a browser's file input does. */
export function upload(
  ctx: TestContext,
  s: Session,
  url: string,
  fileName: string,
  data: Buffer,
): Promise<LightMyRequestResponse> {
  const boundary = '----ansinh' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return ctx.app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, data, tail]),
  });
}

/** Upload, then poll the job until it ends; returns the finished job. */
export async function runImport(
  ctx: TestContext,
  s: Session,
  fileName: string,
  data: Buffer,
  mode: 'dry_run' | 'commit',
): Promise<ImportJobOut> {
  const res = await upload(ctx, s, `/api/v1/registry/imports?mode=${mode}`, fileName, data);
  expect(res.statusCode, res.body).toBe(202);
  return importEnded(s, res.json() as ImportJobOut);
}

/**
 * Poll an import job until it is no longer running (at most a minute by the clock, not a number of
 * polls: on a busy machine the database worker that reads the file may take seconds to start).
 */
export async function importEnded<J extends { id: number; state: string }>(s: Session, job: J): Promise<J> {
  const until = Date.now() + 60_000;
  while (job.state === 'running' && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 30));
    job = (await s.inject('GET', `/api/v1/registry/imports/${job.id}`)).json() as J;
  }
  return job;
}
