import { formatDateVi, LETTER_KIND_LABELS, type HandlingDecision, type LetterKind } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { dateWordsVi, formDocx, type DocxFormHeader, type DocxFormSpec } from '../../../platform/docx-forms.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { lettersRepo, type LetterRow } from '../repo/letters.repo.js';
import { today, type AreaColumns, type PetitionsDeps } from './shared.js';

/** NĐ 154/2026/NĐ-CP replaces NĐ 64/2014/NĐ-CP on 1/7/2026 (docs/legal/petitions.md). */
const DECREE_2026 = '2026-07-01';
const BLANK = '……………………';
export const LETTER_FORMS = ['01-tcd', '02-tcd', 'slip'] as const;
export type LetterForm = (typeof LETTER_FORMS)[number];

/**
 * The issuer of a record's forms: the Department for a province record (under the province's
 * People's Committee), the commune's or district's People's Committee for theirs.
 */
export async function headerOf(
  deps: PetitionsDeps,
  r: AreaColumns,
  number: string,
  date: string,
): Promise<DocxFormHeader> {
  const name = async (code: string | null) => (code ? ((await deps.areas.pathOf(code))?.name ?? code) : '');
  const province = await name(r.province_code);
  const place = province.replace(/^Tỉnh |^Thành phố /, '');
  const placeDate = `${place}, ${dateWordsVi(date)}`;
  if (r.commune_code) {
    const parent = r.district_code ? await name(r.district_code) : province;
    return { parent: `UBND ${parent}`, issuer: `UBND ${await name(r.commune_code)}`, number, placeDate };
  }
  if (r.district_code)
    return { parent: `UBND ${province}`, issuer: `UBND ${await name(r.district_code)}`, number, placeDate };
  return { parent: `UBND ${province}`, issuer: 'Sở Lao động - Thương binh và Xã hội', number, placeDate };
}

/** The writer as a form may show them: never a denouncer (Luật Tố cáo 2018 Art. 47). */
function writer(l: LetterRow) {
  if (l.identity_restricted === 1) return { who: BLANK, address: BLANK, id: BLANK };
  return { who: l.sender_name ?? BLANK, address: l.sender_address ?? BLANK, id: l.sender_id_number ?? BLANK };
}

function refusal(l: LetterRow, issuer: string, reason: string | undefined): Omit<DocxFormSpec, 'header'> {
  const w = writer(l);
  const decree = l.received_date >= DECREE_2026 ? 'Nghị định số 154/2026/NĐ-CP' : 'Nghị định số 64/2014/NĐ-CP';
  return {
    formNo: 'Mẫu số 01/TCD',
    title: 'Thông báo',
    subtitle: 'Về việc từ chối tiếp công dân',
    body: [
      `Kính gửi: Ông (bà) ${w.who}.`,
      `Địa chỉ: ${w.address}.`,
      'Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;',
      `Căn cứ ${decree} quy định chi tiết một số điều của Luật Tiếp công dân;`,
      `${issuer} thông báo từ chối tiếp ông (bà) về nội dung: ${l.summary}.`,
      `Lý do: ${reason?.trim() || BLANK}.`,
    ],
    signers: [{ title: 'Người tiếp công dân', note: '(Ký, ghi rõ họ tên)' }],
  };
}

function receipt(l: LetterRow, issuer: string): Omit<DocxFormSpec, 'header'> {
  const w = writer(l);
  return {
    formNo: 'Mẫu số 02/TCD',
    title: 'Giấy biên nhận',
    subtitle: 'Thông tin, tài liệu, bằng chứng',
    body: [
      `Vào hồi … giờ … ${dateWordsVi(l.received_date)}, tại ${issuer}.`,
      `Tôi là: ${BLANK}; chức vụ: ${BLANK}.`,
      `Đã nhận của ông (bà): ${w.who}; số CCCD/Hộ chiếu: ${w.id}.`,
      `Địa chỉ: ${w.address}.`,
      `Các thông tin, tài liệu, bằng chứng liên quan đến đơn số ${l.code} (${l.summary}), gồm:`,
      `- 1. ${BLANK}`,
      `- 2. ${BLANK}`,
      `- 3. ${BLANK}`,
      'Giấy biên nhận được lập thành 02 bản, mỗi bên giữ 01 bản.',
    ],
    signers: [
      { title: 'Người nộp', note: '(Ký, ghi rõ họ tên)' },
      { title: 'Người nhận', note: '(Ký, ghi rõ họ tên)' },
    ],
  };
}

/** The slip or notice of the handling decision (Luật Tiếp công dân Art. 26; TT 05/2021/TT-TTCP). */
function slip(l: LetterRow, issuer: string): Omit<DocxFormSpec, 'header'> {
  const decision = l.decision as HandlingDecision | null;
  if (!decision || decision === 'file') {
    throw errors.conflict(
      'NO_SLIP_FOR_LETTER',
      decision
        ? 'Đơn đã lưu (không đủ điều kiện xử lý) không có phiếu hay thông báo để in.'
        : 'Đơn chưa có quyết định xử lý; quyết định xử lý trước rồi in phiếu.',
    );
  }
  const w = writer(l);
  const kind = l.kind ? LETTER_KIND_LABELS[l.kind as LetterKind].vi.toLowerCase() : 'đơn';
  const denunciation = l.kind === 'denunciation';
  const received = `Ngày ${formatDateVi(l.received_date)}, ${issuer} nhận được đơn số ${l.code} (${kind})${
    denunciation ? '' : ` của ông (bà) ${w.who}, địa chỉ: ${w.address}`
  }.`;
  const secret = 'Thông tin về người tố cáo được giữ bí mật theo Điều 47 Luật Tố cáo năm 2018.';
  const to = l.decision_to ?? BLANK;
  const sign = [{ title: 'Thủ trưởng cơ quan', note: '(Ký, ghi rõ họ tên, đóng dấu)' }];
  switch (decision) {
    case 'accept':
      return {
        formNo: 'Mẫu số 01 (Thông tư 05/2021/TT-TTCP)',
        title: 'Phiếu đề xuất thụ lý đơn',
        body: [
          `Kính gửi: Thủ trưởng ${issuer}.`,
          received,
          `Nội dung đơn: ${l.summary}.`,
          `Đơn đủ điều kiện xử lý và thuộc thẩm quyền giải quyết. Đề xuất thụ lý giải quyết ${kind} theo quy định.`,
          ...(denunciation ? [secret] : []),
        ],
        signers: [
          { title: 'Người đề xuất', note: '(Ký, ghi rõ họ tên)' },
          { title: 'Duyệt của thủ trưởng', note: '(Ký, ghi rõ họ tên)' },
        ],
      };
    case 'transfer':
      return {
        formNo: denunciation ? 'Mẫu số 03 (Thông tư 05/2021/TT-TTCP)' : 'Mẫu số 02 (Thông tư 05/2021/TT-TTCP)',
        title: denunciation ? 'Phiếu chuyển đơn tố cáo' : 'Phiếu chuyển đơn',
        body: [
          `Kính gửi: ${to}.`,
          received,
          `Nội dung đơn: ${l.summary}.`,
          `Sau khi xem xét, ${issuer} chuyển đơn đến ${to} để xem xét, giải quyết theo thẩm quyền.`,
          ...(denunciation ? [secret, 'Đơn tố cáo chỉ được chuyển một lần (Điều 14 Thông tư 05/2021/TT-TTCP).'] : []),
        ],
        signers: sign,
      };
    case 'guide':
      return {
        formNo: 'Văn bản hướng dẫn (Thông tư 05/2021/TT-TTCP)',
        title: 'Văn bản hướng dẫn',
        subtitle: 'Về việc gửi đơn đến cơ quan có thẩm quyền',
        body: [
          `Kính gửi: Ông (bà) ${w.who}.`,
          `Ngày ${formatDateVi(l.received_date)}, ${issuer} nhận được đơn số ${l.code} của ông (bà), nội dung: ${l.summary}.`,
          `Nội dung đơn không thuộc thẩm quyền giải quyết của ${issuer}. Đề nghị ông (bà) gửi đơn đến ${to} để được xem xét, giải quyết theo quy định của pháp luật.`,
        ],
        signers: sign,
      };
    case 'return':
      return {
        formNo: 'Thông báo (Thông tư 05/2021/TT-TTCP)',
        title: 'Thông báo',
        subtitle: 'Về việc trả lại đơn và giấy tờ, tài liệu',
        body: [
          `Kính gửi: Ông (bà) ${w.who}.`,
          `Ngày ${formatDateVi(l.received_date)}, ${issuer} nhận được đơn số ${l.code} của ông (bà), nội dung: ${l.summary}.`,
          `${issuer} trả lại đơn và các giấy tờ, tài liệu gốc kèm theo để ông (bà) gửi đến ${to === BLANK ? 'cơ quan có thẩm quyền' : to} theo quy định.`,
        ],
        signers: sign,
      };
  }
}

/**
 * The forms printed from a letter, as DOCX, always in Vietnamese: Mẫu 01/TCD (notice refusing
 * reception), Mẫu 02/TCD (receipt of documents), and the slip or notice of its handling decision.
 * A denouncer's name and address are never on a form: the blanks are filled by hand.
 */
export function formsUseCases(deps: PetitionsDeps) {
  return {
    async letterForm(actor: Actor, id: number, form: LetterForm, opts: { reason?: string | undefined } = {}) {
      const letter = await lettersRepo.find(deps.database.db, id);
      if (!letter) throw errors.notFound('Đơn');
      petitionsPolicy.guard(actor, 'read', { areaPath: letter.area_path }, 'Đơn');
      const number = letter.decision_ref ? `Số: ${letter.decision_ref}` : 'Số: ……';
      const date = form === 'slip' ? (letter.decision_date ?? today()) : letter.received_date;
      const header = await headerOf(deps, letter, form === '02-tcd' ? '' : number, date);
      const spec =
        form === '01-tcd'
          ? refusal(letter, header.issuer, opts.reason)
          : form === '02-tcd'
            ? receipt(letter, header.issuer)
            : slip(letter, header.issuer);
      const name = form === 'slip' ? `phieu-${letter.decision}` : `mau-${form}`;
      return {
        filename: `${name}-${letter.code}.docx`,
        body: await formDocx({ ...spec, header, defaultStyle: false }),
      };
    },
  };
}
