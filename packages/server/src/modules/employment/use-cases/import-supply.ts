import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { readImportFileOffThread, rejectedRowsXlsx, type ImportCell } from '../../../platform/sheet-import.js';
import { employmentPolicy } from '../employment.policy.js';
import { SUPPLY_COLUMNS, type SupplyColumn } from '../employment.sheet.js';
import { areasRepo } from '../repo/areas.repo.js';
import { importJobsRepo } from '../repo/import-jobs.repo.js';
import { personsRepo } from '../repo/persons.repo.js';
import { supplyRepo, type NewSupply } from '../repo/supply.repo.js';
import { supplyRowReader, UPDATABLE } from './supply-rows.js';
import { todayVn, type EmploymentDeps } from './common.js';

/** A personal ID as written in a cell, without the spaces and dots some officers type ("070 090.001234"). */
const idOf = (c: ImportCell | undefined): string =>
  typeof c === 'number' ? c.toFixed(0) : String(c ?? '').replace(/[\s.]/g, '');

export interface SupplyImportResult {
  jobId: number;
  mode: 'dry_run' | 'commit';
  counts: { total: number; new: number; updated: number; unchanged: number; rejected: number };
  rejected: { line: number; problems: string[] }[];
  hasRejectedFile: boolean;
}

/**
 * Import of labour supply records from Excel/CSV, collected by commune. A dry run validates
 * every row and counts new, updated, unchanged and rejected rows, with an error file of the
 * rejected rows; a commit applies the file in one transaction and only when no row is rejected,
 * so a file is never half applied. A personal ID seen twice in the file, or held by a record
 * outside the officer's area, is a rejected row: one person, one record.
 */
/** The answer for an ID whose supply record is kept outside the officer's area: no commune named. */
export const ELSEWHERE_ROW =
  'Người này đã có hồ sơ cung lao động do nơi khác quản lý; không tạo hồ sơ thứ hai. Nếu người này đã chuyển đến, đề nghị nơi đang quản lý chuyển hồ sơ.';

export function importSupplyUseCases({ database }: EmploymentDeps) {
  const db = database.db;
  return {
    async importSupply(
      actor: Actor,
      file: { name: string; data: Buffer },
      mode: 'dry_run' | 'commit',
    ): Promise<SupplyImportResult> {
      employmentPolicy.guard(actor, 'collect');
      const sheet = await readImportFileOffThread<SupplyColumn>(file.data, SUPPLY_COLUMNS);
      const idCol = sheet.columns.citizenId!;
      const today = todayVn();
      const communes = await areasRepo.communesUnder(
        db,
        actor.kind === 'system' ? null : (actor.areaPath ?? '/__none__/'),
      );
      // One set-based look-up of the file's personal IDs: existing records and registry persons.
      const ids = new Set<string>();
      for (const r of sheet.rows) {
        const id = idOf(r.cells[idCol]);
        if (/^\d{12}$/.test(id)) ids.add(id);
      }
      const [existing, persons] = await Promise.all([
        supplyRepo.byCitizenIds(db, [...ids]),
        personsRepo.idsByCitizenIds(db, [...ids]),
      ]);
      const read = supplyRowReader({ today, communes, columns: sheet.columns });
      const seen = new Map<string, number>();
      const at = nowIso();
      const fresh: NewSupply[] = [];
      const updates: { id: number; set: Partial<NewSupply>; before: Record<string, unknown>; area: NewSupply }[] = [];
      const rejected: { line: number; cells: ImportCell[]; problems: string[] }[] = [];
      let unchanged = 0;
      for (const r of sheet.rows) {
        const rawId = idOf(r.cells[idCol]);
        const dup = seen.get(rawId);
        if (dup === undefined) seen.set(rawId, r.line);
        const x = read(r.cells, dup);
        if (!x.ok) {
          rejected.push({ line: r.line, cells: r.cells, problems: x.problems });
          continue;
        }
        const prior = existing.get(x.citizenId);
        if (prior && prior.commune_code !== x.area.commune_code) {
          rejected.push({
            line: r.line,
            cells: r.cells,
            // Outside the officer's area the answer names no commune (docs/legal/identity.md): the
            // presence of a record there is all it may tell.
            problems: [
              communes.has(prior.commune_code)
                ? `Người này đã có hồ sơ ở xã ${prior.commune_code}; chuyển hồ sơ trước khi nhập`
                : ELSEWHERE_ROW,
            ],
          });
          continue;
        }
        const f = x.fields;
        if (prior) {
          const set = Object.fromEntries(UPDATABLE.filter((k) => prior[k] !== f[k]).map((k) => [k, f[k]]));
          if (Object.keys(set).length === 0) unchanged++;
          else
            updates.push({
              id: prior.id,
              set,
              before: Object.fromEntries(Object.keys(set).map((k) => [k, prior[k as keyof typeof prior]])),
              area: prior,
            });
          continue;
        }
        fresh.push({
          person_id: persons.get(x.citizenId) ?? null,
          citizen_id: x.citizenId,
          full_name: x.fullName,
          name_key: x.nameKey,
          birth_date: x.birthDate,
          gender: x.gender,
          ethnic_code: x.ethnic,
          collected_on: x.collectedOn,
          schooling: f.schooling,
          qualification: f.qualification,
          field: f.field,
          employment_status: f.employment_status,
          job_title: f.job_title,
          workplace_type: f.workplace_type,
          industry: f.industry,
          work_address: f.work_address,
          previous_job: f.previous_job,
          unemployment_duration: f.unemployment_duration,
          inactive_reason: f.inactive_reason,
          needs: f.needs,
          phone: f.phone,
          province_code: x.area.province_code,
          district_code: x.area.district_code,
          commune_code: x.area.commune_code,
          created_by: actor.username,
          created_at: at,
          updated_at: at,
        });
      }
      const counts = {
        total: sheet.rows.length,
        new: fresh.length,
        updated: updates.length,
        unchanged,
        rejected: rejected.length,
      };
      if (mode === 'commit' && rejected.length)
        throw errors.badRequest(
          'IMPORT_HAS_REJECTED_ROWS',
          `Có ${rejected.length} dòng bị từ chối nên chưa nhập dòng nào. Chạy kiểm tra, tải tệp lỗi, sửa các dòng đó rồi nhập lại.`,
        );
      const errorFile = rejected.length ? await rejectedRowsXlsx(sheet.headers, rejected) : null;
      const sha = createHash('sha256').update(file.data).digest('hex');
      const jobId = await inTransaction(database, actor, async (trx, audit) => {
        if (mode === 'commit') {
          await supplyRepo.insertMany(database, trx, fresh);
          for (const u of updates) {
            await supplyRepo.update(trx, u.id, { ...u.set, updated_at: at });
            await supplyRepo.insertEvent(trx, {
              supply_id: u.id,
              kind: 'import',
              date: today,
              changes_json: JSON.stringify(u.set),
              note: file.name.slice(0, 200),
              province_code: u.area.province_code,
              district_code: u.area.district_code,
              commune_code: u.area.commune_code,
              created_by: actor.username,
              created_at: at,
            });
          }
          await audit({
            action: 'employment.supply.import',
            entity: 'emp_supply',
            entityId: null,
            areaCode: actor.areaCode,
            after: { file: file.name, sha256: sha, counts },
          });
        }
        return importJobsRepo.insert(trx, {
          file_name: file.name.slice(0, 200),
          file_sha256: sha,
          mode,
          total: counts.total,
          counts_json: JSON.stringify(counts),
          message: null,
          rejected_xlsx: errorFile,
          area_code: actor.areaCode ?? '',
          created_by: actor.username,
          at,
        });
      });
      return {
        jobId,
        mode,
        counts,
        rejected: rejected.slice(0, 200).map((x) => ({ line: x.line, problems: x.problems })),
        hasRejectedFile: !!errorFile,
      };
    },

    /** The error file of an import run, for the officer who ran it (or anyone at the same area). */
    async importErrors(actor: Actor, jobId: number): Promise<Buffer> {
      employmentPolicy.guard(actor, 'collect');
      const j = await importJobsRepo.get(db, jobId);
      if (!j || (actor.kind !== 'system' && j.area_code !== actor.areaCode) || !j.rejected_xlsx)
        throw errors.notFound('Tệp lỗi');
      return Buffer.from(j.rejected_xlsx);
    },
  };
}
