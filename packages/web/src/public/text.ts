/** The citizen's pages in Vietnamese and English (the officers' catalogue is not loaded here). */
const vi = {
  skip: 'Bỏ qua, đến nội dung chính',
  navLookup: 'Tra cứu hồ sơ',
  navLists: 'Danh sách công khai',
  otherLang: 'English',
  loading: 'Đang tải…',
  network: 'Không kết nối được máy chủ. Kiểm tra mạng rồi bấm thử lại.',
  retry: 'Thử lại',
  failed: 'Không tải được. Bấm thử lại sau ít phút.',
  tooMany: 'Bạn đã thử quá nhiều lần. Đợi ít phút rồi thử lại.',
  lookupTitle: 'Tra cứu hồ sơ thủ tục hành chính',
  lookupIntro:
    'Nhập mã hồ sơ in trên giấy tiếp nhận và hẹn trả kết quả, cùng số điện thoại đã khai khi nộp hoặc mã tra cứu in trên giấy hẹn.',
  code: 'Mã hồ sơ',
  check: 'Số điện thoại hoặc mã tra cứu',
  submit: 'Tra cứu',
  searching: 'Đang tra cứu…',
  notFound: 'Không tìm thấy hồ sơ. Kiểm tra mã hồ sơ và số điện thoại (hoặc mã tra cứu) in trên giấy hẹn.',
  procedure: 'Thủ tục',
  applicant: 'Người nộp',
  state: 'Trạng thái',
  where: 'Đang xử lý tại',
  received: 'Ngày tiếp nhận',
  appointment: 'Ngày hẹn trả kết quả',
  settled: 'Ngày có kết quả',
  delivery: 'Nhận kết quả',
  steps: 'Các bước',
  done: 'xong',
  notYet: 'chưa xong',
  supplementTitle: 'Hồ sơ đang chờ bổ sung.',
  supplementBring: 'Cần mang đến bộ phận một cửa nơi đã nộp:',
  supplementUnknown: 'Liên hệ bộ phận một cửa nơi đã nộp để biết giấy tờ cần bổ sung.',
  'state.processing': 'Đang giải quyết',
  'state.supplement': 'Chờ bổ sung',
  'state.result_ready': 'Có kết quả, chờ trả',
  'state.returned': 'Đã trả kết quả',
  'state.refused': 'Từ chối',
  'state.withdrawn': 'Đã rút',
  'delivery.counter': 'Nhận tại bộ phận một cửa',
  'delivery.post': 'Gửi qua bưu điện',
  'delivery.home': 'Mang đến tận nhà',
  'delivery.online': 'Nhận trực tuyến',
  listsTitle: 'Danh sách hỗ trợ được công khai',
  listsIntro:
    'Danh sách người được hưởng hỗ trợ đã được phê duyệt, công khai để nhân dân và Mặt trận Tổ quốc giám sát. Số CCCD chỉ hiện 3 số cuối.',
  commune: 'Xã, phường',
  program: 'Chương trình',
  name: 'Họ tên người được hỗ trợ',
  namePlaceholder: 'Ví dụ: nguyen van an',
  all: 'Tất cả',
  find: 'Tìm',
  none: 'Không có danh sách nào khớp. Bỏ bớt điều kiện tìm rồi thử lại.',
  found: 'Tìm thấy {n} danh sách',
  people: '{n} người',
  total: 'tổng {amount} đồng',
  period: 'Kỳ {period}',
  decision: 'Quyết định {no} ngày {date}',
  publishedAt: 'Công khai ngày {date}',
  prev: '‹ Trang trước',
  next: 'Trang sau ›',
  back: '‹ Tất cả danh sách',
  legalBasis: 'Căn cứ: {basis}',
  masked: 'Số CCCD chỉ hiện 3 số cuối.',
  filterEntries: 'Tìm tên trong danh sách',
  entriesLabel: 'Những người có tên trong danh sách (kéo ngang để xem hết)',
  no: 'STT',
  fullName: 'Họ và tên',
  birthYear: 'Năm sinh',
  village: 'Thôn, ấp',
  idTail: 'CCCD (3 số cuối)',
  category: 'Đối tượng',
  amount: 'Mức hỗ trợ',
  showMore: 'Xem thêm',
  remarks: 'Ý kiến giám sát và trả lời',
  noRemarks: 'Chưa có ý kiến nào.',
  answer: 'Trả lời ({by}):',
  supervise: 'Thành viên Mặt trận Tổ quốc, ban giám sát: đăng nhập để gửi ý kiến về danh sách này.',
  print: 'In danh sách',
  listNotFound: 'Không có danh sách công khai này. Quay lại trang danh sách.',
};
export type TextKey = keyof typeof vi;

const en: Record<TextKey, string> = {
  skip: 'Skip to main content',
  navLookup: 'Look up a dossier',
  navLists: 'Published lists',
  otherLang: 'Tiếng Việt',
  loading: 'Loading…',
  network: 'Cannot reach the server. Check the connection, then try again.',
  retry: 'Try again',
  failed: 'Could not load. Try again in a few minutes.',
  tooMany: 'Too many attempts. Wait a few minutes, then try again.',
  lookupTitle: 'Look up an administrative dossier',
  lookupIntro:
    'Enter the dossier code printed on the receipt and appointment slip, with the phone number given when applying or the lookup code printed on the slip.',
  code: 'Dossier code',
  check: 'Phone number or lookup code',
  submit: 'Look up',
  searching: 'Looking up…',
  notFound: 'No dossier found. Check the dossier code and the phone number (or lookup code) printed on the slip.',
  procedure: 'Procedure',
  applicant: 'Applicant',
  state: 'State',
  where: 'Being handled by',
  received: 'Received on',
  appointment: 'Result expected on',
  settled: 'Result ready on',
  delivery: 'Result delivery',
  steps: 'Steps',
  done: 'done',
  notYet: 'not yet',
  supplementTitle: 'The dossier is waiting for more papers.',
  supplementBring: 'Bring to the one-stop counter where you applied:',
  supplementUnknown: 'Ask the one-stop counter where you applied which papers are needed.',
  'state.processing': 'Being processed',
  'state.supplement': 'Waiting for papers',
  'state.result_ready': 'Result ready to collect',
  'state.returned': 'Result delivered',
  'state.refused': 'Refused',
  'state.withdrawn': 'Withdrawn',
  'delivery.counter': 'At the one-stop counter',
  'delivery.post': 'By post',
  'delivery.home': 'Delivered to the home',
  'delivery.online': 'Online',
  listsTitle: 'Published support lists',
  listsIntro:
    'Approved lists of people receiving support, published so that residents and the Fatherland Front can check them. Citizen IDs show the last 3 digits only.',
  commune: 'Commune or ward',
  program: 'Program',
  name: 'Name of a person supported',
  namePlaceholder: 'For example: nguyen van an',
  all: 'All',
  find: 'Search',
  none: 'No list matches. Remove a condition and try again.',
  found: '{n} lists found',
  people: '{n} people',
  total: 'total {amount} dong',
  period: 'Period {period}',
  decision: 'Decision {no} of {date}',
  publishedAt: 'Published on {date}',
  prev: '‹ Previous page',
  next: 'Next page ›',
  back: '‹ All lists',
  legalBasis: 'Legal basis: {basis}',
  masked: 'Citizen IDs show the last 3 digits only.',
  filterEntries: 'Find a name in the list',
  entriesLabel: 'People on the list (scroll sideways to see all)',
  no: 'No.',
  fullName: 'Full name',
  birthYear: 'Born',
  village: 'Village',
  idTail: 'ID (last 3 digits)',
  category: 'Group',
  amount: 'Support',
  showMore: 'Show more',
  remarks: 'Supervision remarks and answers',
  noRemarks: 'No remarks yet.',
  answer: 'Answer ({by}):',
  supervise: 'Fatherland Front members and supervision boards: sign in to file a remark on this list.',
  print: 'Print the list',
  listNotFound: 'There is no such published list. Go back to the lists.',
};

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'ansinh.lang';

export function currentLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function switchLang(): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, currentLang() === 'en' ? 'vi' : 'en');
  } catch {
    /* private mode: the page stays in its language */
  }
  window.location.reload();
}

/** The text for `key` in the page's language, with {name} placeholders filled. */
export function tr(key: TextKey, vars: Record<string, string | number> = {}): string {
  const s = (currentLang() === 'en' ? en : vi)[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
