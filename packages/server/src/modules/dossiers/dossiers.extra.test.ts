import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierOut, ProcedureImportResult, ProcedurePage } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { PROCEDURE_COLUMNS } from './dossiers.sheet.js';
import { dossiersPolicy } from './dossiers.policy.js';
import { drainOutbox } from './dossiers.outbox.js';
import { sniffMime } from './dossiers.service.js';

let ctx: TestContext;
let tinh: Session;
let xa: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  [tinh, xa] = await Promise.all([ctx.login('tinh.chuyenvien'), ctx.login('xa.25213')]);
});
afterAll(async () => {
  await ctx?.close();
});

async function sheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thủ tục');
  ws.addRow(PROCEDURE_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(s: Session, file: Buffer, mode: 'dry_run' | 'commit') {
  const boundary = '----ansinh';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="thu-tuc.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/procedures/import?mode=${mode}`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

describe('catalogue import from XLSX', () => {
  const good = [
    '1.001776',
    'Thủ tục trợ cấp xã hội hằng tháng (thử)',
    'Bảo trợ xã hội',
    'huyện',
    'xã:15; huyện:7',
    '0',
    'Tờ khai\nBản sao CCCD',
    'Quyết định',
    'toàn trình',
    '4',
    'có',
    'Nghị định 20/2021/NĐ-CP',
  ];
  it('checks first (nothing written), refuses a file with a bad row, then imports and is idempotent', async () => {
    const bad = [...good];
    bad[0] = '1.009999';
    bad[3] = 'tỉnh'; // the deciding level must be the last on the path
    const dry = (await upload(tinh, await sheet([good, bad]), 'dry_run')).json() as ProcedureImportResult;
    expect(dry.created).toBe(2);
    expect(dry.errors).toEqual([{ row: 3, message: 'Cấp quyết định phải là cấp cuối cùng hồ sơ đi qua.' }]);
    const refused = (await upload(tinh, await sheet([good, bad]), 'commit')).json() as ProcedureImportResult;
    expect(refused.errors.length).toBe(1);
    const none = (await tinh.inject('GET', '/api/v1/procedures?q=1.001776')).json() as ProcedurePage;
    expect(none.total).toBe(0);

    const done = (await upload(tinh, await sheet([good]), 'commit')).json() as ProcedureImportResult;
    expect(done).toMatchObject({ created: 1, updated: 0, errors: [] });
    const again = (await upload(tinh, await sheet([good]), 'commit')).json() as ProcedureImportResult;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const p = ((await tinh.inject('GET', '/api/v1/procedures?q=1.001776')).json() as ProcedurePage).items[0]!;
    expect(p.path).toEqual([
      { level: 'commune', days: 15 },
      { level: 'district', days: 7 },
    ]);
    expect(p.documents).toEqual(['Tờ khai', 'Bản sao CCCD']);
    expect(p.onlineMode).toBe('full');
    expect(p.onNationalPortal).toBe(true);
    expectProblem(await upload(xa, await sheet([good]), 'commit'), 403, 'FORBIDDEN');
  });
});

describe('policy table (role × action)', () => {
  it('matches who does what at the one-stop counter', () => {
    const t = dossiersPolicy.table;
    expect(t.receive).toEqual(['province_officer', 'district_officer', 'commune_officer']);
    expect(t.process).toEqual(['province_officer', 'district_officer', 'commune_officer']);
    expect(t.catalogue).toEqual(['province_officer']);
    expect(t.read).not.toContain('supervisor');
  });
});

describe('notification outbox', () => {
  it('retries a failed send with a growing wait, then sends', async () => {
    const p = ((await xa.inject('GET', '/api/v1/procedures?q=DEMO.GN.01')).json() as ProcedurePage).items[0]!;
    const d = (
      await xa.inject('POST', '/api/v1/dossiers', {
        procedureId: p.id,
        channel: 'counter',
        communeCode: '25213',
        applicantName: 'Đỗ Thị Tin',
        applicantPhone: '0987654321',
      })
    ).json() as DossierOut;
    const db = ctx.database.db;
    await db.updateTable('dossier_outbox').set({ state: 'sent' }).where('dossier_id', '!=', d.id).execute();
    let fail = true;
    const sent: string[] = [];
    const channel = {
      name: 'test',
      send: async (to: string, text: string) => {
        if (fail) throw new Error('gateway down');
        sent.push(`${to}: ${text}`);
      },
    };
    const t0 = new Date();
    expect(await drainOutbox(ctx.database, channel, t0)).toBe(0);
    let row = await db
      .selectFrom('dossier_outbox')
      .selectAll()
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'pending', attempts: 1, last_error: 'gateway down' });
    expect(new Date(row.next_attempt_at).getTime() - t0.getTime()).toBe(60_000);
    fail = false;
    expect(await drainOutbox(ctx.database, channel, t0)).toBe(0); // not due yet
    expect(await drainOutbox(ctx.database, channel, new Date(t0.getTime() + 61_000))).toBe(1);
    row = await db.selectFrom('dossier_outbox').selectAll().where('dossier_id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.state).toBe('sent');
    expect(sent[0]).toContain(d.code);
  });
});

describe('attachments are recognised by their bytes', () => {
  it('PDF, JPEG, PNG; not a renamed executable', () => {
    expect(sniffMime(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('image/png');
    expect(sniffMime(Buffer.from('MZ\x90\x00'))).toBeNull();
  });
});

describe('attachments', () => {
  it('accepts a PDF by its bytes and refuses a renamed text file', async () => {
    const p = ((await xa.inject('GET', '/api/v1/procedures?q=DEMO.GN.01')).json() as ProcedurePage).items[0]!;
    const d = (
      await xa.inject('POST', '/api/v1/dossiers', {
        procedureId: p.id,
        channel: 'counter',
        communeCode: '25213',
        applicantName: 'Võ Văn Tệp',
      })
    ).json() as DossierOut;
    const send = (name: string, content: Buffer, type: string) => {
      const boundary = '----ansinh';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return ctx.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/files`,
        headers: {
          cookie: xa.cookie,
          'x-csrf-token': xa.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      });
    };
    const okRes = await send('to-khai.pdf', Buffer.from('%PDF-1.4\n%…\n'), 'application/pdf');
    expect(okRes.statusCode, okRes.body).toBe(200);
    const withFile = okRes.json() as DossierOut;
    expect(withFile.files.map((f) => [f.name, f.mime])).toEqual([['to-khai.pdf', 'application/pdf']]);
    expectProblem(await send('anh.jpg', Buffer.from('not an image'), 'image/jpeg'), 400, 'FILE_TYPE');
    const dl = await xa.inject('GET', `/api/v1/dossiers/${d.id}/files/${withFile.files[0]!.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
  });
});
