import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { buildBeneficiary, buildProgram, nextCommune, programsCitizenId } from '../../test/factories.js';
import { checkLists } from './use-cases/check-lists.js';

/**
 * The set-based check (only the entries that may have a problem are read, `suspectsForCheck`)
 * finds exactly what the check of every entry finds, on a world holding every kind of problem.
 */
const sys = systemActor('test');
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('programs: the set-based check', () => {
  it('finds the same problems as reading every entry: duplicates, exclusions, IDs, amounts against the rate', async () => {
    const db = ctx.database.db;
    const { id: programId } = await buildProgram(ctx);
    const [C1, C2, C3] = [await nextCommune(ctx), await nextCommune(ctx), await nextCommune(ctx)];
    const person = (name: string, o: Parameters<typeof buildBeneficiary>[1] = {}) =>
      buildBeneficiary(ctx, { communeCode: C1, name, ...o });
    const ok = await person('Đúng Người');
    await person('Số Có Dấu Cách', { cid: null });
    const dead = await person('Đã Mất');
    const moved = await person('Đã Chuyển');
    const over = await person('Quá Mức');
    await person('Hết Diện');
    await person('Chưa Có Số', { cid: null });
    await person('Bé Chưa Có Số', {
      cid: null,
      birth: '2019-03-03',
      statuses: [{ kind: 'social_assistance', category: '6_severe', validFrom: '2024-01-01' }],
    });
    const badId = await person('Sai Số');
    await person('Truy Lĩnh Dài');
    await person('Bổ Sung Tay');
    const twice = await buildBeneficiary(ctx, { communeCode: C2, name: 'Hai Xã' });
    const listIds: number[] = [];
    for (const c of [C1, C2, C3])
      listIds.push(...(await ctx.services.programs.generate(sys, programId, { communeCode: c })).listIds);
    const [L1, L2] = listIds as [number, number, number];

    // What changed in the registry and on the lists since generation.
    const spaced = programsCitizenId('1940-05-01').replace(/(\d{3})(\d{3})(\d{3})(\d{3})/, '$1 $2 $3 $4');
    await db.updateTable('persons').set({ citizen_id: spaced }).where('full_name', '=', 'Số Có Dấu Cách').execute();
    await db.updateTable('persons').set({ deceased_on: '2025-01-10' }).where('id', '=', dead).execute();
    await db.updateTable('persons').set({ moved_out_on: '2025-01-05' }).where('id', '=', moved).execute();
    await db.updateTable('persons').set({ citizen_id: '999040123456' }).where('id', '=', badId).execute();
    await db
      .updateTable('statuses')
      .set({ valid_to: '2024-12-31' })
      .where('person_id', 'in', [
        (await db.selectFrom('persons').select('id').where('full_name', '=', 'Hết Diện').executeTakeFirstOrThrow()).id,
      ])
      .execute();
    const entry = (name: string) =>
      db.updateTable('list_entries').where('list_id', '=', L1).where('full_name', '=', name);
    await entry('Quá Mức').set({ amount: 900_000 }).execute();
    await entry('Bổ Sung Tay').set({ amount: 1, manual: 1, manual_reason: 'Theo đề nghị của xã' }).execute();
    await entry('Truy Lĩnh Dài')
      .set({
        arrears_months: Array.from({ length: 13 }, (_, i) => `2024-${String((i % 12) + 1).padStart(2, '0')}`).join(','),
      })
      .execute();
    // The same person twice in a list, and one person on the lists of two communes.
    const copy = async (personId: number, toList: number) => {
      const {
        id: _id,
        approved_key: _k,
        batch_id: _b,
        ...row
      } = await db
        .selectFrom('list_entries')
        .selectAll()
        .where('person_id', '=', personId)
        .where('program_id', '=', programId)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('list_entries')
        .values({ ...row, list_id: toList })
        .execute();
    };
    await copy(ok, L1);
    await copy(twice, L1);
    void over;
    void L2;

    const setBased = await checkLists(db, listIds);
    const everyEntry = await checkLists(db, listIds, { everyEntry: true });
    expect([...setBased]).toEqual([...everyEntry]);
    const seen = (id: number) =>
      (setBased.get(id) ?? []).map((p) => `${p.code}:${p.fullName}:${p.blocking ? 'blocking' : 'warning'}`).sort();
    expect(seen(listIds[0]!)).toEqual(
      [
        'DUPLICATE_IN_LIST:Đúng Người:blocking',
        'DUPLICATE_IN_PROGRAM:Hai Xã:blocking',
        'DECEASED:Đã Mất:blocking',
        'MOVED_OUT:Đã Chuyển:blocking',
        'AMOUNT_MISMATCH:Quá Mức:blocking',
        'NOT_ELIGIBLE:Hết Diện:blocking',
        'MISSING_ID:Chưa Có Số:blocking',
        'MISSING_ID:Bé Chưa Có Số:warning',
        'INVALID_ID:Sai Số:blocking',
        'ARREARS_IMPLAUSIBLE:Truy Lĩnh Dài:warning',
      ].sort(),
    );
    expect(seen(listIds[1]!)).toEqual(['DUPLICATE_IN_PROGRAM:Hai Xã:blocking']);
    expect(seen(listIds[2]!)).toEqual(['EMPTY_LIST::warning']);
  });

  it('judges every list when short lists and sliced long ones share the statements', async () => {
    const { id: programId } = await buildProgram(ctx);
    const [short, long] = [await nextCommune(ctx), await nextCommune(ctx)];
    await buildBeneficiary(ctx, { communeCode: short, name: 'Ngắn Chưa Có Số', cid: null });
    for (const name of ['Dài Một', 'Dài Hai', 'Dài Ba']) await buildBeneficiary(ctx, { communeCode: long, name });
    await buildBeneficiary(ctx, { communeCode: long, name: 'Dài Chưa Có Số', cid: null });
    const ids: number[] = [];
    for (const c of [short, long])
      ids.push(...(await ctx.services.programs.generate(sys, programId, { communeCode: c })).listIds);
    const names = (m: Map<number, { fullName: string }[]>) => ids.map((id) => (m.get(id) ?? []).map((p) => p.fullName));
    const expected = [['Ngắn Chưa Có Số'], ['Dài Chưa Có Số']];
    expect(names(await checkLists(ctx.database.db, ids))).toEqual(expected);
    // Two entries a statement: the short list is read alone, then the long one in slices.
    for (const opts of [{ entriesPerStatement: 2 }, { entriesPerStatement: 2, database: ctx.database }])
      expect(names(await checkLists(ctx.database.db, ids, opts))).toEqual(expected);
  });
});
