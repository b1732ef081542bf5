import {
  searchKey,
  type DossierLevel,
  type PatchProcedureBody,
  type ProcedureBody,
  type ProcedureOut,
  type ProcedurePage,
  type ProceduresQuery,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { agencyScope, provinceOf, provinceScope } from '../../../platform/authz.js';
import { inTransaction } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { dossiersPolicy } from '../dossiers.policy.js';
import { presentProcedure } from '../dossiers.presenter.js';
import { procedureColumns, proceduresRepo } from '../repo/procedures.repo.js';
import type { DossiersContext } from './context.js';

/** Options of a catalogue write: the system actor (seed, CLI) names the province; a user writes their own. */
export interface CatalogueOptions {
  provinceCode?: string;
  /** The agency of a new procedure (the system names it; a user's procedure is their agency's). */
  agencyCode?: string | null;
}

/**
 * The province whose catalogue a write goes to, guarded: a user's own province (an officer of
 * another role answers 403), the one the system actor names (required for it).
 */
export function catalogueProvince(actor: Actor, opts: CatalogueOptions): string {
  dossiersPolicy.guard(actor, 'catalogue');
  const province = actor.kind === 'system' ? opts.provinceCode : provinceOf(actor);
  dossiersPolicy.guard(actor, 'catalogue', { provinceCode: province ?? null }, 'Tỉnh');
  if (!province)
    throw errors.validation([{ path: 'provinceCode', message: 'Chọn tỉnh có danh mục thủ tục cần cập nhật.' }]);
  return province;
}

/** The levels of a path go up (commune → district → province), once each, ending at the deciding level. */
export function checkPath(b: Pick<ProcedureBody, 'path' | 'decisionLevel'>) {
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

/**
 * The procedure catalogue of a province: officers read their province's, the Department's officers
 * add and edit procedures in it (a code is unique within the province, not across provinces).
 */
export function procedures(c: DossiersContext) {
  return {
    async listProcedures(actor: Actor, q: ProceduresQuery): Promise<ProcedurePage> {
      dossiersPolicy.guard(actor, 'read');
      const { total, rows } = await proceduresRepo.search(
        c.db,
        {
          provinceCode: provinceScope(actor),
          agencyCode: agencyScope(actor),
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
      const p = await proceduresRepo.byId(c.db, id);
      if (!p) throw errors.notFound('Thủ tục');
      dossiersPolicy.guard(actor, 'read', { provinceCode: p.province_code, agencyCode: p.agency_code }, 'Thủ tục');
      return presentProcedure(p);
    },

    /** Add a procedure to the province's catalogue (Department officers; the system names the province). */
    async createProcedure(
      actor: Actor,
      b: ProcedureBody,
      opts: { isDemo?: boolean } & CatalogueOptions = {},
    ): Promise<ProcedureOut> {
      const province = catalogueProvince(actor, opts);
      checkPath(b);
      const id = await inTransaction(c.database, actor, async (trx, audit) => {
        try {
          const at = c.nowIso();
          const newId = await proceduresRepo.insert(
            trx,
            {
              ...procedureColumns(b),
              province_code: province,
              agency_code: (actor.kind === 'system' ? opts.agencyCode : actor.agencyCode) ?? null,
              is_demo: opts.isDemo ? 1 : 0,
              created_at: at,
              updated_at: at,
            },
            b.effectiveFrom,
          );
          await audit({
            action: 'procedure.create',
            entity: 'procedure',
            entityId: newId,
            after: { code: b.code, name: b.name, province },
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
      return presentProcedure((await proceduresRepo.byId(c.db, id))!);
    },

    async updateProcedure(actor: Actor, id: number, patch: PatchProcedureBody): Promise<ProcedureOut> {
      await inTransaction(c.database, actor, async (trx, audit) => {
        const cur = await proceduresRepo.byId(trx, id);
        if (!cur) throw errors.notFound('Thủ tục');
        dossiersPolicy.guard(
          actor,
          'catalogue',
          { provinceCode: cur.province_code, agencyCode: cur.agency_code },
          'Thủ tục',
        );
        const merged = { ...presentProcedure(cur), ...patch } as ProcedureBody;
        checkPath(merged);
        try {
          await proceduresRepo.update(
            trx,
            id,
            { ...procedureColumns(merged), updated_at: c.nowIso() },
            patch.effectiveFrom,
          );
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
      return presentProcedure((await proceduresRepo.byId(c.db, id))!);
    },
  };
}
