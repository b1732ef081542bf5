import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO_PASSWORD, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import { buildDossier, buildProcedure, factoryActor } from '../../test/factories.js';
import { PROCEDURE_COLUMNS } from './dossiers.sheet.js';

/**
 * Each province keeps its own procedure catalogue (migration 0007): codes are unique within a
 * province, an officer reads and edits only their province's, and a dossier is received only for
 * a procedure of its commune's province. Province 99 comes from `addOtherProvince`.
 */
let ctx: TestContext;
let tinh70: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  tinh70 = await ctx.login('tinh.chuyenvien');
});
afterAll(async () => {
  await ctx?.close();
});

const pathTo = (level: 'commune') => [{ level, days: 5 }];

async function countOf(table: 'dossiers' | 'procedures', provinceCode: string) {
  const r = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', provinceCode)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function sheet(code: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thủ tục');
  ws.addRow(PROCEDURE_COLUMNS.map((c) => c.header));
  ws.addRow([code, 'Thủ tục nhập thử', 'Bảo trợ xã hội', 'xã', 'xã:5', '0', '', '', 'một phần', '', 'không', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(s: Session, file: Buffer) {
  const boundary = '----ansinh';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/import?mode=commit',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

describe('two provinces, two catalogues', () => {
  async function officer99(): Promise<Session> {
    const username = 'tinh99.chuyenvien';
    const found = await ctx.services.users.list(factoryActor, { page: 1, pageSize: 5, q: username });
    if (!found.items.some((u) => u.username === username))
      await ctx.services.users.create(
        factoryActor,
        { username, password: DEMO_PASSWORD, fullName: 'Chuyên viên Sở 99', role: 'province_officer', areaCode: '99' },
        { mustChangePassword: false },
      );
    return ctx.login(username);
  }

  it("an officer of one province neither sees nor changes the other's catalogue; the same code lives in both", async () => {
    const tinh99 = await officer99();
    const code = `SAME.${Date.now() % 100000}`;
    const body = {
      code,
      name: 'Thủ tục cùng mã',
      field: 'Bảo trợ xã hội',
      decisionLevel: 'commune',
      path: [{ level: 'commune', days: 5 }],
      onlineMode: 'none',
    };
    const p70 = (await tinh70.inject('POST', '/api/v1/procedures', body)).json() as { id: number; code: string };
    const r99 = await tinh99.inject('POST', '/api/v1/procedures', { ...body, name: 'Thủ tục cùng mã (99)' });
    expect(r99.statusCode, r99.body).toBe(201);
    const p99 = r99.json() as { id: number; code: string };
    expect(p99.code).toBe(p70.code);

    const list70 = (await tinh70.inject('GET', `/api/v1/procedures?q=${code}`)).json() as { items: { id: number }[] };
    expect(list70.items.map((p) => p.id)).toEqual([p70.id]);
    const list99 = (await tinh99.inject('GET', `/api/v1/procedures?q=${code}`)).json() as { items: { id: number }[] };
    expect(list99.items.map((p) => p.id)).toEqual([p99.id]);
    const all99 = (await tinh99.inject('GET', '/api/v1/procedures?pageSize=100')).json() as { items: { id: number }[] };
    expect(all99.items.map((p) => p.id)).not.toContain(p70.id);
    const all70 = (await tinh70.inject('GET', '/api/v1/procedures?pageSize=100')).json() as { items: { id: number }[] };
    expect(all70.items.map((p) => p.id)).not.toContain(p99.id);

    expect((await tinh70.inject('GET', `/api/v1/procedures/${p99.id}`)).statusCode).toBe(404);
    expect((await tinh70.inject('PATCH', `/api/v1/procedures/${p99.id}`, { onlineMode: 'full' })).statusCode).toBe(404);
    expect((await tinh99.inject('PATCH', `/api/v1/procedures/${p70.id}`, { onlineMode: 'full' })).statusCode).toBe(404);
    expect((await ctx.services.dossiers.getProcedure(factoryActor, p99.id)).onlineMode).toBe('none');
    expect((await ctx.services.dossiers.getProcedure(factoryActor, p70.id)).onlineMode).toBe('none');

    // An import of the same code creates it in the importer's province and leaves the other's alone.
    const imported = (await upload(tinh99, await sheet(`IMP.${code}`))).json() as { created: number };
    expect(imported.created).toBe(1);
    const again = (await upload(tinh70, await sheet(`IMP.${code}`))).json() as { created: number; updated: number };
    expect(again).toMatchObject({ created: 1, updated: 0 });
  });

  it("a dossier cannot be received for another province's procedure (404)", async () => {
    const p70 = await buildProcedure(ctx, { provinceCode: '70', path: pathTo('commune') });
    const xa99 = await ctx.login('xa.99999');
    const before = await countOf('dossiers', '99');
    const res = await xa99.inject('POST', '/api/v1/dossiers', {
      procedureId: p70.id,
      channel: 'counter',
      communeCode: '99999',
      applicantName: 'Người Tỉnh Khác',
    });
    expect(res.statusCode).toBe(404);
    // Nor by the system for a commune of the other province.
    await expect(buildDossier(ctx, { procedureId: p70.id, communeCode: '99999' })).rejects.toMatchObject({
      status: 404,
    });
    expect(await countOf('dossiers', '99')).toBe(before);
    const p99 = await buildProcedure(ctx, { provinceCode: '99', path: pathTo('commune') });
    const ok = await xa99.inject('POST', '/api/v1/dossiers', {
      procedureId: p99.id,
      channel: 'counter',
      communeCode: '99999',
      applicantName: 'Người Tỉnh Khác',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
