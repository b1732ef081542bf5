import type { DossierLevel, DossierOut } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AreaColumn } from '../../../platform/authz.js';
import { errors } from '../../../platform/errors.js';
import { dossiersPolicy, type DossierAction } from '../dossiers.policy.js';
import { presentDossier } from '../dossiers.presenter.js';
import { dossiersRepo, type DossierRow, type StepRow } from '../repo/dossiers.repo.js';
import { filesRepo } from '../repo/files.repo.js';
import { proceduresRepo } from '../repo/procedures.repo.js';
import { readersRepo } from '../repo/readers.repo.js';
import { OPEN, type DossiersContext } from './context.js';

export const LEVEL_COLUMN: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };
export const LEVEL_OF_NUMBER: Record<number, DossierLevel> = { 1: 'province', 2: 'district', 3: 'commune' };

/** Reading one dossier: load it, guard it, present it with the actions the actor may take now. */
export function readDossiers(c: DossiersContext) {
  /** One dossier the actor may read (404 outside their area, 403 for a role that does not read). */
  async function load(actor: Actor, id: number, trx: Executor = c.db): Promise<DossierRow> {
    const d = await dossiersRepo.dossier(trx, id);
    if (!d) throw errors.notFound('Hồ sơ');
    dossiersPolicy.guard(actor, 'read', d, 'Hồ sơ');
    return d;
  }

  /** The actions the actor may take on a dossier now (the guard's answer and the dossier's state). */
  function actionsOf(actor: Actor, d: DossierRow, steps: StepRow[]): string[] {
    const may = (a: DossierAction) => dossiersPolicy.allows(actor, a, d);
    const out: string[] = [];
    const last = d.current_seq !== null && d.current_seq === steps.length;
    if (d.state === 'processing') {
      const move = last ? 'result' : 'forward';
      if (may(move)) out.push(move);
      if (may('supplement')) out.push('supplement');
      if (may('refuse')) out.push('refuse');
      if (may('apology') && d.apologies === 0 && c.today() < d.appointment_date) out.push('apology');
    }
    if (d.state === 'supplement') {
      if (may('supplied')) out.push('supplied');
      if (may('refuse')) out.push('refuse');
    }
    if (OPEN.includes(d.state)) {
      if (may('withdraw')) out.push('withdraw');
      if (may('file')) out.push('file');
    }
    if (d.state === 'result_ready' && may('return')) out.push('return');
    return [...new Set(out)];
  }

  async function detail(actor: Actor, id: number): Promise<DossierOut> {
    const d = await load(actor, id);
    const db = c.db;
    const [p, steps, events, files] = await Promise.all([
      proceduresRepo.byId(db, d.procedure_id),
      dossiersRepo.steps(db, id),
      dossiersRepo.events(db, id),
      filesRepo.list(db, id),
    ]);
    const names = await readersRepo.areaNames(db, [
      d.commune_code,
      d.district_code ?? '',
      d.province_code,
      d.receiving_area_code,
      d.current_area_code ?? '',
      ...steps.map((s) => s.area_code),
      ...events.map((e) => e.area_code ?? ''),
    ]);
    const people = await readersRepo.userNames(db, [d.received_by, d.assisted_by, ...events.map((e) => e.actor)]);
    return presentDossier(d, p!, steps, events, files, names, actionsOf(actor, d, steps), people);
  }

  /**
   * The dossier without its timeline, files and area names, read inside the transaction: what a
   * replay (the demo seed) needs to go on, at a third of the cost of the full answer.
   */
  async function leanOut(trx: Executor, d: DossierRow): Promise<DossierOut> {
    const [p, steps] = await Promise.all([proceduresRepo.byId(trx, d.procedure_id), dossiersRepo.steps(trx, d.id)]);
    return presentDossier(d, p!, steps, [], [], new Map(), []);
  }

  /**
   * An area the actor names in a query (a filter of the list, the area of the statistics): 404 when
   * it does not exist or lies outside the actor's area.
   */
  async function areaFilter(actor: Actor, code: string | undefined, action: 'read' | 'stats' = 'read') {
    if (!code) return undefined;
    const a = await c.areas.pathOf(code);
    if (!a) throw errors.notFound('Đơn vị hành chính');
    dossiersPolicy.guard(actor, action, { areaPath: a.path }, 'Đơn vị hành chính');
    return { column: LEVEL_COLUMN[a.level]!, code, name: a.name, level: a.level, path: a.path };
  }

  return { load, actionsOf, detail, leanOut, areaFilter };
}

export type DossierReader = ReturnType<typeof readDossiers>;
