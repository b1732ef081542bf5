import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  defaultCalendar as cal,
  type DossierPage,
  type DossierStatsOut,
  type ProcedureOut,
  type ProcedurePage,
} from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import type { Actor } from '../../platform/actor.js';
import { createDossiersService } from './dossiers.service.js';
import { dossiersIndicators } from './dossiers.indicators.js';

let ctx: TestContext;
let xa: Session; // xa.25213 Xã Tiến Hưng, district 689
let xaOther: Session; // xa.25270 in district 692
let tinh: Session; // tinh.chuyenvien
let lanhdao: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  [xa, xaOther, tinh, lanhdao] = await ctx.loginAll(['xa.25213', 'xa.25270', 'tinh.chuyenvien', 'tinh.lanhdao']);
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

/** A service on its own replayed clock (each test sets the time it needs). */
function replay() {
  let clock = new Date('2025-03-03T02:00:00Z'); // Monday 09:00
  const at = (iso: string) => (clock = new Date(iso));
  const s = createDossiersService({ database: ctx.database, areas: ctx.services.areas, now: () => clock });
  return { s, at };
}

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

describe('deadlines on a replayed clock', () => {
  it('the clock stops for supplements and restarts when they come; late at the commune makes the dossier late', async () => {
    const { s, at } = replay();
    const p = await procedureByCode('DEMO.BTXH.01'); // commune 15, district 7
    at('2025-03-03T02:00:00Z');
    let d = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Lê Văn Bổ',
    });
    // BLDS 2015 Art. 147(1): received Monday 03/3, the period starts Tuesday 04/3.
    expect(d.steps[0]!.dueDate).toBe('2025-03-24'); // 15 working days from Tuesday 04/3
    expect(d.dueDate).toBe('2025-04-02'); // + 7 working days from 25/3
    at('2025-03-05T03:00:00Z');
    d = await s.requestSupplement(xaActor, d.id, 'Giấy xác nhận khuyết tật', '');
    expect(d.state).toBe('supplement');
    expect(d.actions).toContain('supplied');
    at('2025-03-12T03:00:00Z'); // 5 working days later
    d = await s.supplied(xaActor, d.id, '');
    expect(d.steps[0]!.pausedDays).toBe(5);
    expect(d.steps[0]!.dueDate).toBe('2025-03-31');
    expect(d.dueDate).toBe('2025-04-10'); // 02/4 + 5 working days, Giỗ Tổ (07/4) not counted
    at('2025-04-01T03:00:00Z'); // after the commune's due date
    d = await s.forward(xaActor, d.id, '');
    expect(d.steps[0]!.timeliness).toBe('late');
    // The district receives it on 01/4 and gets its own 7 working days from 02/4: 02, 03, 04, 08,
    // 09, 10, 11/4 (Giỗ Tổ 07/4 not counted).
    expect(d.levelDueDate).toBe('2025-04-11');
    at('2025-04-10T03:00:00Z');
    d = await s.result(huyenActor, d.id, {});
    expect(d.timeliness).toBe('on_time'); // on the dossier's due date
    expect(d.steps[1]!.timeliness).toBe('early'); // a day before the district's own

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
    at('2025-04-03T02:00:00Z'); // the day after the dossier's due date (02/4)
    e = await s.result(huyenActor, e.id, {});
    expect(e.timeliness).toBe('late');
    expect(e.lateLevel).toBe('district');
  });

  it('one apology with a new appointment, only before the due date', async () => {
    const { s, at } = replay();
    const p = await procedureByCode('DEMO.GN.01'); // commune 10
    at('2025-04-01T02:00:00Z');
    const d = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Hộ Ông Xin',
    });
    // Received Tuesday 01/4: 10 working days from 02/4 (BLDS Art. 147), 7/4 (Giỗ Tổ) is not one.
    expect(d.dueDate).toBe('2025-04-16');
    at('2025-04-14T02:00:00Z');
    const a = await s.apologize(xaActor, d.id, 'Chờ kết quả xác minh', '2025-04-22');
    expect(a.appointmentDate).toBe('2025-04-22');
    expect(a.dueDate).toBe('2025-04-16');
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

  it('received at 15:01 counts as received the next working day, and the period starts the day after', async () => {
    const { s, at } = replay();
    const p = await procedureByCode('DEMO.GN.01');
    at('2025-03-14T08:01:00Z'); // Friday 15:01
    const d = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Người Chiều Muộn',
    });
    // Received Monday 17/3 (NĐ 61/2018 Art. 18), day 1 Tuesday 18/3 (BLDS Art. 147): 10 working days.
    expect(d.startDate).toBe('2025-03-18');
    expect(d.dueDate).toBe('2025-03-31');
  });
});

describe('years without an official holiday calendar', () => {
  it('a deadline in a year with no data carries calendarWarning (API); one in a covered year does not', async () => {
    const { s, at } = replay();
    const p = await procedureByCode('DEMO.GN.01');
    at('2025-03-03T02:00:00Z');
    const known = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Năm Có Lịch',
    });
    expect(known.calendarWarning).toBeNull();
    at('2031-03-03T02:00:00Z');
    const unknown = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Năm Chưa Có Lịch',
    });
    expect(unknown.calendarWarning).toMatch(/Chưa có lịch nghỉ lễ, Tết chính thức năm 2031/);
  });
});

describe('statistics and lists', () => {
  /**
   * A year of its own (nothing else in this file is received in 2024): one dossier settled on its
   * due date at the counter, one received online and settled late by the district.
   */
  async function year2024() {
    const { s, at } = replay();
    const p = await procedureByCode('DEMO.BTXH.01'); // commune 15, district 7
    at('2024-03-04T02:00:00Z'); // Monday 09:00
    let a = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Hộ Đúng Hạn',
    });
    at(`${a.steps[0]!.dueDate}T02:00:00Z`);
    a = await s.forward(xaActor, a.id, '');
    at(`${a.dueDate}T03:00:00Z`);
    a = await s.result(huyenActor, a.id, {});
    expect(a.timeliness).toBe('on_time');
    at('2024-03-04T02:00:00Z');
    let b = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'online',
      communeCode: '25213',
      applicantName: 'Hộ Trễ Hạn',
    });
    at('2024-03-11T02:00:00Z');
    b = await s.forward(xaActor, b.id, '');
    at(`${addWorkingDays(cal, b.dueDate, 2)}T03:00:00Z`);
    b = await s.result(huyenActor, b.id, {});
    expect(b.lateLevel).toBe('district');
  }

  it('counts procedures by online mode and dossiers by channel and timeliness for the province', async () => {
    await year2024();
    const stats = await ok<DossierStatsOut>(
      await lanhdao.inject('GET', '/api/v1/dossiers/stats?from=2024-01-01&to=2024-12-31'),
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
      await xa.inject('GET', '/api/v1/dossiers/stats?from=2024-01-01&to=2024-12-31'),
    );
    expect(commune.areaName).toBe('Xã Tiến Hưng');
    expectProblem(
      await xaOther.inject('GET', '/api/v1/dossiers/stats?from=2024-01-01&to=2024-12-31&areaCode=25213'),
      404,
      'NOT_FOUND',
    );
  });

  it("the officer's list of what is overdue at their level", async () => {
    // 2023: one dossier left at the commune long past its due date, one settled late by the district.
    const { s, at } = replay();
    const p = await procedureByCode('DEMO.BTXH.01');
    at('2023-03-06T02:00:00Z');
    await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Hộ Quá Hạn',
    });
    let late = await s.receive(xaActor, {
      procedureId: p.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Hộ Trễ',
    });
    at('2023-03-13T02:00:00Z');
    late = await s.forward(xaActor, late.id, '');
    at(`${addWorkingDays(cal, late.dueDate, 3)}T03:00:00Z`);
    await s.result(huyenActor, late.id, {});

    const overdue = await ok<DossierPage>(await xa.inject('GET', '/api/v1/dossiers?mine=1&due=overdue'));
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((x) => x.urgency === 'overdue')).toBe(true);
    const indicator = dossiersIndicators.find((i) => i.code === 'dossiers.settled_late')!;
    const v = await indicator.compute(ctx.database.db, {
      area: { code: '70', level: 1, column: 'province_code' },
      from: '2023-01-01',
      to: '2023-12-31',
      asOf: '2023-12-31',
    });
    expect(v.value).toBe(1);
  });
});
