import { BENEFIT_DECISION_LABELS, formatDateVi, statusCategoryLabel, type BenefitDecisionKind } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { dateWordsVi, formDocx, type DocxFormHeader } from '../../../platform/docx-forms.js';
import { errors } from '../../../platform/errors.js';
import { meritPolicy, meritRecordArea } from '../merit.policy.js';
import { formsRepo } from '../repo/forms.repo.js';
import { martyrsRepo } from '../repo/martyrs.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import { remainsRepo } from '../repo/remains.repo.js';
import type { MeritContext } from './context.js';

/** From 1 March 2025 the department's merit duties belong to the Sở Nội vụ (docs/legal/agencies.md). */
const MERGER = '2025-03-01';
const BLANK = '……………………';
const money = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const monthVi = (ym: string) => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`;
const formNo = (f: string) => f.replace(/^Mẫu (\d+)$/, 'Mẫu số $1');

export interface DocxFile {
  filename: string;
  body: Buffer;
}

/**
 * The printed forms of NĐ 131/2021/NĐ-CP (docs/legal/merit.md, "Printed forms"), as DOCX in the
 * layout of NĐ 30/2020, always in Vietnamese: the extract of a meritorious person's dossier
 * (Mẫu 95–99, Art. 128; printing it is audited with who and when), the list of martyrs' graves in
 * a cemetery (Mẫu 84, Art. 153) and the minutes of remains handed over by a search team
 * (Mẫu 81/82, Art. 143). Outside the actor's area each answers 404.
 */
export function forms(c: MeritContext) {
  /** The department of the province as the issuer, on a date (before or after the 2025 merger). */
  async function header(provinceCode: string, date: string, number: string): Promise<DocxFormHeader> {
    const province = await c.areaName(provinceCode);
    const place = province.replace(/^(Tỉnh|Thành phố) /, '');
    return {
      parent: `UBND ${province}`,
      issuer: date < MERGER ? 'Sở Lao động - Thương binh và Xã hội' : 'Sở Nội vụ',
      number,
      placeDate: `${place}, ${dateWordsVi(date)}`,
    };
  }

  return {
    /** An issued extract of the record's dossier; the print is audited (`merit.extract.print`). */
    async extractDocx(actor: Actor, recordId: number, extractId: number): Promise<DocxFile> {
      const r = await recordsRepo.record(c.db, recordId);
      if (!r) throw errors.notFound('Hồ sơ người có công');
      meritPolicy.guard(actor, 'read', meritRecordArea(r), 'Hồ sơ người có công');
      const x = await formsRepo.extract(c.db, recordId, extractId);
      if (!x) throw errors.notFound('Trích lục hồ sơ');
      const decisions = (await recordsRepo.decisions(c.db, recordId)).sort(
        (a, b) =>
          a.effective_month.localeCompare(b.effective_month) ||
          a.decision_date.localeCompare(b.decision_date) ||
          Number(a.id) - Number(b.id),
      );
      const h = await header(r.province_code, x.issued_on, `Số: ${Number(x.id)}/TLHS`);
      const commune = r.commune_code ? await c.areaName(r.commune_code) : '';
      const body = await formDocx({
        formNo: formNo(x.form),
        header: h,
        title: 'Trích lục hồ sơ người có công với cách mạng',
        body: [
          'Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14 ngày 09 tháng 12 năm 2020;',
          'Căn cứ Nghị định số 131/2021/NĐ-CP ngày 30 tháng 12 năm 2021 của Chính phủ quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng;',
          `Căn cứ hồ sơ gốc đang lưu giữ tại ${r.custodian},`,
          `${h.issuer} trích lục hồ sơ như sau:`,
          { heading: 'I. THÔNG TIN NGƯỜI CÓ CÔNG' },
          `- Họ và tên: ${r.full_name}`,
          `- Nơi cư trú: ${commune || BLANK}`,
          `- Đối tượng: ${statusCategoryLabel('meritorious', r.category)}`,
          ...(r.degree != null ? [`- Tỷ lệ tổn thương cơ thể: ${r.degree}%`] : []),
          `- Mã hồ sơ: ${r.dossier_code}`,
          `- Nơi lưu giữ hồ sơ gốc: ${r.custodian}; thời hạn lưu giữ: vĩnh viễn.`,
          { heading: 'II. QUÁ TRÌNH HƯỞNG CHẾ ĐỘ ƯU ĐÃI' },
          decisions.length
            ? {
                table: {
                  columns: [
                    'STT',
                    'Nội dung quyết định',
                    'Số quyết định',
                    'Ngày ký',
                    'Hưởng từ tháng',
                    'Mức (đồng/tháng)',
                  ],
                  widths: [6, 30, 18, 14, 14, 18],
                  rows: decisions.map((d, i) => [
                    i + 1,
                    BENEFIT_DECISION_LABELS[d.kind as BenefitDecisionKind]?.vi ?? d.kind,
                    d.decision_no,
                    formatDateVi(d.decision_date),
                    monthVi(d.effective_month),
                    d.monthly_amount ? money(Number(d.monthly_amount)) : '',
                  ]),
                },
              }
            : 'Chưa có quyết định hưởng chế độ ưu đãi.',
          `Trích lục cấp cho: ${x.issued_to}, ${dateWordsVi(x.issued_on)}.`,
        ],
        signers: [
          { title: 'Người lập', note: '(Ký, ghi rõ họ tên)' },
          { title: 'Giám đốc', note: '(Ký, ghi rõ họ tên, đóng dấu)' },
        ],
      });
      await inTransaction(c.database, actor, async (_trx, audit) => {
        await audit({
          action: 'merit.extract.print',
          entity: 'merit_record',
          entityId: recordId,
          areaCode: r.commune_code,
          after: { extractId: Number(x.id), form: x.form, issuedTo: x.issued_to, printedAt: c.nowIso() },
        });
      });
      return { filename: `trich-luc-${r.dossier_code.replace(/\//g, '-')}-${Number(x.id)}.docx`, body };
    },

    /** The list of martyrs' graves in one cemetery (Mẫu 84), landscape, in position order. */
    async cemeteryListDocx(actor: Actor, cemeteryId: number): Promise<DocxFile> {
      const cem = await martyrsRepo.cemetery(c.db, cemeteryId);
      if (!cem) throw errors.notFound('Nghĩa trang');
      meritPolicy.guard(actor, 'read', meritRecordArea(cem), 'Nghĩa trang');
      const graves = await formsRepo.cemeteryGraves(c.db, cemeteryId);
      const where = cem.commune_code ? await c.areaName(cem.commune_code) : '';
      const identified = graves.filter((g) => g.identified === 1).length;
      const body = await formDocx({
        formNo: 'Mẫu số 84',
        header: await header(cem.province_code, c.today(), ''),
        title: 'Danh sách mộ liệt sĩ trong nghĩa trang liệt sĩ',
        subtitle: `${cem.name}${where ? ` (${where})` : ''}`,
        landscape: true,
        body: [
          {
            table: {
              columns: [
                'STT',
                'Vị trí mộ (khu, hàng, số)',
                'Họ và tên liệt sĩ',
                'Năm sinh',
                'Quê quán',
                'Đơn vị',
                'Ngày hy sinh',
                'Đã xác định danh tính',
              ],
              widths: [5, 14, 22, 8, 20, 12, 11, 10],
              numbered: true,
              rows: graves.map((g, i) => [
                i + 1,
                g.position,
                g.full_name || 'Chưa xác định được thông tin',
                g.birth_year ?? '',
                g.hometown ?? '',
                g.unit ?? '',
                g.death_date ? formatDateVi(g.death_date) : (g.death_year ?? ''),
                g.identified === 1 ? 'Đã xác định' : g.mass_grave === 1 ? 'Mộ tập thể' : 'Chưa xác định',
              ]),
            },
          },
          `Tổng số: ${graves.length} mộ, trong đó ${identified} mộ đã xác định danh tính, ${graves.length - identified} mộ chưa xác định danh tính.`,
        ],
        signers: [
          { title: 'Người lập biểu', note: '(Ký, ghi rõ họ tên)' },
          { title: 'Thủ trưởng đơn vị quản lý nghĩa trang', note: '(Ký, ghi rõ họ tên, đóng dấu)' },
        ],
      });
      return { filename: `danh-sach-mo-liet-si-${Number(cem.id)}.docx`, body };
    },

    /** The minutes of remains handed over by a search team (Mẫu 81/82), with the samples taken. */
    async handoverDocx(actor: Actor, intakeId: number): Promise<DocxFile> {
      const i = await remainsRepo.intake(c.db, intakeId);
      if (!i) throw errors.notFound('Hài cốt tiếp nhận');
      meritPolicy.guard(actor, 'read', { provinceCode: i.province_code }, 'Hài cốt tiếp nhận');
      const samples = await formsRepo.intakeSamples(c.db, intakeId);
      const h = await header(i.province_code, i.received_on, `Số: ${Number(i.id)}/BB-BGHC`);
      const unknown = Number(i.remains_count) - Number(i.identified_count);
      const body = await formDocx({
        formNo: formNo(i.handover_form),
        header: h,
        title: 'Biên bản bàn giao hài cốt liệt sĩ',
        body: [
          `Hôm nay, ${dateWordsVi(i.received_on)}, chúng tôi gồm:`,
          { heading: 'BÊN GIAO:' },
          `- ${i.team}`,
          `- Đại diện: ${BLANK} Chức vụ: ${BLANK}`,
          { heading: 'BÊN NHẬN:' },
          `- ${h.issuer} ${h.parent.replace(/^UBND /, '')}`,
          `- Đại diện: ${BLANK} Chức vụ: ${BLANK}`,
          'Hai bên thống nhất bàn giao hài cốt liệt sĩ được tìm kiếm, quy tập như sau:',
          `- Số hài cốt liệt sĩ bàn giao: ${i.remains_count};`,
          `- Trong đó đã xác định được danh tính: ${i.identified_count}; chưa xác định được danh tính: ${unknown}.`,
          samples.length
            ? `Mẫu hài cốt đã lấy để giám định ADN (${samples.length} mẫu):`
            : 'Chưa lấy mẫu hài cốt để giám định ADN.',
          ...(samples.length
            ? [
                {
                  table: {
                    columns: ['STT', 'Mã mẫu', 'Ngày lấy mẫu', 'Ghi chú'],
                    widths: [8, 40, 22, 30],
                    rows: samples.map((s, n) => [n + 1, s.code, formatDateVi(s.taken_on), '']),
                  },
                },
              ]
            : []),
          'Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản.',
        ],
        signers: [
          { title: 'Đại diện bên giao', note: '(Ký, ghi rõ họ tên)' },
          { title: 'Đại diện bên nhận', note: '(Ký, ghi rõ họ tên, đóng dấu)' },
        ],
      });
      return { filename: `bien-ban-ban-giao-hai-cot-${Number(i.id)}.docx`, body };
    },
  };
}
