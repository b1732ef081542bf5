import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  SUPPLY_CATALOGUES,
  employmentReportDue,
  ethnicGroupName,
  formatDateVi,
  formatPartialDateVi,
  type Catalogue,
  type PartialDate,
  type EmploymentTransferQuery,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import type { AreaColumn } from '../../../platform/authz.js';
import { inTransaction, nextTurn } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { safeText } from '../../../platform/xlsx-safe.js';
import { employmentPolicy } from '../employment.policy.js';
import { areasRepo } from '../repo/areas.repo.js';
import { transferRepo, type TransferArea, type TransferFilter } from '../repo/transfer.repo.js';
import { todayVn, type EmploymentDeps } from './common.js';

/** Rows read per query and rows written between two yields (as the person export: docs/architecture.md). */
const BATCH = 500;
const YIELD_EVERY = 100;
/** Ids counted per query before the workbook starts (about 20 ms of SQLite work each). */
const COUNT_STEP = 10_000;

const C = SUPPLY_CATALOGUES;
const labels = (c: Catalogue) => new Map(c.options.map((o) => [o.code, o.vi]));
const L = {
  schooling: labels(C.schooling),
  qualification: labels(C.qualification),
  status: labels(C.employmentStatus),
  duration: labels(C.unemploymentDuration),
  reason: labels(C.inactiveReason),
  workplace: labels(C.workplaceType),
  needs: labels(C.needs),
};
const label = (m: Map<string, string>, code: string | null) => (code ? (m.get(code) ?? code) : '');
const text = (v: string | null | undefined) => safeText(v ?? '');

/** The columns of Mẫu 01 (TT 01/2022 Art. 7) that a supply record holds, in the form's order as we read it. */
const SUPPLY_COLUMNS = [
  ['STT', 7],
  ['Số định danh cá nhân', 16],
  ['Họ và tên', 26],
  ['Ngày sinh', 12],
  ['Giới tính', 9],
  ['Dân tộc', 11],
  ['Mã tỉnh', 8],
  ['Mã huyện', 9],
  ['Mã xã', 8],
  ['Xã/phường', 20],
  ['Ngày thu thập', 12],
  ['Trình độ giáo dục phổ thông', 18],
  ['Trình độ chuyên môn kỹ thuật', 20],
  ['Chuyên ngành đào tạo', 18],
  ['Tình trạng việc làm', 22],
  ['Công việc', 18],
  ['Loại hình nơi làm việc', 18],
  ['Ngành kinh tế', 16],
  ['Nơi làm việc', 20],
  ['Công việc trước đây', 18],
  ['Thời gian thất nghiệp', 16],
  ['Lý do không tham gia hoạt động kinh tế', 22],
  ['Nhu cầu', 24],
  ['Điện thoại', 12],
] as const;

/** Mẫu 02 (TT 01/2022 Art. 10) as the records hold it: one row per vacancy, the employer's columns repeated. */
const DEMAND_COLUMNS = [
  ['STT', 7],
  ['Mã số thuế', 14],
  ['Tên người sử dụng lao động', 30],
  ['Ngành nghề', 16],
  ['Địa chỉ', 24],
  ['Mã xã', 8],
  ['Xã/phường', 20],
  ['Điện thoại', 12],
  ['Vị trí việc làm', 22],
  ['Số lượng cần tuyển', 10],
  ['Trình độ chuyên môn kỹ thuật', 20],
  ['Lương từ (đồng)', 12],
  ['Lương đến (đồng)', 12],
  ['Nơi làm việc', 18],
  ['Tuyển từ ngày', 12],
  ['Tuyển đến ngày', 12],
] as const;

const NOTE =
  'Chưa kiểm chứng: định dạng tệp nhận dữ liệu của cơ sở dữ liệu cung cầu lao động của Bộ chưa được đọc; ' +
  'các cột theo nội dung Mẫu 01 và Mẫu 02 của Thông tư 01/2022/TT-BLĐTBXH như AnSinh hiểu, cách ghi từng lựa chọn chưa đối chiếu phụ lục. ' +
  'Số định danh cá nhân để nguyên (không che) vì đây là dữ liệu chuyển giữa cơ quan nhà nước; chỉ gửi qua kênh của Bộ.';

const COLUMN_OF_LEVEL: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };

/** The yearly transfer of labour supply and demand data to the Ministry (TT 01/2022 Art. 16(3)). */
export function transferUseCases({ database }: EmploymentDeps) {
  return {
    async transferWorkbook(actor: Actor, q: EmploymentTransferQuery): Promise<{ stream: Readable; fileName: string }> {
      employmentPolicy.guard(actor, 'transfer');
      const db = database.db;
      const code = q.areaCode ?? actor.areaCode ?? null;
      const a = code ? await areasRepo.area(db, code) : undefined;
      if (code && !a) throw errors.notFound('Địa bàn');
      if (a) employmentPolicy.guard(actor, 'transfer', { areaPath: a.path }, 'Địa bàn');
      const area: TransferArea = a ? { column: COLUMN_OF_LEVEL[a.level]!, code: a.code } : null;
      const f: TransferFilter = { actor, area, from: `${q.year}-01-01`, to: `${q.year}-12-31` };
      let supplyCount = 0;
      for await (const n of transferRepo.supplyCounts(db, f, COUNT_STEP)) {
        supplyCount += n;
        await nextTurn();
      }
      const counts = { ...(await transferRepo.counts(db, f)), supply: supplyCount };
      const employers = counts.employersWithVacancies + counts.employersAlone;
      const due = employmentReportDue('labour_market_year', q.year);
      const today = todayVn();
      await inTransaction(database, actor, (_trx, audit) =>
        audit({
          action: 'employment.transfer.download',
          entity: 'emp_transfer',
          entityId: q.year,
          areaCode: a?.code ?? null,
          after: {
            year: q.year,
            areaCode: a?.code ?? null,
            supply: counts.supply,
            vacancies: counts.vacancies,
            employers,
          },
        }),
      );

      const out = new PassThrough();
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
      const summary = wb.addWorksheet('Tổng hợp');
      summary.columns = [
        { header: 'Nội dung', key: 'k', width: 46 },
        { header: 'Giá trị', key: 'v', width: 70 },
      ];
      summary.getRow(1).font = { bold: true };
      const lines: [string, string | number][] = [
        ['Dữ liệu', `Cung lao động, cầu lao động năm ${q.year} truyền về cơ sở dữ liệu của Bộ`],
        ['Căn cứ', 'Thông tư 01/2022/TT-BLĐTBXH, Điều 16 khoản 3 (Mẫu số 01, Mẫu số 02)'],
        ['Kỳ dữ liệu', `${formatDateVi(f.from)} – ${formatDateVi(f.to)}`],
        ['Địa bàn', a ? `${a.name} (${a.code})` : 'Toàn bộ'],
        ['Hạn gửi', `Trước ngày 15/12/${q.year} (ngày cuối: ${formatDateVi(due)})`],
        ['Tình trạng hạn', today > due ? `Quá hạn (lập ngày ${formatDateVi(today)})` : 'Trong hạn'],
        ['Thời điểm lập', new Date().toISOString()],
        ['Người lập', actor.username],
        ['Số người có thông tin cung lao động (thu thập hoặc cập nhật trong năm)', counts.supply],
        ['Số người sử dụng lao động', employers],
        ['Số vị trí việc làm trống (mở tuyển trong năm)', counts.vacancies],
        ['Ghi chú', NOTE],
      ];
      for (const [k, v] of lines) summary.addRow({ k, v: typeof v === 'string' ? safeText(v) : v }).commit();
      summary.commit();

      const supply = wb.addWorksheet('Cung lao động');
      supply.columns = SUPPLY_COLUMNS.map(([header, width]) => ({ header, width }));
      supply.getRow(1).font = { bold: true };
      supply.getRow(1).commit();
      const demand = wb.addWorksheet('Cầu lao động');
      demand.columns = DEMAND_COLUMNS.map(([header, width]) => ({ header, width }));
      demand.getRow(1).font = { bold: true };

      // Backpressure and turns for other requests: a province-wide transfer is 200.000 rows.
      const pace = async (i: number) => {
        if (i > 0 && i % YIELD_EVERY === 0) await nextTurn();
        if (i % BATCH === BATCH - 1 && out.writableNeedDrain) await once(out, 'drain');
      };
      void (async () => {
        try {
          let n = 0;
          for await (const rows of transferRepo.supply(db, f, BATCH)) {
            for (const r of rows) {
              await pace(n);
              supply
                .addRow([
                  ++n,
                  r.citizen_id,
                  text(r.full_name),
                  formatPartialDateVi(r.birth_date as PartialDate),
                  r.gender === 'male' ? 'Nam' : 'Nữ',
                  r.ethnic_code ? ethnicGroupName(r.ethnic_code) : '',
                  r.province_code,
                  r.district_code ?? '',
                  r.commune_code,
                  text(r.commune_name),
                  formatDateVi(r.collected_on),
                  label(L.schooling, r.schooling),
                  label(L.qualification, r.qualification),
                  text(r.field),
                  label(L.status, r.employment_status),
                  text(r.job_title),
                  label(L.workplace, r.workplace_type),
                  text(r.industry),
                  text(r.work_address),
                  text(r.previous_job),
                  label(L.duration, r.unemployment_duration),
                  label(L.reason, r.inactive_reason),
                  r.needs
                    ? r.needs
                        .split(',')
                        .map((c) => label(L.needs, c))
                        .join('; ')
                    : '',
                  text(r.phone),
                ])
                .commit();
            }
          }
          supply.commit();
          let m = 0;
          const employerCells = (r: {
            tax_code: string;
            name: string;
            industry: string | null;
            address: string | null;
            commune_code: string;
            commune_name: string;
            phone: string | null;
          }) => [
            r.tax_code,
            text(r.name),
            text(r.industry),
            text(r.address),
            r.commune_code,
            text(r.commune_name),
            text(r.phone),
          ];
          for await (const rows of transferRepo.vacancies(db, f, BATCH))
            for (const r of rows) {
              await pace(m);
              demand
                .addRow([
                  ++m,
                  ...employerCells(r),
                  text(r.title),
                  r.positions,
                  label(L.qualification, r.qualification),
                  r.wage_min ?? '',
                  r.wage_max ?? '',
                  text(r.work_place),
                  formatDateVi(r.open_from),
                  r.open_to ? formatDateVi(r.open_to) : '',
                ])
                .commit();
            }
          for await (const rows of transferRepo.employersAlone(db, f, BATCH))
            for (const r of rows) {
              await pace(m);
              demand.addRow([++m, ...employerCells(r)]).commit();
            }
          demand.commit();
          await wb.commit();
        } catch (err) {
          out.destroy(err as Error);
        }
      })();
      const where = a ? `-${a.code}` : '';
      return { stream: out, fileName: `truyen-du-lieu-cung-cau-lao-dong-${q.year}${where}.xlsx` };
    },
  };
}
