import { statusCategoryLabel } from '@ansinh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { buildBeneficiary, buildProgram, nextCommune } from '../../test/factories.js';
import { checkLists } from './use-cases/check-lists.js';

/**
 * Generation in SQL (`candidatesRepo.insertGeneratedSql`): a beneficiary with several qualifying
 * statuses gets one entry, the best one (the highest amount, then the first category), with the
 * reason and amount a user reads on the list; and the check agrees with it. Over many communes
 * (one statement per commune on SQLite, one for the area on PostgreSQL) an entry goes to the list
 * of the commune its holder lives in, and another list's entry of the same person is kept.
 */
const sys = systemActor('test');
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('programs: generation in SQL', () => {
  it('gives a beneficiary with several qualifying statuses one entry: the highest amount, then the first category', async () => {
    // The gift programme: social assistance by category, 5a and 5b 500.000 đ, 6_severe 600.000 đ.
    const { id: programId } = await buildProgram(ctx);
    const communeCode = await nextCommune(ctx);
    const since = (category: string) => ({ kind: 'social_assistance' as const, category, validFrom: '2024-01-01' });
    await buildBeneficiary(ctx, { communeCode, name: 'Hai Mức', statuses: [since('5a'), since('6_severe')] });
    await buildBeneficiary(ctx, { communeCode, name: 'Cùng Mức', statuses: [since('5b'), since('5a')] });
    await buildBeneficiary(ctx, { communeCode, name: 'Một Diện', statuses: [since('5b')] });

    const gen = await ctx.services.programs.generate(sys, programId, { communeCode });
    expect(gen.entries).toBe(3);
    const listId = gen.listIds[0]!;
    const page = await ctx.services.programs.entries(sys, listId, { limit: 50, offset: 0 });
    const seen = page.items.map((e) => [e.fullName, e.category, e.amount, e.reason]).sort();
    const reason = (category: string) =>
      `Đủ điều kiện: ${statusCategoryLabel('social_assistance', category)}; mức theo diện ${category}`;
    expect(seen).toEqual(
      [
        ['Cùng Mức', '5a', 500_000, reason('5a')],
        ['Hai Mức', '6_severe', 600_000, reason('6_severe')],
        ['Một Diện', '5b', 500_000, reason('5b')],
      ].sort(),
    );
    const list = await ctx.services.programs.listDetail(sys, listId);
    expect([list.entriesCount, list.totalAmount]).toEqual([3, 1_600_000]);
    // The check recomputes each amount: nothing to say but the IDs, which the factory made valid.
    expect((await checkLists(ctx.database.db, [listId])).get(listId)).toEqual([]);
    expect((await checkLists(ctx.database.db, [listId], { everyEntry: true })).get(listId)).toEqual([]);
  });

  it("over the province, puts each entry in its holder's commune and keeps other lists' entries", async () => {
    const { id: programId } = await buildProgram(ctx);
    const db = ctx.database.db;
    const [here, there, before] = [await nextCommune(ctx), await nextCommune(ctx), await nextCommune(ctx)];
    const since = (category: string) => ({ kind: 'social_assistance' as const, category, validFrom: '2024-01-01' });
    const moveTo = async (personId: number, communeCode: string) => {
      const a = await db.selectFrom('areas').select('path').where('code', '=', communeCode).executeTakeFirstOrThrow();
      const [province, district] = a.path.split('/').filter(Boolean);
      await db
        .updateTable('persons')
        .set({ province_code: province!, district_code: district!, commune_code: communeCode })
        .where('id', '=', personId)
        .execute();
    };
    await buildBeneficiary(ctx, { communeCode: here, name: 'Hai Mức Xã', statuses: [since('5a'), since('6_severe')] });
    // Granted where they lived, then moved: their entry is on the list of the commune they live in.
    const moved = await buildBeneficiary(ctx, { communeCode: here, name: 'Đã Chuyển Xã', statuses: [since('5b')] });
    await moveTo(moved, there);
    // On an earlier list of another commune, then moved here and granted again here: both entries stay.
    const earlier = await buildBeneficiary(ctx, { communeCode: before, name: 'Danh Sách Cũ', statuses: [since('5a')] });
    const first = await ctx.services.programs.generate(sys, programId, { communeCode: before });
    await moveTo(earlier, here);
    await ctx.services.registry.grantStatus(sys, {
      ...since('6_severe'),
      personId: earlier,
      decisionNo: '13/QĐ-UBND',
      decisionDate: '2024-01-01',
    });

    const gen = await ctx.services.programs.generate(sys, programId, {});
    expect(gen.listIds).not.toContain(first.listIds[0]);
    const rows = await db
      .selectFrom('list_entries as e')
      .innerJoin('program_lists as l', 'l.id', 'e.list_id')
      .select(['l.commune_code', 'e.full_name', 'e.category', 'e.amount'])
      .where('e.program_id', '=', programId)
      .where('e.full_name', 'in', ['Hai Mức Xã', 'Đã Chuyển Xã', 'Danh Sách Cũ'])
      .execute();
    expect(rows.map((r) => [r.full_name, r.commune_code, r.category, Number(r.amount)]).sort()).toEqual(
      [
        ['Danh Sách Cũ', before, '5a', 500_000],
        ['Danh Sách Cũ', here, '6_severe', 600_000],
        ['Hai Mức Xã', here, '6_severe', 600_000],
        ['Đã Chuyển Xã', there, '5b', 500_000],
      ].sort(),
    );
    // What the job reports is what the lists hold.
    const counted = await db
      .selectFrom('list_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('list_id', 'in', gen.listIds)
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(gen.entries);
  });
});
