import { createHash } from 'node:crypto';
import { SUPPLY_CATALOGUES, cleanText, parseDong, parsePartialDate, searchKey } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { codesOfCommune } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { readImportFileOffThread, rejectedRowsXlsx, type ImportCell } from '../../../platform/sheet-import.js';
import { employmentPolicy } from '../employment.policy.js';
import { EMPLOYER_COLUMNS, type EmployerColumn } from '../employment.sheet.js';
import { areasRepo } from '../repo/areas.repo.js';
import { employersRepo, type NewVacancy } from '../repo/employers.repo.js';
import { importJobsRepo } from '../repo/import-jobs.repo.js';
import { provinceOfActor, todayVn, type EmploymentDeps } from './common.js';

const text = (c: ImportCell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).normalize('NFC').replace(/\s+/g, ' ').trim();
};
const QUALIFICATIONS = new Map<string, string>();
for (const o of SUPPLY_CATALOGUES.qualification.options) {
  QUALIFICATIONS.set(searchKey(o.vi), o.code);
  QUALIFICATIONS.set(o.code, o.code);
}

export interface EmployerImportResult {
  jobId: number;
  mode: 'dry_run' | 'commit';
  counts: { total: number; employersNew: number; employersExisting: number; vacancies: number; rejected: number };
  rejected: { line: number; problems: string[] }[];
  hasRejectedFile: boolean;
}

type VacancyFields = Omit<
  NewVacancy,
  'employer_id' | 'province_code' | 'district_code' | 'commune_code' | 'created_by' | 'created_at'
>;

interface Employer {
  taxCode: string;
  name: string;
  area: { province_code: string; district_code: string | null; commune_code: string };
  industry: string | null;
  address: string | null;
  phone: string | null;
  line: number;
}

/**
 * Import of employers and their vacancies (labour demand) from Excel/CSV: one row per vacancy,
 * the employer's columns repeated. Every problem of a row is reported (not only the first); a dry
 * run counts and stores the error file; a commit writes the whole file in one transaction, only
 * when no row is rejected — a vacancy with a negative number of positions rejects the file.
 * An employer already known by its tax code in the province is reused, not changed.
 */
export function importEmployersUseCases({ database }: EmploymentDeps) {
  const db = database.db;
  return {
    async importEmployers(
      actor: Actor,
      file: { name: string; data: Buffer },
      mode: 'dry_run' | 'commit',
    ): Promise<EmployerImportResult> {
      const province = provinceOfActor(actor);
      employmentPolicy.guard(actor, 'employers', { provinceCode: province });
      const sheet = await readImportFileOffThread<EmployerColumn>(file.data, EMPLOYER_COLUMNS);
      const col = sheet.columns;
      const today = todayVn();
      const communes = await areasRepo.communesUnder(db, `/${province}/`);
      const taxCodes = sheet.rows.map((r) => text(r.cells[col.taxCode!]).replace(/\s/g, ''));
      const known = await employersRepo.byTaxCodes(db, province, [...new Set(taxCodes)]);
      const employers = new Map<string, Employer>();
      const vacancies: { taxCode: string; row: VacancyFields }[] = [];
      const rejected: { line: number; cells: ImportCell[]; problems: string[] }[] = [];
      for (const r of sheet.rows) {
        const p: string[] = [];
        const v = (k: EmployerColumn) => (col[k] === undefined ? '' : text(r.cells[col[k]!]));
        const taxCode = v('taxCode').replace(/\s/g, '');
        if (!/^\d{10}(-\d{3})?$/.test(taxCode)) p.push('Mã số thuế gồm 10 chữ số (chi nhánh thêm -xxx)');
        const name = cleanText(v('name'));
        if (name.length < 2) p.push('Thiếu tên doanh nghiệp');
        const commune = v('communeCode').padStart(5, '0');
        const path = communes.get(commune);
        if (!path)
          p.push(`Mã xã ${v('communeCode')} không có trong tỉnh; ghi mã xã/phường nơi doanh nghiệp đặt trụ sở`);
        const seen = employers.get(taxCode);
        if (seen && (seen.name !== name || seen.area.commune_code !== commune))
          p.push(
            `Mã số thuế ${taxCode} đã có ở dòng ${seen.line} với tên hoặc mã xã khác; ghi giống nhau trên mọi dòng`,
          );
        let vacancy: VacancyFields | null = null;
        const title = cleanText(v('title'));
        const vacancyCols: EmployerColumn[] = [
          'positions',
          'qualification',
          'wageMin',
          'wageMax',
          'openFrom',
          'openTo',
        ];
        if (!title && vacancyCols.some((k) => v(k)))
          p.push('Có thông tin tuyển dụng nhưng thiếu vị trí tuyển dụng; ghi tên vị trí hoặc xoá các cột tuyển dụng');
        if (title) {
          const raw = v('positions');
          const positions = Number(raw.replace(/[.\s]/g, ''));
          if (!raw) p.push('Thiếu số lượng cần tuyển');
          else if (!Number.isInteger(positions)) p.push(`Số lượng cần tuyển "${raw}" phải là số nguyên`);
          else if (positions < 1)
            p.push(`Số lượng cần tuyển phải từ 1 trở lên (không được âm hoặc bằng 0); dòng ghi ${raw}`);
          const money = (k: EmployerColumn, label: string): number | null => {
            if (!v(k)) return null;
            const m = parseDong(v(k));
            if (!m.ok || m.value < 0) {
              p.push(`${label}: ${m.ok ? 'không được âm' : m.message}`);
              return null;
            }
            return m.value;
          };
          const wageMin = money('wageMin', 'Lương tối thiểu');
          const wageMax = money('wageMax', 'Lương tối đa');
          if (wageMin !== null && wageMax !== null && wageMax < wageMin)
            p.push('Lương tối đa không được thấp hơn lương tối thiểu');
          const day = (k: EmployerColumn, label: string): string | null => {
            if (!v(k)) return null;
            const d = parsePartialDate(r.cells[col[k]!] ?? null, { today, label });
            if (!d.ok || d.value.length !== 10) {
              p.push(`${label} ghi dạng ngày/tháng/năm`);
              return null;
            }
            return d.value;
          };
          const openFrom = day('openFrom', 'Ngày bắt đầu tuyển') ?? today;
          const openTo = day('openTo', 'Hạn tuyển');
          if (openTo && openTo < openFrom) p.push('Hạn tuyển không được trước ngày bắt đầu tuyển');
          const q = v('qualification');
          const qualification = q ? (QUALIFICATIONS.get(searchKey(q)) ?? null) : null;
          if (q && !qualification) p.push(`Trình độ CMKT "${q}" không có trong danh mục`);
          const vTitle = title.slice(0, 160);
          vacancy = {
            title: vTitle,
            title_key: searchKey(vTitle),
            positions,
            qualification,
            wage_min: wageMin,
            wage_max: wageMax,
            work_place: v('workPlace') || null,
            open_from: openFrom,
            open_to: openTo,
          };
        }
        if (p.length || !path) {
          rejected.push({ line: r.line, cells: r.cells, problems: p });
          continue;
        }
        if (!seen)
          employers.set(taxCode, {
            taxCode,
            name,
            area: codesOfCommune(commune, path),
            industry: v('industry') || null,
            address: v('address') || null,
            phone: v('phone') || null,
            line: r.line,
          });
        if (vacancy) vacancies.push({ taxCode, row: vacancy });
      }
      const fresh = [...employers.values()].filter((e) => !known.has(e.taxCode));
      const counts = {
        total: sheet.rows.length,
        employersNew: fresh.length,
        employersExisting: employers.size - fresh.length,
        vacancies: vacancies.length,
        rejected: rejected.length,
      };
      if (mode === 'commit' && rejected.length)
        throw errors.badRequest(
          'IMPORT_HAS_REJECTED_ROWS',
          `Có ${rejected.length} dòng bị từ chối nên chưa nhập dòng nào. Chạy kiểm tra, tải tệp lỗi, sửa các dòng đó rồi nhập lại.`,
        );
      const errorFile = rejected.length ? await rejectedRowsXlsx(sheet.headers, rejected) : null;
      const sha = createHash('sha256').update(file.data).digest('hex');
      const at = nowIso();
      const jobId = await inTransaction(database, actor, async (trx, audit) => {
        if (mode === 'commit') {
          const ids = new Map([...known].map(([tax, e]) => [tax, e.id]));
          for (const e of fresh) {
            const row = {
              ...e.area,
              name: e.name,
              name_key: searchKey(e.name),
              tax_code: e.taxCode,
              industry: e.industry,
              address: e.address,
              phone: e.phone,
              created_by: actor.username,
              created_at: at,
            };
            ids.set(e.taxCode, await employersRepo.insert(trx, row));
          }
          for (const x of vacancies) {
            const e = employers.get(x.taxCode)!;
            await employersRepo.insertVacancy(trx, {
              ...e.area,
              employer_id: ids.get(x.taxCode)!,
              ...x.row,
              created_by: actor.username,
              created_at: at,
            });
          }
          await audit({
            action: 'employment.employers.import',
            entity: 'emp_employers',
            entityId: null,
            areaCode: province,
            after: { file: file.name, sha256: sha, counts },
          });
        }
        const job = {
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
        };
        return importJobsRepo.insert(trx, job, 'employment_employers');
      });
      return {
        jobId,
        mode,
        counts,
        rejected: rejected.slice(0, 200).map((x) => ({ line: x.line, problems: x.problems })),
        hasRejectedFile: !!errorFile,
      };
    },

    /** The error file of an employer import, for the same area as the officer who ran it. */
    async employerImportErrors(actor: Actor, jobId: number): Promise<Buffer> {
      employmentPolicy.guard(actor, 'employers');
      const j = await importJobsRepo.get(db, jobId, 'employment_employers');
      if (!j || (actor.kind !== 'system' && j.area_code !== actor.areaCode) || !j.rejected_xlsx)
        throw errors.notFound('Tệp lỗi');
      return Buffer.from(j.rejected_xlsx);
    },
  };
}
