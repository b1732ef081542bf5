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
  type ProcedureOut,
  type ProcedurePage,
} from '@ansinh/domain';
import { createTestContext, DEMO_PASSWORD, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildDossier, buildProcedure } from '../../test/factories.js';
import { systemActor } from '../../platform/actor.js';

let ctx: TestContext;
let xa: Session; // xa.25213 Xã Tiến Hưng, district 689
let xaOther: Session; // xa.25270 in district 692
let huyen: Session; // huyen.689
let tinh: Session; // tinh.chuyenvien
let lanhdao: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  [xa, xaOther, huyen, tinh, lanhdao] = await ctx.loginAll([
    'xa.25213',
    'xa.25270',
    'huyen.689',
    'tinh.chuyenvien',
    'tinh.lanhdao',
  ]);
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
  /** The commune officer takes an assisted dossier of DEMO.NCC.03 (commune → district → province) at the counter. */
  async function receiveAssisted(): Promise<DossierOut> {
    const p = await procedureByCode('DEMO.NCC.03');
    return ok<DossierOut>(
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
  }

  /** The same, passed up twice, decided at the province and returned at the commune counter. */
  async function receivedAndReturned(): Promise<DossierOut> {
    const d = await receiveAssisted();
    await ok(await xa.inject('POST', `/api/v1/dossiers/${d.id}/forward`, { note: 'Đã xác minh' }));
    await ok(await huyen.inject('POST', `/api/v1/dossiers/${d.id}/forward`, {}));
    await ok(await tinh.inject('POST', `/api/v1/dossiers/${d.id}/result`, { outcomeNote: 'Quyết định số 123' }));
    return ok<DossierOut>(await xa.inject('POST', `/api/v1/dossiers/${d.id}/return`, { note: 'Gửi về nhà' }));
  }

  it('the commune officer takes an assisted dossier at the counter: official code, due dates per level, receipt data', async () => {
    const p = await procedureByCode('DEMO.NCC.03');
    const d = await receiveAssisted();
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
    // The receipt and the timeline name the officer, not the account.
    expect(d.receivedByName).toEqual(expect.any(String));
    expect(d.receivedByName).not.toBe('xa.25213');
    expect(d.assistedByName).toBe(d.receivedByName);
    expect(d.events[0]!.actorName).toBe(d.receivedByName);
  });

  it('outside the commune the dossier does not exist; the district cannot act before it is passed up', async () => {
    const d = await buildDossier(ctx, { procedureId: (await procedureByCode('DEMO.NCC.03')).id });
    expectProblem(await xaOther.inject('GET', `/api/v1/dossiers/${d.id}`), 404, 'NOT_FOUND');
    expectProblem(await huyen.inject('POST', `/api/v1/dossiers/${d.id}/forward`, {}), 403, 'FORBIDDEN');
    expectProblem(await lanhdao.inject('POST', `/api/v1/dossiers/${d.id}/forward`, {}), 403, 'FORBIDDEN');
  });

  it('commune → district → province → result → returned at the commune counter, each transfer in the timeline', async () => {
    let d = await receiveAssisted();
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

  it('the citizen looks it up with the code and the phone or the lookup code on the receipt; ID digits alone no longer do', async () => {
    const d = await receivedAndReturned();
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/public/dossiers/lookup?code=${d.code}&check=0912345678`,
    });
    const out = await ok<DossierLookupOut>(res);
    expect(out.stateLabel).toBe('Đã trả kết quả');
    expect(out.applicantName).toBe('N. V. Thương');
    expect(d.lookupSecret).toMatch(/^[A-Z2-9]{8}$/);
    const bySecret = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/public/dossiers/lookup?code=${d.code.toLowerCase()}&check=${d.lookupSecret!.toLowerCase()}`,
    });
    expect(bySecret.statusCode).toBe(200);
    const idDigits = (d.applicantIdNumber ?? '').slice(-6);
    expect(idDigits).toHaveLength(6);
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/lookup?code=${d.code}&check=${idDigits}` }),
      404,
      'DOSSIER_LOOKUP_FAILED',
    );
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/lookup?code=${d.code}&check=0999999999` }),
      404,
      'DOSSIER_LOOKUP_FAILED',
    );
  });

  it('notifications went to the outbox and the log channel drains them', async () => {
    const d = await receivedAndReturned();
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
    const d = await receivedAndReturned();
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
    // The province keeps its own catalogue: the same procedure under the same code.
    const demo = await procedureByCode('DEMO.NCC.03');
    const p = await buildProcedure(ctx, { ...demo, provinceCode: '88' });
    expect(p.code).toBe(demo.code);
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
