import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOSSIER_CODE_RE,
  clockStart,
  defaultCalendar as cal,
  lastWorkingDay,
  planSteps,
  type DossierLookupOut,
  type DossierOut,
  type DossierPage,
  type DossierStatsOut,
  type ProcedureOut,
  type ProcedurePage,
} from '@ansinh/domain';
import { createTestContext, DEMO_PASSWORD, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import { createDossiersService } from './dossiers.service.js';

let ctx: TestContext;
let xa: Session; // xa.25213 Xã Tiến Hưng, district 689
let xaOther: Session; // xa.25270 in district 692
let huyen: Session; // huyen.689
let tinh: Session; // tinh.chuyenvien
let lanhdao: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  [xa, xaOther, huyen, tinh, lanhdao] = await Promise.all(
    ['xa.25213', 'xa.25270', 'huyen.689', 'tinh.chuyenvien', 'tinh.lanhdao'].map((u) => ctx.login(u)),
  );
});
afterAll(async () => {
  await ctx?.close();
});

async function procedureByCode(code: string): Promise<ProcedureOut> {
  const page = (await tinh.inject('GET', `/api/v1/procedures?q=${encodeURIComponent(code)}`)).json() as ProcedurePage;
  const p = page.items.find((x) => x.code === code);
  if (!p) throw new Error(`no procedure ${code}`);
  return p;
}

async function ok<T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

describe('procedure catalogue', () => {
  it('ships the demo catalogue; the Department edits it; a commune officer cannot', async () => {
    const page = await ok<ProcedurePage>(await tinh.inject('GET', '/api/v1/procedures?pageSize=100'));
    expect(page.total).toBeGreaterThanOrEqual(30);
    expect(page.items.every((p) => p.isDemo)).toBe(true);
    const tb = await procedureByCode('DEMO.NCC.03');
    expect(tb.path.map((s) => s.level)).toEqual(['commune', 'district', 'province']);
    expect(tb.totalDays).toBe(32);

    const body = {
      code: 'T.0001',
      name: 'Thủ tục thử nghiệm',
      field: 'Bảo trợ xã hội',
      decisionLevel: 'district',
      path: [
        { level: 'commune', days: 3 },
        { level: 'district', days: 2 },
      ],
      onlineMode: 'partial',
    };
    expectProblem(await xa.inject('POST', '/api/v1/procedures', body), 403, 'FORBIDDEN');
    const created = await ok<ProcedureOut>(await tinh.inject('POST', '/api/v1/procedures', body), 201);
    expect(created.totalDays).toBe(5);
    expectProblem(await tinh.inject('POST', '/api/v1/procedures', body), 409, 'PROCEDURE_CODE_TAKEN');
    const bad = await tinh.inject('POST', '/api/v1/procedures', { ...body, code: 'T.0002', decisionLevel: 'province' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    const patched = await ok<ProcedureOut>(
      await tinh.inject('PATCH', `/api/v1/procedures/${created.id}`, { onlineMode: 'full', onNationalPortal: true }),
    );
    expect(patched.onlineMode).toBe('full');
  });
});

describe('a dossier through commune, district and province', () => {
  let d: DossierOut;
  it('the commune officer takes an assisted dossier at the counter: official code, due dates per level, receipt data', async () => {
    const p = await procedureByCode('DEMO.NCC.03');
    d = await ok<DossierOut>(
      await xa.inject('POST', '/api/v1/dossiers', {
        procedureId: p.id,
        channel: 'assisted',
        communeCode: '25213',
        applicantName: 'Nguyễn Văn Thương',
        applicantPhone: '0912345678',
        applicantIdNumber: '070050000123',
        applicantAddress: 'Ấp 3, xã Tiến Hưng',
        delivery: 'home',
        assistedReason: 'disability',
        assistedNote: 'Thương binh, đi lại khó khăn',
        documents: ['Tờ khai', 'Bản sao CCCD'],
      }),
      201,
    );
    expect(d.code).toMatch(DOSSIER_CODE_RE);
    expect(d.code.startsWith('213.89.31.H70-')).toBe(true);
    expect(d.state).toBe('processing');
    expect(d.assistedBy).toBe('xa.25213');
    expect(d.steps.map((s) => [s.level, s.areaName])).toEqual([
      ['commune', 'Xã Tiến Hưng'],
      ['district', d.steps[1]!.areaName],
      ['province', 'Tỉnh Bình Phước'],
    ]);
    const start = clockStart(cal, d.receivedAt);
    const plan = planSteps(cal, start, p.path);
    expect(d.dueDate).toBe(plan.due);
    expect(d.appointmentDate).toBe(plan.due);
    expect(d.steps[0]!.dueDate).toBe(lastWorkingDay(cal, start, 5));
    expect(d.actions).toContain('forward');
    expect(d.events[0]!.action).toBe('receive');
  });

  it('outside the commune the dossier does not exist; the district cannot act before it is passed up', async () => {
    expectProblem(await xaOther.inject('GET', `/api/v1/dossiers/${d.id}`), 404, 'NOT_FOUND');
    expectProblem(await huyen.inject('POST', `/api/v1/dossiers/${d.id}/forward`, {}), 403, 'FORBIDDEN');
    expectProblem(await lanhdao.inject('POST', `/api/v1/dossiers/${d.id}/forward`, {}), 403, 'FORBIDDEN');
  });

  it('commune → district → province → result → returned at the commune counter, each transfer in the timeline', async () => {
    d = await ok<DossierOut>(await xa.inject('POST', `/api/v1/dossiers/${d.id}/forward`, { note: 'Đã xác minh' }));
    expect(d.currentLevel).toBe('district');
    expect(d.steps[0]!.timeliness).toBe('early');
    const mine = await ok<DossierPage>(await huyen.inject('GET', '/api/v1/dossiers?mine=1'));
    expect(mine.items.map((x) => x.code)).toContain(d.code);
    expectProblem(await xa.inject('POST', `/api/v1/dossiers/${d.id}/forward`, {}), 403, 'FORBIDDEN');
    expectProblem(await huyen.inject('POST', `/api/v1/dossiers/${d.id}/result`, {}), 409, 'DOSSIER_NOT_LAST_LEVEL');
    d = await ok<DossierOut>(await huyen.inject('POST', `/api/v1/dossiers/${d.id}/forward`, {}));
    expect(d.currentLevel).toBe('province');
    expect(d.actions).toEqual([]);
    d = await ok<DossierOut>(
      await tinh.inject('POST', `/api/v1/dossiers/${d.id}/result`, { outcomeNote: 'Quyết định số 123/QĐ-SLĐTBXH' }),
    );
    expect(d.state).toBe('result_ready');
    expect(d.timeliness).toBe('early');
    expect(d.currentAreaName).toBe('Xã Tiến Hưng');
    d = await ok<DossierOut>(await xa.inject('POST', `/api/v1/dossiers/${d.id}/return`, { note: 'Gửi về nhà' }));
    expect(d.state).toBe('returned');
    expect(d.events.map((e) => e.action)).toEqual(['receive', 'forward', 'forward', 'result', 'return']);
    expect(d.events[1]!.actor).toBe('xa.25213');
    expect(d.events[3]!.actor).toBe('tinh.chuyenvien');
  });

  it('the citizen looks it up with the code and phone or the last digits of the ID; a wrong number finds nothing', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/public/dossiers/lookup?code=${d.code}&check=0912345678`,
    });
    const out = await ok<DossierLookupOut>(res);
    expect(out.stateLabel).toBe('Đã trả kết quả');
    expect(out.applicantName).toBe('N. V. Thương');
    const byId = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/public/dossiers/lookup?code=${d.code.toLowerCase()}&check=0123`,
    });
    expect(byId.statusCode).toBe(200);
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/lookup?code=${d.code}&check=0999999999` }),
      404,
      'DOSSIER_LOOKUP_FAILED',
    );
  });

  it('notifications went to the outbox and the log channel drains them', async () => {
    const pending = await ctx.database.db
      .selectFrom('dossier_outbox')
      .select(['kind', 'state'])
      .where('dossier_id', '=', d.id)
      .orderBy('id')
      .execute();
    expect(pending.map((p) => p.kind)).toEqual(['receive', 'result', 'returned']);
    const sent = await ctx.services.dossiers.drainOutbox();
    expect(sent).toBeGreaterThanOrEqual(3);
    const after = await ctx.database.db
      .selectFrom('dossier_outbox')
      .select('state')
      .where('dossier_id', '=', d.id)
      .execute();
    expect(after.every((r) => r.state === 'sent')).toBe(true);
  });

  it('every transition is in the audit log', async () => {
    const rows = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'dossier')
      .where('entity_id', '=', String(d.id))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'dossier.receive',
      'dossier.forward',
      'dossier.forward',
      'dossier.result',
      'dossier.return',
    ]);
  });
});

describe('a province with two levels (after July 2025)', () => {
  it('skips the district: commune → province', async () => {
    const actor = systemActor('test');
    await ctx.services.areas.importList(
      actor,
      ['code,parent,type,name', '88,,province,Tỉnh Hai Cấp', '88001,88,commune,Xã Một', ''].join('\n'),
      {
        listId: 'test-88',
        validFrom: '2025-07-01',
        validTo: null,
      },
    );
    await ctx.services.users.create(
      actor,
      {
        username: 'xa.88001',
        password: DEMO_PASSWORD,
        fullName: 'Cán bộ Xã Một',
        role: 'commune_officer',
        areaCode: '88001',
      },
      { mustChangePassword: false },
    );
    await ctx.services.users.create(
      actor,
      {
        username: 'tinh.88',
        password: DEMO_PASSWORD,
        fullName: 'Chuyên viên Sở',
        role: 'province_officer',
        areaCode: '88',
      },
      { mustChangePassword: false },
    );
    const [xa88, tinh88] = await Promise.all([ctx.login('xa.88001'), ctx.login('tinh.88')]);
    const p = await procedureByCode('DEMO.NCC.03');
    let d = await ok<DossierOut>(
      await xa88.inject('POST', '/api/v1/dossiers', {
        procedureId: p.id,
        channel: 'counter',
        communeCode: '88001',
        applicantName: 'Trần Thị Hai',
      }),
      201,
    );
    expect(d.steps.map((s) => s.level)).toEqual(['commune', 'province']);
    expect(d.code.startsWith('001.00.31.H88-')).toBe(true);
    expect(d.dueDate).toBe(
      planSteps(cal, clockStart(cal, d.receivedAt), [
        { level: 'commune', days: 5 },
        { level: 'province', days: 20 },
      ]).due,
    );
    d = await ok<DossierOut>(await xa88.inject('POST', `/api/v1/dossiers/${d.id}/forward`, {}));
    expect(d.currentAreaName).toBe('Tỉnh Hai Cấp');
    expectProblem(await tinh.inject('GET', `/api/v1/dossiers/${d.id}`), 404, 'NOT_FOUND');
    d = await ok<DossierOut>(await tinh88.inject('POST', `/api/v1/dossiers/${d.id}/result`, {}));
    expect(d.state).toBe('result_ready');
  });
});

describe('deadlines on a replayed clock', () => {
  const xaActor: Actor = {
    kind: 'user',
    userId: 0,
    username: 'xa.25213',
    role: 'commune_officer',
    areaCode: '25213',
    areaPath: '/70/689/25213/',
    areaLevel: 3,
    ip: null,
    requestId: null,
  };
  const huyenActor: Actor = {
    ...xaActor,
    username: 'huyen.689',
    role: 'district_officer',
    areaCode: '689',
    areaPath: '/70/689/',
    areaLevel: 2,
  };
  let clock = new Date('2025-03-03T02:00:00Z'); // Monday 09:00
  const at = (iso: string) => (clock = new Date(iso));
  const service = () => createDossiersService({ database: ctx.database, areas: ctx.services.areas, now: () => clock });

  it('the clock stops for supplements and restarts when they come; late at the commune makes the dossier late', async () => {
    const s = service();
    const p = await procedureByCode('DEMO.BTXH.01'); // commune 15, district 7
    at('2025-03-03T02:00:00Z');
    let d = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Lê Văn Bổ',
    });
    expect(d.steps[0]!.dueDate).toBe('2025-03-21'); // 15 working days from Monday 03/3
    expect(d.dueDate).toBe('2025-04-01'); // + 7 working days from 24/3
    at('2025-03-05T03:00:00Z');
    d = await s.requestSupplement(xaActor, d.id, 'Giấy xác nhận khuyết tật', '');
    expect(d.state).toBe('supplement');
    expect(d.actions).toContain('supplied');
    at('2025-03-12T03:00:00Z'); // 5 working days later
    d = await s.supplied(xaActor, d.id, '');
    expect(d.steps[0]!.pausedDays).toBe(5);
    expect(d.steps[0]!.dueDate).toBe('2025-03-28');
    expect(d.dueDate).toBe('2025-04-09'); // 01/4 + 5 working days, Giỗ Tổ (07/4) not counted
    at('2025-03-31T03:00:00Z'); // after the commune's due date
    d = await s.forward(xaActor, d.id, '');
    expect(d.steps[0]!.timeliness).toBe('late');
    // The district gets its own 7 working days from 31/3, to 09/4 (the dossier's due date).
    expect(d.levelDueDate).toBe('2025-04-09');
    at('2025-04-09T03:00:00Z');
    d = await s.result(huyenActor, d.id, {});
    expect(d.timeliness).toBe('on_time');
    expect(d.steps[1]!.timeliness).toBe('on_time');

    // A second one, settled after the due date: late, and the level that made it late is the district.
    at('2025-03-03T02:00:00Z');
    let e = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'online',
      communeCode: '25213',
      applicantName: 'Phạm Thị Muộn',
    });
    at('2025-03-10T02:00:00Z');
    e = await s.forward(xaActor, e.id, '');
    at('2025-04-02T02:00:00Z');
    e = await s.result(huyenActor, e.id, {});
    expect(e.timeliness).toBe('late');
    expect(e.lateLevel).toBe('district');
  });

  it('one apology with a new appointment, only before the due date', async () => {
    const s = service();
    const p = await procedureByCode('DEMO.GN.01'); // commune 10
    at('2025-04-01T02:00:00Z');
    const d = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Hộ Ông Xin',
    });
    expect(d.dueDate).toBe('2025-04-15'); // 10 working days: 7/4 (Giỗ Tổ) is not one
    at('2025-04-14T02:00:00Z');
    const a = await s.apologize(xaActor, d.id, 'Chờ kết quả xác minh', '2025-04-22');
    expect(a.appointmentDate).toBe('2025-04-22');
    expect(a.dueDate).toBe('2025-04-15');
    await expect(s.apologize(xaActor, d.id, 'Lần hai', '2025-04-25')).rejects.toMatchObject({
      code: 'APOLOGY_NOT_ALLOWED',
    });
    const late = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Hộ Bà Trễ',
    });
    at('2025-04-29T02:00:00Z');
    await expect(s.apologize(xaActor, late.id, 'Quá hạn rồi', '2025-05-06')).rejects.toMatchObject({
      code: 'APOLOGY_NOT_ALLOWED',
    });
  });

  it('counts from the next working day when received at 15:01', async () => {
    const s = service();
    const p = await procedureByCode('DEMO.GN.01');
    at('2025-03-14T08:01:00Z'); // Friday 15:01
    const d = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Người Chiều Muộn',
    });
    expect(d.startDate).toBe('2025-03-17');
    expect(d.dueDate).toBe('2025-03-28');
  });
});

describe('attachments', () => {
  it('accepts a PDF by its bytes and refuses a renamed text file', async () => {
    const p = await procedureByCode('DEMO.GN.01');
    const d = await ok<DossierOut>(
      await xa.inject('POST', '/api/v1/dossiers', {
        procedureId: p.id,
        channel: 'counter',
        communeCode: '25213',
        applicantName: 'Võ Văn Tệp',
      }),
      201,
    );
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
    const withFile = await ok<DossierOut>(okRes);
    expect(withFile.files.map((f) => [f.name, f.mime])).toEqual([['to-khai.pdf', 'application/pdf']]);
    expectProblem(await send('anh.jpg', Buffer.from('not an image'), 'image/jpeg'), 400, 'FILE_TYPE');
    const dl = await xa.inject('GET', `/api/v1/dossiers/${d.id}/files/${withFile.files[0]!.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
  });
});

describe('statistics and lists', () => {
  it('counts procedures by online mode and dossiers by channel and timeliness for the province', async () => {
    const stats = await ok<DossierStatsOut>(
      await lanhdao.inject('GET', '/api/v1/dossiers/stats?from=2025-01-01&to=2025-12-31'),
    );
    expect(stats.areaName).toBe('Tỉnh Bình Phước');
    expect(stats.procedures.total).toBeGreaterThan(30);
    expect(
      stats.procedures.fullyOnline.count + stats.procedures.partlyOnline.count + stats.procedures.notOnline.count,
    ).toBe(stats.procedures.total);
    expect(stats.settled).toMatchObject({ early: 0, onTime: 1, late: 1, total: 2 });
    expect(stats.settled.onTimeRate.percent).toBe(50);
    expect(stats.lateByLevel).toEqual([{ level: 'district', count: 1 }]);
    expect(stats.received.byChannel.online).toBe(1);
    const commune = await ok<DossierStatsOut>(
      await xa.inject('GET', '/api/v1/dossiers/stats?from=2025-01-01&to=2025-12-31'),
    );
    expect(commune.areaName).toBe('Xã Tiến Hưng');
    expectProblem(
      await xaOther.inject('GET', '/api/v1/dossiers/stats?from=2025-01-01&to=2025-12-31&areaCode=25213'),
      404,
      'NOT_FOUND',
    );
  });

  it("the officer's list of what is overdue at their level", async () => {
    const overdue = await ok<DossierPage>(await xa.inject('GET', '/api/v1/dossiers?mine=1&due=overdue'));
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((x) => x.urgency === 'overdue')).toBe(true);
    const indicator = (await import('./dossiers.indicators.js')).dossiersIndicators.find(
      (i) => i.code === 'dossiers.settled_late',
    )!;
    const v = await indicator.compute(ctx.database.db, {
      area: { code: '70', level: 1, column: 'province_code' },
      from: '2025-01-01',
      to: '2025-12-31',
      asOf: '2025-12-31',
    });
    expect(v.value).toBe(1);
  });
});
