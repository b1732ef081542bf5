import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { DossiersTable, DossierStepsTable } from '../../../db/schema-dossiers.js';
import {
  applyDossierFilter,
  DOSSIER_LIST_COLUMNS,
  type DossierFilter,
  type DossierListRow,
} from './dossier-filter.repo.js';
import { searchDossiersPage } from './dossier-search.repo.js';

export type DossierRow = Selectable<DossiersTable>;
export type StepRow = Selectable<DossierStepsTable>;
export type NewDossier = Insertable<DossiersTable>;
export type { AreaLimit, DossierFilter, DossierListRow } from './dossier-filter.repo.js';

/** SQL of dossiers, their steps (one per level on the path) and their timeline events. */
export const dossiersRepo = {
  async nextSequence(db: Executor, agency: string, date: string): Promise<number> {
    const r = await db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.count<number>('id').as('n'))
      .where('agency_code', '=', agency)
      .where('received_date', '=', date)
      .executeTakeFirstOrThrow();
    return Number(r.n) + 1;
  },
  async insertDossier(db: Executor, row: NewDossier) {
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
  async search(
    db: Executor,
    f: DossierFilter,
    page: { limit: number; offset: number },
    order: 'due' | 'recent',
  ): Promise<{ total: number; totalCapped?: boolean; rows: DossierListRow[] }> {
    // A search box query: the page and a capped count in one statement (repo/dossier-search.repo.ts).
    if (f.q) return searchDossiersPage(db, f, page, order);
    const q = applyDossierFilter(
      db.selectFrom('dossiers as d').innerJoin('procedures as p', 'p.id', 'd.procedure_id'),
      f,
    );
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    let rows = q.select(DOSSIER_LIST_COLUMNS).select(['p.code as procedure_code', 'p.name as procedure_name']);
    rows =
      order === 'due'
        ? rows.orderBy('d.level_due_date').orderBy('d.id')
        : rows.orderBy('d.received_at', 'desc').orderBy('d.id', 'desc');
    return { total, rows: await rows.limit(page.limit).offset(page.offset).execute() };
  },
};
