/**
 * Classifying letters (đơn) by content (TT 05/2021/TT-TTCP, replacing TT 07/2014/TT-TTCP Art. 6;
 * Luật Tiếp công dân 42/2013/QH13 Art. 25–26): complaint (khiếu nại), denunciation (tố cáo),
 * proposal or report (kiến nghị, phản ánh), and mixed letters, which are split into one letter
 * per content before anything else is done with them.
 */
export const LETTER_KINDS = ['complaint', 'denunciation', 'proposal', 'mixed'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export type SingleKind = Exclude<LetterKind, 'mixed'>;

export const LETTER_KIND_LABELS: Record<LetterKind, { vi: string; en: string; short: string }> = {
  complaint: { vi: 'Khiếu nại', en: 'Complaint', short: 'KN' },
  denunciation: { vi: 'Tố cáo', en: 'Denunciation', short: 'TC' },
  proposal: { vi: 'Kiến nghị, phản ánh', en: 'Proposal or report', short: 'KNPA' },
  mixed: { vi: 'Đơn có nhiều nội dung', en: 'Mixed letter', short: 'HH' },
};

/** How a letter arrived (TT 05/2021: trực tiếp, bưu chính, cơ quan khác chuyển đến; plus hotline, portal). */
export const LETTER_CHANNELS = ['in_person', 'post', 'transferred', 'hotline', 'portal'] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

/** A letter signed by 5 people or more is a group letter (đơn đông người). */
export const GROUP_MIN_PEOPLE = 5;
export const isGroup = (people: number): boolean => people >= GROUP_MIN_PEOPLE;

/**
 * The parts a mixed letter splits into: at least two, each a single kind (Luật Tiếp công dân
 * Art. 25: "nội dung khác nhau ... hướng dẫn viết thành đơn riêng"). Returns a Vietnamese error
 * message, or null when the split is acceptable.
 */
export function checkSplit(parts: readonly { kind: LetterKind; summary: string }[]): string | null {
  if (parts.length < 2) return 'Đơn nhiều nội dung phải tách thành ít nhất 2 đơn, mỗi đơn một loại nội dung.';
  if (parts.some((p) => p.kind === 'mixed'))
    return 'Mỗi phần tách ra phải là khiếu nại, tố cáo hoặc kiến nghị, phản ánh.';
  if (parts.some((p) => !p.summary.trim())) return 'Ghi tóm tắt nội dung cho từng phần tách ra.';
  return null;
}

/** What is decided about a letter (Luật Tiếp công dân Art. 26; TT 05/2021/TT-TTCP). */
export const HANDLING_DECISIONS = ['accept', 'transfer', 'guide', 'return', 'file'] as const;
export type HandlingDecision = (typeof HANDLING_DECISIONS)[number];

export const HANDLING_LABELS: Record<HandlingDecision, { vi: string; en: string; slip: string }> = {
  accept: { vi: 'Thụ lý / đề xuất thụ lý', en: 'Accept', slip: 'Phiếu đề xuất thụ lý (Mẫu 01, TT 05/2021)' },
  transfer: { vi: 'Chuyển đơn', en: 'Transfer', slip: 'Phiếu chuyển đơn (Mẫu 03 cho tố cáo, TT 05/2021)' },
  guide: { vi: 'Hướng dẫn', en: 'Guide', slip: 'Văn bản hướng dẫn' },
  return: { vi: 'Trả lại đơn', en: 'Return', slip: 'Văn bản trả lại đơn và giấy tờ' },
  file: { vi: 'Lưu đơn', en: 'File', slip: 'Lưu đơn (không đủ điều kiện xử lý)' },
};

/**
 * The decisions open for a letter of one kind, by fitness and competence:
 * - an unfit letter is filed or returned (TT 07/2014 Art. 28 / TT 05/2021);
 * - within competence: accept (complaint, denunciation) or accept to answer (proposal);
 * - outside competence: a complaint is guided to the competent body; a denunciation or a proposal
 *   is transferred (Luật Tiếp công dân Art. 26; Luật Tố cáo Art. 24(2)).
 */
export function allowedDecisions(kind: SingleKind, fit: boolean, withinCompetence: boolean): HandlingDecision[] {
  if (!fit) return ['file', 'return'];
  if (withinCompetence) return ['accept'];
  return kind === 'complaint' ? ['guide', 'return'] : ['transfer', 'guide'];
}

/**
 * A denunciation is transferred once per content (TT 05/2021/TT-TTCP Art. 14): a second transfer
 * of the same content is refused. Returns the Vietnamese reason, or null when allowed.
 */
export function checkTransfer(kind: SingleKind, earlierTransfers: number): string | null {
  if (kind === 'denunciation' && earlierTransfers > 0) {
    return 'Đơn tố cáo này đã được chuyển một lần; theo Điều 14 Thông tư 05/2021/TT-TTCP chỉ chuyển một lần cho mỗi nội dung. Hãy lưu đơn hoặc hướng dẫn người tố cáo.';
  }
  return null;
}
