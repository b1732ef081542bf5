import type { SingleKind } from './classify.js';

/**
 * The "fit to handle" checklist (đủ điều kiện xử lý), TT 07/2014/TT-TTCP Art. 6, carried into TT
 * 05/2021/TT-TTCP: written in Vietnamese, dated, with the sender's name, address and signature or
 * thumbprint; a complaint names the decision or act complained of, the content, reasons and
 * request; a denunciation names the person accused and the act; not already handled (or a further
 * step is allowed); not already sent to the competent body; not already guided once.
 */
export const FITNESS_ITEMS = [
  'vietnamese',
  'dated',
  'name_address',
  'signed',
  'complaint_content',
  'denunciation_content',
  'not_settled',
  'not_sent_elsewhere',
  'not_guided_before',
] as const;
export type FitnessItem = (typeof FITNESS_ITEMS)[number];

export const FITNESS_LABELS: Record<FitnessItem, { vi: string; en: string }> = {
  vietnamese: { vi: 'Đơn viết bằng tiếng Việt', en: 'Written in Vietnamese' },
  dated: { vi: 'Ghi ngày, tháng, năm viết đơn', en: 'Dated' },
  name_address: { vi: 'Có họ tên, địa chỉ người viết đơn', en: "Sender's name and address" },
  signed: { vi: 'Có chữ ký hoặc điểm chỉ', en: 'Signed or thumb-printed' },
  complaint_content: {
    vi: 'Khiếu nại: nêu quyết định, hành vi bị khiếu nại, nội dung, lý do và yêu cầu',
    en: 'Complaint: names the decision or act, content, reasons, request',
  },
  denunciation_content: {
    vi: 'Tố cáo: nêu người bị tố cáo và hành vi vi phạm',
    en: 'Denunciation: names the accused and the act',
  },
  not_settled: {
    vi: 'Chưa được giải quyết, hoặc còn được giải quyết tiếp',
    en: 'Not yet settled, or a further step is allowed',
  },
  not_sent_elsewhere: { vi: 'Chưa gửi đúng cơ quan có thẩm quyền', en: 'Not already sent to the competent body' },
  not_guided_before: { vi: 'Chưa được hướng dẫn một lần', en: 'Not already guided once' },
};

/** The items that apply to a letter of one kind. */
export function fitnessItemsFor(kind: SingleKind): FitnessItem[] {
  return FITNESS_ITEMS.filter(
    (i) =>
      (i !== 'complaint_content' || kind === 'complaint') && (i !== 'denunciation_content' || kind === 'denunciation'),
  );
}

/**
 * Whether a letter is fit to handle: every applicable item answered yes. An item not answered
 * counts as failed (the officer must look at each). Returns the failed items, in order.
 */
export function assessFitness(
  kind: SingleKind,
  answers: Partial<Record<FitnessItem, boolean>>,
): { fit: boolean; failed: FitnessItem[] } {
  const failed = fitnessItemsFor(kind).filter((i) => answers[i] !== true);
  return { fit: failed.length === 0, failed };
}
