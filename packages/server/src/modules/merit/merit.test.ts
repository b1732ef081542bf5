import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { buildDossier, buildMartyr, buildMeritPerson, buildMeritRecord } from '../../test/factories.js';

let ctx: TestContext;
let officer: Session;
let commune: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('tinh.chuyenvien');
  commune = await ctx.login('xa.25213');
});
afterAll(async () => {
  await ctx?.close();
});

async function count(table: 'merit_dna_samples' | 'merit_transfers' | 'merit_decisions' | 'merit_records') {
  const r = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('merit records and decisions', () => {
  it('opens a record for a registry person with the Art. 127 code, kept permanently', async () => {
    const p = await buildMeritPerson(ctx);
    const res = await officer.inject('POST', '/api/v1/merit/records', {
      personId: p.id,
      category: 'c',
      dossierYear: 2022,
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r.dossierCode).toMatch(/^70\/LS\/\d{6}\/2022$/);
    expect(r).toMatchObject({ retention: 'permanent', state: 'managed', benefitState: 'none', fullName: p.fullName });
  });

  it('refuses a dossier code already used in the province', async () => {
    const r = await buildMeritRecord(ctx);
    const p = await buildMeritPerson(ctx);
    const res = await officer.inject('POST', '/api/v1/merit/records', {
      personId: p.id,
      category: 'g',
      dossierCode: r.dossierCode,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MERIT_DOSSIER_CODE_TAKEN');
  });

  it('grants, suspends and resumes; a change while suspended is refused and changes nothing', async () => {
    const r = await buildMeritRecord(ctx);
    const d = (kind: string, effectiveMonth: string) =>
      officer.inject('POST', `/api/v1/merit/records/${r.id}/decisions`, {
        kind,
        effectiveMonth,
        decisionNo: `${kind}/QĐ-SLĐTBXH`,
        decisionDate: '2024-01-05',
        monthlyAmount: kind === 'grant' ? 2_789_000 : 0,
      });
    expect((await d('grant', '2024-01')).statusCode).toBe(200);
    const s = await d('suspension', '2024-03');
    expect(s.json().benefitState).toBe('suspended');
    expect(s.json().decisions[1].form).toBe('Mẫu 72');
    const before = await count('merit_decisions');
    const bad = await d('change', '2024-04');
    expect(bad.statusCode).toBe(409);
    expect(bad.json().message).toMatch(/tạm đình chỉ/);
    expect(await count('merit_decisions')).toBe(before);
    expect((await d('resumption', '2024-06')).json().benefitState).toBe('active');
  });

  it('lets the commune add a relative; the commune cannot issue an extract', async () => {
    const r = await buildMeritRecord(ctx);
    const ok = await commune.inject('POST', `/api/v1/merit/records/${r.id}/relatives`, {
      fullName: 'Lê Thị Vợ',
      relation: 'spouse',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().relatives).toHaveLength(1);
    const no = await commune.inject('POST', `/api/v1/merit/records/${r.id}/extracts`, {
      form: 'Mẫu 95',
      issuedOn: '2024-01-01',
      issuedTo: 'x',
    });
    expect(no.statusCode).toBe(403);
  });

  it('limits the list to the commune of a commune officer', async () => {
    const inside = await buildMeritRecord(ctx);
    const outside = await buildMeritRecord(ctx, { communeCode: '25270' });
    const list = (await commune.inject('GET', '/api/v1/merit/records?pageSize=500')).json();
    const ids = list.items.map((x: { id: number }) => x.id);
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
    expect((await commune.inject('GET', `/api/v1/merit/records/${outside.id}`)).statusCode).toBe(404);
  });
});

describe('transfers between provinces (Art. 131)', () => {
  it('refuses a transfer while a procedure dossier of the person is open, changing nothing', async () => {
    const r = await buildMeritRecord(ctx);
    await buildDossier(ctx, { personId: r.personId });
    const before = await count('merit_transfers');
    const res = await officer.inject('POST', '/api/v1/merit/transfers', {
      recordId: r.id,
      toProvinceCode: '79',
      requestedOn: '2025-03-03',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MERIT_TRANSFER_OPEN_ITEMS');
    expect(res.json().message).toMatch(/giải quyết xong trước khi di chuyển/);
    expect(await count('merit_transfers')).toBe(before);
    expect((await officer.inject('GET', `/api/v1/merit/records/${r.id}`)).json().state).toBe('managed');
  });

  it('issues the slip within 12 days, posts the dossier; payment continues from the slip month', async () => {
    const r = await buildMeritRecord(ctx);
    const t = await officer.inject('POST', '/api/v1/merit/transfers', {
      recordId: r.id,
      toProvinceCode: '79',
      requestedOn: '2025-03-03',
    });
    expect(t.statusCode).toBe(201);
    expect(t.json().clocks[0]).toMatchObject({ step: 'transfer_slip', due: '2025-03-17' });
    const id = t.json().id;
    const slip = await officer.inject('POST', `/api/v1/merit/transfers/${id}/steps`, {
      step: 'slip',
      on: '2025-03-10',
      slipNo: '12/PDC',
    });
    expect(slip.json()).toMatchObject({ state: 'slip_issued', paymentFrom: '2025-03' });
    expect(slip.json().clocks[0].state).toBe('done_on_time');
    await officer.inject('POST', `/api/v1/merit/transfers/${id}/steps`, { step: 'posted', on: '2025-03-11' });
    expect((await officer.inject('GET', `/api/v1/merit/records/${r.id}`)).json().state).toBe('transferred_out');
  });

  it('registers a dossier received from another province', async () => {
    const p = await buildMeritPerson(ctx);
    const t = await officer.inject('POST', '/api/v1/merit/transfers/incoming', {
      fromProvinceCode: '79',
      personName: p.fullName,
      dossierCode: '79/TB/000321/2015',
      slipNo: '5/PDC',
      slipOn: '2025-04-01',
      receivedOn: '2025-04-08',
      communeCode: '25213',
    });
    expect(t.statusCode).toBe(201);
    const reg = await officer.inject('POST', `/api/v1/merit/transfers/${t.json().id}/steps`, {
      step: 'registered',
      on: '2025-04-15',
      personId: p.id,
    });
    expect(reg.json()).toMatchObject({ state: 'registered' });
    const rec = (await officer.inject('GET', `/api/v1/merit/records/${reg.json().recordId}`)).json();
    expect(rec).toMatchObject({ dossierCode: '79/TB/000321/2015', category: 'g' });
  });
});

describe('martyrs and graves', () => {
  it('finds a grave without diacritics and gives the information status', async () => {
    await buildMartyr(ctx, { fullName: 'Nguyễn Văn Đức Thắng', hometown: 'Quảng Trị' });
    const res = await commune.inject('GET', `/api/v1/merit/graves?q=${encodeURIComponent('nguyen van duc thang')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ martyrName: 'Nguyễn Văn Đức Thắng', infoStatus: 'full' });
    const none = await buildMartyr(ctx, { fullName: '', hometown: '' });
    expect(none).toMatchObject({ infoStatus: 'none', martyrName: 'Liệt sĩ chưa xác định được thông tin' });
  });
});
