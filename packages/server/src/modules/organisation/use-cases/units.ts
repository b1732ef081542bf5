import { OrgUnitBody, type OrgUnitIn, type OrgUnitPage, type OrgUnitsQuery, type OrgUnitOut } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { provinceScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { organisationPolicy } from '../organisation.policy.js';
import { presentUnit } from '../organisation.presenter.js';
import { unitsRepo, type UnitRow } from '../repo/units.repo.js';
import { pageArgs, provinceFor, type OrganisationDeps } from './common.js';

const WHAT = 'Đơn vị trực thuộc';

async function loadUnit(ex: Executor, actor: Actor, id: number, action: 'read' | 'manage'): Promise<UnitRow> {
  const u = await unitsRepo.get(ex, id);
  if (!u) throw errors.notFound(WHAT);
  organisationPolicy.guard(actor, action, { provinceCode: u.province_code }, WHAT);
  return u;
}

/**
 * The parent must be a unit of the same province and agency, and not the unit itself or one of its
 * descendants (a unit cannot sit under itself).
 */
async function checkParent(ex: Executor, self: number | null, b: OrgUnitIn, province: string): Promise<void> {
  if (b.parentId === null) return;
  const bad = (message: string) => errors.validation([{ path: 'body.parentId', message }]);
  let id: number | null = b.parentId;
  for (let depth = 0; id !== null; depth++) {
    if (id === self || depth > 20)
      throw bad('Đơn vị cấp trên không được là chính đơn vị này hay đơn vị cấp dưới của nó.');
    const p = await unitsRepo.get(ex, id);
    if (!p) throw bad(`Không có đơn vị cấp trên mã ${id}; chọn trong danh sách.`);
    if (depth === 0 && (p.province_code !== province || p.agency_code !== b.agencyCode))
      throw bad('Đơn vị cấp trên phải cùng tỉnh và cùng cơ quan; chọn lại.');
    id = p.parent_id;
  }
}

function checkDates(b: OrgUnitIn): void {
  if (b.activeTo !== null && b.activeTo < b.activeFrom)
    throw errors.validation([
      { path: 'body.activeTo', message: 'Ngày giải thể, sáp nhập không được trước ngày thành lập; kiểm tra lại.' },
    ]);
}

const rowOf = (b: OrgUnitIn) => ({
  agency_code: b.agencyCode,
  name: b.name,
  kind: b.kind,
  parent_id: b.parentId,
  active_from: b.activeFrom,
  active_to: b.activeTo,
  note: b.note,
});

/**
 * The units of an agency with the dates they were active: a reorganisation closes units (active to
 * the day before) and opens new ones, so the units before and after it are counts on two dates.
 */
export function unitsUseCases({ database }: OrganisationDeps) {
  return {
    async listUnits(actor: Actor, q: OrgUnitsQuery): Promise<OrgUnitPage> {
      organisationPolicy.guard(actor, 'read');
      const r = await unitsRepo.page(
        database.db,
        { province: provinceScope(actor), agencyCode: q.agencyCode, onDate: q.onDate },
        pageArgs(q),
      );
      return {
        items: r.rows.map(presentUnit),
        total: r.total,
        page: q.page,
        pageSize: q.pageSize,
        abilities: organisationPolicy.abilities(actor),
      };
    },

    async getUnit(actor: Actor, id: number): Promise<OrgUnitOut> {
      return presentUnit(await loadUnit(database.db, actor, id, 'read'));
    },

    async createUnit(actor: Actor, body: OrgUnitBody): Promise<OrgUnitOut> {
      const b = OrgUnitBody.parse(body);
      const province = provinceFor(actor, b.provinceCode);
      organisationPolicy.guard(actor, 'manage', { provinceCode: province }, 'Tỉnh');
      checkDates(b);
      return inTransaction(database, actor, async (trx, audit) => {
        await checkParent(trx, null, b, province);
        const now = nowIso();
        const row = await unitsRepo.insert(trx, {
          province_code: province,
          ...rowOf(b),
          created_by: actor.username,
          created_at: now,
          updated_at: now,
        });
        await audit({
          action: 'organisation.unit.create',
          entity: 'org_units',
          entityId: row.id,
          areaCode: province,
          after: rowOf(b),
        });
        return presentUnit(row);
      });
    },

    async updateUnit(actor: Actor, id: number, body: OrgUnitBody) {
      const b = OrgUnitBody.parse(body);
      checkDates(b);
      return inTransaction(database, actor, async (trx, audit) => {
        const u = await loadUnit(trx, actor, id, 'manage');
        await checkParent(trx, u.id, b, u.province_code);
        const row = await unitsRepo.update(trx, u.id, { ...rowOf(b), updated_at: nowIso() });
        await audit({
          action: 'organisation.unit.update',
          entity: 'org_units',
          entityId: u.id,
          areaCode: u.province_code,
          before: u,
          after: rowOf(b),
        });
        return presentUnit(row);
      });
    },
  };
}
