import { defineMessages } from '../../kernel/i18n';

/** Messages of the home feature. Vietnamese is the source; English has the same keys. */
export const homeMessages = defineMessages(
  {
    'home.greeting': 'Xin chào, {name}!',
    'home.youAre': 'Bạn làm việc với vai trò {role} tại {area}.',
    'home.startTitle': 'Bắt đầu từ đâu',
    'home.open': 'Mở',
    'home.modulesTitle': 'Các chức năng của bạn',
    'home.soonTag': 'Sắp có',
    'home.inbox.title': 'Việc đang chờ bạn',
    'home.inbox.empty':
      'Không có việc nào đang chờ bạn. Việc mới (danh sách, hồ sơ, ý kiến giám sát, đơn thư) sẽ hiện ở đây.',
    'home.inbox.nothingForRole':
      'Vai trò của bạn không nhận việc chờ xử lý; dùng các chức năng bên cạnh để xem và theo dõi.',
    'home.inbox.all': 'Tất cả',
    'home.inbox.since': 'chờ từ {date}',
    'home.inbox.due': 'hạn {date}',
    'home.inbox.overdue': 'Quá hạn',
    'home.inbox.failed': 'Lỗi',
    'home.inbox.more': 'Đang hiện {shown}/{count} việc loại này; mở chức năng để xem hết.',
    'home.inbox.rows': 'dòng đã nhập: {detail}',
    'home.inbox.kind.list_fix': 'Danh sách bị trả lại, cần sửa',
    'home.inbox.kind.list_prepare': 'Danh sách đang lập, cần kiểm tra và gửi',
    'home.inbox.kind.list_appraise': 'Danh sách chờ huyện thẩm định',
    'home.inbox.kind.list_approve': 'Danh sách chờ Sở phê duyệt',
    'home.inbox.kind.list_sign': 'Danh sách chờ phê duyệt',
    'home.inbox.kind.remark_answer': 'Ý kiến giám sát chưa trả lời',
    'home.inbox.kind.dossier_due': 'Hồ sơ đang ở cấp bạn',
    'home.inbox.kind.letter_due': 'Đơn thư chờ thông báo cho công dân',
    'home.inbox.kind.case_due': 'Vụ việc đang giải quyết',
    'home.inbox.kind.import_done': 'Nhập dữ liệu đã xong',
    'home.inbox.whoActs.list_sign':
      'Chờ chuyên viên Sở trình; lãnh đạo Sở ký quyết định phê duyệt, chuyên viên ghi số quyết định vào hệ thống.',
    'home.inbox.whoActs.list_appraise': 'Cán bộ phòng cấp huyện thẩm định hoặc trả lại cho xã.',
    'home.tip.common.check':
      'Việc đầu tiên: kiểm tra họ tên, vai trò và đơn vị của bạn ở đầu trang. Nếu sai, báo quản trị viên của Sở trước khi nhập liệu.',
    'home.tip.common.logout': 'Không đưa mật khẩu cho người khác. Khi rời máy, bấm "Đăng xuất".',
    'home.tip.admin.users':
      'Tạo tài khoản cho từng cán bộ: mỗi người một tài khoản, đúng vai trò và đúng đơn vị nơi họ làm việc.',
    'home.tip.admin.reset':
      'Khi cán bộ quên mật khẩu, mở "Người dùng" rồi bấm "Đặt lại mật khẩu"; họ sẽ phải đổi mật khẩu ở lần đăng nhập sau.',
    'home.tip.audit': 'Mở "Nhật ký" để biết ai đã thay đổi dữ liệu gì, lúc nào, từ máy nào.',
    'home.tip.areas.province': 'Mở "Đơn vị hành chính" để kiểm tra các huyện, xã của tỉnh: đủ đơn vị và đúng mã.',
    'home.tip.areas.district': 'Mở "Đơn vị hành chính" để xem các xã thuộc phạm vi của bạn.',
    'home.tip.reports':
      'Kế hoạch, chỉ tiêu và số liệu toàn tỉnh ở mục "Báo cáo", tính đến ngày bạn chọn; bấm vào một con số để xem hồ sơ tạo nên nó.',
    'home.tip.programs.approve':
      'Phê duyệt danh sách (từng danh sách hoặc hàng loạt) và chi trả ở mục "Chương trình hỗ trợ"; mỗi người chỉ được chi một lần.',
    'home.tip.programs.appraise':
      'Thẩm định danh sách các xã gửi lên, hoặc trả lại kèm ý kiến, ở mục "Chương trình hỗ trợ".',
    'home.tip.dossiers.deadline':
      'Theo dõi hồ sơ quá hạn, đến hạn hôm nay, ngày mai ở mục "Hồ sơ TTHC" → "Cần xử lý ở cấp tôi".',
    'home.tip.registry.commune':
      'Đăng ký hộ gia đình và nhân khẩu của xã ở mục "Đối tượng / Hộ gia đình", từng hộ hoặc nhập cả danh sách từ Excel; xem "Hồ sơ có thể trùng" để mỗi người chỉ có một hồ sơ.',
    'home.tip.dossiers.counter':
      'Nhận hồ sơ tại bộ phận một cửa ở mục "Hồ sơ TTHC", kể cả nộp thay cho người già, người khuyết tật; in giấy tiếp nhận và hẹn trả kết quả ngay.',
    'home.tip.inspector.petitions':
      'Sổ tiếp công dân, đường dây nóng, đơn thư, khiếu nại và tố cáo ở mục "Tiếp dân, đơn thư"; việc đến hạn của bạn hiện ở đầu trang.',
    'home.tip.supervisor.readonly': 'Bạn có quyền xem để giám sát; bạn không sửa được dữ liệu.',
    'home.tip.supervisor.lists':
      'Danh sách đã công khai xem ở mục "Chương trình hỗ trợ" hoặc trang /cong-khai; ý kiến giám sát của bạn được cán bộ trả lời và lưu lại.',
    'home.tip.employment.centre':
      'Mở phiên giao dịch việc làm, tiếp đón người lao động, ghi nhận trúng tuyển và theo dõi 3 tháng.',
  },
  {
    'home.greeting': 'Hello, {name}!',
    'home.youAre': 'You work as {role} in {area}.',
    'home.startTitle': 'Where to start',
    'home.open': 'Open',
    'home.modulesTitle': 'Your functions',
    'home.soonTag': 'Coming soon',
    'home.inbox.title': 'Waiting for you',
    'home.inbox.empty':
      'Nothing is waiting for you. New work (lists, dossiers, supervision remarks, petitions) will show here.',
    'home.inbox.nothingForRole': 'Your role is not given work to process; use the functions beside to view and follow.',
    'home.inbox.all': 'All',
    'home.inbox.since': 'waiting since {date}',
    'home.inbox.due': 'due {date}',
    'home.inbox.overdue': 'Overdue',
    'home.inbox.failed': 'Failed',
    'home.inbox.more': 'Showing {shown} of {count} of this kind; open the function to see them all.',
    'home.inbox.rows': 'rows imported: {detail}',
    'home.inbox.kind.list_fix': 'Lists returned, to fix',
    'home.inbox.kind.list_prepare': 'Lists being prepared, to check and submit',
    'home.inbox.kind.list_appraise': 'Lists awaiting district appraisal',
    'home.inbox.kind.list_approve': 'Lists awaiting department approval',
    'home.inbox.kind.list_sign': 'Lists awaiting approval',
    'home.inbox.kind.remark_answer': 'Supervision remarks to answer',
    'home.inbox.kind.dossier_due': 'Dossiers at your level',
    'home.inbox.kind.letter_due': 'Letters awaiting the citizen notice',
    'home.inbox.kind.case_due': 'Cases being settled',
    'home.inbox.kind.import_done': 'Imports finished',
    'home.inbox.whoActs.list_sign':
      'A department officer submits it; the department leader signs the approval decision, and the officer records its number here.',
    'home.inbox.whoActs.list_appraise': 'The district division appraises it or returns it to the commune.',
    'home.tip.common.check':
      'First: check your name, role and unit at the top of the page. If anything is wrong, tell the Department administrator before entering data.',
    'home.tip.common.logout': 'Never give your password to anyone. When you leave the computer, press "Log out".',
    'home.tip.admin.users':
      'Create an account for each officer: one person, one account, with the right role and unit.',
    'home.tip.admin.reset':
      'When an officer forgets a password, open "Users" and press "Reset password"; they must change it at their next sign-in.',
    'home.tip.audit': 'Open the "Audit log" to see who changed what, when, and from which computer.',
    'home.tip.areas.province':
      'Open "Administrative units" to check the districts and communes of the province: all present, correct codes.',
    'home.tip.areas.district': 'Open "Administrative units" to see the communes in your area.',
    'home.tip.reports':
      'Plans, targets and province-wide figures are under "Reports", as of a date you choose; click a figure to see the records behind it.',
    'home.tip.programs.approve':
      'Approve lists (one or many at once) and pay under "Support programs"; nobody is paid twice.',
    'home.tip.programs.appraise':
      'Appraise the communes\' lists, or return them with comments, under "Support programs".',
    'home.tip.dossiers.deadline':
      'Follow overdue dossiers and those due today or tomorrow under "Administrative dossiers" → "At my level".',
    'home.tip.registry.commune':
      'Register your commune\'s households and members under "Persons / Households", one by one or a whole list from Excel; check "Possible duplicates" so that each person has one file only.',
    'home.tip.dossiers.counter':
      'Take dossiers at the one-stop counter under "Administrative dossiers", including on behalf of elderly or disabled people; print the receipt and appointment slip at once.',
    'home.tip.inspector.petitions':
      'The reception book, hotline, letters, complaints and denunciations are under "Reception and letters"; what is due for you comes first.',
    'home.tip.supervisor.readonly': 'You may view for supervision; you cannot change data.',
    'home.tip.supervisor.lists':
      'Published lists are under "Support programs" or at /cong-khai; officers answer your supervision remarks and both are kept.',
    'home.tip.employment.centre': 'Open a job fair, check workers in, record hires and follow them for three months.',
  },
);

declare module '../../kernel/i18n/catalogue' {
  interface Messages {
    home: typeof homeMessages;
  }
}
