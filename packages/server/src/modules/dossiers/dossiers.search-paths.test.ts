import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DossierPage } from '@ansinh/domain';
import { buildDossier } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { dossiersRepo } from './repo/dossiers.repo.js';

// How the dossier search reads (repo/dossier-search.repo.ts): one statement gives the page and the
// capped count; on PostgreSQL a narrow name may be read from the trigram index (migration 0040)
// instead of walking the order, and must find the same dossiers. Each test names applicants with a
// word of its own, so it sees only its dossiers.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

/** A made-up given name no other test uses (letters only: searchKey keeps it as it is). */
const word = () => Array.from({ length: 7 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);

async function search(username: string, qs: string): Promise<DossierPage> {
  const [s] = await ctx.loginAll([username]);
  const res = await s!.inject('GET', `/api/v1/dossiers?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DossierPage;
}

describe('dossier search paths', () => {
  it('part of a full name finds each dossier holding it, newest first, inside the area; a page past the last keeps the count', async () => {
    const w = word();
    const a = await buildDossier(ctx, { applicantName: `Nguyễn Văn ${capital(w)}`, communeCode: '25213' });
    const b = await buildDossier(ctx, { applicantName: `Trần Thị ${capital(w)}h`, communeCode: '25213' });
    const c = await buildDossier(ctx, { applicantName: `Nguyễn Văn ${capital(w)}`, communeCode: '25270' });
    await buildDossier(ctx, { applicantName: `Nguyễn Văn Khác ${capital(w).slice(0, 4)}`, communeCode: '25213' });

    const all = await search('tinh.chuyenvien', `q=${w}`);
    expect(all.items.map((i) => i.id)).toEqual([c.id, b.id, a.id]);
    expect(all).toMatchObject({ total: 3 });
    const communeName = (await ctx.services.areas.pathOf('25270'))!.name;
    expect(all.items[0]).toMatchObject({ code: c.code, applicantName: `Nguyễn Văn ${capital(w)}`, communeName });
    expect(all.items[0]!.procedureName).toBeTruthy();

    const full = await search('tinh.chuyenvien', `q=${encodeURIComponent(`nguyen van ${w}`)}`);
    expect(full.items.map((i) => i.id)).toEqual([c.id, a.id]);
    const commune = await search('xa.25213', `q=${encodeURIComponent(`NGUYEN VAN ${w}`)}`);
    expect(commune.items.map((i) => i.id)).toEqual([a.id]);

    const second = await search('tinh.chuyenvien', `q=${w}&pageSize=2&page=2`);
    expect(second.items.map((i) => i.id)).toEqual([a.id]);
    expect(second.total).toBe(3);
    const past = await search('tinh.chuyenvien', `q=${w}&pageSize=2&page=3`);
    expect(past).toMatchObject({ items: [], total: 3 });
    expect(past.totalCapped).toBeUndefined();
  });

  it('on PostgreSQL a narrow name can be read from the trigram index and finds the same dossiers as the ordered walk', async () => {
    if (ctx.database.dialect !== 'postgres') return;
    const w = word();
    const made = [];
    for (const [name, commune] of [
      [`Lê Thị ${capital(w)}`, '25213'],
      [`Phạm ${capital(w)} Hoa`, '25270'],
      [`Võ Văn ${capital(w)}`, '25213'],
    ] as const)
      made.push(await buildDossier(ctx, { applicantName: name, communeCode: commune }));
    const f = {
      scope: { column: 'province_code' as const, code: '70' },
      q: { nameKey: w },
      dialect: 'postgres' as const,
    };
    const page = { limit: 20, offset: 0 };
    const walked = await dossiersRepo.search(ctx.database.db, f, page, 'recent');

    const db = ctx.database.db;
    const index = await sql<{ def: string }>`
      select indexdef as def from pg_indexes where indexname = 'dossiers_name_trgm_idx'`.execute(db);
    expect(index.rows[0]?.def).toContain('gin_trgm_ops');
    await db.transaction().execute(async (trx) => {
      // Only the trigram index is left to the planner (no ordered index walk, no table scan).
      await sql`set local enable_indexscan = off`.execute(trx);
      await sql`set local enable_indexonlyscan = off`.execute(trx);
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = await sql<{ 'QUERY PLAN': string }>`
        explain select d.id from dossiers d
        where d.applicant_name_key like ${`%${w}%`}
        order by d.received_at desc, d.id desc limit 1001`.execute(trx);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('dossiers_name_trgm_idx');
      const fromTrigrams = await dossiersRepo.search(trx, f, page, 'recent');
      expect(fromTrigrams).toEqual(walked);
    });
    expect(walked.rows.map((r) => r.id)).toEqual(made.map((d) => d.id).reverse());
    expect(walked.total).toBe(3);
  });
});
