import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, TemplateOut } from '@ansinh/domain';
import { systemActor } from '../../platform/actor.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince, expectProblem } from '../../test/fixtures.js';
import { buildIndicatorValue, buildPlan, buildReport } from '../../test/factories.js';

/**
 * The permission table of the reports module: every role x action x a record inside / outside the
 * actor's area (outside = another province for province actors, another district for district and
 * commune actors). 404 outside, 403 for a role not allowed, 2xx allowed; a refused write changes
 * nothing (no row, no audit event).
 */
let ctx: TestContext;
const sessions = new Map<Role, Session>();

/** Each role's account and the areas inside and outside it. */
const ACTORS: { role: Role; username: string; inside: string; outside: string }[] = [
  { role: 'admin', username: 'admin', inside: '70', outside: '99' },
  { role: 'province_leader', username: 'tinh.lanhdao', inside: '70', outside: '99' },
  { role: 'province_officer', username: 'tinh.chuyenvien', inside: '70', outside: '99' },
  { role: 'inspector', username: 'thanhtra', inside: '70', outside: '99' },
  { role: 'supervisor', username: 'giamsat', inside: '70', outside: '99' },
  { role: 'district_officer', username: 'huyen.689', inside: '689', outside: '692' },
  { role: 'commune_officer', username: 'xa.25213', inside: '25213', outside: '25270' },
];

const READERS: Role[] = ['admin', 'province_leader', 'province_officer', 'district_officer', 'inspector'];
const WRITERS: Role[] = ['province_leader', 'province_officer', 'district_officer'];

interface Action {
  name: string;
  /** Roles the table allows (and, for the settings, the Department-only rule). */
  roles: Role[];
  write: boolean;
  status: number;
  /** Settings are the actor's own province's: there is no record outside to name. */
  insideOnly?: boolean;
  /** Builds the record the action is taken on (as the system), before the call. */
  prepare?(area: string): Promise<number>;
  run(s: Session, area: string, id: number): Promise<LightMyRequestResponse>;
}

let periodSeq = 0;
const templateBody = (t: TemplateOut) => ({
  nameVi: t.nameVi,
  nameEn: t.nameEn,
  period: t.period,
  titlePattern: t.titlePattern,
  body: t.body,
});
/** A period of its own for each value a row builds (a second value for the same period is a correction). */
const ownPeriod = () => {
  const to = new Date(Date.UTC(2024, 1, 1 + periodSeq++)).toISOString().slice(0, 10);
  return { periodFrom: '2024-01-01', periodTo: to, sourceDate: to };
};
const ACTIONS: Action[] = [
  {
    name: 'read the dashboard',
    roles: READERS,
    write: false,
    status: 200,
    run: (s, area) => s.inject('GET', `/api/v1/reports/dashboard?year=2025&asOf=2025-06-30&areaCode=${area}`),
  },
  {
    name: 'enter a value',
    roles: WRITERS,
    write: true,
    status: 201,
    run: (s, area) =>
      s.inject('POST', '/api/v1/reports/values', {
        indicatorCode: 'employment.jobs_created',
        areaCode: area,
        // Each call its own period: a second value for the same area and period is a correction.
        periodFrom: '2025-01-01',
        periodTo: `2025-12-${String(10 + (periodSeq++ % 20))}`,
        value: 3,
        sourceKind: 'agency',
        sourceRef: 'Báo cáo thử quyền',
        sourceDate: '2025-12-20',
      }),
  },
  {
    name: 'create a plan',
    roles: WRITERS,
    write: true,
    status: 201,
    run: (s, area) =>
      s.inject('POST', '/api/v1/plans', {
        year: 2025,
        areaCode: area,
        title: 'Kế hoạch thử quyền',
        docNumber: '1/KH-THU',
        docDate: '2025-02-01',
        issuer: 'Cơ quan thử',
        targets: [],
      }),
  },
  {
    name: 'edit a plan',
    roles: WRITERS,
    write: true,
    status: 200,
    prepare: async (area) => (await buildPlan(ctx, { areaCode: area })).id,
    run: (s, _area, id) =>
      s.inject('POST', `/api/v1/plans/${id}/targets`, { indicatorCode: 'employment.jobs_created', target: 5 }),
  },
  {
    name: 'create a report',
    roles: WRITERS,
    write: true,
    status: 201,
    run: (s, area) => s.inject('POST', '/api/v1/reports', { templateCode: 'dan-van-nam', year: 2025, areaCode: area }),
  },
  {
    name: 'edit the narrative',
    roles: WRITERS,
    write: true,
    status: 200,
    prepare: async (area) => (await buildReport(ctx, { areaCode: area })).id,
    run: (s, _area, id) => s.inject('PATCH', `/api/v1/reports/${id}`, { texts: { 's3.8.p2': 'Khó khăn: thử quyền.' } }),
  },
  {
    name: 'issue a report',
    roles: WRITERS,
    write: true,
    status: 200,
    prepare: async (area) => (await buildReport(ctx, { areaCode: area })).id,
    run: (s, _area, id) => s.inject('POST', `/api/v1/reports/${id}/issue`, { acceptMissing: true }),
  },
  {
    name: 'download a report',
    roles: READERS,
    write: false,
    status: 200,
    prepare: async (area) => (await buildReport(ctx, { areaCode: area })).id,
    run: (s, _area, id) => s.inject('GET', `/api/v1/reports/${id}/document.docx`),
  },
  {
    name: 'correct a value',
    roles: WRITERS,
    write: true,
    status: 201,
    prepare: async (area) => (await buildIndicatorValue(ctx, { areaCode: area, ...ownPeriod() })).id,
    run: (s, _area, id) =>
      s.inject('POST', `/api/v1/reports/values/${id}/correct`, { value: 4, reason: 'Thử quyền sửa số liệu' }),
  },
  {
    name: 'withdraw a value',
    roles: WRITERS,
    write: true,
    status: 200,
    prepare: async (area) => (await buildIndicatorValue(ctx, { areaCode: area, ...ownPeriod() })).id,
    run: (s, _area, id) => s.inject('POST', `/api/v1/reports/values/${id}/withdraw`, { reason: 'Thử quyền rút' }),
  },
  {
    name: "read a value's history",
    roles: READERS,
    write: false,
    status: 200,
    prepare: async (area) => (await buildIndicatorValue(ctx, { areaCode: area, ...ownPeriod() })).id,
    run: (s, _area, id) => s.inject('GET', `/api/v1/reports/values/${id}/history`),
  },
  {
    name: 'override a computed figure',
    roles: WRITERS,
    write: true,
    status: 201,
    run: (s, area) =>
      s.inject('POST', '/api/v1/reports/overrides', {
        indicatorCode: 'registry.meritorious_persons',
        areaCode: area,
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        value: 7,
        sourceRef: 'Sổ theo dõi',
        sourceDate: '2025-12-31',
        reason: 'Thử quyền nhập thay số liệu',
      }),
  },
  {
    name: 'list what a report lacks',
    roles: READERS,
    write: false,
    status: 200,
    prepare: async (area) => (await buildReport(ctx, { areaCode: area })).id,
    run: (s, _area, id) => s.inject('GET', `/api/v1/reports/${id}/missing`),
  },
  {
    name: 'read the report rules',
    roles: READERS,
    write: false,
    status: 200,
    insideOnly: true,
    run: (s) => s.inject('GET', '/api/v1/reports/rules'),
  },
  {
    name: 'edit the report rules',
    roles: ['province_leader', 'province_officer'],
    write: true,
    status: 200,
    insideOnly: true,
    run: (s) => s.inject('PUT', '/api/v1/reports/rules', { issueWithMissing: 'confirm' }),
  },
  {
    name: 'read the templates',
    roles: READERS,
    write: false,
    status: 200,
    insideOnly: true,
    run: (s) => s.inject('GET', '/api/v1/reports/templates'),
  },
  {
    name: 'create a template',
    // Templates are the province's: only the Department shapes them.
    roles: ['province_leader', 'province_officer'],
    write: true,
    status: 201,
    insideOnly: true,
    run: async (s) => {
      const t = await ctx.services.reports.template(systemActor('test'), 'ket-qua-quy', '70');
      const code = `mau-quyen-${++periodSeq}`;
      return s.inject('POST', '/api/v1/reports/templates', { ...templateBody(t), code });
    },
  },
  {
    name: 'save a template version',
    roles: ['province_leader', 'province_officer'],
    write: true,
    status: 200,
    insideOnly: true,
    run: async (s) => {
      const t = await ctx.services.reports.template(systemActor('test'), 'ket-qua-quy', '70');
      return s.inject('PUT', '/api/v1/reports/templates/ket-qua-quy', templateBody(t));
    },
  },
  {
    name: 'read the settings',
    roles: READERS,
    write: false,
    status: 200,
    insideOnly: true,
    run: (s) => s.inject('GET', '/api/v1/reports/settings'),
  },
  {
    name: 'edit the settings',
    // A district officer manages reports but only the Department sets its issuing agency.
    roles: ['province_leader', 'province_officer'],
    write: true,
    status: 200,
    insideOnly: true,
    run: async (s) => s.inject('PUT', '/api/v1/reports/settings', await ctx.services.reports.agency('70')),
  },
];

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  for (const a of ACTORS) sessions.set(a.role, await ctx.login(a.username));
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

/** Everything a reports write could change. */
async function snapshot() {
  const db = ctx.database.db;
  const count = async (t: 'indicator_values' | 'audit_events') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    plans: await db.selectFrom('plans').select(['id', 'updated_at']).orderBy('id').execute(),
    targets: await db.selectFrom('plan_targets').select(['id', 'plan_id', 'target']).orderBy('id').execute(),
    values: await count('indicator_values'),
    valueStates: await db.selectFrom('indicator_values').select(['id', 'status', 'value']).orderBy('id').execute(),
    reports: await db
      .selectFrom('reports')
      .select(['id', 'state', 'number', 'body_json', 'updated_at'])
      .orderBy('id')
      .execute(),
    settings: await db.selectFrom('province_settings').selectAll().orderBy('province_code').execute(),
    templates: await db.selectFrom('report_templates').select(['id', 'version']).orderBy('id').execute(),
    versions: await db.selectFrom('report_template_versions').select('id').orderBy('id').execute(),
    audit: await count('audit_events'),
  };
}

const rows = ACTIONS.flatMap((action) =>
  ACTORS.flatMap((actor) =>
    (action.insideOnly ? (['inside'] as const) : (['inside', 'outside'] as const)).map((where) => {
      const status = !action.roles.includes(actor.role) ? 403 : where === 'outside' ? 404 : action.status;
      return { action, actor, where, status };
    }),
  ),
);

describe('reports permission table', () => {
  it('has a row for every role, action and side', () => {
    expect(rows).toHaveLength(ACTIONS.length * ACTORS.length * 2 - 7 * ACTORS.length);
    expect(new Set(rows.map((r) => r.actor.role))).toEqual(new Set(ACTORS.map((a) => a.role)));
  });

  it.each(rows.map((r) => [r.action.name, r.actor.role, r.where, r.status, r] as const))(
    '%s: %s %s -> %i',
    async (_name, role, where, status, { action, actor }) => {
      const area = where === 'inside' ? actor.inside : actor.outside;
      const s = sessions.get(role)!;
      const id = action.prepare ? await action.prepare(area) : 0;
      const before = action.write && status >= 400 ? await snapshot() : null;
      const res = await action.run(s, area, id);
      if (status >= 400) {
        expectProblem(res, status, status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
      } else {
        expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
      }
      if (before) expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses an actor whose area cannot be resolved, even with a role that reads', async () => {
    const ghost = {
      ...systemActor('x'),
      kind: 'user' as const,
      role: 'province_leader' as const,
      areaPath: null,
      areaCode: null,
    };
    await expect(ctx.services.reports.settings(ghost)).rejects.toMatchObject({ status: 404 });
    await expect(ctx.services.reports.plans(ghost)).resolves.toEqual({ items: [] });
  });
});
