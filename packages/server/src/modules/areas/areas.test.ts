import zlib from 'node:zlib';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AreaList, AreaOut } from '@ansinh/domain';
import { systemActor } from '../../platform/actor.js';
import type { AppError } from '../../platform/errors.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';

let ctx: TestContext;
let admin: Session;
let commune: Session;
const system = systemActor('test');

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  commune = await ctx.login('xa.25213');
});
afterAll(async () => {
  await ctx?.close();
});

const list = async (s: Session, query: string) => {
  const res = await s.inject('GET', `/api/v1/areas${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as AreaList).items;
};

const auditCount = async (action: string) =>
  Number(
    (
      await ctx.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The error an import throws, for its code and per-line details. */
async function importError(text: string): Promise<AppError> {
  try {
    await ctx.services.areas.importList(system, text, { listId: 'test-bad', validFrom: '2025-03-01', validTo: null });
  } catch (e) {
    return e as AppError;
  }
  throw new Error('the import was accepted');
}

describe('reading the tree', () => {
  it('GET /areas/70 as admin: Tỉnh Bình Phước with 11 districts', async () => {
    const res = await admin.inject('GET', '/api/v1/areas/70');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: '70',
      name: 'Tỉnh Bình Phước',
      type: 'province',
      level: 1,
      parentCode: null,
      validFrom: '2025-03-01',
      validTo: '2025-06-30',
      childCount: 11,
      path: [{ code: '70', name: 'Tỉnh Bình Phước' }],
    });
  });

  it('?parent=70: the 11 districts, whose communes add up to 111', async () => {
    const items = await list(admin, '?parent=70');
    expect(items.map((a) => a.code).sort()).toEqual([
      '688',
      '689',
      '690',
      '691',
      '692',
      '693',
      '694',
      '695',
      '696',
      '697',
      '698',
    ]);
    expect(items.every((a) => a.level === 2 && a.parentCode === '70')).toBe(true);
    expect(items.reduce((n, a) => n + a.childCount, 0)).toBe(111);
    expect(items.find((a) => a.code === '689')).toMatchObject({ name: 'Thành phố Đồng Xoài', type: 'provincial_city' });
  });

  it('?parent=692: the 16 communes of Huyện Lộc Ninh, with breadcrumbs', async () => {
    const items = await list(admin, '?parent=692');
    expect(items).toHaveLength(16);
    for (const a of items) {
      expect(a).toMatchObject({ level: 3, parentCode: '692', childCount: 0 });
      expect(a.path).toEqual([
        { code: '70', name: 'Tỉnh Bình Phước' },
        { code: '692', name: 'Huyện Lộc Ninh' },
        { code: a.code, name: a.name },
      ]);
    }
    expect(items.find((a) => a.code === '25270')).toMatchObject({ name: 'Thị trấn Lộc Ninh', type: 'township' });
  });

  it('without parameters, an admin gets their province as the root', async () => {
    expect((await list(admin, '')).map((a) => a.code)).toEqual(['70']);
  });

  it('an unknown code answers 404, a malformed one 400', async () => {
    expectProblem(await admin.inject('GET', '/api/v1/areas/12345'), 404, 'NOT_FOUND');
    expectProblem(await admin.inject('GET', '/api/v1/areas?parent=12345'), 404, 'NOT_FOUND');
    expectProblem(await admin.inject('GET', '/api/v1/areas/7'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.inject('GET', '/api/v1/areas?parent=abc'), 400, 'VALIDATION_FAILED');
  });
});

describe('compressed answers (a browser sends accept-encoding)', () => {
  const get = (encoding?: string) =>
    ctx.app.inject({
      method: 'GET',
      url: '/api/v1/areas?parent=70',
      headers: { cookie: admin.cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) },
    });

  it('the district list comes as brotli or gzip, the same text, the same bytes each time', async () => {
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    const text = plain.body;
    expect((JSON.parse(text) as AreaList).items).toHaveLength(11);
    expect(text.length).toBeGreaterThan(1024);

    const br1 = await get('gzip, deflate, br');
    const br2 = await get('gzip, deflate, br');
    expect(br1.headers['content-encoding']).toBe('br');
    expect(br1.headers['vary']).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br1.rawPayload).toString('utf8')).toBe(text);
    expect(br2.rawPayload.equals(br1.rawPayload)).toBe(true);
    // Compressed once and kept: sent whole with its length, not streamed through a compressor.
    expect(Number(br1.headers['content-length'])).toBe(br1.rawPayload.length);
    expect(br1.rawPayload.length).toBeLessThan(text.length / 3);

    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString('utf8')).toBe(text);

    // br refused with q=0: gzip; nothing acceptable: plain text.
    expect((await get('br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    const none = await get('identity');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toBe(text);
  });
});

describe('a commune officer (xa.25213, Xã Tiến Hưng in 689 Đồng Xoài)', () => {
  it('gets only their commune as the root', async () => {
    const items = await list(commune, '');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      code: '25213',
      name: 'Xã Tiến Hưng',
      type: 'commune',
      level: 3,
      parentCode: '689',
      path: [
        { code: '70', name: 'Tỉnh Bình Phước' },
        { code: '689', name: 'Thành phố Đồng Xoài' },
        { code: '25213', name: 'Xã Tiến Hưng' },
      ],
    });
  });

  it('reads their own commune', async () => {
    expect((await commune.inject('GET', '/api/v1/areas/25213')).statusCode).toBe(200);
  });

  it('gets 404 for the province, its children, their district and another commune', async () => {
    expectProblem(await commune.inject('GET', '/api/v1/areas?parent=70'), 404, 'NOT_FOUND');
    expectProblem(await commune.inject('GET', '/api/v1/areas?parent=689'), 404, 'NOT_FOUND');
    expectProblem(await commune.inject('GET', '/api/v1/areas/70'), 404, 'NOT_FOUND');
    expectProblem(await commune.inject('GET', '/api/v1/areas/689'), 404, 'NOT_FOUND');
    const other = expectProblem(await commune.inject('GET', '/api/v1/areas/25210'), 404, 'NOT_FOUND');
    // Outside and non-existent look the same.
    const missing = expectProblem(await commune.inject('GET', '/api/v1/areas/12345'), 404, 'NOT_FOUND');
    expect(other.message).toBe(missing.message);
  });

  it('a name search stays inside their commune', async () => {
    const items = await list(commune, '?q=tien');
    expect(items.map((a) => a.code)).toEqual(['25213']);
    expect(await list(commune, `?q=${encodeURIComponent('lộc ninh')}`)).toEqual([]);
  });
});

describe('search', () => {
  it('"tien hung" without accents finds Xã Tiến Hưng', async () => {
    const items = await list(admin, `?q=${encodeURIComponent('tien hung')}`);
    expect(items.map((a) => a.name)).toContain('Xã Tiến Hưng');
    expect(items.find((a) => a.code === '25213')?.path.map((p) => p.code)).toEqual(['70', '689', '25213']);
  });

  it('is insensitive to accents and capitals, and finds provinces, districts and communes', async () => {
    expect((await list(admin, `?q=${encodeURIComponent('TIẾN HƯNG')}`)).map((a) => a.code)).toContain('25213');
    const items = await list(admin, `?q=${encodeURIComponent('loc ninh')}`);
    expect(items.map((a) => a.code)).toEqual(expect.arrayContaining(['692', '25270']));
    expect((await list(admin, `?q=${encodeURIComponent('binh phuoc')}`)).map((a) => a.code)).toEqual(['70']);
  });

  it('a district officer only finds areas in their district', async () => {
    const d = await ctx.login('huyen.692');
    expect(await list(d, `?q=${encodeURIComponent('tien hung')}`)).toEqual([]);
    const items = await list(d, `?q=${encodeURIComponent('lộc')}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((a) => a.path[1]?.code === '692')).toBe(true);
  });
});

describe('importing an area list', () => {
  it('refuses a malformed file with the line of each problem, and changes nothing', async () => {
    const countBefore = await ctx.services.areas.count();
    const eventsBefore = await auditCount('areas.import');
    const err = await importError(
      [
        'code,parent,type,name',
        '98,,province,Tỉnh Hỏng',
        '981,98,district,Huyện Một',
        '9811,981,commune,Xã Mã Bốn Số',
        '98112,981,village,Xã Sai Loại',
        '98113,,commune,Xã Không Có Cấp Trên',
        '98114,981,commune,Xã Đúng',
      ].join('\n'),
    );
    expect(err.status).toBe(400);
    expect(err.code).toBe('AREA_LIST_INVALID');
    expect(err.message).toContain('không có gì được thay đổi');
    const lines = err.details!.map((d) => d.path);
    expect(lines).toEqual(['line 4', 'line 5', 'line 6']);
    expect(err.details![0]!.message).toContain('5 chữ số');
    expect(err.details![1]!.message).toContain('village');
    expect(err.details![2]!.message).toContain('cấp trên');
    expect(await ctx.services.areas.count()).toBe(countBefore);
    expect(await auditCount('areas.import')).toBe(eventsBefore);
    expectProblem(await admin.inject('GET', '/api/v1/areas/981'), 404, 'NOT_FOUND');
  });

  it('refuses a parent that is neither in the file nor in the system (found inside the transaction)', async () => {
    const countBefore = await ctx.services.areas.count();
    const err = await importError(
      [
        'code,parent,type,name',
        '97,,province,Tỉnh Mới',
        '971,97,district,Huyện Mới',
        '97101,979,commune,Xã Mồ Côi',
      ].join('\n'),
    );
    expect(err.code).toBe('AREA_LIST_INVALID');
    expect(err.details).toEqual([{ path: 'line 4', message: expect.stringContaining('979') }]);
    expect(await ctx.services.areas.count()).toBe(countBefore);
  });

  it('refuses a file it cannot recognise, and duplicates within a file', async () => {
    const unknown = await importError('ma,ten\n01,Hà Nội\n');
    expect(unknown.details).toEqual([{ path: 'line 1', message: expect.stringContaining('Không nhận ra định dạng') }]);
    const dup = await importError('code,parent,type,name\n96,,province,Tỉnh A\n96,,province,Tỉnh B\n');
    expect(dup.details).toEqual([{ path: 'line 3', message: expect.stringContaining('trùng với dòng 2') }]);
    expect((await importError('')).code).toBe('AREA_LIST_INVALID');
  });

  const GSO = [
    'Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp',
    'Tỉnh Thử Nghiệm,99,Huyện Thử Nghiệm,999,Xã Thử Nghiệm,99999,Xã',
    'Tỉnh Thử Nghiệm,99,Huyện Thử Nghiệm,999,Thị trấn Thử,99998,Thị trấn',
    'Tỉnh Thử Nghiệm,99,Thị xã Mẫu,998,Phường Mẫu,99997,Phường',
    '',
  ].join('\r\n');
  const gsoOptions = { listId: 'test-gso', validFrom: '2025-03-01', validTo: null };

  it('accepts a GSO-layout CSV for a new province', async () => {
    const countBefore = await ctx.services.areas.count();
    const r = await ctx.services.areas.importList(system, GSO, gsoOptions);
    expect(r).toEqual({ format: 'gso', inserted: 6, updated: 0, unchanged: 0 });
    expect(await ctx.services.areas.count()).toBe(countBefore + 6);

    const province: AreaOut = await ctx.services.areas.get(system, '99');
    expect(province).toMatchObject({ name: 'Tỉnh Thử Nghiệm', type: 'province', level: 1, childCount: 2 });
    expect(await ctx.services.areas.get(system, '998')).toMatchObject({
      type: 'town',
      parentCode: '99',
      childCount: 1,
    });
    expect(await ctx.services.areas.get(system, '99998')).toMatchObject({
      type: 'township',
      level: 3,
      parentCode: '999',
    });
    expect(await ctx.services.areas.get(system, '99997')).toMatchObject({
      type: 'ward',
      path: [
        { code: '99', name: 'Tỉnh Thử Nghiệm' },
        { code: '998', name: 'Thị xã Mẫu' },
        { code: '99997', name: 'Phường Mẫu' },
      ],
    });
    // Another province: the admin of 70 does not see it.
    expectProblem(await admin.inject('GET', '/api/v1/areas/99'), 404, 'NOT_FOUND');
    expect((await list(admin, `?q=${encodeURIComponent('thu nghiem')}`)).length).toBe(0);

    const events = await admin.inject('GET', '/api/v1/audit?action=areas.import&entityId=test-gso');
    expect(events.json()).toMatchObject({ total: 1, items: [{ after: { format: 'gso', inserted: 6, rows: 6 } }] });
  });

  it('re-importing the same file changes nothing', async () => {
    const r = await ctx.services.areas.importList(system, GSO, gsoOptions);
    expect(r).toEqual({ format: 'gso', inserted: 0, updated: 0, unchanged: 6 });
  });

  it('a renamed unit in a later file is an update, and the names other modules read change at once', async () => {
    const names = () => ctx.services.areas.namesOf(['99997', '25213', 'nope']);
    expect(Object.fromEntries(await names())).toEqual({ '99997': 'Phường Mẫu', '25213': 'Xã Tiến Hưng' });
    const renamed = GSO.replace('Phường Mẫu', 'Phường Mẫu Mới');
    expect(await ctx.services.areas.importList(system, renamed, gsoOptions)).toEqual({
      format: 'gso',
      inserted: 0,
      updated: 1,
      unchanged: 5,
    });
    expect((await ctx.services.areas.get(system, '99997')).name).toBe('Phường Mẫu Mới');
    expect((await names()).get('99997')).toBe('Phường Mẫu Mới');
  });

  it('re-importing the shipped list vn-2025-03-01 for province 70: 123 unchanged', async () => {
    const countBefore = await ctx.services.areas.count();
    const r = await ctx.services.areas.importShipped(system, 'vn-2025-03-01', '70');
    expect(r).toEqual({ format: 'ansinh', inserted: 0, updated: 0, unchanged: 123 });
    expect(await ctx.services.areas.count()).toBe(countBefore);
  });

  it('an unknown shipped list is refused with its own code', async () => {
    await expect(ctx.services.areas.importShipped(system, 'vn-1999-01-01')).rejects.toMatchObject({
      status: 400,
      code: 'AREA_LIST_UNKNOWN',
    });
  });

  it('only an administrator may import', async () => {
    const me = await commune.inject('GET', '/api/v1/auth/me');
    const { id, username } = me.json() as { id: number; username: string };
    const officer = {
      kind: 'user' as const,
      userId: id,
      username,
      role: 'commune_officer' as const,
      areaCode: '25213',
      areaPath: '/70/689/25213/',
      areaLevel: 3,
      ip: null,
      requestId: null,
    };
    await expect(ctx.services.areas.importList(officer, GSO, gsoOptions)).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
  });
});
