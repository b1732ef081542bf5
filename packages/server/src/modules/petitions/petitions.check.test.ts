import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseOut, LetterOut } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildClassifiedLetter } from '../../test/factories.js';

/** The denunciation check and its extension (Luật Tố cáo 2018 Art. 24), and one transfer per content. */
let ctx: TestContext;
let inspector: Session;
let officer: Session; // tinh.chuyenvien: receives, does not classify

beforeAll(async () => {
  ctx = await createTestContext();
  inspector = await ctx.login('thanhtra');
  officer = await ctx.login('tinh.chuyenvien');
});
afterAll(() => ctx.close());

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect({ status: res.statusCode, body: res.body.slice(0, 400) }).toMatchObject({ status });
  return res.json() as T;
};
const extend = (s: Session, id: number, date: string) =>
  s.inject('POST', `/api/v1/petitions/letters/${id}/extend-check`, {
    date,
    reason: 'Phải kiểm tra, xác minh tại nhiều địa điểm',
  });

describe('extending the check of a denunciation', () => {
  it('runs 7 working days from receipt, 10 once extended, and the case keeps the extended clock', async () => {
    const l = await buildClassifiedLetter(ctx, 'denunciation', { receivedDate: '2021-02-05' });
    expect(l.checkClock).toMatchObject({ days: 7, dayKind: 'working', due: '2021-02-23' });
    const ext = ok<LetterOut>(await extend(inspector, l.id, '2021-02-18'));
    expect(ext).toMatchObject({ checkExtendedDate: '2021-02-18', checkClock: { days: 10, due: '2021-02-26' } });
    const { case: c } = ok<{ case: CaseOut }>(
      await inspector.inject('POST', `/api/v1/petitions/letters/${l.id}/decide`, {
        decision: 'accept',
        date: '2021-02-25',
      }),
    );
    expect(c.acceptanceClock).toMatchObject({ days: 10, due: '2021-02-26', status: 'done_on_time' });
    const audits = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'petition_letter')
      .where('entity_id', '=', String(l.id))
      .execute();
    expect(audits.map((a) => a.action)).toContain('petitions.letter.extend_check');
  });

  it('refuses a second extension, a late one, a complaint, and a role that does not classify, changing nothing', async () => {
    const l = await buildClassifiedLetter(ctx, 'denunciation', { receivedDate: '2021-02-05' });
    expectProblem(
      await officer.inject('POST', `/api/v1/petitions/letters/${l.id}/extend-check`, {
        date: '2021-02-18',
        reason: 'x',
      }),
      403,
      'FORBIDDEN',
    );
    const late = expectProblem(await extend(inspector, l.id, '2021-02-24'), 409, 'CHECK_EXTENSION_REFUSED');
    expect(late.message).toMatch(/đã hết ngày 2021-02-23/);
    const still = ok<LetterOut>(await inspector.inject('GET', `/api/v1/petitions/letters/${l.id}`));
    expect(still).toMatchObject({ checkExtendedDate: null, checkClock: { days: 7 } });
    ok(await extend(inspector, l.id, '2021-02-18'));
    const again = expectProblem(await extend(inspector, l.id, '2021-02-19'), 409, 'CHECK_EXTENSION_REFUSED');
    expect(again.message).toMatch(/một lần/);
    const complaint = await buildClassifiedLetter(ctx, 'complaint', { receivedDate: '2021-02-05' });
    expect(complaint.checkClock).toBeNull();
    expectProblem(await extend(inspector, complaint.id, '2021-02-18'), 409, 'CHECK_EXTENSION_REFUSED');
    expectProblem(
      await inspector.inject('POST', `/api/v1/petitions/letters/${l.id}/extend-check`, { date: '2021-02-18' }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('a denunciation is transferred once per content (TT 05/2021/TT-TTCP Art. 14)', () => {
  const transfer = { decision: 'transfer', date: '2021-03-10', to: 'Thanh tra tỉnh' };

  it('refuses to transfer a second letter of the same content, leaving it undecided', async () => {
    const first = await buildClassifiedLetter(ctx, 'denunciation', {}, { withinCompetence: false });
    ok(await inspector.inject('POST', `/api/v1/petitions/letters/${first.id}/decide`, transfer));
    const again = await buildClassifiedLetter(
      ctx,
      'denunciation',
      { receivedDate: '2021-03-08', sameContentAs: first.id },
      { withinCompetence: false },
    );
    expect(again.sameContentAs).toBe(first.id);
    const p = expectProblem(
      await inspector.inject('POST', `/api/v1/petitions/letters/${again.id}/decide`, transfer),
      409,
      'DENUNCIATION_ALREADY_TRANSFERRED',
    );
    expect(p.message).toMatch(/chỉ chuyển một lần/);
    expect(ok<LetterOut>(await inspector.inject('GET', `/api/v1/petitions/letters/${again.id}`))).toMatchObject({
      decision: null,
      transfers: 0,
    });
  });

  it('refuses to transfer on a denunciation another body transferred in, but transfers a proposal again', async () => {
    const inbound = await buildClassifiedLetter(
      ctx,
      'denunciation',
      { channel: 'transferred', sourceBody: 'UBND huyện Đồng Phú' },
      { withinCompetence: false },
    );
    expectProblem(
      await inspector.inject('POST', `/api/v1/petitions/letters/${inbound.id}/decide`, transfer),
      409,
      'DENUNCIATION_ALREADY_TRANSFERRED',
    );
    const proposal = await buildClassifiedLetter(
      ctx,
      'proposal',
      { channel: 'transferred', sourceBody: 'UBND huyện Đồng Phú' },
      { withinCompetence: false },
    );
    ok(await inspector.inject('POST', `/api/v1/petitions/letters/${proposal.id}/decide`, transfer));
  });

  it('answers 404 for a same-content letter that does not exist, and writes nothing', async () => {
    const before = await ctx.database.db
      .selectFrom('petition_letters')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await inspector.inject('POST', '/api/v1/petitions/letters', {
      receivedDate: '2021-03-08',
      channel: 'post',
      senderName: 'Nguyễn Văn A',
      senderAddress: 'Đồng Xoài',
      summary: 'Tố cáo lần hai',
      sameContentAs: 999_999,
    });
    expectProblem(res, 404, 'NOT_FOUND');
    const after = await ctx.database.db
      .selectFrom('petition_letters')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
