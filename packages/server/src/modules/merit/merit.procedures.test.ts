import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedurePage } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { buildDossier, buildMeritPerson, buildMeritRecord, factoryActor } from '../../test/factories.js';
import { indicatorArea } from '../../platform/indicators.js';
import { meritIndicators } from './merit.indicators.js';

let ctx: TestContext;
let officer: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('tinh.chuyenvien');
});
afterAll(async () => {
  await ctx?.close();
});

async function meritProcedure(code: string) {
  const page = (await officer.inject('GET', `/api/v1/procedures?pageSize=50&q=${code}`)).json() as ProcedurePage;
  const p = page.items.find((x) => x.code === code);
  if (!p) throw new Error(`no procedure ${code}`);
  return p;
}

/** A dossier of a merit procedure of the seeded catalogue (NCC131.D7 by default) for a person. */
async function meritDossier(personId: number, code = 'NCC131.D7') {
  return buildDossier(ctx, { procedureId: (await meritProcedure(code)).id, personId });
}

describe('NĐ 131/2021 procedures in the dossiers module', () => {
  it('seeds the chains with each level’s days from the decree', async () => {
    const d7 = await meritProcedure('NCC131.D7');
    expect(d7).toMatchObject({ field: 'Người có công', decisionLevel: 'province', totalDays: 27 });
    expect(d7.path).toEqual([
      { level: 'commune', days: 5 },
      { level: 'province', days: 22 },
    ]);
    expect(d7.legalBasis).toContain('Điều 7');
    expect((await meritProcedure('NCC131.D145')).path.map((s) => s.days)).toEqual([5, 7, 3]);
  });

  it('links a record to its dossier at creation and later', async () => {
    const p = await buildMeritPerson(ctx);
    const d = await meritDossier(p.id);
    const r = await ctx.services.merit.createRecord(factoryActor, {
      personId: p.id,
      category: 'g',
      degree: 41,
      custodian: 'Sở',
      dossierId: d.id,
    });
    expect(r.dossierId).toBe(d.id);
    const d2 = await meritDossier(p.id);
    const res = await officer.inject('PUT', `/api/v1/merit/records/${r.id}/dossier`, { dossierId: d2.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().dossierId).toBe(d2.id);
  });

  it('refuses a dossier of another field or another person, and changes nothing', async () => {
    const r = await buildMeritRecord(ctx);
    const other = await buildDossier(ctx, {});
    const bad = await officer.inject('PUT', `/api/v1/merit/records/${r.id}/dossier`, { dossierId: other.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('người có công');
    const someone = await buildMeritPerson(ctx);
    const theirs = await meritDossier(someone.id);
    const wrong = await officer.inject('PUT', `/api/v1/merit/records/${r.id}/dossier`, { dossierId: theirs.id });
    expect(wrong.statusCode).toBe(400);
    const missing = await officer.inject('PUT', `/api/v1/merit/records/${r.id}/dossier`, { dossierId: 99_999_999 });
    expect(missing.statusCode).toBe(400);
    const decision = await officer.inject('POST', `/api/v1/merit/records/${r.id}/decisions`, {
      kind: 'grant',
      effectiveMonth: '2024-02',
      decisionNo: '1/QĐ',
      decisionDate: '2024-01-05',
      dossierId: other.id,
    });
    expect(decision.statusCode).toBe(400);
    const after = await ctx.services.merit.getRecord(factoryActor, r.id);
    expect(after.dossierId).toBeNull();
    expect(after.decisions).toEqual([]);
  });

  it('counts the merit dossiers settled in a period and the share on time', async () => {
    const p = await buildMeritPerson(ctx);
    const early = await meritDossier(p.id);
    const late = await meritDossier(p.id);
    const notMerit = await buildDossier(ctx, { procedure: { field: 'Bảo trợ xã hội' } });
    const settle = (id: number, timeliness: string) =>
      ctx.database.db
        .updateTable('dossiers')
        .set({ state: 'done', settled_date: '2033-03-10', timeliness })
        .where('id', '=', id)
        .execute();
    await settle(early.id, 'early');
    await settle(late.id, 'late');
    await settle(notMerit.id, 'on_time');
    const q = { area: indicatorArea('70', 1), from: '2033-01-01', to: '2033-12-31', asOf: '2033-12-31' };
    const find = (code: string) => meritIndicators.find((x) => x.code === code)!;
    expect((await find('merit.dossiers_settled').compute(ctx.database.db, q)).value).toBe(2);
    expect(await find('merit.dossiers_settled_on_time_rate').compute(ctx.database.db, q)).toEqual({
      value: 50,
      numerator: 1,
      denominator: 2,
    });
    const rows = await find('merit.dossiers_settled_on_time_rate').records(ctx.database.db, q, {
      limit: 10,
      offset: 0,
    });
    expect(rows.rows.map((r) => r.href).sort()).toEqual([`/dossiers/${early.id}`, `/dossiers/${late.id}`].sort());
  });
});
