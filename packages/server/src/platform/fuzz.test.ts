import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../test/helpers.js';

/**
 * Careless and hostile input over every endpoint the OpenAPI document lists: impossible dates,
 * huge numbers, wrong types, odd Unicode, in every body field, query parameter and path id. The
 * server may refuse anything, but it must never answer 5xx (an unhandled error is a crash waiting
 * for the right input, and a 500 tells an attacker where to push).
 */

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
}
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
type Doc = { paths: Record<string, Record<string, Operation>> };

/** Values no field should crash on. */
const NASTY: unknown[] = [
  '2021-02-30',
  '2021-13-45',
  '0000-00-00',
  '9999-99-99',
  '2021-02',
  '20210230',
  1e308,
  -1e308,
  2 ** 63,
  Number.MAX_SAFE_INTEGER + 2,
  -1,
  0.5,
  true,
  null,
  [],
  {},
  [1, 2, 3],
  { $gt: '' },
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e\u0041\u0301',
  'Nguyễn'.normalize('NFD'),
  "' or 1=1 --",
  'x'.repeat(20_000),
  '<script>alert(1)</script>',
  '=cmd|" /C calc"!A0',
  '../../etc/passwd',
];

/** A plausible value for a schema, so that the nasty one lands in one field at a time. */
function plausible(s: Schema | undefined): unknown {
  if (!s) return 'a';
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return plausible(alt.find((a) => a.type !== 'null') ?? alt[0]);
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (t) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [plausible(s.items)];
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v)]));
    default:
      if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') || s.format === 'date') return '2021-07-01';
      if (s.format === 'date-time') return '2021-07-01T08:00:00.000Z';
      return 'Nguyễn Văn A';
  }
}

function bodySchema(op: Operation): Schema | undefined {
  return op.requestBody?.content?.['application/json']?.schema;
}

/** Bodies: the plausible one, then each field replaced by each nasty value, then wholesale junk. */
function bodies(schema: Schema | undefined): unknown[] {
  const base = plausible(schema) as Record<string, unknown> | unknown;
  const out: unknown[] = [base, ...NASTY.slice(6, 20)];
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    for (const key of Object.keys(base)) for (const v of NASTY) out.push({ ...base, [key]: v });
  }
  return out;
}

/** URL-encode, or send the raw bytes of an unpaired surrogate (itself a case to survive). */
function enc(v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

const ID_VALUES = ['1', '0', '-1', '99999999999999999999', 'abc', '1.5', '%00', '2021-02-30'];

describe('no input makes the server answer 5xx', () => {
  let ctx: TestContext;
  let doc: Doc;
  const sessions: Session[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({ persons: 200 });
    doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Doc;
    for (const u of ['admin', 'tinh.chuyenvien', 'xa.25213']) sessions.push(await ctx.login(u));
  }, 120_000);
  afterAll(async () => ctx?.close());

  it('over every write endpoint, query and path parameter', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path.includes('/auth/')) continue; // signing in and out is covered by auth.test.ts
      for (const [method, op] of Object.entries(ops)) {
        const m = method.toUpperCase() as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
        if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(m)) continue;
        const params = (op.parameters ?? []).filter((p) => p.in === 'path');
        const query = (op.parameters ?? []).filter((p) => p.in === 'query');
        const urls = (params.length ? ID_VALUES : ['1']).map((id) =>
          params.reduce((u, p) => u.replace(`{${p.name}}`, enc(id)), path),
        );
        const calls: { url: string; body?: unknown }[] = [];
        for (const url of urls.slice(0, params.length ? ID_VALUES.length : 1)) calls.push({ url });
        const url = params.reduce((u, p) => u.replace(`{${p.name}}`, '1'), path);
        for (const q of query)
          for (const v of NASTY)
            calls.push({
              url: `${url}?${q.name}=${enc(v)}`,
            });
        if (m !== 'GET' && m !== 'DELETE') for (const body of bodies(bodySchema(op))) calls.push({ url, body });
        for (const s of sessions) {
          for (const c of calls) {
            sent++;
            const res = await s.inject(m, c.url, c.body);
            if (res.statusCode >= 500)
              failures.push(
                `${m} ${c.url.slice(0, 120)} ${JSON.stringify(c.body)?.slice(0, 160)} -> ${res.statusCode} ${res.body.slice(0, 200)}`,
              );
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures.slice(0, 30)).toEqual([]);
  }, 600_000);

  it('with bodies valid but for one field, where the issue found 500s (impossible dates among them)', async () => {
    const admin = sessions[1]!;
    const commune = sessions[2]!;
    const created = await commune.inject('POST', '/api/v1/persons', {
      fullName: 'Lê Văn Thử',
      gender: 'male',
      birthDate: '1970',
      communeCode: '25213',
    });
    expect(created.statusCode).toBe(201);
    const personId = (created.json() as { id: number }).id;
    const programs = (await admin.inject('GET', '/api/v1/programs')).json() as { items: { id: number }[] };
    const programId = programs.items[0]!.id;
    const rule = ((await admin.inject('GET', `/api/v1/programs/${programId}`)).json() as { rules: unknown[] })
      .rules[0] as Record<string, unknown> | undefined;
    const report = (
      await admin.inject('POST', '/api/v1/reports', { templateCode: 'dan-van-nam', year: 2021 })
    ).json() as { id?: number };
    const cases: { who: Session; method: 'POST' | 'PATCH'; url: string; body: Record<string, unknown> }[] = [
      {
        who: commune,
        method: 'POST',
        url: '/api/v1/persons',
        body: { fullName: 'Trần Thị Thử', gender: 'female', birthDate: '1980-05-01', communeCode: '25213' },
      },
      { who: commune, method: 'PATCH', url: `/api/v1/persons/${personId}`, body: { birthDate: '1980-05-01' } },
      ...(rule
        ? [
            {
              who: admin,
              method: 'POST' as const,
              url: `/api/v1/programs/${programId}/rules`,
              body: { validFrom: '2030-01-01', eligibility: rule['eligibility'], amount: rule['amount'] },
            },
          ]
        : []),
      ...(report.id
        ? [{ who: admin, method: 'PATCH' as const, url: `/api/v1/reports/${report.id}`, body: { asOf: '2021-12-31' } }]
        : []),
    ];
    expect(cases.length).toBe(4);
    const failures: string[] = [];
    for (const c of cases) {
      for (const key of Object.keys(c.body)) {
        for (const v of NASTY) {
          const res = await c.who.inject(c.method, c.url, { ...c.body, [key]: v });
          if (res.statusCode >= 500)
            failures.push(`${c.method} ${c.url} ${key}=${JSON.stringify(v).slice(0, 40)} -> ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // And an impossible date is a field error that says what to fix.
    const res = await commune.inject('PATCH', `/api/v1/persons/${personId}`, { birthDate: '2021-02-30' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('không có trên lịch');
  }, 300_000);
});
