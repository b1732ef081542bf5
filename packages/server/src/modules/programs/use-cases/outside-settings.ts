import ExcelJS from 'exceljs';
import {
  importRate,
  OUTSIDE_LIST_COLUMNS,
  personKeys,
  type ImportListQuery,
  type OutsideRow,
  type ProgramOut,
} from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { registryRepo, type NewPerson } from '../../registry/index.js';
import { programsPolicy } from '../programs.policy.js';
import { presentProgram } from '../programs.presenter.js';
import { areasReader } from '../repo/areas.repo.js';
import { outsideRepo } from '../repo/outside.repo.js';
import { programsRepo } from '../repo/programs.repo.js';
import type { ProgramRow } from '../repo/types.js';
import { communeOf, loadProgram, periodOf, ruleOn, type ProgramsDeps } from './load.js';

/** Where an imported list goes: the program (one that takes imported lists), its period, rate and commune. */
export async function importTarget(ex: Executor, actor: Actor, programId: number, q: Partial<ImportListQuery>) {
  const program = await loadProgram(ex, actor, programId, 'prepare');
  const { rate, fixed } = await importable(ex, program, q.period);
  const code = q.communeCode ?? (actor.areaLevel === 3 ? actor.areaCode : null);
  if (!code) throw errors.validation([{ path: 'query.communeCode', message: 'Chọn xã/phường của danh sách.' }]);
  const c = await areasReader.byCode(ex, code);
  if (!c || c.level !== 3) throw errors.notFound('Xã');
  const codes = communeOf(c.code, c.path);
  programsPolicy.guard(actor, 'prepare', codes, 'Xã');
  const { period, refDate } = periodOf(program, q.period);
  return { program, period, refDate, rate, fixed, codes };
}

/** A program that takes imported lists, and the most it pays one person; otherwise what to do. */
async function importable(ex: Executor, p: ProgramRow, period?: string) {
  if (p.list_by_import !== 1)
    throw errors.conflict(
      'PROGRAM_NOT_BY_IMPORT',
      'Chương trình này lập danh sách từ sổ nhân khẩu theo quy định. Muốn nhập danh sách từ Excel, cán bộ tỉnh bật "Nhập danh sách từ Excel" trong cài đặt chương trình.',
    );
  if (p.per !== 'person' || p.unit !== 'dong')
    throw errors.conflict(
      'PROGRAM_NOT_IMPORTABLE',
      'Chỉ nhập được danh sách hỗ trợ tiền cho từng người. Chương trình theo hộ hoặc hiện vật lập danh sách từ sổ nhân khẩu.',
    );
  const rule = await ruleOn(ex, p.id, periodOf(p, period).refDate);
  const rate = importRate(rule.amount);
  if (rate === null)
    throw errors.conflict(
      'PROGRAM_NOT_IMPORTABLE',
      'Mức hỗ trợ của chương trình tính theo bảng quà hoặc hệ số, không nhập danh sách được. Dùng mức cố định hoặc theo nhóm.',
    );
  return { rate, fixed: rule.amount.type === 'fixed' };
}

/** The import template: the header only (no sample row that could import as a real person) and a guide sheet. */
async function templateXlsx(p: ProgramRow, rate: number, fixed: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(OUTSIDE_LIST_COLUMNS.map((c) => c.header)).font = { bold: true };
  OUTSIDE_LIST_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = 22;
    ws.getColumn(i + 1).numFmt = '@';
    if ('required' in c && c.required)
      ws.getRow(1).getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  });
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.addRow([`${p.code} — ${p.name}`]).font = { bold: true };
  guide.addRow([`Căn cứ: ${p.legal_basis}`]);
  guide.addRow([
    fixed
      ? `Mức hỗ trợ: ${rate.toLocaleString('vi-VN')} đồng/người (để trống cột số tiền thì lấy mức này).`
      : `Mức hỗ trợ cao nhất: ${rate.toLocaleString('vi-VN')} đồng/người; ghi số tiền của từng người.`,
  ]);
  guide.addRow(['Mỗi người một dòng ở trang "Danh sách", bắt đầu ngay dưới dòng tiêu đề. Cột tô vàng là bắt buộc.']);
  guide.addRow([]);
  guide.addRow(['Cột', 'Bắt buộc', 'Cách ghi']).font = { bold: true };
  for (const c of OUTSIDE_LIST_COLUMNS) guide.addRow([c.header, 'required' in c && c.required ? 'Có' : '', c.hint]);
  guide.getColumn(1).width = 32;
  guide.getColumn(2).width = 10;
  guide.getColumn(3).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template of a program's imported lists, and the program setting that turns such lists on. */
export function outsideSettingsUseCases({ database }: ProgramsDeps) {
  const db = database.db;
  return {
    async importTemplate(actor: Actor, programId: number): Promise<Buffer> {
      const p = await loadProgram(db, actor, programId, 'prepare');
      const { rate, fixed } = await importable(db, p);
      return templateXlsx(p, rate, fixed);
    },

    /** Mark a program as taking its lists from imported files (or not). */
    async setProgramSettings(actor: Actor, programId: number, body: { listByImport: boolean }): Promise<ProgramOut> {
      await inTransaction(database, actor, async (trx, audit) => {
        const p = await loadProgram(trx, actor, programId, 'manage');
        if ((p.list_by_import === 1) === body.listByImport) return;
        await outsideRepo.setListByImport(trx, p.id, body.listByImport, nowIso());
        await audit({
          action: 'program.settings',
          entity: 'program',
          entityId: p.id,
          before: { listByImport: p.list_by_import === 1 },
          after: body,
        });
      });
      const p = await loadProgram(db, actor, programId, 'read');
      return presentProgram(p, await programsRepo.rulesOf(db, [p.id]));
    },
  };
}

/** A registry person with the fields a list gives, in the list's commune (no household yet). */
export async function createOutsidePerson(
  trx: Parameters<typeof registryRepo.insertPerson>[0],
  row: OutsideRow,
  codes: { province_code: string; district_code: string | null; commune_code: string },
  now: string,
): Promise<number> {
  const person: NewPerson = {
    household_id: null,
    relation: null,
    full_name: row.fullName,
    ...personKeys(row.fullName),
    gender: row.gender,
    birth_date: row.birthDate,
    birth_year: row.birthYear,
    citizen_id: row.citizenId,
    old_id_number: null,
    ethnic_code: null,
    phone: null,
    disability: null,
    deceased_on: null,
    moved_out_on: null,
    province_code: codes.province_code,
    district_code: codes.district_code,
    commune_code: codes.commune_code,
    village: row.village,
    merged_into_id: null,
    created_at: now,
    updated_at: now,
  };
  try {
    return await registryRepo.insertPerson(trx, person);
  } catch (err) {
    if (isUniqueViolation(err))
      throw errors.conflict(
        'CITIZEN_ID_TAKEN',
        `Số định danh ${row.citizenId} vừa được ghi vào sổ nhân khẩu. Bấm "Kiểm tra" lại rồi nhập.`,
      );
    throw err;
  }
}
