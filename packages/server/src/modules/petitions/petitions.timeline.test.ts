import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { buildLetter, buildPerson } from '../../test/factories.js';

let ctx: TestContext;
let xa: Session; // xa.25213
let xaOther: Session; // xa.25273, another district
let inspector: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  xa = await ctx.login('xa.25213');
  xaOther = await ctx.login('xa.25273');
  inspector = await ctx.login('thanhtra');
});
afterAll(() => ctx.close());

const identityReads = async (letterId: number) =>
  (
    await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_username'])
      .where('entity', '=', 'petition_letter')
      .where('entity_id', '=', String(letterId))
      .where('action', '=', 'petitions.identity.read')
      .execute()
  ).map((a) => a.actor_username);

async function timeline(s: Session, personId: number) {
  const res = await s.inject('GET', `/api/v1/persons/${personId}/timeline`);
  return {
    status: res.statusCode,
    body: res.body,
    items: res.statusCode === 200 ? (res.json() as Timeline).items : [],
  };
}

describe("the person's timeline in the registry shows their letters", () => {
  it("shows a person's complaint to the commune officer, never their denunciation, and no identity read", async () => {
    const person = await buildPerson(ctx, { communeCode: '25213' });
    const complaint = await buildLetter(ctx, { areaCode: '25213', personId: person.id, receivedDate: '2021-08-02' });
    const denunciation = await buildLetter(ctx, {
      areaCode: '25213',
      personId: person.id,
      kind: 'denunciation',
      senderName: 'Người Tố Cáo Trên Dòng Thời Gian',
    });
    const t = await timeline(xa, person.id);
    expect(t.status).toBe(200);
    const letters = t.items.filter((i) => i.kind === 'petitions.letter');
    expect(letters.map((i) => i.title)).toEqual([expect.stringContaining(complaint.code)]);
    expect(letters[0]).toMatchObject({ at: '2021-08-02' });
    expect(t.body).not.toContain(denunciation.code);
    expect(t.body).not.toContain('Người Tố Cáo Trên Dòng Thời Gian');
    expect(await identityReads(denunciation.id)).toEqual([]);
  });

  it('shows the denunciation to the inspector (named for the identity), each showing audited as an identity read', async () => {
    const person = await buildPerson(ctx, { communeCode: '25213' });
    const denunciation = await buildLetter(ctx, { areaCode: '25213', personId: person.id, kind: 'denunciation' });
    const t = await timeline(inspector, person.id);
    expect(t.status).toBe(200);
    expect(t.items.filter((i) => i.kind === 'petitions.letter').map((i) => i.title)).toEqual([
      expect.stringContaining(denunciation.code),
    ]);
    expect(await identityReads(denunciation.id)).toEqual(['thanhtra']);
  });

  it("answers 404 for a person outside the officer's area, with no letter read", async () => {
    const person = await buildPerson(ctx, { communeCode: '25213' });
    const letter = await buildLetter(ctx, { areaCode: '25213', personId: person.id });
    const t = await timeline(xaOther, person.id);
    expect(t.status).toBe(404);
    expect(t.body).not.toContain(letter.code);
  });

  it('shows no letter of the province office to a commune officer (the letters keep their own area)', async () => {
    const person = await buildPerson(ctx, { communeCode: '25213' });
    const atDepartment = await buildLetter(ctx, { areaCode: '70', personId: person.id });
    const t = await timeline(xa, person.id);
    expect(t.status).toBe(200);
    expect(t.body).not.toContain(atDepartment.code);
    expect((await timeline(inspector, person.id)).body).toContain(atDepartment.code);
  });
});
