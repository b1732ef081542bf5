/**
 * Citizen reception (tiếp công dân): kinds of session and the reception book, Mẫu 03/TCD (NĐ
 * 154/2026/NĐ-CP; before it NĐ 64/2014 and TT 06/2014/TT-TTCP). The book has 13 columns.
 */
export const SESSION_KINDS = ['regular', 'head', 'ad_hoc', 'online'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_KIND_LABELS: Record<SessionKind, { vi: string; en: string }> = {
  regular: { vi: 'Tiếp thường xuyên', en: 'Regular reception' },
  head: { vi: 'Thủ trưởng tiếp định kỳ', en: "Head's periodic reception" },
  ad_hoc: { vi: 'Tiếp đột xuất', en: 'Ad hoc reception' },
  online: { vi: 'Tiếp trực tuyến', en: 'Online reception' },
};

/** The 13 columns of the reception book, Mẫu 03/TCD, in order. */
export const RECEPTION_BOOK_COLUMNS: readonly { key: string; vi: string; en: string }[] = [
  { key: 'seq', vi: 'STT', en: 'No.' },
  { key: 'date', vi: 'Ngày tiếp', en: 'Date' },
  { key: 'nameAddress', vi: 'Họ tên - Địa chỉ', en: 'Name and address' },
  { key: 'idNumber', vi: 'Số CCCD/Hộ chiếu', en: 'ID or passport' },
  { key: 'summary', vi: 'Nội dung vụ việc', en: 'Summary' },
  { key: 'kind', vi: 'Phân loại (KN, TC, KN, PA)', en: 'Type' },
  { key: 'people', vi: 'Số người cùng nội dung', en: 'People with the same content' },
  { key: 'settledBy', vi: 'Cơ quan đã giải quyết', en: 'Body that already settled it' },
  { key: 'withinCompetence', vi: 'Thuộc thẩm quyền', en: 'Within competence' },
  { key: 'guidance', vi: 'Hướng dẫn (cơ quan, số văn bản)', en: 'Guidance given' },
  { key: 'acceptedBy', vi: 'Cơ quan tiếp nhận, số văn bản chuyển', en: 'Accepting body, transfer number' },
  { key: 'followUp', vi: 'Theo dõi kết quả giải quyết', en: 'Follow-up of the result' },
  { key: 'note', vi: 'Ghi chú', en: 'Notes' },
];

/** Results of a settled case. Complaints: right, partly right, wrong; denunciations: true, partly, false. */
export const CASE_RESULTS = ['right', 'partly', 'wrong', 'withdrawn'] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];
export const CASE_RESULT_LABELS: Record<'complaint' | 'denunciation', Record<CaseResult, string>> = {
  complaint: {
    right: 'Khiếu nại đúng',
    partly: 'Khiếu nại đúng một phần',
    wrong: 'Khiếu nại sai',
    withdrawn: 'Rút đơn',
  },
  denunciation: { right: 'Tố cáo đúng', partly: 'Tố cáo đúng một phần', wrong: 'Tố cáo sai', withdrawn: 'Rút tố cáo' },
};
