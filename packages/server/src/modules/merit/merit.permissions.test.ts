import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import {
  buildDossier,
  buildIntake,
  buildMartyr,
  buildMeritPerson,
  buildMeritRecord,
  buildSample,
  factoryActor,
} from '../../test/factories.js';

/**
 * The permission table of the merit module: role × action × a record inside or outside the
 * actor's area (outside = another district's commune for district and commune officers, another
 * province for province-level accounts and for province-level rows such as samples). A role not
 * in the action's row answers 403, a record outside 404, an allowed action 2xx; a refused write
 * changes nothing.
 */
let ctx: TestContext;
const sessions = new Map<string, Session>();

const ACCOUNTS: { role: Role; user: string; level: 'province' | 'district' | 'commune' }[] = [
  { role: 'admin', user: 'admin', level: 'province' },
  { role: 'province_leader', user: 'tinh.lanhdao', level: 'province' },
  { role: 'province_officer', user: 'tinh.chuyenvien', level: 'province' },
  { role: 'inspector', user: 'thanhtra', level: 'province' },
  { role: 'supervisor', user: 'giamsat', level: 'province' },
  { role: 'district_officer', user: 'huyen.689', level: 'district' },
  { role: 'commune_officer', user: 'xa.25213', level: 'commune' },
];
const READERS: Role[] = [
  'admin',
  'province_leader',
  'province_officer',
  'district_officer',
  'commune_officer',
  'inspector',
];

type Action =
  | 'read'
  | 'create'
  | 'relative'
  | 'decision'
  | 'dossierLink'
  | 'graveEvent'
  | 'sampleEvent'
  | 'printExtract'
  | 'printCemetery'
  | 'printHandover';
const ALLOWED: Record<Action, { roles: Role[]; status: number; table: string }> = {
  read: { roles: READERS, status: 200, table: 'merit_records' },
  create: { roles: ['province_officer'], status: 201, table: 'merit_records' },
  relative: { roles: ['province_officer', 'commune_officer'], status: 200, table: 'merit_relatives' },
  decision: { roles: ['province_officer'], status: 200, table: 'merit_decisions' },
  dossierLink: { roles: ['province_officer'], status: 200, table: 'merit_records' },
  graveEvent: { roles: ['province_officer', 'commune_officer'], status: 200, table: 'merit_grave_events' },
  sampleEvent: { roles: ['province_officer'], status: 200, table: 'merit_dna_samples' },
  // printed forms (DOCX): readers in their area; a refused extract print leaves no audit row
  printExtract: { roles: READERS, status: 200, table: 'audit_events' },
  printCemetery: { roles: READERS, status: 200, table: 'merit_cemeteries' },
  printHandover: { roles: READERS, status: 200, table: 'merit_remains_intakes' },
};
/** Province-level rows: inside is the demo province, outside another province, for every account. */
const PROVINCE_ROWS: Action[] = ['sampleEvent', 'printHandover'];

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  for (const a of ACCOUNTS) sessions.set(a.user, await ctx.login(a.user));
});
afterAll(async () => {
  await ctx?.close();
});

const communeFor = (level: string, inside: boolean) => (inside ? '25213' : level === 'province' ? '99999' : '25270');

async function rows(table: string): Promise<number> {
  const r = await ctx.database.db
    .selectFrom(table as 'merit_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
async function sideEffects(): Promise<number> {
  const r = await ctx.database.db
    .selectFrom('merit_dna_samples')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dispatched_on', 'is not', null)
    .executeTakeFirstOrThrow();
  const linked = await ctx.database.db
    .selectFrom('merit_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dossier_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(r.n) * 100_000 + Number(linked.n);
}

/** Builds the record inside/outside, then returns the request to make on it. */
async function prepare(s: Session, action: Action, communeCode: string, provinceCode: string) {
  switch (action) {
    case 'read': {
      const r = await buildMeritRecord(ctx, { communeCode });
      return () => s.inject('GET', `/api/v1/merit/records/${r.id}`);
    }
    case 'create': {
      const p = await buildMeritPerson(ctx, { communeCode });
      return () => s.inject('POST', '/api/v1/merit/records', { personId: p.id, category: 'g' });
    }
    case 'relative': {
      const r = await buildMeritRecord(ctx, { communeCode });
      return () =>
        s.inject('POST', `/api/v1/merit/records/${r.id}/relatives`, { fullName: 'Lê Thị Con', relation: 'child' });
    }
    case 'decision': {
      const r = await buildMeritRecord(ctx, { communeCode });
      return () =>
        s.inject('POST', `/api/v1/merit/records/${r.id}/decisions`, {
          kind: 'grant',
          effectiveMonth: '2024-01',
          decisionNo: '1/QĐ',
          decisionDate: '2024-01-02',
        });
    }
    case 'dossierLink': {
      const r = await buildMeritRecord(ctx, { communeCode });
      const proc = await ctx.database.db
        .selectFrom('procedures')
        .select('id')
        .where('code', '=', 'NCC131.D7')
        .where('province_code', '=', '70')
        .executeTakeFirstOrThrow();
      const d = await buildDossier(ctx, {
        procedureId: Number(proc.id),
        communeCode: '25213',
        personId: communeCode === '25213' ? r.personId : null,
      });
      return () => s.inject('PUT', `/api/v1/merit/records/${r.id}/dossier`, { dossierId: d.id });
    }
    case 'graveEvent': {
      const g = await buildMartyr(ctx, { communeCode });
      return () =>
        s.inject('POST', `/api/v1/merit/graves/${g.id}/events`, {
          kind: 'visit',
          onDate: '2025-07-27',
          personName: 'Trần Văn Thăm',
        });
    }
    case 'sampleEvent': {
      const x = await buildSample(ctx, { provinceCode });
      return () => s.inject('POST', `/api/v1/merit/samples/${x.id}/events`, { kind: 'dispatch', on: '2025-03-17' });
    }
    case 'printExtract': {
      const r = await buildMeritRecord(ctx, { communeCode });
      const d = await ctx.services.merit.issueExtract(factoryActor, r.id, {
        form: 'Mẫu 96',
        issuedOn: '2025-05-05',
        issuedTo: 'Người nhận',
      });
      return () => s.inject('GET', `/api/v1/merit/records/${r.id}/extracts/${d.extracts[0]!.id}/docx`);
    }
    case 'printCemetery': {
      const c = await ctx.services.merit.createCemetery(factoryActor, {
        name: 'Nghĩa trang',
        communeCode,
        level: 'commune',
      });
      return () => s.inject('GET', `/api/v1/merit/cemeteries/${c.id}/graves.docx`);
    }
    case 'printHandover': {
      const i = await buildIntake(ctx, { provinceCode });
      return () => s.inject('GET', `/api/v1/merit/remains/${i.id}/handover.docx`);
    }
  }
}

describe('merit permission table', () => {
  for (const action of Object.keys(ALLOWED) as Action[]) {
    for (const a of ACCOUNTS) {
      for (const inside of [true, false]) {
        const allowed = ALLOWED[action].roles.includes(a.role);
        const expected = !allowed ? 403 : inside ? ALLOWED[action].status : 404;
        it(`${a.role} ${action} ${inside ? 'inside' : 'outside'} -> ${expected}`, async () => {
          const communeCode = PROVINCE_ROWS.includes(action) ? '25213' : communeFor(a.level, inside);
          const provinceCode = inside ? '70' : '99';
          const table = ALLOWED[action].table;
          const s = sessions.get(a.user)!;
          const request = await prepare(s, action, communeCode, provinceCode);
          const before = { n: await rows(table), sent: await sideEffects() };
          const res = await request();
          expect(res.statusCode).toBe(expected);
          if (expected >= 400) {
            expect(await rows(table)).toBe(before.n);
            expect(await sideEffects()).toBe(before.sent);
          }
        });
      }
    }
  }
});
