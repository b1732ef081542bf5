import { defineMessages } from './catalogue';

/** The shell's words (header, menu, errors, status pages) and the words every feature shares. */
export const shellMessages = defineMessages(
  {
    'app.name': 'AnSinh',
    'app.org': 'Sở Lao động – Thương binh và Xã hội',
    'app.loading': 'Đang tải…',

    'lang.vi': 'Tiếng Việt',
    'lang.en': 'English',
    'lang.switchToVi': 'Chuyển sang tiếng Việt',
    'lang.switchToEn': 'Chuyển sang tiếng Anh',

    'nav.home': 'Trang chủ',
    'nav.waiting': '{count} việc đang chờ, {overdue} quá hạn',
    'session.expiredTitle': 'Phiên làm việc đã hết hạn',
    'session.expiredText':
      'Phiên đăng nhập của {user} đã hết hạn. Nhập lại mật khẩu để tiếp tục: những gì bạn đã nhập trên trang vẫn được giữ, sau đó bấm lại nút lưu hoặc gửi.',
    'session.signInAgain': 'Đăng nhập lại',
    'session.username': 'Tên đăng nhập',
    'session.password': 'Mật khẩu',
    'session.passwordRequired': 'Nhập mật khẩu',
    'nav.registry': 'Đối tượng / Hộ gia đình',
    'nav.programs': 'Chương trình hỗ trợ',
    'nav.dossiers': 'Hồ sơ TTHC',
    'nav.merit': 'Người có công',
    'nav.reports': 'Báo cáo',
    'nav.poverty': 'Rà soát hộ nghèo',
    'nav.employment': 'Việc làm',
    'nav.petitions': 'Tiếp dân, đơn thư',
    'nav.areas': 'Đơn vị hành chính',
    'nav.users': 'Người dùng',
    'nav.audit': 'Nhật ký',
    'nav.account': 'Đổi mật khẩu',
    'nav.open': 'Mở menu',
    'nav.label': 'Điều hướng chính',

    'header.role': 'Vai trò',
    'header.area': 'Đơn vị',
    'header.logout': 'Đăng xuất',
    'header.loggedOut': 'Bạn đã đăng xuất.',

    'common.cancel': 'Huỷ',
    'common.save': 'Lưu',
    'common.close': 'Đóng',
    'common.search': 'Tìm',
    'common.filter': 'Lọc',
    'common.clearFilters': 'Xoá bộ lọc',
    'common.all': 'Tất cả',
    'common.retry': 'Thử lại',
    'common.unknownCode': 'Không xác định',
    'common.reload': 'Tải lại trang',
    'common.backHome': 'Về trang chủ',
    'common.actions': 'Thao tác',
    'common.none': '—',
    'common.system': 'Hệ thống',
    'common.range': '{from}–{to} / {total}',
    'common.rangeCapped': '{from}–{to} / hơn {total} kết quả',
    'common.errorTitle': 'Không thực hiện được',
    'common.requestId': 'Mã yêu cầu (gửi kèm khi báo lỗi): {id}',
    'form.dateRequired': 'Chọn hoặc gõ ngày theo dạng ngày/tháng/năm, ví dụ 05/01/2025',
    'form.datePlaceholder': 'ngày/tháng/năm',
    'common.required': 'Trường này bắt buộc',

    'error.network': 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    'error.badResponse': 'Máy chủ trả về dữ liệu không đúng định dạng. Báo quản trị viên kèm mã yêu cầu.',
    'error.http': 'Máy chủ báo lỗi {status}. Thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên.',
    'error.status.400': 'Dữ liệu gửi lên chưa đúng. Kiểm tra lại rồi gửi lại.',
    'error.status.403': 'Vai trò của bạn không được làm thao tác này.',
    'error.status.404': 'Bản ghi không tồn tại hoặc nằm ngoài địa bàn của bạn.',
    'error.status.409': 'Thao tác không hợp với tình trạng hiện tại của bản ghi. Tải lại trang rồi kiểm tra.',
    'error.field': 'Giá trị này chưa đúng: kiểm tra rồi gửi lại.',
    'error.unknown': 'Đã có lỗi ngoài ý muốn. Tải lại trang rồi thử lại; nếu vẫn lỗi, báo quản trị viên.',
    'error.boundaryTitle': 'Đã có lỗi xảy ra',
    'error.boundaryText':
      'Trang này gặp sự cố ngoài ý muốn. Những gì bạn đã lưu trước đó không bị mất. Hãy tải lại trang; nếu vẫn lỗi, báo quản trị viên và cho biết bạn đang làm gì lúc đó.',
    'error.chunkText': 'Có thể hệ thống vừa được cập nhật. Hãy tải lại trang để dùng phiên bản mới.',
    'error.sessionCheck': 'Không kiểm tra được phiên đăng nhập',

    'notFound.title': 'Không tìm thấy trang',
    'notFound.text': 'Địa chỉ này không có trong AnSinh. Hãy chọn chức năng trong danh mục, hoặc về trang chủ.',
    'forbidden.title': 'Bạn không có quyền dùng chức năng này',
    'forbidden.text': 'Vai trò của bạn không được mở trang này. Nếu công việc cần, hãy đề nghị quản trị viên của Sở.',

    'soon.title': '{module}: sắp có',
    'soon.text': 'Chức năng này đang được xây dựng và sẽ có trong phiên bản tới. Hiện bạn chưa cần làm gì ở đây.',
    'soon.programs':
      'Đây sẽ là nơi lập danh sách hưởng hỗ trợ theo từng chương trình, trình duyệt, công khai và ghi nhận chi trả, bảo đảm không ai được chi hai lần.',
    'soon.dossiers':
      'Đây sẽ là nơi tiếp nhận và giải quyết hồ sơ thủ tục hành chính qua các cấp, có hạn xử lý theo ngày làm việc và cảnh báo trước khi trễ hạn.',
    'soon.reports':
      'Đây sẽ là nơi lập báo cáo với số liệu lấy thẳng từ dữ liệu đã ghi, tính đến ngày bạn chọn, và truy được về từng hồ sơ.',
  },
  {
    'app.name': 'AnSinh',
    'app.org': 'Department of Labour, Invalids and Social Affairs',
    'app.loading': 'Loading…',

    'lang.vi': 'Tiếng Việt',
    'lang.en': 'English',
    'lang.switchToVi': 'Switch to Vietnamese',
    'lang.switchToEn': 'Switch to English',

    'nav.home': 'Home',
    'nav.waiting': '{count} waiting, {overdue} overdue',
    'session.expiredTitle': 'Your session has expired',
    'session.expiredText':
      'The session of {user} has expired. Enter your password again to go on: what you typed on the page is kept; then press its save or send button again.',
    'session.signInAgain': 'Sign in again',
    'session.username': 'Username',
    'session.password': 'Password',
    'session.passwordRequired': 'Enter your password',
    'nav.registry': 'Persons / Households',
    'nav.programs': 'Support programs',
    'nav.dossiers': 'Administrative dossiers',
    'nav.merit': 'Meritorious service',
    'nav.reports': 'Reports',
    'nav.poverty': 'Poverty review',
    'nav.employment': 'Employment',
    'nav.petitions': 'Petitions',
    'nav.areas': 'Administrative units',
    'nav.users': 'Users',
    'nav.audit': 'Audit log',
    'nav.account': 'Change password',
    'nav.open': 'Open menu',
    'nav.label': 'Main navigation',

    'header.role': 'Role',
    'header.area': 'Unit',
    'header.logout': 'Log out',
    'header.loggedOut': 'You have logged out.',

    'common.cancel': 'Cancel',
    'common.save': 'Save',
    'common.close': 'Close',
    'common.search': 'Search',
    'common.filter': 'Filter',
    'common.clearFilters': 'Clear filters',
    'common.all': 'All',
    'common.retry': 'Try again',
    'common.unknownCode': 'Unknown',
    'common.reload': 'Reload page',
    'common.backHome': 'Back to home',
    'common.actions': 'Actions',
    'common.none': '—',
    'common.system': 'System',
    'common.range': '{from}–{to} of {total}',
    'common.rangeCapped': '{from}–{to} of more than {total} results',
    'common.errorTitle': 'Could not complete',
    'common.requestId': 'Request id (quote it when reporting): {id}',
    'form.dateRequired': 'Pick or type a date as day/month/year, e.g. 05/01/2025',
    'form.datePlaceholder': 'day/month/year',
    'common.required': 'This field is required',

    'error.network': 'Cannot reach the server. Check the network and try again.',
    'error.badResponse': 'The server sent data in an unexpected format. Tell the administrator, with the request id.',
    'error.http':
      'The server reported error {status}. Try again in a few minutes; if it persists, tell the administrator.',
    'error.status.400': 'Some of the data sent is not right. Check it and send again.',
    'error.status.403': 'Your role may not do this.',
    'error.status.404': 'The record does not exist or is outside your area.',
    'error.status.409': 'This does not fit the record’s current state. Reload the page and check.',
    'error.field': 'This value is not right: check it and send again.',
    'error.unknown':
      'Something unexpected went wrong. Reload the page and try again; if it persists, tell the administrator.',
    'error.boundaryTitle': 'Something went wrong',
    'error.boundaryText':
      'This page hit an unexpected problem. Anything you saved before is safe. Reload the page; if it happens again, tell the administrator what you were doing.',
    'error.chunkText': 'AnSinh may have just been updated. Reload the page to get the new version.',
    'error.sessionCheck': 'Could not check your session',

    'notFound.title': 'Page not found',
    'notFound.text': 'This address does not exist in AnSinh. Pick a function from the menu, or go back home.',
    'forbidden.title': 'You may not use this function',
    'forbidden.text': 'Your role may not open this page. If your work needs it, ask the Department administrator.',

    'soon.title': '{module}: coming soon',
    'soon.text': 'This module is being built and comes in a next release. There is nothing you need to do here yet.',
    'soon.programs':
      'This is where lists of beneficiaries will be compiled per support program, submitted, published and paid, so that nobody is paid twice.',
    'soon.dossiers':
      'This is where administrative dossiers will be received and settled across levels, with due dates in working days and a warning before they are late.',
    'soon.reports':
      'This is where reports will be produced from the recorded data, as of a date you choose, each figure traceable to its records.',
  },
);

declare module './catalogue' {
  interface Messages {
    shell: typeof shellMessages;
  }
}
