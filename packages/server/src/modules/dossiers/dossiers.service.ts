import { createHash } from 'node:crypto';
import {
  addWorkingDays,
  agencyCode,
  apologyProblem,
  clockStart,
  defaultCalendar,
  effectivePath,
  formatDossierCode,
  lastWorkingDay,
  pauseShift,
  planSteps,
  searchKey,
  timeliness,
  todayInVietnam,
  vietnamLocal,
  type DossierLevel,
  type DossierLookupOut,
  type DossierOut,
  type DossierPage,
  type DossiersQuery,
  type DossierStatsOut,
  type DossierStatsQuery,
  type LevelStep,
  type PatchProcedureBody,
  type ProcedureBody,
  type ProcedureImportResult,
  type ProcedureOut,
  type ProcedurePage,
  type ProceduresQuery,
  type ReceiveDossierBody,
  type WorkCalendar,
} from '@ansinh/domain';
import type { Database, Executor } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import { areaColumnScope, codesInScope, codesOfCommune, type AreaColumn } from '../../platform/authz.js';
import { inTransaction } from '../../platform/context.js';
import { AppError, errors, isUniqueViolation } from '../../platform/errors.js';
import type { AreasService } from '../areas/index.js';
import { dossiersPolicy } from './dossiers.policy.js';
import { maskName, presentDossier, presentListItem, presentProcedure, STATE_LABELS } from './dossiers.presenter.js';
import { dossiersRepo as repo, procedureColumns, type DossierRow, type StepRow } from './dossiers.repo.js';
import { drainOutbox, notifyChannel, type NotifyChannel } from './dossiers.outbox.js';
import { computeStats } from './dossiers.stats.js';
import { readProcedureSheet } from './dossiers.sheet.js';

const LEVEL_COLUMN: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };
const LEVEL_OF_NUMBER: Record<number, DossierLevel> = { 1: 'province', 2: 'district', 3: 'commune' };
const OPEN = ['processing', 'supplement'];

/** Accepted attachments, recognised by their first bytes (not by the name the browser sends). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export function sniffMime(buf: Uint8Array): string | null {
  const b = (i: number) => buf[i] ?? -1;
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'application/pdf';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  return null;
}

const ACTION_LABELS: Record<string, string> = {
  receive: 'Tiếp nhận hồ sơ',
  forward: 'Chuyển cấp trên',
  result: 'Có kết quả giải quyết',
  return: 'Trả kết quả',
  supplement: 'Yêu cầu bổ sung hồ sơ',
  supplied: 'Đã nhận hồ sơ bổ sung',
  refuse: 'Từ chối giải quyết',
  withdraw: 'Rút hồ sơ',
  apology: 'Xin lỗi và hẹn lại ngày trả',
  file: 'Đính kèm tệp',
};

export interface DossiersDeps {
  database: Database;
  areas: Pick<AreasService, 'pathOf'>;
  /** The clock (the seed and tests replay a year); default the system clock. */
  now?: () => Date;
  calendar?: WorkCalendar;
  channel?: NotifyChannel;
  /** Answer transitions without the timeline and files (the demo seed replays hundreds). */
  lean?: boolean;
}

/** Administrative procedures: the catalogue, dossiers across levels, deadlines, lookup, statistics. */
export function createDossiersService(deps: DossiersDeps) {
  const { database, areas } = deps;
  const db = database.db;
  const now = deps.now ?? (() => new Date());
  const cal = deps.calendar ?? defaultCalendar;
  let channel: NotifyChannel | null = deps.channel ?? null;

  const nowIso = () => now().toISOString();
  const today = () => todayInVietnam(now());

  async function areaFilter(actor: Actor, code: string | undefined) {
    if (!code) return undefined;
    const a = await areas.pathOf(code);
    if (!a || (actor.kind !== 'system' && !a.path.startsWith(actor.areaPath ?? '\u0000')))
      throw errors.notFound('Đơn vị hành chính');
    return { column: LEVEL_COLUMN[a.level]!, code, name: a.name, level: a.level };
  }

  async function load(actor: Actor, id: number, trx: Executor = db): Promise<DossierRow> {
    const d = await repo.dossier(trx, id);
    if (!d || !codesInScope(actor, d)) throw errors.notFound('Hồ sơ');
    dossiersPolicy.assert(actor, 'read');
    return d;
  }

  /** The actions the actor may take on a dossier now. */
  function actionsOf(actor: Actor, d: DossierRow, steps: StepRow[]): string[] {
    if (!dossiersPolicy.can(actor, 'process') || !codesInScope(actor, d)) return [];
    const holder = actor.kind === 'system' || actor.areaCode === d.current_area_code;
    const counter = actor.kind === 'system' || actor.areaCode === d.receiving_area_code;
    const out: string[] = [];
    const last = d.current_seq !== null && d.current_seq === steps.length;
    if (holder && d.state === 'processing') {
      out.push(last ? 'result' : 'forward', 'supplement', 'refuse');
      if (d.apologies === 0 && today() < d.appointment_date) out.push('apology');
    }
    if (holder && d.state === 'supplement') out.push('supplied', 'refuse');
    if ((holder || counter) && OPEN.includes(d.state)) out.push('withdraw', 'file');
    if (counter && d.state === 'result_ready') out.push('return');
    return [...new Set(out)];
  }

  async function detail(actor: Actor, id: number): Promise<DossierOut> {
    const d = await load(actor, id);
    const [p, steps, events, files] = await Promise.all([
      repo.procedureById(db, d.procedure_id),
      repo.steps(db, id),
      repo.events(db, id),
      repo.files(db, id),
    ]);
    const names = await repo.areaNames(db, [
      d.commune_code,
      d.district_code ?? '',
      d.province_code,
      d.receiving_area_code,
      d.current_area_code ?? '',
      ...steps.map((s) => s.area_code),
      ...events.map((e) => e.area_code ?? ''),
    ]);
    return presentDossier(d, p!, steps, events, files, names, actionsOf(actor, d, steps));
  }

  function notifyText(d: DossierRow, kind: string, extra = ''): string {
    const base = `AnSinh: Ho so ${d.code}`;
    const what: Record<string, string> = {
      receive: `da duoc tiep nhan, hen tra ngay ${d.appointment_date}`,
      supplement: `can bo sung: ${extra}`,
      result: 'da co ket qua, moi ong/ba den nhan hoac cho nhan qua buu dien',
      refuse: `bi tu choi: ${extra}`,
      apology: `cham tra, xin loi ong/ba; hen lai ngay ${extra}`,
      returned: 'da tra ket qua',
      withdrawn: 'da rut theo de nghi',
    };
    return `${base} ${what[kind] ?? kind}. Tra cuu: /tra-cuu`;
  }

  async function enqueue(trx: Executor, d: DossierRow, kind: string, extra = '') {
    if (!d.applicant_phone) return;
    await repo.enqueue(trx, {
      dossier_id: d.id,
      kind,
      recipient: d.applicant_phone,
      message: notifyText(d, kind, extra),
      at: nowIso(),
    });
  }

  /**
   * One transition on a dossier held by the actor's level: load inside the transaction, check
   * scope, role and holder, apply, record the timeline event and the audit event together.
   */
  async function transition(
    actor: Actor,
    id: number,
    action: string,
    opts: { allowCounter?: boolean; states: string[] },
    apply: (
      trx: Executor,
      d: DossierRow,
      steps: StepRow[],
      at: string,
    ) => Promise<{ note: string; notify?: [string, string?] }>,
  ): Promise<DossierOut> {
    const lean = await inTransaction(database, actor, async (trx, audit) => {
      const d = await repo.dossier(trx, id);
      if (!d || !codesInScope(actor, d)) throw errors.notFound('Hồ sơ');
      dossiersPolicy.assert(actor, 'process');
      const steps = await repo.steps(trx, id);
      const holder = actor.kind === 'system' || actor.areaCode === d.current_area_code;
      const counter = actor.kind === 'system' || actor.areaCode === d.receiving_area_code;
      if (!holder && !(opts.allowCounter && counter)) {
        throw errors.forbidden(
          'Hồ sơ đang do cấp khác giữ; chỉ cơ quan đang giữ hồ sơ mới thao tác được. Xem "Quá trình xử lý" để biết hồ sơ đang ở đâu.',
        );
      }
      if (!opts.states.includes(d.state)) {
        throw errors.conflict(
          'DOSSIER_STATE',
          `Hồ sơ đang ở trạng thái "${STATE_LABELS[d.state] ?? d.state}", không thể "${ACTION_LABELS[action] ?? action}". Tải lại trang để xem trạng thái mới.`,
        );
      }
      const at = nowIso();
      const level = d.current_level;
      const area = d.current_area_code;
      const r = await apply(trx, d, steps, at);
      await repo.addEvent(trx, {
        dossier_id: id,
        at,
        actor: actor.username,
        action,
        level,
        area_code: area,
        note: r.note,
      });
      const after = await repo.dossier(trx, id);
      await audit({
        action: `dossier.${action}`,
        entity: 'dossier',
        entityId: id,
        areaCode: d.commune_code,
        before: {
          state: d.state,
          level: d.current_level,
          area: d.current_area_code,
          due: d.due_date,
          appointment: d.appointment_date,
        },
        after: {
          state: after!.state,
          level: after!.current_level,
          area: after!.current_area_code,
          due: after!.due_date,
          appointment: after!.appointment_date,
          note: r.note,
        },
      });
      if (r.notify) await enqueue(trx, after!, r.notify[0], r.notify[1]);
      return deps.lean ? leanOut(trx, after!) : null;
    });
    return lean ?? detail(actor, id);
  }

  /**
   * The dossier without its timeline, files and area names, read inside the transaction: what a
   * replay (the demo seed) needs to go on, at a third of the cost of the full answer.
   */
  async function leanOut(trx: Executor, d: DossierRow): Promise<DossierOut> {
    const [p, steps] = await Promise.all([repo.procedureById(trx, d.procedure_id), repo.steps(trx, d.id)]);
    return presentDossier(d, p!, steps, [], [], new Map(), []);
  }

  function finishStep(steps: StepRow[], seq: number, at: string) {
    const s = steps.find((x) => x.seq === seq)!;
    const finished = vietnamLocal(at).date;
    return {
      finished_at: at,
      finished_date: finished,
      timeliness: s.due_date ? timeliness(finished, s.due_date) : null,
    };
  }

  function startStep(step: StepRow, at: string) {
    const start = clockStart(cal, at);
    return { started_at: at, start_date: start, due_date: lastWorkingDay(cal, start, step.days) };
  }

  async function procedureRow(id: number) {
    const p = await repo.procedureById(db, id);
    if (!p) throw errors.notFound('Thủ tục');
    return p;
  }

  function checkPath(b: Pick<ProcedureBody, 'path' | 'decisionLevel'>) {
    const order: DossierLevel[] = ['commune', 'district', 'province'];
    const idx = b.path.map((s) => order.indexOf(s.level));
    if (idx.some((v, i) => i > 0 && v <= idx[i - 1]!)) {
      throw errors.validation([
        { path: 'body.path', message: 'Các cấp phải theo thứ tự xã → huyện → tỉnh, mỗi cấp một lần.' },
      ]);
    }
    if (b.path[b.path.length - 1]!.level !== b.decisionLevel) {
      throw errors.validation([
        { path: 'body.decisionLevel', message: 'Cấp quyết định phải là cấp cuối cùng hồ sơ đi qua.' },
      ]);
    }
  }

  const service = {
    // ---------- catalogue ----------
    async listProcedures(actor: Actor, q: ProceduresQuery): Promise<ProcedurePage> {
      dossiersPolicy.assert(actor, 'read');
      const { total, rows } = await repo.searchProcedures(
        db,
        {
          nameKey: q.q ? searchKey(q.q) : undefined,
          code: q.q?.trim().toUpperCase(),
          field: q.field,
          onlineMode: q.onlineMode,
          active: q.active === undefined ? undefined : Number(q.active),
        },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      );
      return { items: rows.map(presentProcedure), total, page: q.page, pageSize: q.pageSize };
    },
    async getProcedure(actor: Actor, id: number): Promise<ProcedureOut> {
      dossiersPolicy.assert(actor, 'read');
      return presentProcedure(await procedureRow(id));
    },
    /** Add a procedure to the catalogue (Department officers). */
    async createProcedure(actor: Actor, b: ProcedureBody, opts: { isDemo?: boolean } = {}): Promise<ProcedureOut> {
      dossiersPolicy.assert(actor, 'catalogue');
      checkPath(b);
      const id = await inTransaction(database, actor, async (trx, audit) => {
        try {
          const at = nowIso();
          const newId = await repo.insertProcedure(trx, {
            ...procedureColumns(b),
            is_demo: opts.isDemo ? 1 : 0,
            created_at: at,
            updated_at: at,
          });
          await audit({
            action: 'procedure.create',
            entity: 'procedure',
            entityId: newId,
            after: { code: b.code, name: b.name },
          });
          return newId;
        } catch (e) {
          if (isUniqueViolation(e))
            throw errors.conflict(
              'PROCEDURE_CODE_TAKEN',
              `Đã có thủ tục mã ${b.code}. Sửa thủ tục đó thay vì tạo mới.`,
            );
          throw e;
        }
      });
      return presentProcedure((await repo.procedureById(db, id))!);
    },
    async updateProcedure(actor: Actor, id: number, patch: PatchProcedureBody): Promise<ProcedureOut> {
      dossiersPolicy.assert(actor, 'catalogue');
      await inTransaction(database, actor, async (trx, audit) => {
        const cur = await repo.procedureById(trx, id);
        if (!cur) throw errors.notFound('Thủ tục');
        const merged = { ...presentProcedure(cur), ...patch } as ProcedureBody;
        checkPath(merged);
        try {
          await repo.updateProcedure(trx, id, { ...procedureColumns(merged), updated_at: nowIso() });
        } catch (e) {
          if (isUniqueViolation(e)) throw errors.conflict('PROCEDURE_CODE_TAKEN', `Đã có thủ tục mã ${merged.code}.`);
          throw e;
        }
        await audit({
          action: 'procedure.update',
          entity: 'procedure',
          entityId: id,
          before: presentProcedure(cur),
          after: patch,
        });
      });
      return presentProcedure((await repo.procedureById(db, id))!);
    },
    /** Import the catalogue from an XLSX sheet (template columns in dossiers.sheet.ts); upsert by code. */
    async importProcedures(actor: Actor, file: Buffer, mode: 'dry_run' | 'commit'): Promise<ProcedureImportResult> {
      dossiersPolicy.assert(actor, 'catalogue');
      const { rows, errors: problems } = await readProcedureSheet(file);
      const result: ProcedureImportResult = { created: 0, updated: 0, unchanged: 0, errors: problems };
      for (const { body } of rows) {
        try {
          checkPath(body);
        } catch (e) {
          result.errors.push({
            row: rows.find((r) => r.body === body)!.row,
            message: e instanceof AppError ? (e.details?.[0]?.message ?? e.message) : String(e),
          });
        }
      }
      if (result.errors.length && mode === 'commit') return result;
      await inTransaction(database, actor, async (trx, audit) => {
        for (const { body } of rows) {
          const cur = await repo.procedureByCode(trx, body.code);
          const cols = procedureColumns(body);
          if (!cur) {
            result.created++;
            if (mode === 'commit') {
              const at = nowIso();
              await repo.insertProcedure(trx, { ...cols, is_demo: 0, created_at: at, updated_at: at });
            }
          } else if (Object.entries(cols).some(([k, v]) => (cur as Record<string, unknown>)[k] !== v)) {
            result.updated++;
            if (mode === 'commit') await repo.updateProcedure(trx, cur.id, { ...cols, updated_at: nowIso() });
          } else result.unchanged++;
        }
        if (mode === 'commit')
          await audit({
            action: 'procedure.import',
            entity: 'procedure',
            after: { created: result.created, updated: result.updated },
          });
      });
      return result;
    },

    // ---------- dossiers ----------
    /**
     * Receive a dossier at a counter (or record one that came by post or online, or one an
     * officer submits for someone who cannot): code, steps with their due dates, receipt.
     */
    async receive(actor: Actor, input: ReceiveDossierBody): Promise<DossierOut> {
      dossiersPolicy.assert(actor, 'receive');
      const b = input as Required<ReceiveDossierBody>;
      const p = await procedureRow(b.procedureId);
      if (!p.active)
        throw errors.conflict('PROCEDURE_INACTIVE', 'Thủ tục này đã ngừng áp dụng. Chọn thủ tục đang áp dụng.');
      const commune = await areas.pathOf(b.communeCode);
      if (!commune || commune.level !== 3)
        throw errors.validation([{ path: 'body.communeCode', message: `Không có xã/phường mã ${b.communeCode}.` }]);
      const codes = codesOfCommune(b.communeCode, commune.path);
      if (!codesInScope(actor, codes)) throw errors.notFound('Đơn vị hành chính');
      if (b.channel === 'assisted' && !b.assistedReason) {
        throw errors.validation([
          { path: 'body.assistedReason', message: 'Ghi lý do người dân cần cán bộ nộp thay (cao tuổi, khuyết tật…).' },
        ]);
      }
      const nowAt = now();
      let receivedAt = nowAt.toISOString();
      if (b.receivedAt) {
        const t = new Date(b.receivedAt).getTime();
        if (t > nowAt.getTime() + 60_000 || t < nowAt.getTime() - 31 * 86_400_000) {
          throw errors.validation([
            { path: 'body.receivedAt', message: 'Thời điểm nhận hồ sơ không được ở tương lai hoặc trước quá 30 ngày.' },
          ]);
        }
        receivedAt = new Date(t).toISOString();
      }
      if (b.personId) {
        const person = await db
          .selectFrom('persons')
          .select(['id', 'commune_code', 'province_code', 'district_code'])
          .where('id', '=', b.personId)
          .executeTakeFirst();
        if (!person || !codesInScope(actor, person))
          throw errors.validation([
            { path: 'body.personId', message: 'Không tìm thấy người này trong sổ đối tượng của địa bàn.' },
          ]);
      }
      const path = effectivePath(JSON.parse(p.path_json) as LevelStep[], codes.district_code !== null);
      const areaOf = (l: DossierLevel) =>
        l === 'commune' ? codes.commune_code : l === 'district' ? codes.district_code! : codes.province_code;
      const start = clockStart(cal, receivedAt);
      const plan = planSteps(cal, start, path);
      const receivedDate = vietnamLocal(receivedAt).date;
      const receivingArea = actor.kind === 'user' && actor.areaCode ? actor.areaCode : areaOf(path[0]!.level);
      const recv = await areas.pathOf(receivingArea);
      const rparts = (recv?.path ?? '').split('/').filter(Boolean);
      const agency = agencyCode({
        provinceCode: codes.province_code,
        districtCode: rparts.length >= 2 && recv!.level !== 3 ? rparts[1]! : rparts.length === 3 ? rparts[1]! : null,
        communeCode: recv?.level === 3 ? receivingArea : null,
        level: (recv?.level ?? 3) as 1 | 2 | 3,
      });
      const first = path[0]!;
      for (let attempt = 0; ; attempt++) {
        try {
          const id = await inTransaction(database, actor, async (trx, audit) => {
            const seq = await repo.nextSequence(trx, agency, receivedDate);
            const code = formatDossierCode(agency, receivedDate, seq + attempt);
            const at = nowIso();
            const newId = await repo.insertDossier(trx, {
              code,
              agency_code: agency,
              procedure_id: p.id,
              person_id: b.personId ?? null,
              applicant_name: b.applicantName.replace(/\s+/g, ' ').normalize('NFC'),
              applicant_name_key: searchKey(b.applicantName),
              applicant_phone: b.applicantPhone ?? null,
              applicant_id_number: b.applicantIdNumber ?? null,
              applicant_address: b.applicantAddress ?? '',
              channel: b.channel,
              delivery: b.delivery ?? 'counter',
              assisted_by: b.channel === 'assisted' ? actor.username : null,
              assisted_reason: b.channel === 'assisted' ? b.assistedReason : null,
              assisted_note: b.assistedNote ?? '',
              documents_json: JSON.stringify(b.documents ?? []),
              note: b.note ?? '',
              state: 'processing',
              current_seq: 1,
              current_level: first.level,
              current_area_code: areaOf(first.level),
              level_due_date: plan.steps[0]!.due,
              received_at: receivedAt,
              received_date: receivedDate,
              received_by: actor.username,
              receiving_area_code: receivingArea,
              start_date: start,
              due_date: plan.due,
              appointment_date: plan.due,
              apologies: 0,
              ...codes,
              created_at: at,
              updated_at: at,
            });
            await repo.insertSteps(
              trx,
              plan.steps.map((s, i) => ({
                dossier_id: newId,
                seq: i + 1,
                level: s.level,
                area_code: areaOf(s.level),
                days: s.days,
                started_at: i === 0 ? receivedAt : null,
                start_date: i === 0 ? s.start : null,
                due_date: i === 0 ? s.due : null,
                paused_days: 0,
              })),
            );
            const note =
              b.channel === 'assisted'
                ? `Cán bộ ${actor.username} nộp thay; lý do: ${b.assistedReason}${b.assistedNote ? ` (${b.assistedNote})` : ''}`
                : '';
            await repo.addEvent(trx, {
              dossier_id: newId,
              at: receivedAt,
              actor: actor.username,
              action: 'receive',
              level: first.level,
              area_code: receivingArea,
              note,
            });
            await audit({
              action: 'dossier.receive',
              entity: 'dossier',
              entityId: newId,
              areaCode: codes.commune_code,
              after: { code, procedure: p.code, channel: b.channel, due: plan.due },
            });
            const row = (await repo.dossier(trx, newId))!;
            await enqueue(trx, row, 'receive');
            return deps.lean ? leanOut(trx, row) : newId;
          });
          return typeof id === 'number' ? await detail(actor, id) : id;
        } catch (e) {
          if (isUniqueViolation(e) && attempt < 5) continue;
          throw e;
        }
      }
    },

    async get(actor: Actor, id: number): Promise<DossierOut> {
      return detail(actor, id);
    },

    async list(actor: Actor, q: DossiersQuery): Promise<DossierPage> {
      dossiersPolicy.assert(actor, 'read');
      const t = today();
      const next = lastWorkingDay(cal, addDaysIso(t, 1), 1);
      const mine = q.mine === '1';
      const due =
        q.due === 'overdue'
          ? { dueTo: addDaysIso(t, -1) }
          : q.due === 'today'
            ? { dueFrom: t, dueTo: t }
            : q.due === 'tomorrow'
              ? { dueFrom: addDaysIso(t, 1), dueTo: next }
              : q.due === 'soon'
                ? { dueTo: addWorkingDays(cal, t, 2) }
                : {};
      const states =
        q.state === 'open' || q.due || mine ? (q.due ? ['processing'] : OPEN) : q.state ? [q.state] : undefined;
      const isCode = q.q && /^[\d.A-Za-z]+-\d/.test(q.q.trim());
      const { total, rows } = await repo.search(
        db,
        {
          scope: areaColumnScope(actor),
          area: await areaFilter(actor, q.areaCode),
          holder: mine ? (actor.areaCode ?? '__none__') : undefined,
          states,
          procedureId: q.procedureId,
          from: q.from,
          to: q.to,
          q: q.q ? (isCode ? { code: q.q.trim().toUpperCase() } : { nameKey: searchKey(q.q) }) : undefined,
          ...due,
        },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
        mine || q.due ? 'due' : 'recent',
      );
      const names = await repo.areaNames(
        db,
        rows.flatMap((r) => [r.commune_code, r.current_area_code ?? '']),
      );
      return { items: rows.map((r) => presentListItem(r, names, t)), total, page: q.page, pageSize: q.pageSize };
    },

    /** Pass the dossier to the next level on its path (the transfer is recorded). */
    forward(actor: Actor, id: number, note: string) {
      return transition(actor, id, 'forward', { states: ['processing'] }, async (trx, d, steps, at) => {
        const cur = d.current_seq!;
        const next = steps.find((s) => s.seq === cur + 1);
        if (!next)
          throw errors.conflict(
            'DOSSIER_LAST_LEVEL',
            'Đây là cấp giải quyết cuối cùng: ghi "Có kết quả" thay vì chuyển tiếp.',
          );
        await repo.updateStep(trx, id, cur, finishStep(steps, cur, at));
        const started = startStep(next, at);
        await repo.updateStep(trx, id, next.seq, started);
        await repo.updateDossier(trx, id, {
          current_seq: next.seq,
          current_level: next.level,
          current_area_code: next.area_code,
          level_due_date: started.due_date,
          updated_at: at,
        });
        return { note };
      });
    },

    /** The deciding level records the result; it goes back to the receiving counter to be returned. */
    result(actor: Actor, id: number, body: { outcomeNote?: string; note?: string }) {
      return transition(actor, id, 'result', { states: ['processing'] }, async (trx, d, steps, at) => {
        const cur = d.current_seq!;
        if (cur !== steps.length)
          throw errors.conflict(
            'DOSSIER_NOT_LAST_LEVEL',
            'Cấp này chưa phải cấp quyết định: chuyển hồ sơ lên cấp trên.',
          );
        const fin = finishStep(steps, cur, at);
        await repo.updateStep(trx, id, cur, fin);
        const settled = fin.finished_date;
        const overall = timeliness(settled, d.due_date);
        const stepsAfter = steps.map((s) => (s.seq === cur ? { ...s, timeliness: fin.timeliness } : s));
        const lateLevel =
          overall === 'late' ? (stepsAfter.find((s) => s.timeliness === 'late')?.level ?? steps[cur - 1]!.level) : null;
        // Inside the transaction every read goes through `trx` (SQLite has one connection).
        const recv = await trx
          .selectFrom('areas')
          .select('level')
          .where('code', '=', d.receiving_area_code)
          .executeTakeFirst();
        await repo.updateDossier(trx, id, {
          state: 'result_ready',
          current_seq: null,
          current_level: LEVEL_OF_NUMBER[recv?.level ?? 3] ?? null,
          current_area_code: d.receiving_area_code,
          level_due_date: null,
          settled_date: settled,
          timeliness: overall,
          late_level: lateLevel,
          outcome_note: body.outcomeNote ?? '',
          updated_at: at,
        });
        return { note: body.note || body.outcomeNote || '', notify: ['result'] };
      });
    },

    /** The receiving counter hands the result over (at the counter, by post, at home). */
    returnResult(actor: Actor, id: number, note: string) {
      return transition(
        actor,
        id,
        'return',
        { states: ['result_ready'], allowCounter: true },
        async (trx, _d, _s, at) => {
          await repo.updateDossier(trx, id, {
            state: 'returned',
            returned_at: at,
            closed_date: vietnamLocal(at).date,
            current_area_code: null,
            current_level: null,
            updated_at: at,
          });
          return { note, notify: ['returned'] };
        },
      );
    },

    /** Ask the applicant for missing papers: the clock stops until they are supplied. */
    requestSupplement(actor: Actor, id: number, missing: string, note: string) {
      return transition(actor, id, 'supplement', { states: ['processing'] }, async (trx, _d, _s, at) => {
        await repo.updateDossier(trx, id, {
          state: 'supplement',
          supplement_request: missing,
          paused_on: vietnamLocal(at).date,
          updated_at: at,
        });
        return { note: [missing, note].filter(Boolean).join(' — '), notify: ['supplement', missing] };
      });
    },

    /** The papers came: the clock restarts, the open due dates move by the working days lost. */
    supplied(actor: Actor, id: number, note: string) {
      return transition(actor, id, 'supplied', { states: ['supplement'] }, async (trx, d, steps, at) => {
        const shift = pauseShift(cal, d.paused_on!, vietnamLocal(at).date);
        const cur = steps.find((s) => s.seq === d.current_seq)!;
        const stepDue = cur.due_date ? addWorkingDays(cal, cur.due_date, shift) : null;
        await repo.updateStep(trx, id, cur.seq, { due_date: stepDue, paused_days: cur.paused_days + shift });
        await repo.updateDossier(trx, id, {
          state: 'processing',
          paused_on: null,
          level_due_date: stepDue,
          due_date: addWorkingDays(cal, d.due_date, shift),
          appointment_date: addWorkingDays(cal, d.appointment_date, shift),
          updated_at: at,
        });
        return { note: `${note ? `${note}. ` : ''}Thời hạn lùi ${shift} ngày làm việc.` };
      });
    },

    /** Refuse with reasons (form 03 / a written answer): the dossier closes. */
    refuse(actor: Actor, id: number, reason: string) {
      return transition(actor, id, 'refuse', { states: ['processing', 'supplement'] }, async (trx, d, steps, at) => {
        if (d.current_seq)
          await repo.updateStep(trx, id, d.current_seq, { finished_at: at, finished_date: vietnamLocal(at).date });
        await repo.updateDossier(trx, id, {
          state: 'refused',
          outcome_note: reason,
          closed_date: vietnamLocal(at).date,
          current_seq: null,
          current_area_code: null,
          current_level: null,
          level_due_date: null,
          updated_at: at,
        });
        void steps;
        return { note: reason, notify: ['refuse', reason] };
      });
    },

    /** The applicant withdraws the dossier (at the receiving counter or the level holding it). */
    withdraw(actor: Actor, id: number, reason: string) {
      return transition(
        actor,
        id,
        'withdraw',
        { states: ['processing', 'supplement'], allowCounter: true },
        async (trx, d, _s, at) => {
          if (d.current_seq)
            await repo.updateStep(trx, id, d.current_seq, { finished_at: at, finished_date: vietnamLocal(at).date });
          await repo.updateDossier(trx, id, {
            state: 'withdrawn',
            outcome_note: reason,
            closed_date: vietnamLocal(at).date,
            current_seq: null,
            current_area_code: null,
            current_level: null,
            level_due_date: null,
            updated_at: at,
          });
          return { note: reason, notify: ['withdrawn'] };
        },
      );
    },

    /** The apology and new appointment slip (form 04): once, before the due date. */
    apologize(actor: Actor, id: number, reason: string, newDate: string) {
      return transition(actor, id, 'apology', { states: ['processing', 'supplement'] }, async (trx, d, _s, at) => {
        const problem = apologyProblem({
          today: vietnamLocal(at).date,
          due: d.appointment_date,
          apologies: d.apologies,
          newDate,
        });
        if (problem) throw errors.conflict('APOLOGY_NOT_ALLOWED', problem);
        if (!cal.isWorkingDay(newDate))
          throw errors.validation([
            { path: 'body.newDate', message: `Ngày ${newDate} không phải ngày làm việc. Chọn ngày làm việc.` },
          ]);
        await repo.updateDossier(trx, id, {
          apologies: d.apologies + 1,
          apology_reason: reason,
          appointment_date: newDate,
          updated_at: at,
        });
        return { note: `${reason} — hẹn lại ngày ${newDate}`, notify: ['apology', newDate] };
      });
    },

    /** Attach a PDF, JPEG or PNG (checked by its first bytes, at most 10 MB). */
    async attach(actor: Actor, id: number, file: { name: string; data: Buffer }): Promise<DossierOut> {
      const mime = sniffMime(file.data);
      if (!mime)
        throw errors.badRequest(
          'FILE_TYPE',
          'Chỉ nhận tệp PDF, JPEG hoặc PNG. Chụp hoặc quét lại giấy tờ ở một trong các dạng đó.',
        );
      if (file.data.length > MAX_FILE_BYTES)
        throw errors.badRequest('FILE_TOO_LARGE', 'Tệp lớn hơn 10 MB. Quét ở độ phân giải thấp hơn rồi gửi lại.');
      if (file.data.length === 0) throw errors.badRequest('FILE_EMPTY', 'Tệp rỗng. Chọn lại tệp.');
      return transition(
        actor,
        id,
        'file',
        { states: ['processing', 'supplement'], allowCounter: true },
        async (trx, _d, _s, at) => {
          const name = file.name.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'tep';
          await repo.addFile(trx, {
            dossier_id: id,
            name,
            mime,
            size: file.data.length,
            sha256: createHash('sha256').update(file.data).digest('hex'),
            content: file.data,
            uploaded_by: actor.username,
            uploaded_at: at,
          });
          return { note: name };
        },
      );
    },

    async file(actor: Actor, id: number, fileId: number) {
      await load(actor, id);
      const f = await repo.file(db, id, fileId);
      if (!f) throw errors.notFound('Tệp');
      return { name: f.name, mime: f.mime, content: Buffer.from(f.content) };
    },

    /** The citizen's lookup: the code and the applicant's phone or the last digits of their ID. */
    async lookup(code: string, check: string): Promise<DossierLookupOut> {
      const d = await repo.dossierByCode(db, code.trim().toUpperCase());
      const digits = check.replace(/\D/g, '');
      const phoneOk =
        !!d?.applicant_phone &&
        digits.length >= 9 &&
        d.applicant_phone.replace(/\D/g, '').slice(-9) === digits.slice(-9);
      const idOk = !!d?.applicant_id_number && digits.length >= 4 && d.applicant_id_number.endsWith(digits);
      if (!d || !(phoneOk || idOk)) {
        throw new AppError(
          404,
          'DOSSIER_LOOKUP_FAILED',
          'Không tìm thấy hồ sơ với mã và số đã nhập. Kiểm tra mã trên giấy hẹn và số điện thoại (hoặc 4 số cuối CCCD) đã khai khi nộp.',
        );
      }
      const [p, steps] = await Promise.all([repo.procedureById(db, d.procedure_id), repo.steps(db, d.id)]);
      const names = await repo.areaNames(db, [...steps.map((s) => s.area_code), d.current_area_code ?? '']);
      const LV: Record<string, string> = { commune: 'Cấp xã', district: 'Cấp huyện', province: 'Cấp tỉnh' };
      return {
        code: d.code,
        procedureName: p!.name,
        applicantName: maskName(d.applicant_name),
        state: d.state as DossierLookupOut['state'],
        stateLabel: STATE_LABELS[d.state] ?? d.state,
        receivedDate: d.received_date,
        appointmentDate: d.appointment_date,
        settledDate: d.settled_date,
        where: d.current_area_code ? (names.get(d.current_area_code) ?? null) : null,
        delivery: d.delivery as DossierLookupOut['delivery'],
        steps: steps.map((s) => ({
          levelLabel: LV[s.level] ?? s.level,
          areaName: names.get(s.area_code) ?? s.area_code,
          finished: s.finished_at !== null,
        })),
      };
    },

    /** Statistics of an area (default the actor's) for a period. */
    async stats(actor: Actor, q: DossierStatsQuery): Promise<DossierStatsOut> {
      dossiersPolicy.assert(actor, 'stats');
      const code = q.areaCode ?? actor.areaCode ?? undefined;
      if (!code) throw errors.validation([{ path: 'query.areaCode', message: 'Chọn đơn vị hành chính.' }]);
      const a = (await areaFilter(actor, code))!;
      return computeStats(db, { column: a.column, code, name: a.name }, q.from, q.to, q.asOf ?? q.to);
    },

    /** Send pending notifications through the configured channel; returns how many were sent. */
    async drainOutbox(): Promise<number> {
      channel ??= notifyChannel({ channel: 'log' });
      return drainOutbox(db, channel, now());
    },
  };
  return service;
}

function addDaysIso(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export type DossiersService = ReturnType<typeof createDossiersService>;
