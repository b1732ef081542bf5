import {
  AmountRule,
  checkListEntries,
  EligibilityRule,
  entitlement,
  listTransition,
  todayInVietnam,
  type AddEntryBody,
  type ApproveBody,
  type Candidate,
  type CheckResult,
  type CreateProgramBody,
  type EntryForCheck,
  type GenerateListsBody,
  type ListAction,
  type ListDetail,
  type ListState,
  type ListsQuery,
  type ProgramOut,
  type StepBody,
} from '@ansinh/domain';
import { sql } from 'kysely';
import type { Database, Executor, Trx } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import { areaColumnScope, codesInScope, codesOfCommune, type AreaColumn } from '../../platform/authz.js';
import { inTransaction, nowIso } from '../../platform/context.js';
import { errors, isUniqueViolation } from '../../platform/errors.js';
import type { AreasService } from '../areas/index.js';
import { programsPolicy } from './programs.policy.js';
import {
  birthYear,
  idTail,
  presentEntry,
  presentList,
  presentProgram,
  presentPublicSummary,
  type ListJoined,
} from './programs.presenter.js';
import {
  programsRepo,
  type CandidateRow,
  type EntryRow,
  type NewEntry,
  type ProgramRow,
  type Scope,
} from './programs.repo.js';
import { createPayments } from './programs.payments.js';

const LEVEL_COLUMN: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };

export interface Rule {
  eligibility: EligibilityRule;
  amount: AmountRule;
}

/** The first day of a 'YYYY-MM' period. */
const monthStart = (period: string) => `${period}-01`;
function monthsBetween(fromPeriod: string, toPeriodExclusive: string): string[] {
  const out: string[] = [];
  let [y, m] = fromPeriod.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 240; guard++) {
    const p = `${y}-${String(m).padStart(2, '0')}`;
    if (p >= toPeriodExclusive) break;
    out.push(p);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** A commune's province and district codes, and how many levels its tree has, read from its path ('/70/689/25213/'). */
function communeOf(code: string, path: string) {
  const codes = codesOfCommune(code, path);
  return { ...codes, levels: codes.district_code ? 3 : 2, path };
}

/** Whether generation can run as one INSERT…SELECT (see programsRepo.insertGeneratedSql). */
function inSql(rule: Rule): boolean {
  return (
    (rule.amount.type === 'fixed' || rule.amount.type === 'by_category') &&
    rule.eligibility.any.every((s) => s.minAge === undefined && s.maxAge === undefined)
  );
}

export function createProgramsService(deps: { database: Database; areas: AreasService }) {
  const { database } = deps;
  const db = database.db;
  const payments = createPayments({ database });

  async function getProgramRow(ex: Executor, id: number): Promise<ProgramRow> {
    const p = await ex.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!p) throw errors.notFound('Chương trình');
    return p;
  }

  /** The rule in force on a date, or an error that says which dates the program has rules for. */
  async function ruleOn(ex: Executor, programId: number, date: string): Promise<Rule> {
    const r = await ex
      .selectFrom('program_rules')
      .selectAll()
      .where('program_id', '=', programId)
      .where('valid_from', '<=', date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
      .orderBy('valid_from', 'desc')
      .executeTakeFirst();
    if (!r)
      throw errors.badRequest(
        'NO_RULE_IN_FORCE',
        `Chương trình chưa có quy định áp dụng cho ngày ${date}. Bổ sung quy định có hiệu lực từ ngày đó.`,
      );
    return {
      eligibility: EligibilityRule.parse(JSON.parse(r.eligibility_json)),
      amount: AmountRule.parse(JSON.parse(r.amount_json)),
    };
  }

  /** The period key and reference date of a list of this program. */
  function periodOf(p: ProgramRow, requested?: string): { period: string; refDate: string } {
    if (p.period_kind === 'monthly') {
      if (!requested)
        throw errors.validation([
          { path: 'body.period', message: 'Chương trình trợ cấp hằng tháng: chọn tháng (YYYY-MM).' },
        ]);
      const ref = monthStart(requested);
      if (ref < p.period_from.slice(0, 8) + '01' || (p.period_to && ref > p.period_to)) {
        throw errors.validation([
          { path: 'body.period', message: `Tháng ${requested} nằm ngoài thời gian của chương trình.` },
        ]);
      }
      return { period: requested, refDate: ref };
    }
    return { period: p.ref_date.slice(0, 4), refDate: p.ref_date };
  }

  async function getList(ex: Executor, actor: Actor, id: number): Promise<ListJoined> {
    const l = (await programsRepo.listsQuery(ex).where('l.id', '=', id).executeTakeFirst()) as ListJoined | undefined;
    if (!l || !codesInScope(actor, l)) throw errors.notFound('Danh sách');
    if (actor.role === 'supervisor' && !l.published_at) throw errors.notFound('Danh sách');
    return l;
  }

  const editable = (l: ListJoined) => {
    if (l.state !== 'draft' && l.state !== 'returned') {
      throw errors.conflict(
        'LIST_LOCKED',
        l.state === 'approved'
          ? 'Danh sách đã phê duyệt, không sửa trực tiếp được. Lập danh sách bổ sung.'
          : 'Danh sách đã gửi lên cấp trên, không sửa được. Chờ cấp trên trả lại nếu cần sửa.',
      );
    }
  };

  /** The beneficiaries a rule gives in a commune (or a wider area), with their entitlements. */
  async function eligibleIn(ex: Executor, p: ProgramRow, rule: Rule, scope: Scope, refDate: string) {
    const per = rule.eligibility.per;
    const kinds = [...new Set(rule.eligibility.any.map((s) => s.status))];
    const rows = await programsRepo.candidateStatuses(ex, per, kinds, scope, refDate);
    const byKey = new Map<number, CandidateRow[]>();
    for (const r of rows) {
      const id = (per === 'person' ? r.person_id : r.household_id)!;
      const a = byKey.get(id);
      if (a) a.push(r);
      else byKey.set(id, [r]);
    }
    const ids = [...byKey.keys()];
    const holders =
      per === 'person'
        ? rows
            .filter((r) => r.full_name !== undefined)
            .map((r) => ({ ...(r as Required<typeof r>), id: r.person_id!, household_id: null }))
        : [];
    const households = per === 'household' ? await programsRepo.householdsByIds(ex, ids) : [];
    const out: { id: number; entry: Omit<NewEntry, 'list_id' | 'created_at'>; since: string; candidate: Candidate }[] =
      [];
    const info = new Map<
      number,
      {
        name: string;
        birth: string | null;
        cid: string | null;
        village: string | null;
        codes: { province_code: string; district_code: string | null; commune_code: string };
        members: number;
        householdId: number | null;
      }
    >();
    for (const h of holders) {
      info.set(h.id, {
        name: h.full_name,
        birth: h.birth_date,
        cid: h.citizen_id,
        village: h.village,
        codes: h,
        members: 1,
        householdId: h.household_id,
      });
    }
    for (const h of households) {
      info.set(h.id, {
        name: h.full_name ?? `Hộ ${h.code}`,
        birth: h.birth_date,
        cid: h.citizen_id,
        village: h.village,
        codes: h,
        members: Number(h.members ?? 1),
        householdId: h.id,
      });
    }
    for (const [id, sts] of byKey) {
      const who = info.get(id);
      if (!who) continue;
      const candidate: Candidate = { birthDate: who.birth, statuses: sts, members: who.members };
      const ent = entitlement(rule.eligibility, rule.amount, candidate, refDate);
      if (!ent) continue;
      out.push({
        id,
        since: sts.reduce((m, s) => (s.valid_from < m ? s.valid_from : m), sts[0]!.valid_from),
        candidate,
        entry: {
          program_id: p.id,
          period: '',
          person_id: per === 'person' ? id : null,
          household_id: per === 'household' ? id : null,
          beneficiary_key: `${per === 'person' ? 'p' : 'h'}:${id}`,
          full_name: who.name,
          birth_date: who.birth,
          citizen_id: who.cid,
          village: who.village,
          category: ent.category,
          amount: ent.amount,
          quantity_milli: Math.round(ent.quantity * 1000),
          reason: ent.reason,
          manual_reason: null,
          arrears_note: null,
          arrears_months: null,
          province_code: who.codes.province_code,
          district_code: who.codes.district_code,
          commune_code: who.codes.commune_code,
        },
      });
    }
    return out;
  }

  /**
   * Arrears (truy lĩnh) of a monthly program: the months since the beneficiary qualified (and
   * since the program began) that no approved list paid, each at the rule in force that month.
   */
  async function arrearsFor(
    ex: Executor,
    p: ProgramRow,
    period: string,
    items: Awaited<ReturnType<typeof eligibleIn>>,
  ) {
    if (p.period_kind !== 'monthly' || items.length === 0) return;
    const first = p.period_from.slice(0, 7);
    const keys = items.map((i) => i.entry.beneficiary_key);
    const paid = new Set<string>();
    for (let i = 0; i < keys.length; i += 800) {
      const rows = await ex
        .selectFrom('list_entries')
        .select(['beneficiary_key', 'period', 'arrears_months'])
        .where('program_id', '=', p.id)
        .where('approved_key', 'is not', null)
        .where('beneficiary_key', 'in', keys.slice(i, i + 800))
        .execute();
      for (const r of rows) {
        paid.add(`${r.beneficiary_key}|${r.period}`);
        for (const m of r.arrears_months?.split(',') ?? []) if (m) paid.add(`${r.beneficiary_key}|${m}`);
      }
    }
    const rules = new Map<string, Rule | null>();
    for (const it of items) {
      const from = it.since.slice(0, 7) > first ? it.since.slice(0, 7) : first;
      const missing = monthsBetween(from, period).filter((m) => !paid.has(`${it.entry.beneficiary_key}|${m}`));
      if (missing.length === 0) continue;
      let sum = 0;
      const months: string[] = [];
      const keys: string[] = [];
      for (const m of missing) {
        if (!rules.has(m)) rules.set(m, await ruleOn(ex, p.id, monthStart(m)).catch(() => null));
        const r = rules.get(m);
        const e = r ? entitlement(r.eligibility, r.amount, it.candidate, monthStart(m)) : null;
        if (e && e.amount > 0) {
          sum += e.amount;
          keys.push(m);
          months.push(`${m.slice(5)}/${m.slice(0, 4)}`);
        }
      }
      if (sum > 0) {
        it.entry.arrears_amount = sum;
        it.entry.arrears_note = `Truy lĩnh ${months.length} tháng: ${months.join(', ')}`;
        it.entry.arrears_months = keys.join(',');
      }
    }
  }

  /** Communes of an area (the area itself when it is a commune). */
  async function communesOf(ex: Executor, areaCode: string) {
    const top = await ex.selectFrom('areas').select('path').where('code', '=', areaCode).executeTakeFirst();
    if (!top) return [];
    return ex
      .selectFrom('areas')
      .select(['code', 'name', 'parent_code', 'path'])
      .where('level', '=', 3)
      .where('path', 'like', `${top.path}%`)
      .orderBy('code')
      .execute();
  }

  async function communeCodes(ex: Executor, communeCode: string) {
    const c = await ex
      .selectFrom('areas')
      .select(['code', 'path', 'level', 'parent_code'])
      .where('code', '=', communeCode)
      .executeTakeFirst();
    if (!c || c.level !== 3) throw errors.notFound('Xã');
    return communeOf(c.code, c.path);
  }

  async function addStep(
    trx: Trx,
    listId: number,
    actor: Actor,
    action: string,
    from: string,
    to: string,
    extra: { comment?: string | null; decisionNo?: string | null; decisionDate?: string | null } = {},
  ) {
    await trx
      .insertInto('list_steps')
      .values({
        list_id: listId,
        action,
        from_state: from,
        to_state: to,
        actor: actor.username,
        actor_level: actor.areaLevel,
        comment: extra.comment ?? null,
        decision_no: extra.decisionNo ?? null,
        decision_date: extra.decisionDate ?? null,
        at: nowIso(),
      })
      .execute();
  }

  /** Check lists: the problems of every entry, from the registry as it is now and the rule. */
  async function checkLists(ex: Executor, listIds: number[]) {
    const problemsByList = new Map<number, CheckResult['problems']>();
    if (listIds.length === 0) return problemsByList;
    const lists = await ex
      .selectFrom('program_lists')
      .select(['id', 'program_id', 'ref_date'])
      .where('id', 'in', listIds)
      .execute();
    const elsewhere = await programsRepo.elsewhere(ex, listIds);
    const ruleCache = new Map<string, Rule>();
    for (const l of lists) {
      const key = `${l.program_id}|${l.ref_date}`;
      if (!ruleCache.has(key)) ruleCache.set(key, await ruleOn(ex, l.program_id, l.ref_date));
    }
    const entries = await programsRepo.entriesForCheck(ex, listIds);
    const householdIds = entries.filter((e) => e.household_id !== null).map((e) => e.household_id!);
    const households = new Map((await programsRepo.householdsByIds(ex, householdIds)).map((h) => [h.id, h]));
    // What the rule gives now: in SQL for the rules generation runs in SQL (the same query), else
    // through entitlement() from the statuses in force on each list's reference date.
    const expectedSql = new Map<string, Map<string, number>>();
    const statuses = new Map<string, CandidateRow[]>();
    for (const [key, rule] of ruleCache) {
      const [programId, refDate] = [Number(key.split('|')[0]), key.split('|')[1]!];
      const ids = lists.filter((l) => l.program_id === programId && l.ref_date === refDate).map((l) => l.id);
      if (inSql(rule)) {
        expectedSql.set(
          key,
          await programsRepo.expectedSql(ex, {
            listIds: ids,
            refDate,
            eligibility: rule.eligibility,
            amount: rule.amount,
          }),
        );
        continue;
      }
      for (const s of await programsRepo.statusesOfListed(ex, ids, refDate)) {
        const k = `${s.beneficiary_key}|${refDate}`;
        const a = statuses.get(k);
        if (a) a.push(s);
        else statuses.set(k, [s]);
      }
    }
    const listById = new Map(lists.map((l) => [l.id, l]));
    const perList = new Map<number, { forCheck: EntryForCheck[]; names: Map<number, string> }>();
    for (const e of entries) {
      const l = listById.get(e.list_id)!;
      const rule = ruleCache.get(`${l.program_id}|${l.ref_date}`)!;
      const p =
        e.person_id !== null
          ? {
              birth_date: e.p_birth_date,
              citizen_id: e.p_citizen_id,
              deceased_on: e.p_deceased_on,
              moved_out_on: e.p_moved_out_on,
            }
          : undefined;
      const h = e.household_id !== null ? households.get(e.household_id) : undefined;
      const birthDate = p?.birth_date ?? h?.birth_date ?? e.birth_date;
      const fromSql = expectedSql.get(`${l.program_id}|${l.ref_date}`);
      let ent: { amount: number; quantity: number } | null;
      if (fromSql) {
        const amount = fromSql.get(e.beneficiary_key);
        ent = amount === undefined ? null : { amount, quantity: 0 };
      } else {
        const sts = statuses.get(`${e.beneficiary_key}|${l.ref_date}`) ?? [];
        ent = entitlement(
          rule.eligibility,
          rule.amount,
          { birthDate, statuses: sts, members: h ? Number(h.members ?? 1) : 1 },
          l.ref_date,
        );
      }
      const bucket: { forCheck: EntryForCheck[]; names: Map<number, string> } = perList.get(e.list_id) ?? {
        forCheck: [],
        names: new Map<number, string>(),
      };
      bucket.forCheck.push({
        id: e.id,
        beneficiaryKey: e.beneficiary_key,
        fullName: e.full_name,
        birthDate,
        citizenId: p ? p.citizen_id : h ? h.citizen_id : e.citizen_id,
        deceasedOn: p?.deceased_on ?? h?.deceased_on ?? null,
        movedOutOn: p?.moved_out_on ?? null,
        amount: e.amount,
        quantity: e.quantity_milli / 1000,
        expected: ent ? { amount: ent.amount, quantity: Math.round(ent.quantity * 1000) / 1000 } : null,
        manual: e.manual === 1,
        elsewhere: elsewhere.get(e.id) ?? [],
      });
      bucket.names.set(e.id, e.full_name);
      perList.set(e.list_id, bucket);
    }
    for (const l of lists) {
      const b = perList.get(l.id);
      problemsByList.set(
        l.id,
        b
          ? checkListEntries(b.forCheck, l.ref_date).map((pr) => ({ ...pr, fullName: b.names.get(pr.entryId) ?? '' }))
          : [],
      );
    }
    return problemsByList;
  }

  async function transition(
    actor: Actor,
    listId: number,
    action: ListAction,
    extra: { comment?: string; decisionNo?: string; decisionDate?: string },
  ) {
    return inTransaction(database, actor, async (trx, audit) => {
      const l = await getList(trx, actor, listId);
      const t = listTransition(l.state as ListState, action, l.levels === 2 ? 2 : 3);
      if ('error' in t) throw errors.conflict('LIST_STATE', t.error);
      if (actor.kind !== 'system' && actor.areaLevel !== t.level) {
        const who = t.level === 3 ? 'cán bộ xã' : t.level === 2 ? 'cán bộ huyện' : 'cán bộ tỉnh';
        throw errors.forbidden(`Bước này do ${who} thực hiện.`);
      }
      if (action === 'submit') {
        const problems = (await checkLists(trx, [l.id])).get(l.id) ?? [];
        const blocking = problems.filter((p) => p.blocking);
        if (blocking.length > 0) {
          throw errors.conflict(
            'LIST_HAS_PROBLEMS',
            `Danh sách còn ${blocking.length} lỗi cần sửa trước khi gửi (bấm "Kiểm tra" để xem).`,
            blocking.slice(0, 50).map((p) => ({ path: `entries.${p.entryId}`, message: p.message })),
          );
        }
      }
      const now = nowIso();
      const res = await trx
        .updateTable('program_lists')
        .set({
          state: t.to,
          updated_at: now,
          ...(action === 'submit' ? { submitted_at: now } : {}),
          ...(action === 'approve'
            ? { approved_at: now, decision_no: extra.decisionNo ?? null, decision_date: extra.decisionDate ?? null }
            : {}),
        })
        .where('id', '=', l.id)
        .where('state', '=', l.state)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1)
        throw errors.conflict(
          'LIST_CHANGED',
          'Danh sách vừa được người khác xử lý. Tải lại trang để xem trạng thái mới.',
        );
      if (action === 'approve') {
        try {
          await trx
            .updateTable('list_entries')
            .set({ approved_key: sql<string>`cast(program_id as text) || ':' || period || ':' || beneficiary_key` })
            .where('list_id', '=', l.id)
            .execute();
        } catch (err) {
          if (isUniqueViolation(err)) {
            throw errors.conflict(
              'ALREADY_APPROVED_ELSEWHERE',
              'Có người trong danh sách đã có trong một danh sách đã duyệt khác của cùng chương trình, cùng kỳ. Trả lại để xã sửa.',
            );
          }
          throw err;
        }
      }
      await addStep(trx, l.id, actor, action, l.state, t.to, {
        comment: extra.comment,
        decisionNo: extra.decisionNo,
        decisionDate: extra.decisionDate,
      });
      await audit({
        action: `program_list.${action}`,
        entity: 'program_list',
        entityId: l.id,
        areaCode: l.commune_code,
        before: { state: l.state },
        after: {
          state: t.to,
          decisionNo: extra.decisionNo ?? null,
          decisionDate: extra.decisionDate ?? null,
          comment: extra.comment ?? null,
        },
      });
      return l.id;
    });
  }

  async function listDetail(actor: Actor, id: number): Promise<ListDetail> {
    const l = await getList(db, actor, id);
    const steps = await db.selectFrom('list_steps').selectAll().where('list_id', '=', id).orderBy('id').execute();
    const open = await db
      .selectFrom('list_remarks')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('list_id', '=', id)
      .where('answer', 'is', null)
      .executeTakeFirst();
    return {
      ...presentList(l),
      steps: steps.map((s) => ({
        action: s.action,
        fromState: s.from_state,
        toState: s.to_state,
        actor: s.actor,
        comment: s.comment,
        decisionNo: s.decision_no,
        decisionDate: s.decision_date,
        at: s.at,
      })),
      openRemarks: Number(open?.n ?? 0),
    };
  }

  return {
    payments,

    async listPrograms(actor: Actor): Promise<{ items: ProgramOut[] }> {
      void actor;
      const rows = await db
        .selectFrom('programs')
        .selectAll()
        .orderBy('ref_date', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const rules = await db.selectFrom('program_rules').selectAll().orderBy('valid_from').execute();
      return {
        items: rows.map((p) =>
          presentProgram(
            p,
            rules.filter((r) => r.program_id === p.id),
          ),
        ),
      };
    },

    async getProgram(actor: Actor, id: number): Promise<ProgramOut> {
      void actor;
      const p = await getProgramRow(db, id);
      const rules = await db
        .selectFrom('program_rules')
        .selectAll()
        .where('program_id', '=', id)
        .orderBy('valid_from')
        .execute();
      return presentProgram(p, rules);
    },

    async createProgram(actor: Actor, body: CreateProgramBody, opts: { isDemo?: boolean } = {}): Promise<ProgramOut> {
      if (body.periodTo && body.periodTo < body.periodFrom)
        throw errors.validation([{ path: 'body.periodTo', message: 'Ngày kết thúc phải sau ngày bắt đầu.' }]);
      if (body.kind === 'in_kind' && body.rule.amount.type !== 'quantity') {
        throw errors.validation([
          {
            path: 'body.rule.amount',
            message: 'Chương trình hiện vật: mức hỗ trợ phải là số lượng (ví dụ 15 kg/người).',
          },
        ]);
      }
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const now = nowIso();
        try {
          const row = await trx
            .insertInto('programs')
            .values({
              code: body.code,
              name: body.name,
              legal_basis: body.legalBasis,
              legal_date: body.legalDate ?? null,
              kind: body.kind,
              unit: body.unit,
              per: body.rule.eligibility.per,
              period_kind: body.periodKind,
              ref_date: body.refDate,
              period_from: body.periodFrom,
              period_to: body.periodTo ?? null,
              budget: body.budget ?? null,
              funding_source: body.fundingSource ?? null,
              is_demo: opts.isDemo ? 1 : 0,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('program_rules')
            .values({
              program_id: row.id,
              valid_from: body.rule.validFrom,
              valid_to: body.rule.validTo ?? null,
              eligibility_json: JSON.stringify(body.rule.eligibility),
              amount_json: JSON.stringify(body.rule.amount),
              note: body.rule.note ?? null,
              created_at: now,
            })
            .execute();
          await audit({ action: 'program.create', entity: 'program', entityId: row.id, after: body });
          return row.id;
        } catch (err) {
          if (isUniqueViolation(err))
            throw errors.conflict('PROGRAM_CODE_TAKEN', `Mã chương trình ${body.code} đã có. Chọn mã khác.`);
          throw err;
        }
      });
      return this.getProgram(actor, id);
    },

    /** Add a rule from a date (the previous open rule ends the day before). */
    async addRule(actor: Actor, programId: number, rule: CreateProgramBody['rule']): Promise<ProgramOut> {
      await inTransaction(database, actor, async (trx, audit) => {
        const p = await getProgramRow(trx, programId);
        if (rule.eligibility.per !== p.per)
          throw errors.validation([
            { path: 'body.eligibility.per', message: 'Không đổi được đối tượng hưởng (người/hộ) của chương trình.' },
          ]);
        const prev = new Date(`${rule.validFrom}T00:00:00Z`);
        prev.setUTCDate(prev.getUTCDate() - 1);
        await trx
          .updateTable('program_rules')
          .set({ valid_to: prev.toISOString().slice(0, 10) })
          .where('program_id', '=', programId)
          .where('valid_to', 'is', null)
          .where('valid_from', '<', rule.validFrom)
          .execute();
        await trx
          .insertInto('program_rules')
          .values({
            program_id: programId,
            valid_from: rule.validFrom,
            valid_to: rule.validTo ?? null,
            eligibility_json: JSON.stringify(rule.eligibility),
            amount_json: JSON.stringify(rule.amount),
            note: rule.note ?? null,
            created_at: nowIso(),
          })
          .execute();
        await audit({ action: 'program.rule', entity: 'program', entityId: programId, after: rule });
      });
      return this.getProgram(actor, programId);
    },

    /**
     * Generate lists from the rule: for one commune, or for every commune of the actor's area that
     * has no main list for the period yet. Each list starts as a draft with its entries, reasons
     * and amounts, and is checked at once.
     */
    async generate(actor: Actor, programId: number, body: GenerateListsBody) {
      const p = await getProgramRow(db, programId);
      const { period, refDate } = periodOf(p, body.period);
      const rule = await ruleOn(db, programId, refDate);
      const scope = areaColumnScope(actor);
      let communes: { code: string; path: string }[];
      if (body.communeCode) {
        const c = await communeCodes(db, body.communeCode);
        if (!codesInScope(actor, c)) throw errors.notFound('Xã');
        communes = [{ code: c.commune_code, path: c.path }];
      } else {
        const root =
          actor.areaCode ??
          (await db.selectFrom('areas').select('code').where('level', '=', 1).executeTakeFirstOrThrow()).code;
        communes = await communesOf(db, root);
      }
      return inTransaction(database, actor, async (trx, audit) => {
        const existing = new Set(
          (
            await trx
              .selectFrom('program_lists')
              .select('commune_code')
              .where('program_id', '=', programId)
              .where('period', '=', period)
              .where('seq', '=', 0)
              .$if(!!scope, (q) => q.where(scope!.column, '=', scope!.code))
              .execute()
          ).map((r) => r.commune_code),
        );
        const todo = communes.filter((c) => !existing.has(c.code));
        if (body.communeCode && todo.length === 0) {
          throw errors.conflict(
            'LIST_EXISTS',
            `Xã đã có danh sách của chương trình cho kỳ ${period}. Mở danh sách đó để sửa.`,
          );
        }
        if (todo.length === 0) return { lists: 0, entries: 0, listIds: [] as number[] };
        // One pass over the whole area when many communes are generated at once.
        const wide: Scope = body.communeCode
          ? { column: 'commune_code', code: body.communeCode }
          : (scope ?? {
              column: 'province_code',
              code: (await trx.selectFrom('areas').select('code').where('level', '=', 1).executeTakeFirstOrThrow())
                .code,
            });
        const now = nowIso();
        const listIds = new Map<string, number>();
        for (const c of todo) {
          const codes = communeOf(c.code, c.path);
          const row = await trx
            .insertInto('program_lists')
            .values({
              program_id: p.id,
              period,
              ref_date: refDate,
              seq: 0,
              parent_list_id: null,
              province_code: codes.province_code,
              district_code: codes.district_code,
              commune_code: codes.commune_code,
              levels: codes.levels,
              state: 'draft',
              created_by: actor.username,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          listIds.set(c.code, row.id);
        }
        const sqlRule = p.period_kind === 'once' && inSql(rule);
        let count = 0;
        if (sqlRule) {
          count = await programsRepo.insertGeneratedSql(trx, {
            programId: p.id,
            period,
            refDate,
            scope: wide,
            eligibility: rule.eligibility,
            amount: rule.amount,
            listIds: [...listIds.values()],
            now,
            dialect: database.dialect,
          });
        } else {
          const items = await eligibleIn(trx, p, rule, wide, refDate);
          await arrearsFor(trx, p, period, items);
          const todoSet = new Set(todo.map((c) => c.code));
          const entries: NewEntry[] = [];
          for (const it of items) {
            const listId = listIds.get(it.entry.commune_code);
            if (!listId || !todoSet.has(it.entry.commune_code)) continue;
            entries.push({ ...it.entry, period, list_id: listId, created_at: now });
          }
          const byName = new Intl.Collator('vi').compare;
          entries.sort((a, b) => a.list_id - b.list_id || byName(a.full_name, b.full_name));
          await programsRepo.insertEntries(trx, entries, database.sqlite);
          count = entries.length;
        }
        const ids = [...listIds.values()];
        await programsRepo.refreshTotals(trx, ids, now);
        for (const [commune, id] of listIds) {
          await audit({
            action: 'program_list.generate',
            entity: 'program_list',
            entityId: id,
            areaCode: commune,
            after: { programId: p.id, period },
          });
        }
        return { lists: ids.length, entries: count, listIds: ids };
      });
    },

    /** A supplementary list of an approved one: the people the rule gives who are on no approved list. */
    async supplementary(actor: Actor, listId: number): Promise<ListDetail> {
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const l = await getList(trx, actor, listId);
        if (l.state !== 'approved')
          throw errors.conflict('LIST_NOT_APPROVED', 'Chỉ lập danh sách bổ sung cho danh sách đã phê duyệt.');
        if (!programsPolicy.can(actor, 'prepare')) throw errors.forbidden();
        const p = await getProgramRow(trx, l.program_id);
        const rule = await ruleOn(trx, p.id, l.ref_date);
        const seq = await trx
          .selectFrom('program_lists')
          .select((e) => e.fn.max('seq').as('m'))
          .where('program_id', '=', p.id)
          .where('period', '=', l.period)
          .where('commune_code', '=', l.commune_code)
          .executeTakeFirst();
        const now = nowIso();
        const row = await trx
          .insertInto('program_lists')
          .values({
            program_id: p.id,
            period: l.period,
            ref_date: l.ref_date,
            seq: Number(seq?.m ?? 0) + 1,
            parent_list_id: l.id,
            province_code: l.province_code,
            district_code: l.district_code,
            commune_code: l.commune_code,
            levels: l.levels,
            state: 'draft',
            created_by: actor.username,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const items = await eligibleIn(trx, p, rule, { column: 'commune_code', code: l.commune_code }, l.ref_date);
        const onApproved = new Set(
          (
            await trx
              .selectFrom('list_entries')
              .select('beneficiary_key')
              .where('program_id', '=', p.id)
              .where('period', '=', l.period)
              .where('approved_key', 'is not', null)
              .where('commune_code', '=', l.commune_code)
              .execute()
          ).map((r) => r.beneficiary_key),
        );
        const entries = items
          .filter((i) => !onApproved.has(i.entry.beneficiary_key))
          .map((i) => ({ ...i.entry, period: l.period, list_id: row.id, created_at: now }));
        await programsRepo.insertEntries(trx, entries, database.sqlite);
        await programsRepo.refreshTotals(trx, [row.id], now);
        await audit({
          action: 'program_list.supplementary',
          entity: 'program_list',
          entityId: row.id,
          areaCode: l.commune_code,
          after: { parentListId: l.id, entries: entries.length },
        });
        return row.id;
      });
      return listDetail(actor, id);
    },

    async lists(actor: Actor, q: ListsQuery) {
      const scope = areaColumnScope(actor);
      let base = programsRepo.listsQuery(db);
      if (scope) base = base.where(`l.${scope.column}`, '=', scope.code);
      if (actor.role === 'supervisor' || q.published === 'true') base = base.where('l.published_at', 'is not', null);
      if (q.programId) base = base.where('l.program_id', '=', q.programId);
      if (q.period) base = base.where('l.period', '=', q.period);
      if (q.state) base = base.where('l.state', '=', q.state);
      if (q.areaCode) {
        const a = await db.selectFrom('areas').select(['level']).where('code', '=', q.areaCode).executeTakeFirst();
        if (a) base = base.where(`l.${LEVEL_COLUMN[a.level] ?? 'commune_code'}`, '=', q.areaCode);
      }
      const total = await base
        .clearSelect()
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      const rows = (await base
        .orderBy('l.commune_code')
        .orderBy('l.seq')
        .limit(q.limit)
        .offset(q.offset)
        .execute()) as ListJoined[];
      return { items: rows.map(presentList), total: Number(total?.n ?? 0) };
    },

    listDetail,

    async entries(actor: Actor, listId: number, q: { q?: string; limit: number; offset: number }) {
      await getList(db, actor, listId);
      const { rows, total } = await programsRepo.entriesPage(db, { list_id: listId }, q);
      // Supervisors see what the published list shows: birth year, last three ID digits.
      const masked = (e: ReturnType<typeof presentEntry>) => ({
        ...e,
        birthDate: e.birthDate?.slice(0, 4) ?? null,
        citizenId: e.citizenId ? `*********${e.citizenId.slice(-3)}` : null,
      });
      return {
        items: rows.map((r) => (actor.role === 'supervisor' ? masked(presentEntry(r)) : presentEntry(r))),
        total,
      };
    },

    async check(actor: Actor, listId: number): Promise<CheckResult> {
      const l = await getList(db, actor, listId);
      const problems = (await checkLists(db, [l.id])).get(l.id) ?? [];
      return { ok: !problems.some((p) => p.blocking), problems, checkedEntries: l.entries_count };
    },

    /** Check every list of a program and period in the actor's area: lists with problems and counts. */
    async checkAll(actor: Actor, programId: number, period: string) {
      const scope = areaColumnScope(actor);
      const ids = (
        await db
          .selectFrom('program_lists')
          .select('id')
          .where('program_id', '=', programId)
          .where('period', '=', period)
          .$if(!!scope, (q) => q.where(scope!.column, '=', scope!.code))
          .execute()
      ).map((r) => r.id);
      const out = await checkLists(db, ids);
      let problems = 0;
      let blocking = 0;
      for (const ps of out.values()) {
        problems += ps.length;
        blocking += ps.filter((p) => p.blocking).length;
      }
      return {
        lists: ids.length,
        problems,
        blocking,
        listsWithProblems: [...out.entries()].filter(([, ps]) => ps.some((p) => p.blocking)).map(([id]) => id),
      };
    },

    async addEntry(actor: Actor, listId: number, body: AddEntryBody) {
      return inTransaction(database, actor, async (trx, audit) => {
        const l = await getList(trx, actor, listId);
        editable(l);
        const p = await getProgramRow(trx, l.program_id);
        const per = body.personId !== undefined ? 'person' : 'household';
        if (per !== p.per)
          throw errors.validation([
            {
              path: 'body',
              message:
                p.per === 'person'
                  ? 'Chương trình hỗ trợ theo người: chọn một người.'
                  : 'Chương trình hỗ trợ theo hộ: chọn một hộ.',
            },
          ]);
        const id = (body.personId ?? body.householdId)!;
        const rule = await ruleOn(trx, p.id, l.ref_date);
        const holder =
          per === 'person'
            ? (await programsRepo.personsByIds(trx, [id]))[0]
            : (await programsRepo.householdsByIds(trx, [id])).map((h) => ({
                ...h,
                full_name: h.full_name ?? `Hộ ${h.code}`,
              }))[0];
        if (!holder || !codesInScope(actor, holder)) throw errors.notFound(per === 'person' ? 'Người' : 'Hộ');
        if (holder.commune_code !== l.commune_code)
          throw errors.validation([{ path: 'body', message: 'Người/hộ này không thuộc xã của danh sách.' }]);
        const sts = await programsRepo.statusesOf(trx, per, [id], l.ref_date);
        const members = 'members' in holder ? Number(holder.members ?? 1) : 1;
        const ent = entitlement(
          rule.eligibility,
          rule.amount,
          { birthDate: holder.birth_date, statuses: sts, members },
          l.ref_date,
        );
        const amount = body.amount ?? ent?.amount;
        if (amount === undefined)
          throw errors.validation([
            { path: 'body.amount', message: 'Người này không thuộc diện theo quy định: nhập mức hỗ trợ và lý do.' },
          ]);
        const dup = await trx
          .selectFrom('list_entries')
          .select('id')
          .where('list_id', '=', l.id)
          .where('beneficiary_key', '=', `${per === 'person' ? 'p' : 'h'}:${id}`)
          .executeTakeFirst();
        if (dup) throw errors.conflict('ENTRY_EXISTS', `${holder.full_name} đã có trong danh sách.`);
        const now = nowIso();
        await programsRepo.insertEntries(trx, [
          {
            list_id: l.id,
            program_id: p.id,
            period: l.period,
            person_id: per === 'person' ? id : null,
            household_id: per === 'household' ? id : null,
            beneficiary_key: `${per === 'person' ? 'p' : 'h'}:${id}`,
            full_name: holder.full_name,
            birth_date: holder.birth_date,
            citizen_id: holder.citizen_id,
            village: holder.village,
            category: ent?.category ?? null,
            amount,
            quantity_milli: Math.round((ent?.quantity ?? 0) * 1000),
            reason: ent ? ent.reason : 'Bổ sung theo đề nghị',
            manual: 1,
            manual_reason: body.reason,
            arrears_note: null,
            arrears_months: null,
            province_code: holder.province_code,
            district_code: holder.district_code,
            commune_code: holder.commune_code,
            created_at: now,
          },
        ]);
        await programsRepo.refreshTotals(trx, [l.id], now);
        await audit({
          action: 'program_list.add_entry',
          entity: 'program_list',
          entityId: l.id,
          areaCode: l.commune_code,
          after: { beneficiary: `${per}:${id}`, amount, reason: body.reason },
        });
        return { ok: true };
      });
    },

    async removeEntry(actor: Actor, listId: number, entryId: number, reason: string) {
      return inTransaction(database, actor, async (trx, audit) => {
        const l = await getList(trx, actor, listId);
        editable(l);
        const e = await trx
          .selectFrom('list_entries')
          .selectAll()
          .where('id', '=', entryId)
          .where('list_id', '=', l.id)
          .executeTakeFirst();
        if (!e) throw errors.notFound('Dòng danh sách');
        await trx.deleteFrom('list_remarks').where('entry_id', '=', entryId).execute();
        await trx.deleteFrom('list_entries').where('id', '=', entryId).execute();
        await programsRepo.refreshTotals(trx, [l.id], nowIso());
        await audit({
          action: 'program_list.remove_entry',
          entity: 'program_list',
          entityId: l.id,
          areaCode: l.commune_code,
          before: entryAudit(e),
          after: { reason },
        });
        return { ok: true };
      });
    },

    async submit(actor: Actor, id: number, body: StepBody) {
      await transition(actor, id, 'submit', body);
      return listDetail(actor, id);
    },
    async appraise(actor: Actor, id: number, body: StepBody) {
      await transition(actor, id, 'appraise', body);
      return listDetail(actor, id);
    },
    async returnList(actor: Actor, id: number, comment: string) {
      await transition(actor, id, 'return', { comment });
      return listDetail(actor, id);
    },
    async approve(actor: Actor, id: number, body: ApproveBody) {
      if (body.decisionDate > todayInVietnam())
        throw errors.validation([{ path: 'body.decisionDate', message: 'Ngày quyết định không được sau hôm nay.' }]);
      await transition(actor, id, 'approve', body);
      return listDetail(actor, id);
    },
    /** Approve many lists under one decision; each list succeeds or fails on its own. */
    async approveMany(actor: Actor, listIds: number[], body: ApproveBody) {
      if (body.decisionDate > todayInVietnam())
        throw errors.validation([{ path: 'body.decisionDate', message: 'Ngày quyết định không được sau hôm nay.' }]);
      const approved: number[] = [];
      const failed: { listId: number; code: string; message: string }[] = [];
      for (const id of [...new Set(listIds)]) {
        try {
          await transition(actor, id, 'approve', body);
          approved.push(id);
        } catch (err) {
          const e = err as { code?: string; message?: string };
          failed.push({ listId: id, code: e.code ?? 'ERROR', message: e.message ?? String(err) });
        }
      }
      return { approved, failed };
    },

    async publish(actor: Actor, id: number) {
      await inTransaction(database, actor, async (trx, audit) => {
        const l = await getList(trx, actor, id);
        if (l.state !== 'approved') throw errors.conflict('LIST_NOT_APPROVED', 'Chỉ công khai danh sách đã phê duyệt.');
        if (l.published_at) return;
        await trx
          .updateTable('program_lists')
          .set({ published_at: nowIso() })
          .where('id', '=', id)
          .where('published_at', 'is', null)
          .execute();
        await addStep(trx, id, actor, 'publish', l.state, l.state);
        await audit({ action: 'program_list.publish', entity: 'program_list', entityId: id, areaCode: l.commune_code });
      });
      return listDetail(actor, id);
    },

    /** Progress of a program's period under an area: lists by state per child area, and communes with no list. */
    async progress(actor: Actor, q: { programId: number; period?: string; areaCode?: string }) {
      const p = await getProgramRow(db, q.programId);
      const period = q.period ?? (p.period_kind === 'monthly' ? undefined : p.ref_date.slice(0, 4));
      if (!period) throw errors.validation([{ path: 'query.period', message: 'Chọn tháng (YYYY-MM).' }]);
      const root =
        q.areaCode ??
        actor.areaCode ??
        (await db.selectFrom('areas').select('code').where('level', '=', 1).executeTakeFirstOrThrow()).code;
      const area = await db
        .selectFrom('areas')
        .select(['code', 'path', 'level', 'name'])
        .where('code', '=', root)
        .executeTakeFirst();
      if (!area || (actor.areaPath && !area.path.startsWith(actor.areaPath))) throw errors.notFound('Địa bàn');
      const communes = await communesOf(db, root);
      const lists = await db
        .selectFrom('program_lists')
        .select(['commune_code', 'state', 'total_amount', 'entries_count'])
        .where('program_id', '=', p.id)
        .where('period', '=', period)
        .where(LEVEL_COLUMN[area.level] ?? 'commune_code', '=', root)
        .execute();
      const children =
        area.level === 3
          ? [area]
          : await db
              .selectFrom('areas')
              .select(['code', 'name', 'path', 'level'])
              .where('parent_code', '=', root)
              .orderBy('code')
              .execute();
      const childOf = (path: string) => children.find((c) => path.startsWith(c.path));
      const rows = new Map(
        children.map((c) => [
          c.code,
          {
            areaCode: c.code,
            areaName: c.name,
            communes: 0,
            missing: 0,
            byState: {} as Record<string, number>,
            approvedEntries: 0,
            approvedAmount: 0,
          },
        ]),
      );
      const withList = new Set(lists.map((l) => l.commune_code));
      const pathOf = new Map(communes.map((c) => [c.code, c.path]));
      const missingCommunes: { code: string; name: string }[] = [];
      for (const c of communes) {
        const r = rows.get(childOf(c.path)?.code ?? '');
        if (!r) continue;
        r.communes += 1;
        if (!withList.has(c.code)) {
          r.missing += 1;
          missingCommunes.push({ code: c.code, name: c.name });
        }
      }
      for (const l of lists) {
        const r = rows.get(childOf(pathOf.get(l.commune_code) ?? '')?.code ?? '');
        if (!r) continue;
        r.byState[l.state] = (r.byState[l.state] ?? 0) + 1;
        if (l.state === 'approved') {
          r.approvedEntries += l.entries_count;
          r.approvedAmount += l.total_amount;
        }
      }
      return { rows: [...rows.values()], missingCommunes };
    },

    async addRemark(actor: Actor, listId: number, body: { entryId?: number; text: string }) {
      return inTransaction(database, actor, async (trx, audit) => {
        const l = await getList(trx, actor, listId);
        if (!l.published_at) throw errors.conflict('LIST_NOT_PUBLISHED', 'Chỉ góp ý trên danh sách đã công khai.');
        if (body.entryId) {
          const e = await trx
            .selectFrom('list_entries')
            .select('id')
            .where('id', '=', body.entryId)
            .where('list_id', '=', listId)
            .executeTakeFirst();
          if (!e) throw errors.notFound('Dòng danh sách');
        }
        const row = await trx
          .insertInto('list_remarks')
          .values({
            list_id: listId,
            entry_id: body.entryId ?? null,
            author: actor.username,
            text: body.text,
            created_at: nowIso(),
            answer: null,
            answered_by: null,
            answered_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit({
          action: 'program_list.remark',
          entity: 'list_remark',
          entityId: row.id,
          areaCode: l.commune_code,
          after: body,
        });
        return { id: row.id };
      });
    },

    async remarks(actor: Actor, listId: number) {
      await getList(db, actor, listId);
      const rows = await db
        .selectFrom('list_remarks')
        .selectAll()
        .where('list_id', '=', listId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        entryId: r.entry_id,
        author: r.author,
        text: r.text,
        createdAt: r.created_at,
        answer: r.answer,
        answeredBy: r.answered_by,
        answeredAt: r.answered_at,
      }));
    },

    async answerRemark(actor: Actor, remarkId: number, answer: string) {
      return inTransaction(database, actor, async (trx, audit) => {
        const r = await trx.selectFrom('list_remarks').selectAll().where('id', '=', remarkId).executeTakeFirst();
        if (!r) throw errors.notFound('Ý kiến');
        const l = await getList(trx, actor, r.list_id);
        if (r.answer) throw errors.conflict('REMARK_ANSWERED', 'Ý kiến này đã được trả lời.');
        await trx
          .updateTable('list_remarks')
          .set({ answer, answered_by: actor.username, answered_at: nowIso() })
          .where('id', '=', remarkId)
          .where('answer', 'is', null)
          .execute();
        await audit({
          action: 'program_list.answer',
          entity: 'list_remark',
          entityId: remarkId,
          areaCode: l.commune_code,
          after: { answer },
        });
        return { ok: true };
      });
    },

    /** Published lists for anyone: masked entries (name, birth year, village, last 3 ID digits) and remarks. */
    async publicLists(q: { programId?: number; areaCode?: string; limit: number; offset: number }) {
      let base = programsRepo.listsQuery(db).where('l.published_at', 'is not', null);
      if (q.programId) base = base.where('l.program_id', '=', q.programId);
      if (q.areaCode) {
        const a = await db.selectFrom('areas').select('level').where('code', '=', q.areaCode).executeTakeFirst();
        if (a) base = base.where(`l.${LEVEL_COLUMN[a.level] ?? 'commune_code'}`, '=', q.areaCode);
      }
      const total = await base
        .clearSelect()
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      const rows = await base.orderBy('l.published_at', 'desc').limit(q.limit).offset(q.offset).execute();
      return {
        items: rows.map(presentPublicSummary),
        total: Number(total?.n ?? 0),
      };
    },

    async publicList(id: number) {
      const l = await programsRepo
        .listsQuery(db)
        .where('l.id', '=', id)
        .where('l.published_at', 'is not', null)
        .executeTakeFirst();
      if (!l) throw errors.notFound('Danh sách công khai');
      const entries = await db
        .selectFrom('list_entries')
        .select([
          'id',
          'full_name',
          'birth_date',
          'village',
          'citizen_id',
          'category',
          'amount',
          'arrears_amount',
          'quantity_milli',
        ])
        .where('list_id', '=', id)
        .orderBy('id')
        .execute();
      const remarks = await db.selectFrom('list_remarks').selectAll().where('list_id', '=', id).orderBy('id').execute();
      return {
        ...presentPublicSummary(l),
        entries: entries.map((e) => ({
          id: e.id,
          fullName: e.full_name,
          birthYear: birthYear(e.birth_date),
          village: e.village,
          idTail: idTail(e.citizen_id),
          category: e.category,
          amount: e.amount + e.arrears_amount,
          quantity: e.quantity_milli / 1000,
        })),
        remarks: remarks.map((r) => ({
          id: r.id,
          entryId: r.entry_id,
          author: r.author,
          text: r.text,
          createdAt: r.created_at,
          answer: r.answer,
          answeredBy: r.answered_by,
          answeredAt: r.answered_at,
        })),
      };
    },
  };
}
export type ProgramsService = ReturnType<typeof createProgramsService>;

function entryAudit(e: EntryRow) {
  return {
    beneficiary: e.beneficiary_key,
    fullName: e.full_name,
    amount: e.amount,
    arrears: e.arrears_amount,
    quantityMilli: e.quantity_milli,
    manual: e.manual === 1,
  };
}
