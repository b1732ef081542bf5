import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, defaultCalendar as cal, type DossierLevel, type Role } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import { actorOf, buildDossier, buildProcedure, factoryActor } from '../../test/factories.js';
import { PROCEDURE_COLUMNS } from './dossiers.sheet.js';

/**
 * The permission table of the dossiers module: every role × action × a record inside or outside
 * the actor's area (outside = another district's commune for district and commune officers,
 * another province for province-level accounts). A role not in the action's row answers 403
 * (wherever the record is), a record outside the area 404, an allowed action 2xx (409 for a
 * province officer forwarding: the province is the top of every path); a refused write changes
 * nothing. The record rules (the level holding a dossier, the receiving counter) are in
 * dossiers.test.ts and the "record rules" block below.
 */
let ctx: TestContext;
const sessions = new Map<string, Session>();

const ACCOUNTS: { role: Role; user: string; level: DossierLevel }[] = [
  { role: 'admin', user: 'admin', level: 'province' },
  { role: 'province_leader', user: 'tinh.lanhdao', level: 'province' },
  { role: 'province_officer', user: 'tinh.chuyenvien', level: 'province' },
  { role: 'inspector', user: 'thanhtra', level: 'province' },
  { role: 'supervisor', user: 'giamsat', level: 'province' },
  { role: 'district_officer', user: 'huyen.689', level: 'district' },
  { role: 'commune_officer', user: 'xa.25213', level: 'commune' },
];

const READERS: Role[] = [
  'admin',
  'province_leader',
  'province_officer',
  'district_officer',
  'commune_officer',
  'inspector',
];
const OFFICERS: Role[] = ['province_officer', 'district_officer', 'commune_officer'];

type Action =
  | 'read'
  | 'receive'
  | 'forward'
  | 'supplement'
  | 'refuse'
  | 'result'
  | 'return'
  | 'apology'
  | 'catalogue'
  | 'import'
  | 'stats';

/** Who may, inside their area (the expected answer of the allowed; everyone else 403). */
const ALLOWED: Record<Action, { roles: Role[]; status: number }> = {
  read: { roles: READERS, status: 200 },
  receive: { roles: OFFICERS, status: 201 },
  forward: { roles: OFFICERS, status: 200 },
  supplement: { roles: OFFICERS, status: 200 },
  refuse: { roles: OFFICERS, status: 200 },
  result: { roles: OFFICERS, status: 200 },
  return: { roles: OFFICERS, status: 200 },
  apology: { roles: OFFICERS, status: 200 },
  catalogue: { roles: ['province_officer'], status: 200 },
  import: { roles: ['province_officer'], status: 200 },
  stats: { roles: READERS, status: 200 },
};

const LEVELS: DossierLevel[] = ['commune', 'district', 'province'];
const pathTo = (level: DossierLevel) => LEVELS.slice(0, LEVELS.indexOf(level) + 1).map((l) => ({ level: l, days: 5 }));

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  for (const a of ACCOUNTS) sessions.set(a.user, await ctx.login(a.user));
});
afterAll(async () => {
  await ctx?.close();
});

/** The commune a record of this account's row lives in. */
function communeFor(level: DossierLevel, inside: boolean) {
  if (inside) return '25213';
  return level === 'province' ? '99999' : '25270';
}

/**
 * A dossier at the commune, held by `level` (forwarded up to it by the system), for a procedure
 * whose path ends at `top` (default the holding level).
 */
async function heldAt(communeCode: string, level: DossierLevel, top: DossierLevel = level) {
  const d = await buildDossier(ctx, { communeCode, procedure: { path: pathTo(top) } });
  for (let i = 0; i < LEVELS.indexOf(level); i++) await ctx.services.dossiers.forward(factoryActor, d.id, '');
  return d.id;
}

/** What a refused write must leave alone. */
async function snapshot(id: number) {
  const d = await ctx.services.dossiers.get(factoryActor, id);
  return {
    state: d.state,
    level: d.currentLevel,
    area: d.currentAreaName,
    events: d.events.length,
    appointment: d.appointmentDate,
    steps: d.steps.map((s) => [s.finishedAt, s.dueDate]),
  };
}

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

/** Run one cell: build its own world, call the API, return the status and whether anything changed. */
async function run(a: (typeof ACCOUNTS)[number], action: Action, inside: boolean) {
  const s = sessions.get(a.user)!;
  const commune = communeFor(a.level, inside);
  const officer = OFFICERS.includes(a.role);
  const holder = officer ? a.level : 'commune';
  const transition = async (path: string, body: object, top?: DossierLevel) => {
    const id = await heldAt(commune, holder, top);
    const before = await snapshot(id);
    const res = await s.inject('POST', `/api/v1/dossiers/${id}/${path}`, body);
    return { res, unchanged: JSON.stringify(await snapshot(id)) === JSON.stringify(before) };
  };
  switch (action) {
    case 'read': {
      const id = await heldAt(commune, 'commune');
      return { res: await s.inject('GET', `/api/v1/dossiers/${id}`), unchanged: true };
    }
    case 'receive': {
      const province = commune === '99999' ? '99' : '70';
      const p = await buildProcedure(ctx, { provinceCode: province, path: pathTo('commune') });
      const before = await countOf('dossiers', province);
      const res = await s.inject('POST', '/api/v1/dossiers', {
        procedureId: p.id,
        channel: 'counter',
        communeCode: commune,
        applicantName: 'Người Thử Quyền',
      });
      return { res, unchanged: (await countOf('dossiers', province)) === before };
    }
    case 'forward':
      // A province officer holds a dossier at the top of its path: nothing to pass it to.
      return transition(
        'forward',
        { note: '' },
        a.level === 'province' || !officer ? 'province' : LEVELS[LEVELS.indexOf(a.level) + 1],
      );
    case 'supplement':
      return transition('supplement', { missing: 'Giấy xác nhận', note: '' });
    case 'refuse':
      return transition('refuse', { reason: 'Không đủ điều kiện' });
    case 'result':
      return transition('result', { outcomeNote: 'Quyết định' });
    case 'apology': {
      const id = await heldAt(commune, holder);
      const before = await snapshot(id);
      const newDate = addWorkingDays(cal, before.appointment, 3);
      const res = await s.inject('POST', `/api/v1/dossiers/${id}/apology`, { reason: 'Chờ xác minh', newDate });
      return { res, unchanged: JSON.stringify(await snapshot(id)) === JSON.stringify(before) };
    }
    case 'return': {
      // Received at the officer's own counter (or by the system at the commune), result ready.
      const counter = officer && inside ? await actorOf(ctx, a.user) : factoryActor;
      const d = await buildDossier(ctx, {
        communeCode: commune,
        actor: counter,
        procedure: { path: pathTo('commune') },
      });
      await ctx.services.dossiers.result(factoryActor, d.id, {});
      const before = await snapshot(d.id);
      const res = await s.inject('POST', `/api/v1/dossiers/${d.id}/return`, { note: '' });
      return { res, unchanged: JSON.stringify(await snapshot(d.id)) === JSON.stringify(before) };
    }
    case 'catalogue': {
      const p = await buildProcedure(ctx, { provinceCode: inside ? '70' : '99' });
      const res = await s.inject('PATCH', `/api/v1/procedures/${p.id}`, { onlineMode: 'full' });
      const after = await ctx.services.dossiers.getProcedure(factoryActor, p.id);
      return { res, unchanged: after.onlineMode === p.onlineMode };
    }
    case 'import': {
      const before = await countOf('procedures', '70');
      const res = await upload(s, await sheet(`IMP.${a.role}`));
      return { res, unchanged: (await countOf('procedures', '70')) === before };
    }
    case 'stats':
      return {
        res: await s.inject('GET', `/api/v1/dossiers/stats?from=2026-01-01&to=2026-12-31&areaCode=${commune}`),
        unchanged: true,
      };
  }
}

const ROWS = ACCOUNTS.flatMap((a) =>
  (Object.keys(ALLOWED) as Action[]).flatMap((action) =>
    // A catalogue import always goes to the actor's own province: there is no "outside" row.
    [true, false]
      .filter((inside) => inside || action !== 'import')
      .map((inside) => {
        const allowed = ALLOWED[action].roles.includes(a.role);
        // The route's role row answers 403 before any record is looked at; then the guard: outside 404.
        const status = !allowed
          ? 403
          : !inside
            ? 404
            : action === 'forward' && a.level === 'province'
              ? 409
              : ALLOWED[action].status;
        return { ...a, action, inside, status };
      }),
  ),
);

describe('dossiers permission table (role × action × inside/outside)', () => {
  it('has a row for every role, action and place', () => {
    expect(ROWS.length).toBe(ACCOUNTS.length * (Object.keys(ALLOWED).length * 2 - 1));
  });

  it.each(ROWS)('$role $action inside=$inside → $status', async ({ action, inside, status, ...a }) => {
    const { res, unchanged } = await run(a, action, inside);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    if (status >= 400) expect(unchanged).toBe(true);
  });
});

describe('record rules: the level holding a dossier acts on it, the receiving counter returns it', () => {
  it.each(['forward', 'supplement', 'refuse', 'result', 'apology'] as const)(
    'a district officer cannot %s a dossier the commune still holds (403, nothing changes)',
    async (action) => {
      const id = await heldAt('25213', 'commune', 'district');
      const before = await snapshot(id);
      const body = {
        forward: { note: '' },
        supplement: { missing: 'Giấy xác nhận', note: '' },
        refuse: { reason: 'Không đủ điều kiện' },
        result: { outcomeNote: '' },
        apology: { reason: 'Chậm', newDate: addWorkingDays(cal, before.appointment, 3) },
      }[action];
      const res = await sessions.get('huyen.689')!.inject('POST', `/api/v1/dossiers/${id}/${action}`, body);
      expect(res.statusCode, res.body).toBe(403);
      expect(await snapshot(id)).toEqual(before);
    },
  );

  it('the district cannot hand over a result the commune counter received; the commune can', async () => {
    const d = await buildDossier(ctx, { procedure: { path: pathTo('district') } });
    await ctx.services.dossiers.forward(factoryActor, d.id, '');
    await ctx.services.dossiers.result(factoryActor, d.id, {});
    const before = await snapshot(d.id);
    expect(before.area).toBe('Xã Tiến Hưng');
    const refused = await sessions.get('huyen.689')!.inject('POST', `/api/v1/dossiers/${d.id}/return`, { note: '' });
    expect(refused.statusCode).toBe(403);
    expect(await snapshot(d.id)).toEqual(before);
    const done = await sessions.get('xa.25213')!.inject('POST', `/api/v1/dossiers/${d.id}/return`, { note: '' });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('the receiving counter may still withdraw a dossier it passed up; another commune may not see it', async () => {
    const id = await heldAt('25213', 'district');
    const other = await ctx.login('xa.25270');
    expect((await other.inject('POST', `/api/v1/dossiers/${id}/withdraw`, { reason: 'Rút' })).statusCode).toBe(404);
    const res = await sessions.get('xa.25213')!.inject('POST', `/api/v1/dossiers/${id}/withdraw`, { reason: 'Rút' });
    expect(res.statusCode, res.body).toBe(200);
  });
});
