import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DossiersTable, DossierStepsTable, ProceduresTable } from '../../db/schema-dossiers.js';
import type { AreaColumn } from '../../platform/authz.js';
import { searchKey, type ProcedureBody } from '@ansinh/domain';

export type ProcedureRow = Selectable<ProceduresTable>;
export type DossierRow = Selectable<DossiersTable>;
export type StepRow = Selectable<DossierStepsTable>;
export type DossierListRow = DossierRow & { procedure_code: string; procedure_name: string };

export interface AreaLimit {
  column: AreaColumn;
  code: string;
}

export interface DossierFilter {
  scope: AreaLimit | null;
  area?: AreaLimit | undefined;
  q?: { code?: string; nameKey?: string } | undefined;
  states?: string[] | undefined;
  procedureId?: number | undefined;
  holder?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const OPEN_STATES = ['processing', 'supplement'] as const;

/** SQL of the dossiers module. */
export const dossiersRepo = {
  async procedureById(db: Executor, id: number) {
    return db.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async procedureByCode(db: Executor, code: string) {
    return db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
  },
  async insertProcedure(db: Executor, row: Insertable<ProceduresTable>) {
    const r = await db.insertInto('procedures').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  async updateProcedure(db: Executor, id: number, patch: Updateable<ProceduresTable>) {
    await db.updateTable('procedures').set(patch).where('id', '=', id).execute();
  },
  async searchProcedures(
    db: Executor,
    f: {
      nameKey?: string | undefined;
      code?: string | undefined;
      field?: string | undefined;
      onlineMode?: string | undefined;
      active?: number | undefined;
    },
    page: { limit: number; offset: number },
  ) {
    let q = db.selectFrom('procedures');
    if (f.nameKey)
      q = q.where((eb) =>
        eb.or([eb('name_key', 'like', `%${f.nameKey}%`), eb('code', 'like', `%${f.code ?? f.nameKey}%`)]),
      );
    if (f.field) q = q.where('field', '=', f.field);
    if (f.onlineMode) q = q.where('online_mode', '=', f.onlineMode);
    if (f.active !== undefined) q = q.where('active', '=', f.active);
    const [{ n }] = [await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()];
    const rows = await q.selectAll().orderBy('field').orderBy('code').limit(page.limit).offset(page.offset).execute();
    return { total: Number(n), rows };
  },

  async nextSequence(db: Executor, agency: string, date: string): Promise<number> {
    const r = await db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.count<number>('id').as('n'))
      .where('agency_code', '=', agency)
      .where('received_date', '=', date)
      .executeTakeFirstOrThrow();
    return Number(r.n) + 1;
  },
  async insertDossier(db: Executor, row: Insertable<DossiersTable>) {
    const r = await db.insertInto('dossiers').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  async insertSteps(db: Executor, rows: Insertable<DossierStepsTable>[]) {
    if (rows.length) await db.insertInto('dossier_steps').values(rows).execute();
  },
  async dossier(db: Executor, id: number) {
    return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async dossierByCode(db: Executor, code: string) {
    return db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
  },
  async updateDossier(db: Executor, id: number, patch: Updateable<DossiersTable>) {
    await db.updateTable('dossiers').set(patch).where('id', '=', id).execute();
  },
  async steps(db: Executor, dossierId: number) {
    return db.selectFrom('dossier_steps').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
  },
  async updateStep(db: Executor, dossierId: number, seq: number, patch: Updateable<DossierStepsTable>) {
    await db
      .updateTable('dossier_steps')
      .set(patch)
      .where('dossier_id', '=', dossierId)
      .where('seq', '=', seq)
      .execute();
  },
  async events(db: Executor, dossierId: number) {
    return db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
  },
  async addEvent(
    db: Executor,
    e: {
      dossier_id: number;
      at: string;
      actor: string;
      action: string;
      level: string | null;
      area_code: string | null;
      note: string;
    },
  ) {
    await db.insertInto('dossier_events').values(e).execute();
  },
  async files(db: Executor, dossierId: number) {
    return db
      .selectFrom('dossier_files')
      .select(['id', 'name', 'mime', 'size', 'uploaded_at', 'uploaded_by'])
      .where('dossier_id', '=', dossierId)
      .orderBy('id')
      .execute();
  },
  async file(db: Executor, dossierId: number, fileId: number) {
    return db
      .selectFrom('dossier_files')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .where('id', '=', fileId)
      .executeTakeFirst();
  },
  async addFile(
    db: Executor,
    row: {
      dossier_id: number;
      name: string;
      mime: string;
      size: number;
      sha256: string;
      content: Uint8Array;
      uploaded_by: string;
      uploaded_at: string;
    },
  ) {
    const r = await db.insertInto('dossier_files').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  async enqueue(
    db: Executor,
    row: { dossier_id: number; kind: string; recipient: string; message: string; at: string },
  ) {
    await db
      .insertInto('dossier_outbox')
      .values({
        dossier_id: row.dossier_id,
        kind: row.kind,
        recipient: row.recipient,
        message: row.message,
        state: 'pending',
        attempts: 0,
        next_attempt_at: row.at,
        created_at: row.at,
      })
      .execute();
  },

  async search(db: Executor, f: DossierFilter, page: { limit: number; offset: number }, order: 'due' | 'recent') {
    let q = db.selectFrom('dossiers as d').innerJoin('procedures as p', 'p.id', 'd.procedure_id');
    if (f.scope) q = q.where(`d.${f.scope.column}`, '=', f.scope.code);
    if (f.area) q = q.where(`d.${f.area.column}`, '=', f.area.code);
    if (f.holder) q = q.where('d.current_area_code', '=', f.holder);
    if (f.states) q = q.where('d.state', 'in', f.states);
    if (f.procedureId) q = q.where('d.procedure_id', '=', f.procedureId);
    if (f.dueFrom) q = q.where('d.level_due_date', '>=', f.dueFrom);
    if (f.dueTo) q = q.where('d.level_due_date', '<=', f.dueTo);
    if (f.from) q = q.where('d.received_date', '>=', f.from);
    if (f.to) q = q.where('d.received_date', '<=', f.to);
    if (f.q?.code) q = q.where('d.code', 'like', `${f.q.code}%`);
    if (f.q?.nameKey) q = q.where('d.applicant_name_key', 'like', `%${f.q.nameKey}%`);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    let rows = q.selectAll('d').select(['p.code as procedure_code', 'p.name as procedure_name']);
    rows =
      order === 'due'
        ? rows.orderBy('d.level_due_date').orderBy('d.id')
        : rows.orderBy('d.received_at', 'desc').orderBy('d.id', 'desc');
    return { total, rows: (await rows.limit(page.limit).offset(page.offset).execute()) as DossierListRow[] };
  },

  async areaNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
    const uniq = [...new Set(codes.filter(Boolean))];
    if (!uniq.length) return new Map();
    const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', uniq).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },

  /** Pending notifications due now. */
  async outboxDue(db: Executor, now: string, limit: number) {
    return db
      .selectFrom('dossier_outbox')
      .selectAll()
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('id')
      .limit(limit)
      .execute();
  },
  async outboxMark(
    db: Executor,
    id: number,
    patch: {
      state: string;
      attempts: number;
      next_attempt_at: string;
      last_error: string | null;
      sent_at: string | null;
    },
  ) {
    await db.updateTable('dossier_outbox').set(patch).where('id', '=', id).execute();
  },
};

/** `where <column> = code` as a raw fragment for the statistics queries. */
export function areaWhere(a: AreaLimit) {
  return sql`${sql.ref(`d.${a.column}`)} = ${a.code}`;
}

/** A procedure's columns from the catalogue's fields (the service and the demo seed share it). */
export function procedureColumns(b: ProcedureBody) {
  return {
    code: b.code,
    name: b.name,
    name_key: searchKey(b.name),
    field: b.field,
    decision_level: b.decisionLevel,
    path_json: JSON.stringify(b.path),
    total_days: b.path.reduce((a, s) => a + s.days, 0),
    fee: b.fee,
    documents_json: JSON.stringify(b.documents),
    result_document: b.resultDocument,
    online_mode: b.onlineMode,
    online_level: b.onlineLevel,
    on_national_portal: b.onNationalPortal ? 1 : 0,
    legal_basis: b.legalBasis,
    active: b.active ? 1 : 0,
  };
}
