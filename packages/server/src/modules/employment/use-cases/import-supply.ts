import { createHash } from 'node:crypto';
import {
  SUPPLY_CATALOGUES,
  cleanPersonName,
  findEthnicGroup,
  isWorkingAge,
  parsePartialDate,
  searchKey,
  type Catalogue,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { codesOfCommune } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { readImportFile, rejectedRowsXlsx, type ImportCell } from '../../../platform/sheet-import.js';
import { employmentPolicy } from '../employment.policy.js';
import { SUPPLY_COLUMNS, type SupplyColumn } from '../employment.sheet.js';
import { areasRepo } from '../repo/areas.repo.js';
import { importJobsRepo } from '../repo/import-jobs.repo.js';
import { personsRepo } from '../repo/persons.repo.js';
import { supplyRepo, type NewSupply } from '../repo/supply.repo.js';
import { supplyProblem } from './supply.js';
import { todayVn, type EmploymentDeps } from './common.js';

const text = (c: ImportCell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).normalize('NFC').replace(/\s+/g, ' ').trim();
};
/** A function remembered by its argument for one import: columns repeat the same few words. */
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const m = new Map<string, T>();
  return (s) => {
    let v = m.get(s);
    if (v === undefined && !m.has(s)) {
      v = fn(s);
      if (m.size < 50_000) m.set(s, v);
    }
    return v as T;
  };
}
const GENDERS: Record<string, string> = { nam: 'male', nu: 'female', male: 'male', female: 'female' };
/** Option lookup by unaccented label or code, built once per catalogue. */
const lookup = (c: Catalogue) => {
  const m = new Map<string, string>();
  for (const o of c.options) {
    m.set(searchKey(o.vi), o.code);
    m.set(o.code, o.code);
  }
  return m;
};
const LOOKUPS = Object.fromEntries(Object.entries(SUPPLY_CATALOGUES).map(([k, c]) => [k, lookup(c)])) as Record<
  keyof typeof SUPPLY_CATALOGUES,
  Map<string, string>
>;
const UPDATABLE = [
  'schooling',
  'qualification',
  'field',
  'employment_status',
  'job_title',
  'workplace_type',
  'industry',
  'work_address',
  'previous_job',
  'unemployment_duration',
  'inactive_reason',
  'needs',
  'phone',
] as const;

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
export function importSupplyUseCases({ database }: EmploymentDeps) {
  const db = database.db;
  return {
    async importSupply(
      actor: Actor,
      file: { name: string; data: Buffer },
      mode: 'dry_run' | 'commit',
    ): Promise<SupplyImportResult> {
      employmentPolicy.guard(actor, 'collect');
      const sheet = await readImportFile<SupplyColumn>(file.data, SUPPLY_COLUMNS);
      const col = sheet.columns;
      const get = (cells: ImportCell[], k: SupplyColumn) => (col[k] === undefined ? '' : text(cells[col[k]!]));
      const today = todayVn();
      const communes = await areasRepo.communesUnder(
        db,
        actor.kind === 'system' ? null : (actor.areaPath ?? '/__none__/'),
      );
      const ids = sheet.rows.map((r) => get(r.cells, 'citizenId'));
      const existing = await supplyRepo.byCitizenIds(db, [...new Set(ids.filter((x) => /^\d{12}$/.test(x)))]);
      const persons = await personsRepo.idsByCitizenIds(db, [...new Set(ids.filter((x) => /^\d{12}$/.test(x)))]);
      const seen = new Map<string, number>();
      const key = memo(searchKey);
      const birth = memo((s: string) => parsePartialDate(s, { today }));
      const ethnicOf = memo((s: string) => findEthnicGroup(s)?.code ?? null);
      const at = nowIso();
      const fresh: NewSupply[] = [];
      const updates: { id: number; set: Partial<NewSupply>; before: Record<string, unknown>; area: NewSupply }[] = [];
      const rejected: { line: number; cells: ImportCell[]; problems: string[] }[] = [];
      let unchanged = 0;
      for (const r of sheet.rows) {
        const p: string[] = [];
        const v = (k: SupplyColumn) => get(r.cells, k);
        const cid = v('citizenId').replace(/[\s.]/g, '');
        if (!/^\d{12}$/.test(cid)) p.push('Số định danh cá nhân phải có đúng 12 chữ số');
        else if (seen.has(cid)) p.push(`Số định danh trùng với dòng ${seen.get(cid)} (mỗi người một hồ sơ)`);
        else seen.set(cid, r.line);
        const fullName = cleanPersonName(v('fullName'));
        const birthCell = col.birthDate === undefined ? null : (r.cells[col.birthDate] ?? null);
        if (fullName.length < 2) p.push('Thiếu họ và tên');
        const bd = typeof birthCell === 'string' ? birth(birthCell) : parsePartialDate(birthCell, { today });
        if (!bd.ok) p.push(bd.message);
        const gender = GENDERS[key(v('gender'))];
        if (!gender) p.push('Giới tính ghi "Nam" hoặc "Nữ"');
        const commune = v('communeCode').padStart(5, '0');
        const path = communes.get(commune);
        if (!path) p.push(`Mã xã ${v('communeCode')} không có hoặc nằm ngoài địa bàn của bạn`);
        let collectedOn = today;
        if (v('collectedOn')) {
          const c = parsePartialDate(r.cells[col.collectedOn!] ?? null, { today, label: 'Ngày thu thập' });
          if (!c.ok || c.value.length !== 10) p.push('Ngày thu thập ghi dạng ngày/tháng/năm');
          else collectedOn = c.value;
        }
        if (bd.ok && !isWorkingAge(bd.value, collectedOn)) p.push('Chỉ thu thập thông tin người từ đủ 15 tuổi');
        const pick = (k: keyof typeof SUPPLY_CATALOGUES, column: SupplyColumn, label: string): string | null => {
          const raw = v(column);
          if (!raw) return null;
          const code = LOOKUPS[k].get(key(raw)) ?? LOOKUPS[k].get(raw);
          if (!code) p.push(`${label} "${raw}" không có trong danh mục`);
          return code ?? null;
        };
        const status = pick('employmentStatus', 'employmentStatus', 'Tình trạng việc làm');
        if (!v('employmentStatus')) p.push('Thiếu tình trạng việc làm');
        const needs: string[] = [];
        for (const n of v('needs')
          .split(/[;,]/)
          .map((x) => x.trim())
          .filter(Boolean)) {
          const code = LOOKUPS.needs.get(key(n));
          if (code) needs.push(code);
          else p.push(`Nhu cầu "${n}" không có trong danh mục`);
        }
        const ethnic = v('ethnic') ? ethnicOf(v('ethnic')) : null;
        if (v('ethnic') && !ethnic) p.push(`Dân tộc "${v('ethnic')}" không có trong danh mục 54 dân tộc`);
        const fields = {
          schooling: pick('schooling', 'schooling', 'Trình độ GDPT'),
          qualification: pick('qualification', 'qualification', 'Trình độ CMKT'),
          field: v('field') || null,
          employment_status: status ?? 'inactive',
          job_title: v('jobTitle') || null,
          workplace_type: pick('workplaceType', 'workplaceType', 'Loại hình nơi làm việc'),
          industry: v('industry') || null,
          work_address: v('workAddress') || null,
          previous_job: v('previousJob') || null,
          unemployment_duration: pick('unemploymentDuration', 'unemploymentDuration', 'Thời gian thất nghiệp'),
          inactive_reason: pick('inactiveReason', 'inactiveReason', 'Lý do không tham gia HĐKT'),
          needs: [...new Set(needs)].join(','),
          phone: v('phone') || null,
        };
        const conflict = supplyProblem(fields);
        if (conflict) p.push(conflict.message);
        const prior = existing.get(cid);
        if (prior && path && prior.commune_code !== commune)
          p.push(`Người này đã có hồ sơ ở xã ${prior.commune_code}; chuyển hồ sơ trước khi nhập`);
        if (p.length || !path || !bd.ok) {
          rejected.push({ line: r.line, cells: r.cells, problems: p });
          continue;
        }
        const area = codesOfCommune(commune, path);
        if (prior) {
          const set = Object.fromEntries(UPDATABLE.filter((k) => prior[k] !== fields[k]).map((k) => [k, fields[k]]));
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
          ...fields,
          ...area,
          person_id: persons.get(cid) ?? null,
          citizen_id: cid,
          full_name: fullName,
          name_key: searchKey(fullName),
          birth_date: bd.value,
          gender: gender!,
          ethnic_code: ethnic,
          collected_on: collectedOn,
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
