import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseOut } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildCase } from '../../test/factories.js';

/** The clocks of complaint and denunciation cases through the API: suspension, extension, the 1/7/2026 switch. */
let ctx: TestContext;
let inspector: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  inspector = await ctx.login('thanhtra');
});
afterAll(() => ctx.close());

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect({ status: res.statusCode, body: res.body.slice(0, 400) }).toMatchObject({ status });
  return res.json() as T;
};

describe('clocks of cases', () => {
  it('settles a first complaint in 30 days and refuses a suspension before 1/7/2026', async () => {
    const { case: c } = await buildCase(ctx, 'complaint', { letter: { receivedDate: '2021-03-01' } });
    expect(c.settlementClock).toMatchObject({ due: '2021-03-31', dayKind: 'calendar', days: 30 });
    expect(c.acceptanceClock).toMatchObject({ days: 10, dayKind: 'working', status: 'done_on_time' });
    const p = expectProblem(
      await inspector.inject('POST', `/api/v1/petitions/cases/${c.id}/steps`, { kind: 'suspend', date: '2021-03-11' }),
      409,
      'CASE_STEP_REFUSED',
    );
    expect(p.message).toMatch(/01\/7\/2026/);
  });

  it('stops a denunciation clock while suspended and restarts it on resumption', async () => {
    const { case: c } = await buildCase(ctx, 'denunciation', { letter: { receivedDate: '2021-03-01' } });
    const step = (kind: string, date: string) =>
      inspector.inject('POST', `/api/v1/petitions/cases/${c.id}/steps`, { kind, date });
    const s = ok<CaseOut>(await step('suspend', '2021-03-11'));
    expect(s).toMatchObject({ state: 'suspended', settlementClock: { due: null, status: 'suspended' } });
    const r = ok<CaseOut>(await step('resume', '2021-03-21'));
    expect(r.settlementClock.due).toBe('2021-04-12');
    expect(ok<CaseOut>(await step('extend', '2021-04-01')).settlementClock.days).toBe(60);
    expect(ok<CaseOut>(await step('extend', '2021-04-02')).settlementClock.days).toBe(90);
    expectProblem(await step('extend', '2021-04-03'), 409, 'CASE_STEP_REFUSED');
    const d = ok<CaseOut>(
      await inspector.inject('POST', `/api/v1/petitions/cases/${c.id}/steps`, {
        kind: 'decide',
        date: '2021-05-10',
        result: 'partly',
      }),
    );
    expect(d).toMatchObject({ state: 'decided', result: 'partly', settlementClock: { status: 'done_on_time' } });
    expect(d.steps!.map((x) => x.kind)).toEqual(['accept', 'suspend', 'resume', 'extend', 'extend', 'decide']);
  });

  it('accepts in 7 working days from 1/7/2026 and requires dialogue at second instance', async () => {
    const { case: c } = await buildCase(ctx, 'complaint', {
      letter: { receivedDate: '2026-08-03' },
      decide: { date: '2026-08-05', instance: 2 },
    });
    expect(c.acceptanceClock).toMatchObject({ days: 7, due: '2026-08-12' });
    expect(c.dialogueRequired).toBe(true);
    const url = `/api/v1/petitions/cases/${c.id}/steps`;
    const p = expectProblem(
      await inspector.inject('POST', url, { kind: 'decide', date: '2026-09-01', result: 'wrong' }),
      409,
      'CASE_STEP_REFUSED',
    );
    expect(p.message).toMatch(/đối thoại/);
    ok(await inspector.inject('POST', url, { kind: 'dialogue', date: '2026-08-20' }));
    expect(
      ok<CaseOut>(await inspector.inject('POST', url, { kind: 'decide', date: '2026-09-01', result: 'wrong' })).state,
    ).toBe('decided');
  });
});
