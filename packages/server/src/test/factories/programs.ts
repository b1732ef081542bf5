import type { CreateProgramBody, GrantStatusBody, ProgramOut } from '@ansinh/domain';
import type { BackgroundJobOut } from '@ansinh/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestContext } from '../helpers.js';
import { factoryActor, unique } from './base.js';

/**
 * Factories of the programs module. Each builds its record through the service as the system
 * actor and creates what is missing: a list gets a program, a commune of its own and a qualifying
 * person. Persons are made here with a small helper of this file (the registry factories are
 * another module's).
 */

/** The demo province and the district whose communes the factories hand out. */
export const DEMO_PROVINCE = '70';
export const DEMO_DISTRICT = '689';

const used = new WeakMap<TestContext, Set<string>>();

/**
 * A commune of the demo province (of `district` when given) that no other factory call of this
 * test file has used: each test builds its world in a commune of its own, so counts do not depend
 * on which tests ran before.
 */
export async function nextCommune(ctx: TestContext, o: { district?: string } = {}): Promise<string> {
  const taken = used.get(ctx) ?? new Set<string>();
  used.set(ctx, taken);
  const under = o.district ? `/${DEMO_PROVINCE}/${o.district}/%` : `/${DEMO_PROVINCE}/%`;
  const rows = await ctx.database.db
    .selectFrom('areas')
    .select('code')
    .where('level', '=', 3)
    .where('path', 'like', under)
    // Without a district, communes outside district 689 first: its few communes are kept for the
    // tests that ask for it (they sign in as huyen.689).
    .$if(!o.district, (q) => q.where('path', 'not like', `/${DEMO_PROVINCE}/${DEMO_DISTRICT}/%`))
    .orderBy('code')
    .execute();
  const free = rows.find((r) => !taken.has(r.code));
  if (!free) throw new Error(`no free commune left under ${under}`);
  taken.add(free.code);
  return free.code;
}

/** The district code of a demo commune (its path is /province/district/commune/). */
export async function districtOf(ctx: TestContext, communeCode: string): Promise<string> {
  const a = await ctx.database.db
    .selectFrom('areas')
    .select('path')
    .where('code', '=', communeCode)
    .executeTakeFirstOrThrow();
  return a.path.split('/').filter(Boolean)[1]!;
}

export interface BeneficiaryOverrides {
  communeCode?: string;
  name?: string;
  /** 'YYYY-MM-DD'; the citizen ID is made to match it. */
  birth?: string;
  /** A citizen ID, or null for none; made up (unique) when omitted. */
  cid?: string | null;
  gender?: 'male' | 'female';
  village?: string;
  deceasedOn?: string;
  /** Statuses granted from their `validFrom`; by default social assistance 5a since 2024-01-01. */
  statuses?: Omit<GrantStatusBody, 'personId' | 'householdId' | 'decisionNo' | 'decisionDate'>[];
}

/** A citizen ID that passes the checks: province 070, gender and century, year of birth, a serial. */
function citizenIdFor(birth: string, gender: 'male' | 'female'): string {
  const year = Number(birth.slice(0, 4));
  const digit = (year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  return `070${digit}${birth.slice(2, 4)}${String(100000 + unique()).slice(-6)}`;
}

/** A person heading their own household, with statuses (a beneficiary of social assistance by default). */
export async function buildBeneficiary(ctx: TestContext, o: BeneficiaryOverrides = {}): Promise<number> {
  const communeCode = o.communeCode ?? (await nextCommune(ctx));
  const gender = o.gender ?? 'male';
  const birth = o.birth ?? '1940-05-01';
  const village = o.village ?? 'Ấp 1';
  const hh = await ctx.services.registry.createHousehold(factoryActor, { communeCode, residence: 'rural', village });
  const p = await ctx.services.registry.createPerson(factoryActor, {
    fullName: o.name ?? `Người Thử ${unique()}`,
    gender,
    birthDate: birth,
    citizenId: o.cid === undefined ? citizenIdFor(birth, gender) : o.cid,
    householdId: hh.id,
    relation: 'head',
    village,
  });
  const statuses = o.statuses ?? [{ kind: 'social_assistance', category: '5a', validFrom: '2024-01-01' }];
  for (const s of statuses)
    await ctx.services.registry.grantStatus(factoryActor, {
      ...s,
      personId: p.id,
      decisionNo: '12/QĐ-UBND',
      decisionDate: s.validFrom,
    });
  if (o.deceasedOn) await ctx.services.registry.updatePerson(factoryActor, p.id, { deceasedOn: o.deceasedOn });
  return p.id;
}

/** A one-off Tết gift to people on social assistance, by category (the demo's usual program). */
export function giftProgramBody(overrides: Partial<CreateProgramBody> = {}): CreateProgramBody {
  return {
    code: `TET-${unique()}`,
    name: 'Quà Tết Ất Tỵ cho người hưởng trợ cấp xã hội',
    legalBasis: 'Kế hoạch 15/KH-UBND',
    legalDate: '2025-01-02',
    kind: 'gift',
    unit: 'dong',
    periodKind: 'once',
    refDate: '2025-01-20',
    periodFrom: '2025-01-01',
    periodTo: '2025-01-28',
    budget: 1_000_000_000,
    fundingSource: 'Ngân sách tỉnh',
    rule: {
      validFrom: '2025-01-01',
      eligibility: { per: 'person', any: [{ status: 'social_assistance' }] },
      amount: {
        type: 'by_category',
        amounts: { '5a': 500_000, '5b': 500_000, '6_especially_severe': 700_000, '6_severe': 600_000 },
      },
    },
    ...overrides,
  } as CreateProgramBody;
}

/** A program of the demo province (or `provinceCode`, and of `agencyCode` if given), created as the system. */
export async function buildProgram(
  ctx: TestContext,
  overrides: Partial<CreateProgramBody> & { provinceCode?: string; agencyCode?: string } = {},
): Promise<ProgramOut> {
  const { provinceCode = DEMO_PROVINCE, agencyCode, ...body } = overrides;
  return ctx.services.programs.createProgram(factoryActor, giftProgramBody(body), { provinceCode, agencyCode });
}

export type ListStage = 'draft' | 'submitted' | 'appraised' | 'approved' | 'published';

export interface ListOverrides {
  programId?: number;
  communeCode?: string;
  /** Beneficiaries to create in the commune first (default one, a person on social assistance 5a). */
  persons?: BeneficiaryOverrides[];
  /** How far along the approval path the list goes (default draft). */
  stage?: ListStage;
  period?: string;
}

export interface BuiltList {
  listId: number;
  programId: number;
  communeCode: string;
  personIds: number[];
}

/** A generated list of a commune, moved along the approval path as far as `stage`, as the system. */
export async function buildList(ctx: TestContext, o: ListOverrides = {}): Promise<BuiltList> {
  const programId = o.programId ?? (await buildProgram(ctx)).id;
  const communeCode = o.communeCode ?? (await nextCommune(ctx));
  const personIds: number[] = [];
  for (const p of o.persons ?? [{}]) personIds.push(await buildBeneficiary(ctx, { communeCode, ...p }));
  const svc = ctx.services.programs;
  const gen = await svc.generate(factoryActor, programId, { communeCode, period: o.period });
  const listId = gen.listIds[0]!;
  const order: ListStage[] = ['draft', 'submitted', 'appraised', 'approved', 'published'];
  const upTo = order.indexOf(o.stage ?? 'draft');
  if (upTo >= 1) await svc.submit(factoryActor, listId, {});
  if (upTo >= 2) await svc.appraise(factoryActor, listId, {});
  if (upTo >= 3) await svc.approve(factoryActor, listId, { decisionNo: '45/QĐ-UBND', decisionDate: '2025-01-15' });
  if (upTo >= 4) await svc.publish(factoryActor, listId);
  return { listId, programId, communeCode, personIds };
}

/**
 * Marks lists and their payments as recorded at `at` (back-filling: decided and paid in one year,
 * typed in later). The decision and payment dates stay; only the recording times move.
 */
export async function programsRecordedLater(ctx: TestContext, listIds: number[], at: string): Promise<void> {
  if (!listIds.length) return;
  const db = ctx.database.db;
  await db.updateTable('program_lists').set({ approved_at: at, submitted_at: at }).where('id', 'in', listIds).execute();
  const entries = db.selectFrom('list_entries').select('id').where('list_id', 'in', listIds);
  await db.updateTable('payments').set({ recorded_at: at }).where('entry_id', 'in', entries).execute();
}

/** Generates a commune's list of a period, approves it with a decision of `decided` and pays it all on `paid`. */
export async function programsDecideAndPay(
  ctx: TestContext,
  programId: number,
  commune: string,
  period: string | undefined,
  decided: string,
  paid: string,
): Promise<number> {
  const svc = ctx.services.programs;
  const gen = await svc.generate(factoryActor, programId, { communeCode: commune, period });
  const listId = gen.listIds[0]!;
  await svc.submit(factoryActor, listId, {});
  await svc.appraise(factoryActor, listId, {});
  await svc.approve(factoryActor, listId, { decisionNo: '45/QĐ-UBND', decisionDate: decided });
  const batch = await svc.payments.createBatch(factoryActor, {
    programId,
    period: period ?? '2021',
    channel: 'post_office',
    areaCode: commune,
  });
  const ids = (await svc.payments.batchEntries(factoryActor, batch.id, { limit: 50, offset: 0 })).items.map(
    (e) => e.id,
  );
  await svc.payments.recordPayments(
    factoryActor,
    batch.id,
    { entryIds: ids, state: 'paid', paidOn: paid },
    `pay-${programId}-${period ?? 'once'}-${commune}`,
  );
  return listId;
}

/** A citizen ID that passes the checks for this birth date and sex (for rows of imported lists). */
export function programsCitizenId(birth: string, gender: 'male' | 'female' = 'male'): string {
  return citizenIdFor(birth, gender);
}

/**
 * A program whose lists are imported from Excel (people outside the registry, issue 19): the 2021
 * Covid-19 support for workers whose contract was suspended, 3.710.000đ a person (QĐ 23/2021).
 */
export async function buildProgramsImportProgram(
  ctx: TestContext,
  overrides: Partial<CreateProgramBody> & { provinceCode?: string } = {},
): Promise<ProgramOut> {
  return buildProgram(ctx, {
    name: 'Hỗ trợ người lao động tạm hoãn hợp đồng lao động (NQ 68/NQ-CP)',
    legalBasis: 'Nghị quyết 68/NQ-CP; Quyết định 23/2021/QĐ-TTg',
    legalDate: '2021-07-07',
    kind: 'one_off_cash',
    periodKind: 'once',
    refDate: '2021-08-01',
    periodFrom: '2021-07-01',
    periodTo: '2021-12-31',
    group: 'covid',
    listByImport: true,
    rule: {
      validFrom: '2021-07-01',
      eligibility: { per: 'person', any: [{ status: 'social_assistance' }] },
      amount: { type: 'fixed', amount: 3_710_000 },
    },
    ...overrides,
  });
}

/** Poll a background job over HTTP until it ends (both databases: pg-boss takes it up from its queue). */
export async function programsWaitJob(s: Session, jobId: number, timeoutMs = 60_000): Promise<BackgroundJobOut> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await s.inject('GET', `/api/v1/jobs/${jobId}`);
    if (res.statusCode !== 200) throw new Error(`job ${jobId}: ${res.statusCode} ${res.body}`);
    const job = res.json() as BackgroundJobOut;
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.state}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Generate lists over HTTP as a user and wait for the background job: a refusal of the request
 * comes back as is, a finished job as 200 with its result, a failed one as 500 with its error.
 */
export async function programsGenerateViaHttp(
  s: Session,
  programId: number,
  body: { communeCode?: string; period?: string },
): Promise<LightMyRequestResponse> {
  const res = await s.inject('POST', `/api/v1/programs/${programId}/lists`, body);
  if (res.statusCode !== 202) return res;
  const job = await programsWaitJob(s, (res.json() as BackgroundJobOut).id);
  const out = job.state === 'done' ? job.result : job.error;
  const done = { statusCode: job.state === 'done' ? 200 : 500, body: JSON.stringify(out), json: () => out };
  return done as unknown as LightMyRequestResponse;
}
