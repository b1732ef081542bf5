import { statusCategoryLabel } from '@ansinh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { buildBeneficiary, buildProgram, nextCommune } from '../../test/factories.js';
import { checkLists } from './use-cases/check-lists.js';

/**
 * Generation in SQL (`candidatesRepo.insertGeneratedSql`): a beneficiary with several qualifying
 * statuses gets one entry, the best one (the highest amount, then the first category), with the
 * reason and amount a user reads on the list; and the check agrees with it.
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
});
