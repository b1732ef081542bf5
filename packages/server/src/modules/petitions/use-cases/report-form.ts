import ExcelJS from 'exceljs';
import { formatDateVi, type PetitionStats, type StatsQuery } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import type { PetitionsDeps } from './shared.js';
import { statsUseCases } from './stats.js';

type Line = [label: string, value: number] | [heading: string];

/** The lines of the periodic report (TT 02/2021/TT-TTCP tables), in the order the tables give them. */
function lines(s: PetitionStats): Line[] {
  const byResult = (what: string, c: PetitionStats['complaints']): Line[] => [
    [`Số vụ ${what} thụ lý trong kỳ`, c.accepted],
    [`Số vụ ${what} đã giải quyết`, c.settled],
    [`  trong đó: giải quyết đúng hạn`, c.onTime],
    [`  ${what} đúng`, c.right],
    [`  ${what} đúng một phần`, c.partly],
    [`  ${what} sai`, c.wrong],
  ];
  return [
    ['I. TIẾP CÔNG DÂN'],
    ['Số buổi tiếp công dân', s.sessions],
    ['Số lượt tiếp', s.visits],
    ['Số người được tiếp', s.people],
    ['Số đoàn đông người (từ 5 người)', s.groups],
    ['Số cuộc gọi đường dây nóng', s.calls],
    ['II. TIẾP NHẬN, XỬ LÝ ĐƠN'],
    ['Số đơn kỳ trước chuyển sang', s.lettersCarriedOver],
    ['Số đơn tiếp nhận trong kỳ', s.lettersReceived],
    ['Số đơn đủ điều kiện xử lý', s.lettersFit],
    ['Số đơn thuộc thẩm quyền', s.lettersInCompetence],
    ['Số đơn đã xử lý', s.lettersHandled],
    ['III. GIẢI QUYẾT KHIẾU NẠI'],
    ...byResult('khiếu nại', s.complaints),
    ['Số vụ khiếu nại đông người', s.massComplaints],
    ['IV. GIẢI QUYẾT TỐ CÁO'],
    ...byResult('tố cáo', s.denunciations),
  ];
}

/** "Không phát sinh …" where the law's report says so of a zero (docs/legal/petitions.md, "Reports"). */
function remarks(s: PetitionStats): string[] {
  const out: string[] = [];
  if (s.massComplaints === 0) out.push('Không phát sinh khiếu nại đông người.');
  if (s.complaints.accepted === 0 && s.complaints.settled === 0) out.push('Không phát sinh vụ việc khiếu nại.');
  if (s.denunciations.accepted === 0 && s.denunciations.settled === 0) out.push('Không phát sinh vụ việc tố cáo.');
  return out;
}

/**
 * The periodic report on citizen reception, letters, complaints and denunciations for any period
 * and area, as XLSX (counts only, so the supervisors who may read the counts may download it).
 */
export function reportFormUseCases(deps: PetitionsDeps) {
  const { stats } = statsUseCases(deps);
  return {
    async statsXlsx(actor: Actor, q: StatsQuery): Promise<Buffer> {
      const s = await stats(actor, q);
      const area = (await deps.areas.pathOf(s.areaCode))?.name ?? s.areaCode;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Báo cáo', { pageSetup: { paperSize: 9, fitToPage: true, fitToWidth: 1 } });
      ws.mergeCells(1, 1, 1, 3);
      ws.getCell(1, 1).value = 'BÁO CÁO CÔNG TÁC TIẾP CÔNG DÂN, XỬ LÝ ĐƠN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO';
      ws.getCell(1, 1).font = { bold: true, size: 13 };
      ws.getCell(1, 1).alignment = { horizontal: 'center', wrapText: true };
      ws.mergeCells(2, 1, 2, 3);
      ws.getCell(2, 1).value = `${area}, từ ngày ${formatDateVi(s.from)} đến ngày ${formatDateVi(s.to)}`;
      ws.getCell(2, 1).alignment = { horizontal: 'center' };
      ws.addRow([]);
      ws.addRow(['STT', 'Chỉ tiêu', 'Số liệu']).font = { bold: true };
      let n = 0;
      for (const l of lines(s)) {
        if (l.length === 1) ws.addRow(['', l[0]]).font = { bold: true };
        else ws.addRow([++n, l[0], l[1]]);
      }
      ws.addRow([]);
      for (const r of remarks(s)) ws.addRow(['', r]).font = { italic: true };
      ws.getColumn(1).width = 6;
      ws.getColumn(2).width = 60;
      ws.getColumn(3).width = 12;
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
