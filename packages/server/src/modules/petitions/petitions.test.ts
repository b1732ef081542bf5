import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueList, HotlineCallOut, IdentityOut, LetterOut, PetitionStats } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildClassifiedLetter, buildEntry, buildLetter, factoryActor } from '../../test/factories.js';
import { petitionsIndicators } from './index.js';

let ctx: TestContext;
let xa: Session; // xa.25213, district 689
let xaOther: Session; // xa.25273, district 692
let inspector: Session;
let officer: Session;
let supervisor: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  [xa, xaOther, inspector, officer, supervisor] = await ctx.loginAll([
    'xa.25213',
    'xa.25273',
    'thanhtra',
    'tinh.chuyenvien',
    'giamsat',
  ]);
});
afterAll(() => ctx.close());

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect({ status: res.statusCode, body: res.body.slice(0, 400) }).toMatchObject({ status });
  return res.json() as T;
};
const countLetters = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('petition_letters')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  );

const letterBody = {
  receivedDate: '2021-07-15',
  channel: 'hotline',
  senderName: 'Lê Văn Gọi',
  senderAddress: 'Ấp 2, xã Tiến Hưng',
  summary: 'Chưa nhận hỗ trợ theo Nghị quyết 68',
  signers: 1,
};

describe('hotline call to a letter, in the commune', () => {
  it('logs a call, turns it into a letter with the 10-working-day notice clock, and keeps it in the commune', async () => {
    const call = ok<HotlineCallOut>(
      await xa.inject('POST', '/api/v1/petitions/calls', {
        calledAt: '2021-07-15T08:30:00+07:00',
        topic: 'Hỗ trợ NQ 68',
        answer: '',
      }),
      201,
    );
    expect(call.areaCode).toBe('25213');
    const letter = ok<LetterOut>(
      await xa.inject('POST', '/api/v1/petitions/letters', { ...letterBody, callId: call.id }),
      201,
    );
    expect(letter.code).toMatch(/^DT-70-2021-\d{6}$/);
    // Thursday 15/7/2021 + 10 working days = Thursday 29/7/2021 (Luật Tiếp công dân Art. 28).
    expect(letter.noticeClock).toMatchObject({ due: '2021-07-29', dayKind: 'working', days: 10 });
    expectProblem(await xaOther.inject('GET', `/api/v1/petitions/letters/${letter.id}`), 404, 'NOT_FOUND');
    const theirs = ok<{ items: LetterOut[] }>(await xaOther.inject('GET', '/api/v1/petitions/letters?pageSize=500'));
    expect(theirs.items.map((l) => l.id)).not.toContain(letter.id);
    expectProblem(
      await xa.inject('POST', '/api/v1/petitions/letters', { ...letterBody, callId: call.id }),
      409,
      'CALL_ALREADY_LINKED',
    );
  });
});

describe('bad input: clear Vietnamese errors, nothing written', () => {
  it('refuses a letter with no address', async () => {
    const before = await countLetters();
    const p = expectProblem(
      await xa.inject('POST', '/api/v1/petitions/letters', { ...letterBody, senderAddress: '' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(p.details)).toMatch(/địa chỉ/i);
    expect(await countLetters()).toBe(before);
  });

  it('refuses a date in the future', async () => {
    const before = await countLetters();
    const p = expectProblem(
      await xa.inject('POST', '/api/v1/petitions/letters', { ...letterBody, receivedDate: '2099-01-01' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(p.message).toMatch(/sau ngày hôm nay/);
    expect(await countLetters()).toBe(before);
  });

  it('refuses an over-long text', async () => {
    const before = await countLetters();
    const p = expectProblem(
      await xa.inject('POST', '/api/v1/petitions/letters', { ...letterBody, summary: 'x'.repeat(4001) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(p.details)).toMatch(/dài quá 4000/);
    expect(await countLetters()).toBe(before);
  });

  it('refuses a second transfer of a denunciation and leaves the letter as it was', async () => {
    const l = await buildClassifiedLetter(ctx, 'denunciation', {}, { withinCompetence: false });
    const body = { decision: 'transfer', date: '2021-03-03', to: 'Thanh tra tỉnh' };
    ok(await inspector.inject('POST', `/api/v1/petitions/letters/${l.id}/decide`, body));
    const p = expectProblem(
      await inspector.inject('POST', `/api/v1/petitions/letters/${l.id}/decide`, { ...body, to: 'Công an tỉnh' }),
      409,
      'DENUNCIATION_ALREADY_TRANSFERRED',
    );
    expect(p.message).toMatch(/chỉ chuyển một lần/);
    const after = ok<LetterOut>(await inspector.inject('GET', `/api/v1/petitions/letters/${l.id}`));
    expect(after).toMatchObject({ transfers: 1, decisionTo: 'Thanh tra tỉnh' });
  });
});

describe("the denouncer's identity", () => {
  it('is never in lists, is read by the inspector only, and every read is audited', async () => {
    const l = await buildLetter(ctx, { kind: 'denunciation', senderName: 'Người Tố Cáo Bí Mật' });
    expect(l).toMatchObject({ senderName: null, senderAddress: null, identityRestricted: true });
    const list = await inspector.inject('GET', '/api/v1/petitions/letters?pageSize=500');
    expect(list.body).not.toContain('Người Tố Cáo Bí Mật');
    const id = ok<IdentityOut>(await inspector.inject('GET', `/api/v1/petitions/letters/${l.id}/identity`));
    expect(id.name).toBe('Người Tố Cáo Bí Mật');
    expectProblem(await officer.inject('GET', `/api/v1/petitions/letters/${l.id}/identity`), 403, 'FORBIDDEN');
    const audits = await ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'petition_letter')
      .where('entity_id', '=', String(l.id))
      .execute();
    expect(
      audits.filter((a) => a.action === 'petitions.identity.read' && a.actor_username === 'thanhtra'),
    ).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain('Người Tố Cáo Bí Mật');
    const row = await ctx.database.db
      .selectFrom('petition_letters')
      .selectAll()
      .where('id', '=', l.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('Người Tố Cáo Bí Mật');
  });

  it('is kept out of the reception book export', async () => {
    await buildEntry(ctx, { kind: 'denunciation', name: 'Người Tố Cáo Ở Sổ', date: '2021-04-05' });
    const res = await inspector.inject('GET', '/api/v1/petitions/book.xlsx?from=2021-04-01&to=2021-04-30');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('Giữ bí mật');
    expect(text).not.toContain('Người Tố Cáo Ở Sổ');
    expect(wb.worksheets[0]!.getRow(3).cellCount).toBe(13);
  });
});

describe("a person's letters (for the registry timeline)", () => {
  it('lists the letters linked to a person, never a denunciation', async () => {
    const person = await ctx.services.registry.createPerson(factoryActor, {
      fullName: 'Đỗ Văn Đơn',
      gender: 'male',
      birthDate: '1960',
      communeCode: '25213',
    });
    const complaint = await buildLetter(ctx, { areaCode: '25213', personId: person.id });
    const denunciation = await buildLetter(ctx, { areaCode: '25213', personId: person.id, kind: 'denunciation' });
    expect(denunciation.personId).toBeNull();
    const r = ok<{ items: LetterOut[] }>(await xa.inject('GET', `/api/v1/petitions/letters?personId=${person.id}`));
    expect(r.items.map((l) => l.id)).toEqual([complaint.id]);
    expectProblem(
      await xaOther.inject('POST', '/api/v1/petitions/letters', { ...letterBody, personId: person.id }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('classification', () => {
  it('splits a mixed letter into one letter per content, the denunciation part restricted', async () => {
    const l = await buildLetter(ctx, { receivedDate: '2021-05-04' });
    ok(
      await inspector.inject('POST', `/api/v1/petitions/letters/${l.id}/classify`, {
        kind: 'mixed',
        withinCompetence: true,
      }),
    );
    const r = ok<{ parent: LetterOut; parts: LetterOut[] }>(
      await inspector.inject('POST', `/api/v1/petitions/letters/${l.id}/split`, {
        parts: [
          { kind: 'complaint', summary: 'Khiếu nại mức trợ cấp' },
          { kind: 'denunciation', summary: 'Tố cáo cán bộ xã thu tiền' },
        ],
      }),
    );
    expect(r.parent).toMatchObject({ state: 'split', identityRestricted: true, noticeClock: null });
    expect(r.parts.map((p) => [p.kind, p.identityRestricted, p.parentId])).toEqual([
      ['complaint', false, l.id],
      ['denunciation', true, l.id],
    ]);
  });

  it('refuses a decision the law does not allow for the letter', async () => {
    const l = await buildClassifiedLetter(ctx, 'complaint', {}, { fit: false });
    expect(l).toMatchObject({ fit: false, failedChecks: ['signed'] });
    const p = expectProblem(
      await inspector.inject('POST', `/api/v1/petitions/letters/${l.id}/decide`, {
        decision: 'accept',
        date: '2021-03-02',
      }),
      400,
      'DECISION_NOT_ALLOWED',
    );
    expect(p.message).toMatch(/Lưu đơn/);
  });
});

describe('due list, counts and indicators', () => {
  it("lists an officer's own letters awaiting the notice, overdue first", async () => {
    const l = ok<LetterOut>(
      await xa.inject('POST', '/api/v1/petitions/letters', { ...letterBody, receivedDate: '2021-01-04' }),
      201,
    );
    const due = ok<DueList>(await xa.inject('GET', '/api/v1/petitions/due'));
    expect(due.items.find((i) => i.id === l.id)).toMatchObject({ type: 'letter', overdue: true });
    expect(ok<DueList>(await xaOther.inject('GET', '/api/v1/petitions/due')).items.map((i) => i.id)).not.toContain(
      l.id,
    );
  });

  it('gives supervisors counts and not contents', async () => {
    await buildEntry(ctx, { date: '2021-06-07', people: 6, kind: 'complaint' });
    const s = ok<PetitionStats>(
      await supervisor.inject('GET', '/api/v1/petitions/stats?from=2021-06-01&to=2021-06-30'),
    );
    expect(s.visits).toBeGreaterThanOrEqual(1);
    expect(s.groups).toBeGreaterThanOrEqual(1);
    expect(s.massComplaints).toBeGreaterThanOrEqual(1);
    expectProblem(await supervisor.inject('GET', '/api/v1/petitions/letters'), 403, 'FORBIDDEN');
    expectProblem(await supervisor.inject('GET', '/api/v1/petitions/entries'), 403, 'FORBIDDEN');
  });

  it('computes petitions.* indicators from records', async () => {
    await buildEntry(ctx, { date: '2021-10-05', areaCode: '25213', people: 2 });
    const visits = petitionsIndicators.find((i) => i.code === 'petitions.visits')!;
    const people = petitionsIndicators.find((i) => i.code === 'petitions.people')!;
    const q = {
      area: { code: '25213', level: 3 as const, column: 'commune_code' as const },
      from: '2021-10-01',
      to: '2021-10-31',
      asOf: '2021-12-31',
    };
    expect((await visits.compute(ctx.database.db, q)).value).toBe(1);
    expect((await people.compute(ctx.database.db, q)).value).toBe(2);
    expect((await visits.records(ctx.database.db, q, { limit: 10, offset: 0 })).total).toBe(1);
    const cat = await ctx.services.reports.indicators(factoryActor);
    expect(JSON.stringify(cat)).toContain('petitions.mass_complaints');
  });
});
