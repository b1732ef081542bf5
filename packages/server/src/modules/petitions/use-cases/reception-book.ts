import ExcelJS from 'exceljs';
import { formatDateVi, LETTER_KIND_LABELS, RECEPTION_BOOK_COLUMNS, type SingleKind } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { formDocx } from '../../../platform/docx-forms.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { receptionRepo, type EntryRow } from '../repo/reception.repo.js';
import { headerOf } from './forms.js';
import { resolveArea, scopeOf, today, type PetitionsDeps } from './shared.js';

/** The largest book printed at once (a department's year is a few thousand lines). */
const MAX_LINES = 20_000;
const WIDTHS = [6, 11, 30, 14, 50, 8, 10, 20, 10, 24, 24, 24, 16];
const SECRET = 'Giữ bí mật (Điều 47 Luật Tố cáo)';

function cells(r: EntryRow): (string | number)[] {
  const restricted = r.identity_restricted === 1;
  return [
    r.seq,
    formatDateVi(r.date),
    restricted ? SECRET : `${r.name ?? ''} - ${r.address ?? ''}`,
    restricted ? '' : (r.id_number ?? ''),
    r.summary,
    LETTER_KIND_LABELS[r.kind as SingleKind].short,
    r.people,
    r.settled_by ?? '',
    r.within_competence === 1 ? 'x' : '',
    r.guidance ?? '',
    r.accepted_by ?? '',
    r.follow_up ?? '',
    r.note,
  ];
}

/**
 * The reception book (Sổ tiếp công dân, Mẫu 03/TCD) for a period, as XLSX: its 13 columns in
 * order, a denouncer's name and ID replaced by the secrecy note.
 */
export function receptionBookUseCases(deps: PetitionsDeps) {
  async function lines(actor: Actor, q: { from: string; to: string }) {
    petitionsPolicy.guard(actor, 'read');
    const r = await receptionRepo.listEntries(
      deps.database.db,
      { scope: scopeOf(actor), from: q.from, to: q.to },
      { limit: MAX_LINES + 1, offset: 0 },
    );
    if (r.total > MAX_LINES) {
      throw errors.badRequest(
        'PERIOD_TOO_LONG',
        `Kỳ đã chọn có hơn ${MAX_LINES} lượt tiếp; in sổ theo từng quý hoặc từng tháng.`,
      );
    }
    return r;
  }
  return {
    /** The same book as DOCX (landscape A4, Decree 30/2020 layout), issued by the actor's unit. */
    async receptionBookDocx(actor: Actor, q: { from: string; to: string }): Promise<Buffer> {
      const r = await lines(actor, q);
      const header = await headerOf(deps, await resolveArea(deps, actor), '', today());
      return formDocx({
        formNo: 'Mẫu số 03/TCD',
        header,
        title: 'Sổ tiếp công dân',
        subtitle: `Từ ngày ${formatDateVi(q.from)} đến ngày ${formatDateVi(q.to)}`,
        subtitleItalics: true,
        body: [
          {
            table: {
              columns: RECEPTION_BOOK_COLUMNS.map((c) => c.vi),
              widths: WIDTHS,
              rows: r.rows.map(cells),
              numbered: true,
              textSize: 11,
            },
          },
        ],
        signers: [],
        landscape: true,
        defaultStyle: false,
      });
    },

    async receptionBook(actor: Actor, q: { from: string; to: string }): Promise<Buffer> {
      const r = await lines(actor, q);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Mẫu 03-TCD', {
        pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      });
      ws.mergeCells(1, 1, 1, 13);
      ws.getCell(1, 1).value = 'SỔ TIẾP CÔNG DÂN';
      ws.getCell(1, 1).font = { bold: true, size: 14 };
      ws.getCell(1, 1).alignment = { horizontal: 'center' };
      ws.mergeCells(2, 1, 2, 13);
      ws.getCell(2, 1).value = `Từ ngày ${formatDateVi(q.from)} đến ngày ${formatDateVi(q.to)} — Mẫu số 03/TCD`;
      ws.getCell(2, 1).alignment = { horizontal: 'center' };
      const head = ws.addRow(RECEPTION_BOOK_COLUMNS.map((c) => c.vi));
      head.font = { bold: true };
      ws.addRow(RECEPTION_BOOK_COLUMNS.map((_c, i) => `(${i + 1})`)).alignment = { horizontal: 'center' };
      for (const row of r.rows) ws.addRow(cells(row)).alignment = { wrapText: true, vertical: 'top' };
      WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
