import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxKind, InboxOut } from '@ansinh/domain';
import { factoryActor } from '../../test/factories/base.js';
import { actorOf, buildDossier, buildList, districtOf, nextCommune } from '../../test/factories.js';
import { addOtherProvince, expectProblem } from '../../test/fixtures.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { dossiersPolicy } from '../dossiers/index.js';
import { petitionsPolicy } from '../petitions/index.js';
import { programsPolicy } from '../programs/index.js';
import { inboxPolicy } from './inbox.policy.js';

/** The work inbox through the API, per role: what each person is given, in their area only. */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
});
afterAll(() => ctx.close());

async function inboxOf(username: string): Promise<InboxOut> {
  const s = await ctx.login(username);
  const res = await s.inject('GET', '/api/v1/inbox');
  expect({ status: res.statusCode, body: res.body.slice(0, 400) }).toMatchObject({ status: 200 });
  return res.json() as InboxOut;
}
const kinds = (b: InboxOut) => b.counts.map((c) => c.kind);
const has = (b: InboxOut, kind: InboxKind, id: number) => b.items.some((i) => i.kind === kind && i.id === id);
const count = (b: InboxOut, kind: InboxKind) => b.counts.find((c) => c.kind === kind)?.count ?? 0;

describe('inbox per role', () => {
  it('gives a commune officer the lists of their commune to prepare and, first, to fix (with the reason)', async () => {
    const commune = await nextCommune(ctx, { district: '689' });
    const draft = await buildList(ctx, { communeCode: commune });
    const returned = await buildList(ctx, { communeCode: commune, stage: 'submitted' });
    await ctx.services.programs.returnList(factoryActor, returned.listId, 'Thiếu số CCCD của hai người');
    const elsewhere = await buildList(ctx);

    const b = await inboxOf(`xa.${commune}`);
    expect(kinds(b)).toEqual(
      expect.arrayContaining(['list_prepare', 'list_fix', 'remark_answer', 'dossier_due', 'import_done']),
    );
    expect(kinds(b)).not.toContain('list_appraise');
    expect(kinds(b)).not.toContain('list_approve');
    expect(has(b, 'list_prepare', draft.listId)).toBe(true);
    const fix = b.items.find((i) => i.kind === 'list_fix' && i.id === returned.listId);
    expect(fix?.detail).toContain('Thiếu số CCCD');
    expect(has(b, 'list_prepare', elsewhere.listId)).toBe(false);
    expect(count(b, 'list_prepare')).toBe(1);
    expect(count(b, 'list_fix')).toBe(1);
    // The returned list comes before the draft: fixing is more urgent than preparing.
    const order = b.items.map((i) => i.kind);
    expect(order.indexOf('list_fix')).toBeLessThan(order.indexOf('list_prepare'));
  });

  it('gives a district officer the submitted lists of their district to appraise, not another district’s', async () => {
    const mine = await buildList(ctx, { communeCode: await nextCommune(ctx, { district: '689' }), stage: 'submitted' });
    const other = await buildList(ctx, { stage: 'submitted' });
    expect(await districtOf(ctx, other.communeCode)).not.toBe('689');

    const b = await inboxOf('huyen.689');
    expect(kinds(b)).toContain('list_appraise');
    expect(kinds(b)).not.toContain('list_prepare');
    expect(has(b, 'list_appraise', mine.listId)).toBe(true);
    expect(has(b, 'list_appraise', other.listId)).toBe(false);
    const otherDistrict = await inboxOf(`huyen.${await districtOf(ctx, other.communeCode)}`);
    expect(has(otherDistrict, 'list_appraise', other.listId)).toBe(true);
  });

  it('gives the department officer the appraised lists to approve, and the leader the same lists to sign', async () => {
    const l = await buildList(ctx, { stage: 'appraised' });
    const officer = await inboxOf('tinh.chuyenvien');
    expect(has(officer, 'list_approve', l.listId)).toBe(true);
    expect(kinds(officer)).not.toContain('list_sign');

    const leader = await inboxOf('tinh.lanhdao');
    expect(kinds(leader)).toContain('list_sign');
    expect(kinds(leader)).not.toContain('list_approve');
    expect(has(leader, 'list_sign', l.listId)).toBe(true);
    expect(count(leader, 'list_sign')).toBe(count(officer, 'list_approve'));
  });

  it('gives officers the supervisors’ unanswered remarks of their area; the supervisor is given nothing to do', async () => {
    const commune = await nextCommune(ctx, { district: '689' });
    const l = await buildList(ctx, { communeCode: commune, stage: 'published' });
    const giamsat = await actorOf(ctx, 'giamsat');
    await ctx.services.programs.addRemark(giamsat, l.listId, { text: 'Hộ ông Tư đã chuyển đi từ tháng 3' });

    const commune_ = await inboxOf(`xa.${commune}`);
    const r = commune_.items.find((i) => i.kind === 'remark_answer' && i.id === l.listId);
    expect(r?.detail).toContain('Hộ ông Tư');
    expect(has(await inboxOf('huyen.689'), 'remark_answer', l.listId)).toBe(true);
    expect(has(await inboxOf('xa.99999'), 'remark_answer', l.listId)).toBe(false);

    const supervisor = await inboxOf('giamsat');
    expect(supervisor.counts).toEqual([]);
    expect(supervisor.items).toEqual([]);
  });

  it('gives an officer the dossiers held at their unit, soonest due first, with the overdue counted', async () => {
    const commune = await nextCommune(ctx, { district: '689' });
    const d = await buildDossier(ctx, { communeCode: commune });
    const b = await inboxOf(`xa.${commune}`);
    const item = b.items.find((i) => i.kind === 'dossier_due' && i.id === d.id);
    expect(item).toMatchObject({ title: expect.stringContaining(d.code), due: expect.any(String) });
    const dues = b.items.filter((i) => i.kind === 'dossier_due').map((i) => i.due!);
    expect(dues).toEqual([...dues].sort());
    // Held at the commune: not at the district's or the province's desk yet.
    expect(has(await inboxOf('huyen.689'), 'dossier_due', d.id)).toBe(false);
    expect(has(await inboxOf('xa.99999'), 'dossier_due', d.id)).toBe(false);
  });

  it('gives the inspector the letters assigned to them that await the citizen notice, overdue first', async () => {
    const thanhtra = await actorOf(ctx, 'thanhtra');
    const letter = await ctx.services.petitions.receiveLetter(thanhtra, {
      receivedDate: '2021-03-01',
      channel: 'post',
      areaCode: '70',
      senderName: 'Nguyễn Văn Hộp Thư',
      senderAddress: 'Ấp 1, xã Tiến Hưng',
      senderIdNumber: null,
      senderPhone: null,
      summary: 'Đề nghị xem lại mức trợ cấp hằng tháng',
      signers: 1,
      sourceBody: null,
      callId: null,
    });
    const b = await inboxOf('thanhtra');
    const item = b.items.find((i) => i.kind === 'letter_due' && i.id === letter.id);
    expect(item).toMatchObject({ overdue: true, title: letter.code });
    expect(b.items[0]!.overdue).toBe(true);
    expect(b.counts.find((c) => c.kind === 'letter_due')!.overdue).toBeGreaterThanOrEqual(1);
    // Assigned to the inspector: nobody else is given it.
    expect(has(await inboxOf('tinh.lanhdao'), 'letter_due', letter.id)).toBe(false);
  });

  it('shows another province’s officer nothing of province 70', async () => {
    await buildList(ctx, { stage: 'appraised' });
    const b = await inboxOf('xa.99999');
    expect(b.items.every((i) => i.areaName === null || i.areaName === 'Xã Thử Nghiệm')).toBe(true);
    expect(count(b, 'list_prepare')).toBe(0);
    const admin = await inboxOf('admin99');
    expect(kinds(admin)).toEqual(['import_done']);
  });

  it('refuses a visitor without a session (401)', async () => {
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/v1/inbox' }), 401, 'AUTH_REQUIRED');
  });
});

describe('inbox policy', () => {
  it('gives each kind only to roles the owning module lets take the step it leads to', () => {
    const pairs: [InboxKind, string[]][] = [
      ['list_prepare', [...programsPolicy.table.edit]],
      ['list_fix', [...programsPolicy.table.submit]],
      ['list_appraise', [...programsPolicy.table.appraise]],
      ['list_approve', [...programsPolicy.table.approve]],
      ['list_sign', [...programsPolicy.table.read]],
      ['remark_answer', [...programsPolicy.table.answer]],
      ['dossier_due', [...dossiersPolicy.table.process]],
      ['letter_due', [...petitionsPolicy.table.read]],
      ['case_due', [...petitionsPolicy.table.read]],
    ];
    for (const [kind, roles] of pairs) {
      for (const r of inboxPolicy.table[kind])
        expect({ kind, role: r, ok: roles.includes(r) }).toMatchObject({ ok: true });
    }
  });
});
