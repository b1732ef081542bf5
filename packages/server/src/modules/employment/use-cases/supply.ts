import {
  isWorkingAge,
  searchKey,
  cleanPersonName,
  type CreateSupplyBody,
  type SupplyOut,
  type SupplyQuery,
  type UpdateSupplyBody,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { employmentPolicy } from '../employment.policy.js';
import { presentSupply } from '../employment.presenter.js';
import { personsRepo } from '../repo/persons.repo.js';
import { supplyRepo, type NewSupply, type SupplyRow } from '../repo/supply.repo.js';
import { communeCodes, loadSupply, pageArgs, type EmploymentDeps } from './common.js';

const duplicateId = (citizenId: string) =>
  errors.conflict(
    'SUPPLY_DUPLICATE_ID',
    `Số định danh ${citizenId} đã có hồ sơ cung lao động (mỗi người một hồ sơ). Mở hồ sơ đó để cập nhật thay vì tạo mới.`,
    [{ path: 'body.citizenId', message: 'Đã có hồ sơ với số định danh này' }],
  );

/** The TT 01/2022 fields of a body, as columns (only those given, for updates). */
export function supplyColumns(b: Partial<CreateSupplyBody>): Partial<NewSupply> {
  const out: Partial<NewSupply> = {};
  const map: [keyof CreateSupplyBody, keyof NewSupply][] = [
    ['schooling', 'schooling'],
    ['qualification', 'qualification'],
    ['field', 'field'],
    ['employmentStatus', 'employment_status'],
    ['jobTitle', 'job_title'],
    ['workplaceType', 'workplace_type'],
    ['industry', 'industry'],
    ['workAddress', 'work_address'],
    ['previousJob', 'previous_job'],
    ['unemploymentDuration', 'unemployment_duration'],
    ['inactiveReason', 'inactive_reason'],
    ['phone', 'phone'],
  ];
  for (const [k, col] of map) if (b[k] !== undefined) (out as Record<string, unknown>)[col] = b[k];
  if (b.needs !== undefined) out.needs = [...new Set(b.needs)].join(',');
  return out;
}

/** A status that contradicts the other fields: an unemployed person has no current job, etc. */
export function supplyProblem(r: {
  employment_status?: string | null | undefined;
  unemployment_duration?: string | null | undefined;
  inactive_reason?: string | null | undefined;
}): { path: string; message: string } | null {
  if (r.employment_status !== 'unemployed' && r.unemployment_duration)
    return {
      path: 'body.unemploymentDuration',
      message: 'Chỉ ghi thời gian thất nghiệp khi tình trạng là thất nghiệp',
    };
  if (r.employment_status !== 'inactive' && r.inactive_reason)
    return {
      path: 'body.inactiveReason',
      message: 'Chỉ ghi lý do khi người này không tham gia hoạt động kinh tế',
    };
  return null;
}

export function supplyUseCases({ database }: EmploymentDeps) {
  const db = database.db;
  return {
    /** Register a person's labour supply record (one per personal ID), linked to the registry. */
    async createSupply(actor: Actor, b: CreateSupplyBody): Promise<SupplyOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const area = await communeCodes(trx, b.communeCode);
        employmentPolicy.guard(actor, 'collect', area, 'Xã/phường');
        if (!isWorkingAge(b.birthDate, b.collectedOn))
          throw errors.validation([
            { path: 'body.birthDate', message: 'Chỉ thu thập thông tin người từ đủ 15 tuổi trở lên' },
          ]);
        const problem = supplyProblem(supplyColumns(b));
        if (problem) throw errors.validation([problem]);
        if (await supplyRepo.byCitizenId(trx, b.citizenId)) throw duplicateId(b.citizenId);
        const person = await personsRepo.byCitizenId(trx, b.citizenId);
        const at = nowIso();
        const fullName = cleanPersonName(b.fullName);
        const row: NewSupply = {
          ...(supplyColumns(b) as NewSupply),
          ...area,
          person_id: person?.id ?? null,
          citizen_id: b.citizenId,
          full_name: fullName,
          name_key: searchKey(fullName),
          birth_date: b.birthDate,
          gender: b.gender,
          ethnic_code: b.ethnicCode,
          collected_on: b.collectedOn,
          needs: [...new Set(b.needs)].join(','),
          created_by: actor.username,
          created_at: at,
          updated_at: at,
        };
        let id: number;
        try {
          id = await supplyRepo.insert(trx, row);
        } catch (err) {
          if (isUniqueViolation(err)) throw duplicateId(b.citizenId);
          throw err;
        }
        await audit({
          action: 'employment.supply.create',
          entity: 'emp_supply',
          entityId: id,
          areaCode: area.commune_code,
          after: { ...row, citizen_id: b.citizenId },
        });
        return presentSupply(actor, (await supplyRepo.get(trx, id))!);
      });
    },

    /** Record a change of a person's situation (an event), updating the record. */
    async updateSupply(actor: Actor, id: number, b: UpdateSupplyBody): Promise<SupplyOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const before = await loadSupply(trx, actor, id, 'collect');
        const { eventDate, eventNote, ...fields } = b;
        const set = supplyColumns(fields);
        const merged = { ...before, ...set };
        const problem = supplyProblem(merged);
        if (problem) throw errors.validation([problem]);
        const changes = Object.fromEntries(
          Object.entries(set).filter(([k, v]) => (before as Record<string, unknown>)[k] !== v),
        );
        if (Object.keys(changes).length === 0) return presentSupply(actor, before);
        await supplyRepo.update(trx, id, { ...set, updated_at: nowIso() });
        await supplyRepo.insertEvent(trx, {
          supply_id: id,
          kind: 'update',
          date: eventDate,
          changes_json: JSON.stringify(changes),
          note: eventNote ?? null,
          province_code: before.province_code,
          district_code: before.district_code,
          commune_code: before.commune_code,
          created_by: actor.username,
          created_at: nowIso(),
        });
        const beforeView = Object.fromEntries(
          Object.keys(changes).map((k) => [k, (before as Record<string, unknown>)[k]]),
        );
        await audit({
          action: 'employment.supply.update',
          entity: 'emp_supply',
          entityId: id,
          areaCode: before.commune_code,
          before: beforeView,
          after: changes,
        });
        return presentSupply(actor, (await supplyRepo.get(trx, id))!);
      });
    },

    async getSupply(actor: Actor, id: number): Promise<SupplyOut> {
      return presentSupply(actor, await loadSupply(db, actor, id, 'read'));
    },

    async listSupply(actor: Actor, q: SupplyQuery) {
      employmentPolicy.guard(actor, 'read');
      const key = q.q ? (/^\d+$/.test(q.q) ? q.q : searchKey(q.q)) : undefined;
      const { total, rows } = await supplyRepo.page(
        db,
        actor,
        { q: key, communeCode: q.communeCode, status: q.status },
        pageArgs(q),
      );
      return { items: rows.map((r: SupplyRow) => presentSupply(actor, r)), total, page: q.page, pageSize: q.pageSize };
    },
  };
}
