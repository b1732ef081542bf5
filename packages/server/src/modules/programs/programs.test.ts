import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.js';
import { createTestContext, DEMO_PASSWORD, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import {
  buildBeneficiary,
  buildList,
  buildProgram,
  giftProgramBody,
  districtOf,
  nextCommune,
  programsGenerateViaHttp,
  unique,
} from '../../test/factories.js';
import { xlsx } from '../../test/upload.js';

/**
 * The whole path of a support program on a real database (SQLite, or PostgreSQL under
 * `npm run test:pg`): generate, check, submit, return, resubmit, appraise, approve, publish,
 * remark and answer, pay (with retries and races), reconcile, totals — in the three-level demo
 * province and in a two-level province. Each test builds its own world with the factories (a
 * program, a commune of its own, its people), so any test runs alone.
 */
const DISTRICT = '689';
const sys = systemActor('test');

let ctx: TestContext;
let district: Session;
let province: Session;

/** A citizen ID of the demo province: '070', gender and century digit, year of birth, a serial. */
const uniqueCid = (genderCenturyYear: string) => `070${genderCenturyYear}${String(100000 + unique()).slice(-6)}`;

beforeAll(async () => {
  ctx = await createTestContext();
  district = await ctx.login(`huyen.${DISTRICT}`);
  province = await ctx.login('tinh.chuyenvien');
});
afterAll(() => ctx.close());

/** Nguyễn Văn An (5a, with an ID) and Trần Thị Bình (6 severe, no ID yet) in a commune of their own. */
async function anAndBinh(communeCode: string) {
  const an = await buildBeneficiary(ctx, {
    communeCode,
    name: 'Nguyễn Văn An',
    birth: '1940-05-01',
    cid: uniqueCid('040'),
    statuses: [{ kind: 'social_assistance', category: '5a', validFrom: '2024-01-01' }],
  });
  const binh = await buildBeneficiary(ctx, {
    communeCode,
    name: 'Trần Thị Bình',
    birth: '1990-02-02',
    cid: null,
    gender: 'female',
    statuses: [{ kind: 'social_assistance', category: '6_severe', validFrom: '2024-01-01' }],
  });
  return { an, binh };
}

/** A gift program and an approved list of An and Bình (with IDs) in a commune of its own, and its officers. */
async function approvedWorld(district?: string) {
  const C = await nextCommune(ctx, { district });
  const anCid = uniqueCid('040');
  const built = await buildList(ctx, {
    communeCode: C,
    stage: 'approved',
    persons: [
      {
        name: 'Nguyễn Văn An',
        birth: '1940-05-01',
        cid: anCid,
        statuses: [{ kind: 'social_assistance', category: '5a', validFrom: '2024-01-01' }],
      },
      {
        name: 'Trần Thị Bình',
        birth: '1990-02-02',
        gender: 'female',
        statuses: [{ kind: 'social_assistance', category: '6_severe', validFrom: '2024-01-01' }],
      },
    ],
  });
  return { ...built, C, anCid, commune: await ctx.login(`xa.${C}`) };
}

describe('programs: the three-level path', () => {
  it('a province officer creates a program; a commune officer may not', async () => {
    const C = await nextCommune(ctx);
    const commune = await ctx.login(`xa.${C}`);
    const body = giftProgramBody();
    const denied = await commune.inject('POST', '/api/v1/programs', body);
    expect(denied.statusCode).toBe(403);
    const res = await province.inject('POST', '/api/v1/programs', body);
    expect(res.statusCode).toBe(201);
    expect(res.json().rules[0].amount.type).toBe('by_category');
    const bad = await province.inject('POST', '/api/v1/programs', {
      ...body,
      code: `X2-${C}`,
      rule: { ...body.rule, amount: { type: 'fixed', amount: -5 } },
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
  });

  it('generates the commune list from the rule, with the reason and amount of each person', async () => {
    const { id: programId } = await buildProgram(ctx);
    const C = await nextCommune(ctx);
    const commune = await ctx.login(`xa.${C}`);
    await anAndBinh(C);
    // Died before the reference date: not generated.
    await buildBeneficiary(ctx, {
      communeCode: C,
      name: 'Lê Văn Chết',
      birth: '1930-01-01',
      deceasedOn: '2025-01-05',
      statuses: [{ kind: 'social_assistance', category: '5a', validFrom: '2023-01-01' }],
    });
    // Another commune: not in this list.
    await buildBeneficiary(ctx, {
      communeCode: await nextCommune(ctx),
      name: 'Phạm Văn Khác',
      statuses: [{ kind: 'social_assistance', category: '5a', validFrom: '2023-01-01' }],
    });

    const res = await programsGenerateViaHttp(commune, programId, { communeCode: C });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ lists: 1, entries: 2 });
    const listId = res.json().listIds[0];
    const list = (await commune.inject('GET', `/api/v1/lists/${listId}`)).json();
    expect(list).toMatchObject({
      state: 'draft',
      entriesCount: 2,
      totalAmount: 1_100_000,
      levels: 3,
      communeCode: C,
    });
    const entries = (await commune.inject('GET', `/api/v1/lists/${listId}/entries`)).json().items;
    expect(entries.map((e: { fullName: string; amount: number }) => [e.fullName, e.amount]).sort()).toEqual([
      ['Nguyễn Văn An', 500_000],
      ['Trần Thị Bình', 600_000],
    ]);
    // The reason in the catalogue's words, not its codes.
    expect(entries.find((e: { fullName: string }) => e.fullName === 'Nguyễn Văn An').reason).toBe(
      'Đủ điều kiện: Người cao tuổi thuộc hộ nghèo, không có người phụng dưỡng (Điều 5 khoản 5 điểm a); mức theo diện 5a',
    );
    const again = await programsGenerateViaHttp(commune, programId, { communeCode: C });
    expectProblem(again, 409, 'LIST_EXISTS');
  });

  it('the check shows the missing ID; submission is refused until it is corrected', async () => {
    const C = await nextCommune(ctx);
    const commune = await ctx.login(`xa.${C}`);
    const { binh } = await anAndBinh(C);
    const { listId } = await buildList(ctx, { communeCode: C, persons: [] });
    const check = (await commune.inject('GET', `/api/v1/lists/${listId}/check`)).json();
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.objectContaining({ code: 'MISSING_ID', fullName: 'Trần Thị Bình', blocking: true }),
    ]);
    expectProblem(await commune.inject('POST', `/api/v1/lists/${listId}/submit`, {}), 409, 'LIST_HAS_PROBLEMS');
    const cid = uniqueCid('190');
    await ctx.services.registry.updatePerson(sys, binh, { citizenId: cid });
    expect((await commune.inject('GET', `/api/v1/lists/${listId}/check`)).json().ok).toBe(true);
    // The entry shows the registry as it is now, and what goes up carries the fixed ID.
    type Entries = { items: { fullName: string; citizenId: string | null }[] };
    const shown = (await commune.inject('GET', `/api/v1/lists/${listId}/entries`)).json() as Entries;
    expect(shown.items.find((e) => e.fullName === 'Trần Thị Bình')?.citizenId).toBe(cid);
    expect((await commune.inject('POST', `/api/v1/lists/${listId}/submit`, {})).statusCode).toBe(200);
    const copy = await ctx.database.db
      .selectFrom('list_entries')
      .select('citizen_id')
      .where('list_id', '=', listId)
      .where('person_id', '=', binh)
      .executeTakeFirstOrThrow();
    expect(copy.citizen_id).toBe(cid);
  });

  it('a manual addition needs a reason; removal needs a reason; both are audited', async () => {
    const { listId, communeCode: C } = await buildList(ctx, {
      persons: [
        { name: 'Nguyễn Văn An' },
        {
          name: 'Trần Thị Bình',
          gender: 'female',
          birth: '1990-02-02',
          statuses: [{ kind: 'social_assistance', category: '6_severe', validFrom: '2024-01-01' }],
        },
      ],
    });
    const commune = await ctx.login(`xa.${C}`);
    expect((await commune.inject('GET', `/api/v1/lists/${listId}`)).json()).toMatchObject({
      entriesCount: 2,
      totalAmount: 1_100_000,
    });
    const extra = await buildBeneficiary(ctx, {
      communeCode: C,
      name: 'Đỗ Văn Thêm',
      birth: '1960-03-03',
      statuses: [],
    });
    const noReason = await commune.inject('POST', `/api/v1/lists/${listId}/entries`, { personId: extra, reason: 'x' });
    expectProblem(noReason, 400, 'VALIDATION_FAILED');
    const noAmount = await commune.inject('POST', `/api/v1/lists/${listId}/entries`, {
      personId: extra,
      reason: 'Hộ mới gặp khó khăn do lũ',
    });
    expectProblem(noAmount, 400, 'VALIDATION_FAILED');
    const ok = await commune.inject('POST', `/api/v1/lists/${listId}/entries`, {
      personId: extra,
      reason: 'Hộ mới gặp khó khăn do lũ',
      amount: 300_000,
    });
    expect(ok.statusCode).toBe(200);
    expect((await commune.inject('GET', `/api/v1/lists/${listId}`)).json()).toMatchObject({
      entriesCount: 3,
      totalAmount: 1_400_000,
    });
    const entries = (await commune.inject('GET', `/api/v1/lists/${listId}/entries`)).json().items as {
      id: number;
      fullName: string;
    }[];
    const row = entries.find((e) => e.fullName === 'Đỗ Văn Thêm')!;
    const del = await commune.inject('DELETE', `/api/v1/lists/${listId}/entries/${row.id}`, {
      reason: 'Nhập nhầm người',
    });
    expect(del.statusCode).toBe(200);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'program_list')
      .where('entity_id', '=', String(listId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['program_list.generate', 'program_list.add_entry', 'program_list.remove_entry']),
    );
  });

  it('submit → district returns with comments → commune resubmits → district appraises → province approves with its decision', async () => {
    const { listId, communeCode: C } = await buildList(ctx, { persons: [{}, { gender: 'female' }] });
    const commune = await ctx.login(`xa.${C}`);
    const D = await districtOf(ctx, C);
    const district = await ctx.login(`huyen.${D}`);
    expect((await commune.inject('POST', `/api/v1/lists/${listId}/submit`, {})).json().state).toBe('submitted');
    // Locked while at the district.
    expectProblem(
      await commune.inject('DELETE', `/api/v1/lists/${listId}/entries/1`, { reason: 'thử xoá' }),
      409,
      'LIST_LOCKED',
    );
    // The province cannot skip the district.
    expectProblem(
      await province.inject('POST', `/api/v1/lists/${listId}/approve`, {
        decisionNo: '1/QĐ',
        decisionDate: '2025-01-15',
      }),
      409,
      'LIST_STATE',
    );
    const ret = await district.inject('POST', `/api/v1/lists/${listId}/return`, {
      comment: 'Kiểm tra lại mức của bà Bình',
    });
    expect(ret.json().state).toBe('returned');
    expect(
      (await commune.inject('POST', `/api/v1/lists/${listId}/submit`, { comment: 'Đã kiểm tra' })).json().state,
    ).toBe('submitted');
    // A commune officer cannot appraise.
    expect((await commune.inject('POST', `/api/v1/lists/${listId}/appraise`, {})).statusCode).toBe(403);
    expect((await district.inject('POST', `/api/v1/lists/${listId}/appraise`, { comment: 'Đạt' })).json().state).toBe(
      'appraised',
    );
    const missingDecision = await province.inject('POST', `/api/v1/lists/${listId}/approve`, {
      decisionDate: '2025-01-15',
    });
    expectProblem(missingDecision, 400, 'VALIDATION_FAILED');
    const approved = (
      await province.inject('POST', `/api/v1/lists/${listId}/approve`, {
        decisionNo: '45/QĐ-UBND',
        decisionDate: '2025-01-15',
      })
    ).json();
    expect(approved).toMatchObject({ state: 'approved', decisionNo: '45/QĐ-UBND', decisionDate: '2025-01-15' });
    expect(approved.steps.map((s: { action: string; actor: string }) => `${s.action}:${s.actor}`)).toEqual([
      `submit:xa.${C}`,
      `return:huyen.${D}`,
      `submit:xa.${C}`,
      `appraise:huyen.${D}`,
      'approve:tinh.chuyenvien',
    ]);
    expect(approved.steps[1].comment).toBe('Kiểm tra lại mức của bà Bình');
    // The timeline names people, not usernames.
    expect(approved.steps[4].actorName).toBe('Lê Thị Chuyên');
    // Approved lists are never edited in place.
    const entries = (await commune.inject('GET', `/api/v1/lists/${listId}/entries`)).json().items;
    expectProblem(
      await commune.inject('DELETE', `/api/v1/lists/${listId}/entries/${entries[0].id}`, { reason: 'thử xoá' }),
      409,
      'LIST_LOCKED',
    );
  });

  it('the province sees which communes of the district still have no list', async () => {
    const { programId, communeCode: C } = await buildList(ctx, { stage: 'approved' });
    const D = await districtOf(ctx, C);
    const res = (await province.inject('GET', `/api/v1/program-progress?programId=${programId}&areaCode=${D}`)).json();
    const row = res.rows.find((r: { areaCode: string }) => r.areaCode === C);
    expect(row.byState).toEqual({ approved: 1 });
    expect(res.missingCommunes.length).toBeGreaterThan(0);
    expect(res.missingCommunes.map((c: { code: string }) => c.code)).not.toContain(C);
  });

  it('a supplementary list takes a newly qualifying person, never those already approved', async () => {
    const { listId, communeCode: C } = await buildList(ctx, { stage: 'approved', persons: [{}, {}] });
    const commune = await ctx.login(`xa.${C}`);
    await buildBeneficiary(ctx, {
      communeCode: C,
      name: 'Hoàng Văn Mới',
      birth: '1938-01-01',
      statuses: [{ kind: 'social_assistance', category: '5a', validFrom: '2025-01-10' }],
    });
    const sup = (await commune.inject('POST', `/api/v1/lists/${listId}/supplementary`)).json();
    expect(sup).toMatchObject({ seq: 1, parentListId: listId, state: 'draft', entriesCount: 1, totalAmount: 500_000 });
  });

  it('publication masks personal data; supervisors remark and officers answer', async () => {
    const { listId, programId, anCid, commune } = await approvedWorld();
    const anon = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/lists/${listId}` });
    expect(anon.statusCode).toBe(404);
    expect((await commune.inject('POST', `/api/v1/lists/${listId}/publish`)).json().publishedAt).toBeTruthy();
    const pub = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/lists/${listId}` })).json();
    const a = pub.entries.find((e: { fullName: string }) => e.fullName === 'Nguyễn Văn An');
    expect(a).toEqual({
      id: expect.any(Number),
      fullName: 'Nguyễn Văn An',
      birthYear: 1940,
      village: 'Ấp 1',
      idTail: anCid.slice(-3),
      category: '5a',
      amount: 500_000,
      quantity: 0,
    });
    expect(JSON.stringify(pub)).not.toContain(anCid);
    const sup = await ctx.login('giamsat');
    const lists = (await sup.inject('GET', `/api/v1/lists?programId=${programId}`)).json();
    expect(lists.items.map((l: { id: number }) => l.id)).toEqual([listId]);
    const seen = (await sup.inject('GET', `/api/v1/lists/${listId}/entries`))
      .json()
      .items.find((e: { fullName: string }) => e.fullName === 'Nguyễn Văn An');
    expect(seen).toMatchObject({ citizenId: `*********${anCid.slice(-3)}`, birthDate: '1940' });
    const remark = await sup.inject('POST', `/api/v1/lists/${listId}/remarks`, {
      entryId: a.id,
      text: 'Ông An đã chuyển về ở với con tại xã khác?',
    });
    expect(remark.statusCode).toBe(200);
    expect((await commune.inject('GET', `/api/v1/lists/${listId}`)).json().openRemarks).toBe(1);
    const ans = await commune.inject('POST', `/api/v1/remarks/${remark.json().id}/answer`, {
      answer: 'Ông An vẫn cư trú tại ấp 1, đã xác minh.',
    });
    expect(ans.statusCode).toBe(200);
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/lists/${listId}` })).json();
    expect(after.remarks[0]).toMatchObject({
      text: 'Ông An đã chuyển về ở với con tại xã khác?',
      answer: 'Ông An vẫn cư trú tại ấp 1, đã xác minh.',
    });
    // The public page names units, never accounts (usernames are predictable).
    expect(after.remarks[0].answeredBy).toMatch(/^(Xã|Phường|Thị trấn) /);
    expect(after.remarks[0].author).toMatch(/^Giám sát, /);
    expect(JSON.stringify(after)).not.toMatch(/xa\.\d|giamsat/);
    // Officers read the accounts' names, not usernames.
    const inApp = (await commune.inject('GET', `/api/v1/lists/${listId}/remarks`)).json();
    const answered = (inApp[0] ?? inApp.items?.[0]) as { answeredBy: string; author: string };
    expect(answered.answeredBy).toMatch(/^Cán bộ (Xã|Phường|Thị trấn) /);
    expect([answered.author, answered.answeredBy].join()).not.toMatch(/xa\.\d|giamsat/);
  });

  it('payments: a batch, a retried request, a race, a returned payment, the reconciliation file and the totals', async () => {
    const { programId, C: COMMUNE, commune } = await approvedWorld(DISTRICT);
    const batch = await province.inject('POST', '/api/v1/payment-batches', {
      programId,
      period: '2025',
      channel: 'post_office',
      areaCode: COMMUNE,
    });
    expect(batch.statusCode).toBe(201);
    expect(batch.json()).toMatchObject({ entriesCount: 2, totalAmount: 1_100_000, paidCount: 0 });
    const batchId = batch.json().id;
    const entries = (await province.inject('GET', `/api/v1/payment-batches/${batchId}/entries`)).json().items as {
      id: number;
      fullName: string;
    }[];
    const anEntry = entries.find((e) => e.fullName === 'Nguyễn Văn An')!.id;
    const binhEntry = entries.find((e) => e.fullName === 'Trần Thị Bình')!.id;

    const body = { entryIds: [anEntry], state: 'paid', paidOn: '2025-01-22', reference: 'PC-001' };
    expectProblem(
      await province.inject('POST', `/api/v1/payment-batches/${batchId}/payments`, body),
      400,
      'IDEMPOTENCY_KEY_REQUIRED',
    );
    const send = (key: string, b: unknown = body) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/payment-batches/${batchId}/payments`,
        headers: { cookie: province.cookie, 'x-csrf-token': province.csrf, 'idempotency-key': key },
        payload: b as object,
      });
    // The same request sent twice at once, and retried: one effect, the same answer.
    const [r1, r2] = await Promise.all([send('pay-an-0001'), send('pay-an-0001')]);
    expect(r1.json()).toEqual({ recorded: 1, alreadyPaid: [], notInBatch: [] });
    expect(r2.json()).toEqual(r1.json());
    expect((await send('pay-an-0001')).json()).toEqual(r1.json());
    // Two officers at once with different keys: exactly one pays.
    const [a1, a2] = await Promise.all([
      send('pay-b-officer-1', { ...body, entryIds: [binhEntry] }),
      send('pay-b-officer-2', { ...body, entryIds: [binhEntry] }),
    ]);
    expect([a1.json().recorded, a2.json().recorded].sort()).toEqual([0, 1]);
    expect([...a1.json().alreadyPaid, ...a2.json().alreadyPaid]).toEqual([binhEntry]);
    // The same key for another request is refused.
    expectProblem(await send('pay-an-0001', { ...body, reference: 'PC-999' }), 409, 'IDEMPOTENCY_KEY_REUSED');
    const rows = await ctx.database.db
      .selectFrom('payments')
      .select(['entry_id', 'state', 'amount'])
      .where('batch_id', '=', batchId)
      .orderBy('entry_id')
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.state === 'paid')).toBe(true);

    // The post office returns Bình's money, then the reconciliation file pays it again once.
    expect(
      (await send('ret-b-000001', { entryIds: [binhEntry], state: 'returned', paidOn: '2025-01-25' })).json().recorded,
    ).toBe(1);
    const file = await xlsx([
      ['Mã dòng', 'Họ và tên', 'Trạng thái', 'Ngày chi', 'Số chứng từ'],
      [anEntry, 'Nguyễn Văn An', 'Đã chi', '22/01/2025', 'PC-001'],
      [binhEntry, 'Trần Thị Bình', 'Đã chi', '27/01/2025', 'PC-002'],
    ]);
    const rec = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/payment-batches/${batchId}/reconcile`,
      headers: {
        cookie: province.cookie,
        'x-csrf-token': province.csrf,
        'content-type': `multipart/form-data; boundary=B`,
      },
      payload: multipart(file),
    });
    expect(rec.json()).toEqual({ recorded: 1, alreadyPaid: [anEntry], notInBatch: [] });
    const bad = await xlsx([
      ['Mã dòng', 'Trạng thái', 'Ngày chi'],
      [anEntry, 'Chưa biết', '22/01/2025'],
    ]);
    const badRes = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/payment-batches/${batchId}/reconcile`,
      headers: {
        cookie: province.cookie,
        'x-csrf-token': province.csrf,
        'content-type': `multipart/form-data; boundary=B`,
      },
      payload: multipart(bad),
    });
    expectProblem(badRes, 400, 'RECONCILE_ROWS_INVALID');
    expect(badRes.json().details[0].path).toBe('row.2');

    const totals = (
      await province.inject('GET', `/api/v1/program-totals?programId=${programId}&areaCode=${DISTRICT}`)
    ).json();
    expect(totals.total).toMatchObject({
      approvedCount: 2,
      approvedAmount: 1_100_000,
      paidCount: 2,
      paidAmount: 1_100_000,
    });
    expect(totals.rows).toEqual([expect.objectContaining({ key: COMMUNE, approvedCount: 2, paidAmount: 1_100_000 })]);
    const byCat = (
      await province.inject('GET', `/api/v1/program-totals?programId=${programId}&groupBy=category`)
    ).json();
    expect(byCat.rows.map((r: { key: string; paidAmount: number }) => [r.key, r.paidAmount])).toEqual([
      ['5a', 500_000],
      ['6_severe', 600_000],
    ]);
    const sheet = await province.inject('GET', `/api/v1/payment-batches/${batchId}/sheet.xlsx`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    // Commune and district officers do not pay.
    expect(
      (await commune.inject('POST', '/api/v1/payment-batches', { programId, period: '2025', channel: 'post_office' }))
        .statusCode,
    ).toBe(403);
  });

  it('generation in SQL and generation through entitlement() give the same entries', async () => {
    const C = await nextCommune(ctx);
    const commune = await ctx.login(`xa.${C}`);
    const { an, binh } = await anAndBinh(C);
    await ctx.services.registry.updatePerson(sys, binh, { citizenId: uniqueCid('190') });
    await buildBeneficiary(ctx, { communeCode: C, name: 'Hoàng Văn Mới', birth: '1938-01-01' });
    void an;
    // An age bound (0 years) keeps the second program on the JavaScript path.
    const GIFT = giftProgramBody();
    const sqlProg = (await province.inject('POST', '/api/v1/programs', { ...GIFT, code: `SAME-SQL-${C}` })).json();
    const jsRule = { ...GIFT.rule, eligibility: { per: 'person', any: [{ status: 'social_assistance', minAge: 0 }] } };
    const jsProg = (
      await province.inject('POST', '/api/v1/programs', { ...GIFT, code: `SAME-JS-${C}`, rule: jsRule })
    ).json();
    const listOf: Record<number, number> = {};
    const rows = async (id: number) => {
      const gen = (await programsGenerateViaHttp(commune, id, { communeCode: C })).json();
      listOf[id] = gen.listIds[0];
      const items = (await commune.inject('GET', `/api/v1/lists/${gen.listIds[0]}/entries`)).json().items as {
        fullName: string;
        amount: number;
        category: string;
        citizenId: string;
      }[];
      return items.map((e) => [e.fullName, e.amount, e.category, e.citizenId]).sort();
    };
    const a = await rows(sqlProg.id);
    expect(a.length).toBeGreaterThanOrEqual(3);
    expect(a).toEqual(await rows(jsProg.id));
    // Both checks see an amount that no longer matches the rule.
    for (const id of [sqlProg.id, jsProg.id]) {
      await ctx.database.db
        .updateTable('list_entries')
        .set({ amount: 123 })
        .where('list_id', '=', listOf[id]!)
        .where('full_name', '=', 'Nguyễn Văn An')
        .execute();
      const check = (await commune.inject('GET', `/api/v1/lists/${listOf[id]}/check`)).json();
      expect(check.problems.map((p: { code: string; fullName: string }) => `${p.code}:${p.fullName}`)).toEqual([
        'AMOUNT_MISMATCH:Nguyễn Văn An',
      ]);
    }
  });

  it('two approvals of the same list at once: exactly one succeeds', async () => {
    const { id: programId } = await buildProgram(ctx);
    const C = await nextCommune(ctx, { district: DISTRICT });
    await buildBeneficiary(ctx, { communeCode: C, name: 'Vũ Văn Hai', birth: '1942-01-01' });
    const x = await ctx.login(`xa.${C}`);
    const gen = (await programsGenerateViaHttp(x, programId, { communeCode: C })).json();
    const id = gen.listIds[0];
    expect((await x.inject('POST', `/api/v1/lists/${id}/submit`, {})).statusCode).toBe(200);
    expect((await district.inject('POST', `/api/v1/lists/${id}/appraise`, {})).statusCode).toBe(200);
    const p2 = await ctx.login('tinh.chuyenvien');
    const [a, b] = await Promise.all([
      province.inject('POST', `/api/v1/lists/${id}/approve`, { decisionNo: '46/QĐ-UBND', decisionDate: '2025-01-16' }),
      p2.inject('POST', `/api/v1/lists/${id}/approve`, { decisionNo: '47/QĐ-UBND', decisionDate: '2025-01-16' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const steps = await ctx.database.db
      .selectFrom('list_steps')
      .select('action')
      .where('list_id', '=', id)
      .where('action', '=', 'approve')
      .execute();
    expect(steps).toHaveLength(1);
  });
});

describe('programs: computed indicators as of a date', () => {
  it('counts approved beneficiaries and paid amounts for an area, per program, as the records stood on a date', async () => {
    const { programsIndicators } = await import('./programs.indicators.js');
    const { indicatorArea } = await import('../../platform/indicators.js');
    const { todayInVietnam } = await import('@ansinh/domain');
    const ind = (code: string) => programsIndicators.find((i) => i.code === code)!;
    // Two approved lists in the district (An and Bình in one commune, one person in another), and
    // a batch that paid An and Bình.
    const { programId, C: COMMUNE } = await approvedWorld(DISTRICT);
    await buildList(ctx, { programId, stage: 'approved', communeCode: await nextCommune(ctx, { district: DISTRICT }) });
    const program = await ctx.services.programs.getProgram(sys, programId);
    const batch = await ctx.services.programs.payments.createBatch(sys, {
      programId,
      period: '2025',
      channel: 'post_office',
      areaCode: COMMUNE,
    });
    const ids = (await ctx.services.programs.payments.batchEntries(sys, batch.id, { limit: 10, offset: 0 })).items.map(
      (e) => e.id,
    );
    await ctx.services.programs.payments.recordPayments(
      sys,
      batch.id,
      { entryIds: ids, state: 'paid', paidOn: '2025-01-22' },
      `indicators-${programId}`,
    );
    const today = todayInVietnam();
    const q = { area: indicatorArea(DISTRICT, 2), from: '2025-01-01', to: '2025-12-31', asOf: today };
    const params = { program: program.code };
    expect((await ind('programs.beneficiaries_approved').compute(ctx.database.db, q, params)).value).toBe(3);
    expect((await ind('programs.amount_paid').compute(ctx.database.db, q, params)).value).toBe(1_100_000);
    expect(
      (await ind('programs.persons_paid').compute(ctx.database.db, { ...q, area: indicatorArea(COMMUNE, 3) }, params))
        .value,
    ).toBe(2);
    // Before anything was recorded: nothing.
    expect(
      (await ind('programs.amount_paid').compute(ctx.database.db, { ...q, asOf: '2025-01-01' }, params)).value,
    ).toBe(0);
    const recs = await ind('programs.amount_paid').records(ctx.database.db, q, { limit: 10, offset: 0 }, params);
    expect(recs.total).toBe(2);
    expect(recs.rows.map((r) => [r.label, r.amount]).sort()).toEqual([
      ['Nguyễn Văn An', 500_000],
      ['Trần Thị Bình', 600_000],
    ]);
    expect(recs.rows[0]!.href).toMatch(/^\/programs\/lists\/\d+$/);
  });
});

describe('programs: monthly allowances and a two-level province', () => {
  it('the base level changes on 1/7/2024 without touching June; arrears for months not paid; a death stops the next month', async () => {
    const prov = await ctx.login('tinh.chuyenvien');
    const res = await prov.inject('POST', '/api/v1/programs', {
      code: 'TCXH-HANGTHANG',
      name: 'Trợ cấp xã hội hằng tháng',
      legalBasis: 'Nghị định 20/2021/NĐ-CP',
      legalDate: '2021-03-15',
      kind: 'monthly',
      unit: 'dong',
      periodKind: 'monthly',
      refDate: '2024-01-01',
      periodFrom: '2024-01-01',
      rule: {
        validFrom: '2021-07-01',
        eligibility: { per: 'person', any: [{ status: 'social_assistance' }] },
        amount: { type: 'social_assistance' },
      },
    });
    expect(res.statusCode).toBe(201);
    const pid = res.json().id;
    const C = await nextCommune(ctx, { district: DISTRICT });
    const x = await ctx.login(`xa.${C}`);
    await buildBeneficiary(ctx, {
      communeCode: C,
      name: 'Đinh Thị Cụ',
      birth: '1935-01-01',
      gender: 'female',
      statuses: [{ kind: 'social_assistance', category: '5a', validFrom: '2024-05-01' }],
    });
    const june = (await programsGenerateViaHttp(x, pid, { communeCode: C, period: '2024-06' })).json();
    const juneEntries = (await x.inject('GET', `/api/v1/lists/${june.listIds[0]}/entries`)).json().items;
    // 2.0 x 360.000đ for June, plus May not paid: arrears 720.000đ.
    expect(juneEntries[0]).toMatchObject({
      amount: 720_000,
      arrearsAmount: 720_000,
      arrearsNote: 'Truy lĩnh 1 tháng: 05/2024',
    });
    await x.inject('POST', `/api/v1/lists/${june.listIds[0]}/submit`, {});
    await (await ctx.login(`huyen.${DISTRICT}`)).inject('POST', `/api/v1/lists/${june.listIds[0]}/appraise`, {});
    expect(
      (
        await prov.inject('POST', `/api/v1/lists/${june.listIds[0]}/approve`, {
          decisionNo: '9/QĐ',
          decisionDate: '2024-06-05',
        })
      ).statusCode,
    ).toBe(200);
    const july = (await programsGenerateViaHttp(x, pid, { communeCode: C, period: '2024-07' })).json();
    const julyEntries = (await x.inject('GET', `/api/v1/lists/${july.listIds[0]}/entries`)).json().items;
    expect(julyEntries[0]).toMatchObject({ amount: 1_000_000, arrearsAmount: 0 });
    // June as approved is untouched.
    expect((await x.inject('GET', `/api/v1/lists/${june.listIds[0]}`)).json().totalAmount).toBe(1_440_000);
    const ids = await ctx.database.db
      .selectFrom('persons')
      .select('id')
      .where('full_name', '=', 'Đinh Thị Cụ')
      .executeTakeFirstOrThrow();
    await ctx.services.registry.updatePerson(sys, ids.id, { deceasedOn: '2024-07-20' });
    const aug = (await programsGenerateViaHttp(x, pid, { communeCode: C, period: '2024-08' })).json();
    expect(aug.entries).toBe(0);
  });

  it('a two-level province: commune submits, the province approves; there is no district appraisal', async () => {
    await ctx.services.areas.importList(
      sys,
      ['code,parent,type,name', '98,,province,Tỉnh Hai Cấp', '98001,98,commune,Xã Một', ''].join('\n'),
      { listId: 'test-98', validFrom: '2025-07-01', validTo: null },
    );
    await ctx.services.users.create(
      sys,
      {
        username: 'xa.98001',
        password: DEMO_PASSWORD,
        fullName: 'Cán bộ Xã Một',
        role: 'commune_officer',
        areaCode: '98001',
      },
      { mustChangePassword: false },
    );
    await ctx.services.users.create(
      sys,
      {
        username: 'tinh98',
        password: DEMO_PASSWORD,
        fullName: 'Chuyên viên Tỉnh 98',
        role: 'province_officer',
        areaCode: '98',
      },
      { mustChangePassword: false },
    );
    const p98 = await ctx.login('tinh98');
    const x98 = await ctx.login('xa.98001');
    const prog = (await p98.inject('POST', '/api/v1/programs', giftProgramBody({ code: 'TET2025-98' }))).json();
    await buildBeneficiary(ctx, {
      communeCode: '98001',
      name: 'Lò Văn Một',
      birth: '1941-01-01',
      statuses: [{ kind: 'social_assistance', category: '5a', validFrom: '2024-01-01' }],
    });
    const gen = (await programsGenerateViaHttp(x98, prog.id, { communeCode: '98001' })).json();
    expect(gen.entries).toBe(1);
    const id = gen.listIds[0];
    expect((await x98.inject('GET', `/api/v1/lists/${id}`)).json().levels).toBe(2);
    const sub = await x98.inject('POST', `/api/v1/lists/${id}/submit`, {});
    expect(sub.json().state, sub.body).toBe('submitted');
    // Returned once by the province, then approved.
    expect(
      (await p98.inject('POST', `/api/v1/lists/${id}/return`, { comment: 'Bổ sung quyết định hưởng' })).json().state,
    ).toBe('returned');
    expect((await x98.inject('POST', `/api/v1/lists/${id}/submit`, {})).json().state).toBe('submitted');
    const bulk = (
      await p98.inject('POST', '/api/v1/lists/approve', {
        listIds: [id],
        decisionNo: '3/QĐ-UBND',
        decisionDate: '2025-01-16',
      })
    ).json();
    expect(bulk).toEqual({ approved: [id], failed: [] });
    // The demo province's officers do not see province 98's list.
    expect((await province.inject('GET', `/api/v1/lists/${id}`)).statusCode).toBe(404);
  });
});

describe('programs: rice in kind', () => {
  it('allocates kilograms per household member to the commune and records what is handed out', async () => {
    const prov = await ctx.login('tinh.chuyenvien');
    const rice = (
      await prov.inject('POST', '/api/v1/programs', {
        code: 'GAO-TEST',
        name: 'Hỗ trợ gạo cứu đói',
        legalBasis: 'Quyết định xuất cấp gạo dự trữ quốc gia',
        kind: 'in_kind',
        unit: 'kg',
        periodKind: 'once',
        refDate: '2025-02-01',
        periodFrom: '2025-01-15',
        periodTo: '2025-02-28',
        rule: {
          validFrom: '2025-01-01',
          eligibility: { per: 'household', any: [{ status: 'poverty', categories: ['poor'] }] },
          amount: { type: 'quantity', perPerson: 15, unit: 'kg' },
        },
      })
    ).json();
    const C = await nextCommune(ctx, { district: DISTRICT });
    const hh = await ctx.services.registry.createHousehold(sys, {
      communeCode: C,
      residence: 'rural',
      village: 'Tổ 3',
    });
    const head = await ctx.services.registry.createPerson(sys, {
      fullName: 'Mai Văn Gạo',
      gender: 'male',
      birthDate: '1970-01-01',
      citizenId: '070070001999',
      householdId: hh.id,
      relation: 'head',
    });
    for (const [n, cid] of [
      ['Mai Thị Một', '070305002001'],
      ['Mai Văn Hai', '070205002002'],
    ] as const) {
      await ctx.services.registry.createPerson(sys, {
        fullName: n,
        gender: n.includes('Thị') ? 'female' : 'male',
        birthDate: '2005-01-01',
        citizenId: cid,
        householdId: hh.id,
        relation: 'child',
      });
    }
    await ctx.services.registry.grantStatus(sys, {
      kind: 'poverty',
      householdId: hh.id,
      category: 'poor',
      year: 2024,
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      decisionNo: '5/QĐ-UBND',
      decisionDate: '2024-12-20',
    });
    void head;
    const x = await ctx.login(`xa.${C}`);
    const gen = (await programsGenerateViaHttp(x, rice.id, { communeCode: C })).json();
    const id = gen.listIds[0];
    expect((await x.inject('GET', `/api/v1/lists/${id}`)).json()).toMatchObject({
      entriesCount: 1,
      totalQuantity: 45,
      totalAmount: 0,
    });
    await x.inject('POST', `/api/v1/lists/${id}/submit`, {});
    await district.inject('POST', `/api/v1/lists/${id}/appraise`, {});
    await prov.inject('POST', `/api/v1/lists/${id}/approve`, { decisionNo: '7/QĐ-UBND', decisionDate: '2025-01-20' });
    expectProblem(
      await prov.inject('POST', '/api/v1/payment-batches', {
        programId: rice.id,
        period: '2025',
        channel: 'bank',
        areaCode: C,
      }),
      400,
      'VALIDATION_FAILED',
    );
    const batch = (
      await prov.inject('POST', '/api/v1/payment-batches', {
        programId: rice.id,
        period: '2025',
        channel: 'in_kind',
        areaCode: C,
      })
    ).json();
    const entry = (await prov.inject('GET', `/api/v1/payment-batches/${batch.id}/entries`)).json().items[0];
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/payment-batches/${batch.id}/payments`,
      headers: { cookie: prov.cookie, 'x-csrf-token': prov.csrf, 'idempotency-key': 'rice-handout-1' },
      payload: { entryIds: [entry.id], state: 'paid', paidOn: '2025-01-25' },
    });
    expect(res.json().recorded).toBe(1);
    const totals = (await prov.inject('GET', `/api/v1/program-totals?programId=${rice.id}`)).json();
    expect(totals.total).toMatchObject({ approvedQuantity: 45, paidQuantity: 45, paidCount: 1, paidAmount: 0 });
  });
});

function multipart(file: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      '--B\r\nContent-Disposition: form-data; name="file"; filename="doi-soat.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    file,
    Buffer.from('\r\n--B--\r\n'),
  ]);
}
