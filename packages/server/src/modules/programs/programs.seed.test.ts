import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { DEMO_PROGRAMS } from '../../seed/programs-seed.js';

/** The demo province's 2021 programs: lists at various stages, some paid (SQLite and PostgreSQL). */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ persons: 4000 });
}, 120_000);
afterAll(() => ctx.close());

describe('demo programs', () => {
  it('seeds every 2021 program with lists in several states and payments that match their entries', async () => {
    const db = ctx.database.db;
    // The Sở LĐ-TBXH's programs; the Sở Nội vụ has one of its own (docs/modules/agencies.md).
    const programs = await db
      .selectFrom('programs')
      .select(['id', 'code'])
      .where('agency_code', '=', 'SLDTBXH')
      .execute();
    expect(programs.map((p) => p.code).sort()).toEqual(DEMO_PROGRAMS.map((p) => p.code).sort());
    const snv = await db.selectFrom('programs').select('code').where('agency_code', '=', 'SNV').execute();
    expect(snv.map((p) => p.code)).toEqual(['SNV-NGHIVIEC-2025']);
    const states = await db
      .selectFrom('program_lists')
      .select(['state', (e) => e.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute();
    const byState = Object.fromEntries(states.map((s) => [s.state, Number(s.n)]));
    expect(byState.approved).toBeGreaterThan(0);
    expect(byState.draft ?? 0).toBeGreaterThan(0);
    expect((byState.submitted ?? 0) + (byState.appraised ?? 0)).toBeGreaterThan(0);
    const paid = await db
      .selectFrom('payments')
      .select([(e) => e.fn.countAll<number>().as('n'), (e) => e.fn.sum<number>('amount').as('t')])
      .where('state', '=', 'paid')
      .executeTakeFirstOrThrow();
    expect(Number(paid.n)).toBeGreaterThan(0);
    // Every payment is of an approved entry and for its amount.
    const wrong = await db
      .selectFrom('payments as p')
      .innerJoin('list_entries as e', 'e.id', 'p.entry_id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.or([
          eb('e.approved_key', 'is', null),
          eb('p.amount', '<>', eb('e.amount', '+', eb.ref('e.arrears_amount'))),
        ]),
      )
      .executeTakeFirstOrThrow();
    expect(Number(wrong.n)).toBe(0);
    // The rice program counts kilograms: 15 kg per member.
    const rice = await db
      .selectFrom('list_entries as e')
      .innerJoin('programs as g', 'g.id', 'e.program_id')
      .select(['e.quantity_milli'])
      .where('g.code', '=', 'GAO-DTQG-2021')
      .limit(5)
      .execute();
    expect(rice.length).toBeGreaterThan(0);
    for (const r of rice) expect(r.quantity_milli % 15_000).toBe(0);
  });
});
