import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { buildPerson, buildStatus } from '../../test/factories.js';
import { registryIndicators } from './index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const indicator = () => registryIndicators.find((i) => i.code === 'registry.children_special_circumstances')!;
// A commune no other test of this file writes in.
const q = (date: string, asOf = date) => ({
  area: { code: '25273', level: 3 as const, column: 'commune_code' as const },
  from: '2025-01-01',
  to: date,
  asOf,
});

describe('children in special circumstances (Luật Trẻ em 2016 Art. 10)', () => {
  it('counts each child once on a date, by group, from the registry statuses', async () => {
    const orphan = await buildPerson(ctx, { communeCode: '25273', birthDate: '2015-04-01' });
    const disabled = await buildPerson(ctx, { communeCode: '25273', birthDate: '2013-09-09' });
    const kind = 'child_special_circumstances' as const;
    // Orphaned of both parents (point a) and with a disability (point d): one child, two groups.
    await buildStatus(ctx, orphan.id, { kind, category: 'a', validFrom: '2025-02-01', decisionDate: '2025-01-20' });
    await buildStatus(ctx, orphan.id, { kind, category: 'd', validFrom: '2025-02-01', decisionDate: '2025-01-20' });
    // A child with a disability whose status ended at the end of May.
    await buildStatus(ctx, disabled.id, {
      kind,
      category: 'd',
      validFrom: '2025-01-01',
      validTo: '2025-05-31',
      decisionDate: '2024-12-20',
    });
    const db = ctx.database.db;
    expect((await indicator().compute(db, q('2025-03-31'))).value).toBe(2);
    expect((await indicator().compute(db, q('2025-03-31'), { group: 'd' })).value).toBe(2);
    expect((await indicator().compute(db, q('2025-03-31'), { group: 'a' })).value).toBe(1);
    expect((await indicator().compute(db, q('2025-06-30'))).value).toBe(1);
    expect((await indicator().compute(db, q('2025-06-30'), { group: 'd' })).value).toBe(1);
    // Before the decisions were signed nobody counts.
    expect((await indicator().compute(db, q('2025-03-31', '2024-12-01'))).value).toBe(0);
    const behind = await indicator().records(db, q('2025-03-31'), { limit: 10, offset: 0 });
    expect(behind.total).toBe(2);
    expect(behind.rows.map((r) => r.href).sort()).toEqual(
      [`/registry/persons/${disabled.id}`, `/registry/persons/${orphan.id}`].sort(),
    );
  });

  it('refuses a group that is not in Art. 10', async () => {
    const child = await buildPerson(ctx, { communeCode: '25273', birthDate: '2016-01-01' });
    await expect(buildStatus(ctx, child.id, { kind: 'child_special_circumstances', category: 'p' })).rejects.toThrow();
  });
});
