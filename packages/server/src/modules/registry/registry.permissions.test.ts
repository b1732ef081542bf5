/**
 * Who may do what to which registry record: every role x action x record inside / outside the
 * actor's area. Outside is another district's commune (25270, Lộc Ninh) for commune and district
 * officers, another province's commune (99999) for province-level accounts. Expected: 403 for a
 * role not in the action's row, 404 for a record outside the area, 2xx otherwise; a refused write
 * changes nothing. Each case builds its own records with the factories.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobOut, Role } from '@ansinh/domain';
import { buildPerson, buildStatus, citizenIdFor, factoryActor, uniqueName } from '../../test/factories.js';
import { addOtherProvince, expectProblem } from '../../test/fixtures.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { importEnded, upload, xlsx } from '../../test/upload.js';

let ctx: TestContext;
const sessions = new Map<string, Session>();

const ACTORS: { username: string; role: Role; outside: string }[] = [
  { username: 'xa.25213', role: 'commune_officer', outside: '25270' },
  { username: 'huyen.689', role: 'district_officer', outside: '25270' },
  { username: 'tinh.chuyenvien', role: 'province_officer', outside: '99999' },
  { username: 'tinh.lanhdao', role: 'province_leader', outside: '99999' },
  { username: 'thanhtra', role: 'inspector', outside: '99999' },
  { username: 'admin', role: 'admin', outside: '99999' },
  { username: 'giamsat', role: 'supervisor', outside: '99999' },
];
const INSIDE = '25213';

const READERS: Role[] = [
  'admin',
  'province_leader',
  'province_officer',
  'district_officer',
  'commune_officer',
  'inspector',
];
const OFFICERS: Role[] = ['province_officer', 'district_officer', 'commune_officer'];

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  for (const a of ACTORS) sessions.set(a.username, await ctx.login(a.username));
});
afterAll(async () => {
  await ctx?.close();
});

interface Probe {
  res: LightMyRequestResponse;
  /** Checks that a refused request changed nothing. */
  unchanged?: () => Promise<void>;
}

const IMPORT_HEADERS = [
  'Mã hộ',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số CCCD',
  'Dân tộc',
  'Quan hệ với chủ hộ',
  'Mã xã',
];

async function probeImport(s: Session, commune: string, mode: 'dry_run' | 'commit'): Promise<Probe> {
  const cid = citizenIdFor('male', '1971');
  const file = await xlsx([IMPORT_HEADERS, ['H01', uniqueName(), 'Nam', '1971', cid, 'Kinh', 'Chủ hộ', commune]]);
  const res = await upload(ctx, s, `/api/v1/registry/imports?mode=${mode}`, 'nhap.xlsx', file);
  return {
    res,
    unchanged: async () => {
      const n = await ctx.database.db.selectFrom('persons').select('id').where('citizen_id', '=', cid).execute();
      expect(n).toEqual([]);
    },
  };
}

const ACTIONS: {
  action: string;
  who: Role[];
  ok: number;
  /** 'record': outside answers 404; 'import': outside rows are rejected; 'none': no record. */
  kind: 'record' | 'import' | 'none';
  probe: (s: Session, commune: string) => Promise<Probe>;
}[] = [
  {
    action: 'search persons',
    who: READERS,
    ok: 200,
    kind: 'record',
    probe: async (s, commune) => ({ res: await s.inject('GET', `/api/v1/persons?areaCode=${commune}`) }),
  },
  {
    action: 'read person',
    who: READERS,
    ok: 200,
    kind: 'record',
    probe: async (s, commune) => {
      const p = await buildPerson(ctx, { communeCode: commune });
      return { res: await s.inject('GET', `/api/v1/persons/${p.id}`) };
    },
  },
  {
    action: 'create household',
    who: OFFICERS,
    ok: 201,
    kind: 'record',
    probe: async (s, commune) => {
      const count = async () =>
        (await ctx.database.db.selectFrom('households').select('id').where('commune_code', '=', commune).execute())
          .length;
      const before = await count();
      const res = await s.inject('POST', '/api/v1/households', { communeCode: commune, residence: 'rural' });
      return { res, unchanged: async () => expect(await count()).toBe(before) };
    },
  },
  {
    action: 'edit person',
    who: OFFICERS,
    ok: 200,
    kind: 'record',
    probe: async (s, commune) => {
      const p = await buildPerson(ctx, { communeCode: commune, phone: '0912000111' });
      const res = await s.inject('PATCH', `/api/v1/persons/${p.id}`, { phone: '0912999888' });
      return {
        res,
        unchanged: async () => {
          const now = await ctx.services.registry.getPerson(factoryActor, p.id);
          expect(now.phone).toBe('0912000111');
          expect(now.updatedAt).toBe(p.updatedAt);
        },
      };
    },
  },
  {
    action: 'grant status',
    who: OFFICERS,
    ok: 201,
    kind: 'record',
    probe: async (s, commune) => {
      const p = await buildPerson(ctx, { communeCode: commune });
      const res = await s.inject('POST', '/api/v1/statuses', {
        kind: 'social_assistance',
        personId: p.id,
        category: '5a',
        validFrom: '2024-07-01',
        decisionNo: '77/QĐ-UBND',
        decisionDate: '2024-06-20',
      });
      return {
        res,
        unchanged: async () => expect((await ctx.services.registry.getPerson(factoryActor, p.id)).statuses).toEqual([]),
      };
    },
  },
  {
    action: 'end status',
    who: OFFICERS,
    ok: 200,
    kind: 'record',
    probe: async (s, commune) => {
      const p = await buildPerson(ctx, { communeCode: commune });
      const st = await buildStatus(ctx, p.id);
      const res = await s.inject('POST', `/api/v1/statuses/${st.id}/end`, { validTo: '2025-01-31', reason: 'Thử' });
      return {
        res,
        unchanged: async () => {
          const now = (await ctx.services.registry.getPerson(factoryActor, p.id)).statuses.find((x) => x.id === st.id);
          expect(now).toMatchObject({ validTo: null, endedReason: null, active: true });
        },
      };
    },
  },
  {
    action: 'import dry run',
    who: OFFICERS,
    ok: 202,
    kind: 'import',
    probe: (s, commune) => probeImport(s, commune, 'dry_run'),
  },
  {
    action: 'import commit',
    who: OFFICERS,
    ok: 202,
    kind: 'import',
    probe: (s, commune) => probeImport(s, commune, 'commit'),
  },
  {
    action: 'export persons',
    who: READERS,
    ok: 200,
    kind: 'record',
    probe: async (s, commune) => ({ res: await s.inject('GET', `/api/v1/persons/export.xlsx?areaCode=${commune}`) }),
  },
  {
    action: 'list duplicates',
    who: OFFICERS,
    ok: 200,
    kind: 'none',
    probe: async (s) => ({ res: await s.inject('GET', '/api/v1/registry/duplicates') }),
  },
  {
    action: 'decide duplicates (different)',
    who: OFFICERS,
    ok: 200,
    kind: 'record',
    probe: async (s, commune) => {
      const a = await buildPerson(ctx, { communeCode: commune });
      const b = await buildPerson(ctx, { communeCode: commune });
      const res = await s.inject('POST', '/api/v1/registry/duplicates/decisions', {
        personA: a.id,
        personB: b.id,
        decision: 'different',
      });
      return {
        res,
        unchanged: async () => {
          const rows = await ctx.database.db
            .selectFrom('duplicate_decisions')
            .select('id')
            .where('person_a', '=', Math.min(a.id, b.id))
            .execute();
          expect(rows).toEqual([]);
        },
      };
    },
  },
  {
    action: 'merge persons',
    who: OFFICERS,
    ok: 200,
    kind: 'record',
    probe: async (s, commune) => {
      const a = await buildPerson(ctx, { communeCode: commune, birthDate: '1958-03-03' });
      const b = await buildPerson(ctx, {
        householdId: a.householdId,
        fullName: a.fullName,
        gender: a.gender,
        birthDate: '1958',
        citizenId: null,
      });
      const res = await s.inject('POST', '/api/v1/registry/duplicates/decisions', {
        personA: a.id,
        personB: b.id,
        decision: 'merge',
        keep: a.id,
      });
      return {
        res,
        unchanged: async () =>
          expect((await ctx.services.registry.getPerson(factoryActor, b.id)).mergedIntoId).toBeNull(),
      };
    },
  },
];

const CASES = ACTORS.flatMap((actor) =>
  ACTIONS.flatMap((a) =>
    (a.kind === 'none' ? (['inside'] as const) : (['inside', 'outside'] as const)).map((where) => ({
      ...a,
      actor,
      where,
      expected: !a.who.includes(actor.role)
        ? 403
        : where === 'inside'
          ? a.ok
          : a.kind === 'import'
            ? ('rejected' as const)
            : 404,
    })),
  ),
);

describe('registry permissions: role x action x inside/outside', () => {
  it('covers every role and action', () => {
    expect(CASES.length).toBe(ACTORS.length * (ACTIONS.length * 2 - 1));
  });

  it.each(CASES.map((c) => [`${c.actor.role} ${c.action} ${c.where} -> ${c.expected}`, c] as const))(
    '%s',
    async (_name, c) => {
      const s = sessions.get(c.actor.username)!;
      const { res, unchanged } = await c.probe(s, c.where === 'inside' ? INSIDE : c.actor.outside);
      if (c.expected === 403) {
        expectProblem(res, 403, 'FORBIDDEN');
        await unchanged?.();
      } else if (c.expected === 404) {
        expectProblem(res, 404, 'NOT_FOUND');
        await unchanged?.();
      } else if (c.expected === 'rejected') {
        // An import names its communes in the file: a row outside the actor's area is rejected
        // with the reason, and the commit writes nothing.
        expect(res.statusCode, res.body).toBe(202);
        const job = await importEnded(s, res.json() as ImportJobOut);
        if (job.mode === 'dry_run') expect(job).toMatchObject({ state: 'done', counts: { rejected: 1, new: 0 } });
        else expect(job).toMatchObject({ state: 'failed' });
        await unchanged?.();
      } else {
        expect(res.statusCode, res.body.slice(0, 300)).toBe(c.expected);
        if (c.kind === 'import') {
          const job = await importEnded(s, res.json() as ImportJobOut);
          expect(job.state, job.message ?? '').toBe('done');
          expect(job.counts).toMatchObject({ rejected: 0, new: 1 });
        }
      }
    },
  );
});
