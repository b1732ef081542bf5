/**
 * A small typed message catalogue. Vietnamese is the source language: every key is defined in
 * `vi`, and `en` must have exactly the same keys (the compiler checks it). Parameters are written
 * `{name}` and numbers passed as parameters are formatted for the language.
 */
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { registryEn, registryVi } from './i18n-registry';
import { programsEn, programsVi } from './i18n-programs';
import { dossiersEn, dossiersVi } from './i18n-dossiers';
import { reportsEn, reportsVi } from './i18n-reports';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const vi = {
  'app.name': 'AnSinh',
  'app.org': 'Sở Lao động – Thương binh và Xã hội',
  'app.loading': 'Đang tải…',

  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',
  'lang.switchTo': 'Chuyển sang {name}',

  'nav.home': 'Trang chủ',
  'nav.registry': 'Đối tượng / Hộ gia đình',
  'nav.programs': 'Chương trình hỗ trợ',
  'nav.dossiers': 'Hồ sơ TTHC',
  'nav.reports': 'Báo cáo',
  'nav.poverty': 'Rà soát hộ nghèo',
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
  'common.reload': 'Tải lại trang',
  'common.backHome': 'Về trang chủ',
  'common.actions': 'Thao tác',
  'common.none': '—',
  'common.system': 'Hệ thống',
  'common.range': '{from}–{to} / {total}',
  'common.errorTitle': 'Không thực hiện được',
  'common.requestId': 'Mã yêu cầu (gửi kèm khi báo lỗi): {id}',
  'common.required': 'Trường này bắt buộc',

  'error.network': 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  'error.badResponse': 'Máy chủ trả về dữ liệu không đúng định dạng. Báo quản trị viên kèm mã yêu cầu.',
  'error.http': 'Máy chủ báo lỗi {status}. Thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên.',
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

  'login.title': 'Đăng nhập',
  'login.subtitle': 'Hệ thống an sinh xã hội của Sở Lao động – Thương binh và Xã hội',
  'login.username': 'Tên đăng nhập',
  'login.usernamePlaceholder': 'Ví dụ: nguyenvana',
  'login.usernameRequired': 'Nhập tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.passwordRequired': 'Nhập mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.throttled': 'Bạn đã đăng nhập sai nhiều lần. Vui lòng chờ {seconds} giây rồi thử lại.',
  'login.throttledLong':
    'Bạn đã đăng nhập sai nhiều lần. Vui lòng chờ {seconds} giây (khoảng {minutes} phút) rồi thử lại.',
  'login.wait': 'Chờ {seconds} giây',
  'login.help': 'Quên mật khẩu? Hãy liên hệ quản trị viên của Sở để được đặt lại.',

  'password.title': 'Đổi mật khẩu',
  'password.mustChange':
    'Bạn đang dùng mật khẩu do quản trị viên cấp. Hãy đặt mật khẩu mới của riêng bạn trước khi làm việc.',
  'password.current': 'Mật khẩu hiện tại',
  'password.new': 'Mật khẩu mới',
  'password.newHint': 'Ít nhất 10 ký tự. Một câu ngắn dễ nhớ là mật khẩu tốt, ví dụ: "Nha toi o thon 5!"',
  'password.confirm': 'Nhập lại mật khẩu mới',
  'password.mismatch': 'Hai lần nhập mật khẩu mới không giống nhau',
  'password.same': 'Mật khẩu mới phải khác mật khẩu hiện tại',
  'password.submit': 'Đổi mật khẩu',
  'password.success': 'Đã đổi mật khẩu.',

  'home.greeting': 'Xin chào, {name}!',
  'home.youAre': 'Bạn làm việc với vai trò {role} tại {area}.',
  'home.startTitle': 'Bắt đầu từ đâu',
  'home.open': 'Mở',
  'home.modulesTitle': 'Các chức năng của bạn',
  'home.soonTag': 'Sắp có',
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
  'home.tip.inspector.petitions': 'Tiếp công dân, đơn thư khiếu nại, tố cáo sẽ có trong phiên bản tới.',
  'home.tip.supervisor.readonly': 'Bạn có quyền xem để giám sát; bạn không sửa được dữ liệu.',
  'home.tip.supervisor.lists':
    'Danh sách đã công khai xem ở mục "Chương trình hỗ trợ" hoặc trang /cong-khai; ý kiến giám sát của bạn được cán bộ trả lời và lưu lại.',

  'users.title': 'Người dùng',
  'users.intro': 'Mỗi cán bộ một tài khoản, có một vai trò và một đơn vị nơi làm việc.',
  'users.search': 'Tìm theo tên đăng nhập hoặc họ tên',
  'users.filterRole': 'Vai trò',
  'users.filterArea': 'Mã đơn vị',
  'users.filterStatus': 'Trạng thái',
  'users.active': 'Đang hoạt động',
  'users.disabled': 'Đã khoá',
  'users.create': 'Thêm người dùng',
  'users.col.username': 'Tên đăng nhập',
  'users.col.fullName': 'Họ và tên',
  'users.col.role': 'Vai trò',
  'users.col.area': 'Đơn vị',
  'users.col.status': 'Trạng thái',
  'users.col.lastLogin': 'Đăng nhập gần nhất',
  'users.never': 'Chưa đăng nhập',
  'users.edit': 'Sửa',
  'users.resetPassword': 'Đặt lại mật khẩu',
  'users.createTitle': 'Thêm người dùng',
  'users.editTitle': 'Sửa tài khoản {username}',
  'users.resetTitle': 'Đặt lại mật khẩu cho {username}',
  'users.empty': 'Không có người dùng nào phù hợp.',
  'users.created': 'Đã tạo tài khoản {username}.',
  'users.updated': 'Đã lưu thay đổi của {username}.',
  'users.passwordReset': 'Đã đặt lại mật khẩu cho {username}.',
  'users.noChanges': 'Bạn chưa thay đổi gì.',
  'users.form.username': 'Tên đăng nhập',
  'users.form.usernameHint': 'Chữ thường không dấu, chữ số, dấu chấm; ví dụ: nguyenvana.binhan',
  'users.form.fullName': 'Họ và tên',
  'users.form.fullNamePlaceholder': 'Ví dụ: Nguyễn Văn An',
  'users.form.role': 'Vai trò',
  'users.form.rolePlaceholder': 'Chọn vai trò',
  'users.form.roleRequired': 'Chọn vai trò',
  'users.form.area': 'Đơn vị nơi làm việc',
  'users.form.password': 'Mật khẩu ban đầu',
  'users.form.passwordHint':
    'Ít nhất 10 ký tự. Đưa trực tiếp cho người dùng; họ phải đổi mật khẩu ở lần đăng nhập đầu.',
  'users.form.newPassword': 'Mật khẩu mới',
  'users.form.newPasswordHint':
    'Ít nhất 10 ký tự. Đưa trực tiếp cho người dùng; họ phải đổi mật khẩu ở lần đăng nhập sau.',
  'users.form.disabled': 'Khoá tài khoản',
  'users.form.disabledHint': 'Tài khoản bị khoá không đăng nhập được; lịch sử thao tác vẫn được giữ.',
  'users.form.create': 'Tạo tài khoản',

  'areaInput.placeholder': 'Nhập mã hoặc tên đơn vị',
  'areaInput.hint': 'Mã gồm 2 chữ số (tỉnh), 3 (huyện) hoặc 5 (xã); gõ tên để tìm, ví dụ "Bình An".',
  'areaInput.invalid': 'Mã đơn vị hành chính gồm 2, 3 hoặc 5 chữ số',

  'areas.title': 'Đơn vị hành chính',
  'areas.intro':
    'Cây đơn vị trong phạm vi bạn phụ trách. Bấm vào một đơn vị để xem chi tiết; bấm mũi tên để mở đơn vị trực thuộc.',
  'areas.tree': 'Cây đơn vị',
  'areas.subUnits': '{count} đơn vị trực thuộc',
  'areas.selectHint': 'Chọn một đơn vị trong cây để xem chi tiết.',
  'areas.details': 'Chi tiết đơn vị',
  'areas.code': 'Mã',
  'areas.name': 'Tên',
  'areas.type': 'Loại',
  'areas.level': 'Cấp',
  'areas.level.1': 'Cấp tỉnh',
  'areas.level.2': 'Cấp huyện',
  'areas.level.3': 'Cấp xã',
  'areas.validFrom': 'Hiệu lực từ ngày',
  'areas.validTo': 'Hiệu lực đến ngày',
  'areas.stillValid': 'Đang hiệu lực',
  'areas.path': 'Thuộc',
  'areas.childCount': 'Số đơn vị trực thuộc',
  'areas.empty': 'Không có đơn vị nào trong phạm vi của bạn.',
  'areas.loadFailed': 'Không tải được đơn vị trực thuộc của {name}. {message}',

  'audit.title': 'Nhật ký',
  'audit.intro':
    'Mọi thay đổi dữ liệu quan trọng đều được ghi lại: ai, lúc nào, từ máy nào, thay đổi gì. Nhật ký không sửa, không xoá được. Giờ hiển thị theo giờ Việt Nam.',
  'audit.col.at': 'Thời gian',
  'audit.col.actor': 'Người thực hiện',
  'audit.col.ip': 'Địa chỉ',
  'audit.col.action': 'Hành động',
  'audit.col.entity': 'Đối tượng',
  'audit.col.entityId': 'Mã đối tượng',
  'audit.filter.actor': 'Người thực hiện',
  'audit.filter.actorPlaceholder': 'Tên đăng nhập',
  'audit.filter.action': 'Hành động',
  'audit.filter.actionPlaceholder': 'Ví dụ: user.create',
  'audit.filter.entity': 'Loại đối tượng',
  'audit.filter.entityPlaceholder': 'Ví dụ: user',
  'audit.filter.entityId': 'Mã đối tượng',
  'audit.filter.from': 'Từ ngày',
  'audit.filter.to': 'Đến ngày',
  'audit.filter.toBeforeFrom': '"Đến ngày" không được trước "Từ ngày"',
  'audit.before': 'Trước khi thay đổi',
  'audit.after': 'Sau khi thay đổi',
  'audit.nothing': '(không có)',
  'audit.hash': 'Mã băm',
  'audit.area': 'Đơn vị',
  'audit.empty': 'Không có sự kiện nào phù hợp.',

  ...registryVi,
  ...programsVi,
  ...dossiersVi,
  ...reportsVi,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.name': 'AnSinh',
  'app.org': 'Department of Labour, Invalids and Social Affairs',
  'app.loading': 'Loading…',

  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',
  'lang.switchTo': 'Switch to {name}',

  'nav.home': 'Home',
  'nav.registry': 'Persons / Households',
  'nav.programs': 'Support programs',
  'nav.dossiers': 'Administrative dossiers',
  'nav.reports': 'Reports',
  'nav.poverty': 'Poverty review',
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
  'common.reload': 'Reload page',
  'common.backHome': 'Back to home',
  'common.actions': 'Actions',
  'common.none': '—',
  'common.system': 'System',
  'common.range': '{from}–{to} of {total}',
  'common.errorTitle': 'Could not complete',
  'common.requestId': 'Request id (quote it when reporting): {id}',
  'common.required': 'This field is required',

  'error.network': 'Cannot reach the server. Check the network and try again.',
  'error.badResponse': 'The server sent data in an unexpected format. Tell the administrator, with the request id.',
  'error.http':
    'The server reported error {status}. Try again in a few minutes; if it persists, tell the administrator.',
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

  'login.title': 'Sign in',
  'login.subtitle': 'Social protection system of the Department of Labour, Invalids and Social Affairs',
  'login.username': 'Username',
  'login.usernamePlaceholder': 'e.g. nguyenvana',
  'login.usernameRequired': 'Enter your username',
  'login.password': 'Password',
  'login.passwordRequired': 'Enter your password',
  'login.submit': 'Sign in',
  'login.throttled': 'Too many failed sign-ins. Please wait {seconds} seconds and try again.',
  'login.throttledLong':
    'Too many failed sign-ins. Please wait {seconds} seconds (about {minutes} minutes) and try again.',
  'login.wait': 'Wait {seconds} s',
  'login.help': 'Forgot your password? Ask the Department administrator to reset it.',

  'password.title': 'Change password',
  'password.mustChange':
    'You are using a password set by the administrator. Choose your own password before you start.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.newHint':
    'At least 10 characters. A short sentence you remember is a good password, e.g. "My house is in hamlet 5!"',
  'password.confirm': 'Repeat the new password',
  'password.mismatch': 'The two new passwords differ',
  'password.same': 'The new password must differ from the current one',
  'password.submit': 'Change password',
  'password.success': 'Your password has been changed.',

  'home.greeting': 'Hello, {name}!',
  'home.youAre': 'You work as {role} in {area}.',
  'home.startTitle': 'Where to start',
  'home.open': 'Open',
  'home.modulesTitle': 'Your functions',
  'home.soonTag': 'Coming soon',
  'home.tip.common.check':
    'First: check your name, role and unit at the top of the page. If anything is wrong, tell the Department administrator before entering data.',
  'home.tip.common.logout': 'Never give your password to anyone. When you leave the computer, press "Log out".',
  'home.tip.admin.users': 'Create an account for each officer: one person, one account, with the right role and unit.',
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
  'home.tip.inspector.petitions': 'Citizen reception, complaints and denunciations come in a next release.',
  'home.tip.supervisor.readonly': 'You may view for supervision; you cannot change data.',
  'home.tip.supervisor.lists':
    'Published lists are under "Support programs" or at /cong-khai; officers answer your supervision remarks and both are kept.',

  'users.title': 'Users',
  'users.intro': 'One account per officer, with one role and one home unit.',
  'users.search': 'Search by username or full name',
  'users.filterRole': 'Role',
  'users.filterArea': 'Unit code',
  'users.filterStatus': 'Status',
  'users.active': 'Active',
  'users.disabled': 'Disabled',
  'users.create': 'Add user',
  'users.col.username': 'Username',
  'users.col.fullName': 'Full name',
  'users.col.role': 'Role',
  'users.col.area': 'Unit',
  'users.col.status': 'Status',
  'users.col.lastLogin': 'Last sign-in',
  'users.never': 'Never',
  'users.edit': 'Edit',
  'users.resetPassword': 'Reset password',
  'users.createTitle': 'Add user',
  'users.editTitle': 'Edit account {username}',
  'users.resetTitle': 'Reset password of {username}',
  'users.empty': 'No users match.',
  'users.created': 'Account {username} created.',
  'users.updated': 'Changes to {username} saved.',
  'users.passwordReset': 'Password of {username} reset.',
  'users.noChanges': 'You have not changed anything.',
  'users.form.username': 'Username',
  'users.form.usernameHint': 'Lower-case letters without accents, digits, dots; e.g. nguyenvana.binhan',
  'users.form.fullName': 'Full name',
  'users.form.fullNamePlaceholder': 'e.g. Nguyễn Văn An',
  'users.form.role': 'Role',
  'users.form.rolePlaceholder': 'Choose a role',
  'users.form.roleRequired': 'Choose a role',
  'users.form.area': 'Home unit',
  'users.form.password': 'Initial password',
  'users.form.passwordHint':
    'At least 10 characters. Hand it to the user in person; they must change it at first sign-in.',
  'users.form.newPassword': 'New password',
  'users.form.newPasswordHint':
    'At least 10 characters. Hand it to the user in person; they must change it at next sign-in.',
  'users.form.disabled': 'Disable account',
  'users.form.disabledHint': 'A disabled account cannot sign in; its history is kept.',
  'users.form.create': 'Create account',

  'areaInput.placeholder': 'Type a unit code or name',
  'areaInput.hint':
    'A code has 2 digits (province), 3 (district) or 5 (commune); type a name to search, e.g. "Bình An".',
  'areaInput.invalid': 'An administrative unit code has 2, 3 or 5 digits',

  'areas.title': 'Administrative units',
  'areas.intro': 'The units within your scope. Click a unit to see its details; click the arrow to open its sub-units.',
  'areas.tree': 'Unit tree',
  'areas.subUnits': '{count} sub-units',
  'areas.selectHint': 'Select a unit in the tree to see its details.',
  'areas.details': 'Unit details',
  'areas.code': 'Code',
  'areas.name': 'Name',
  'areas.type': 'Type',
  'areas.level': 'Level',
  'areas.level.1': 'Province level',
  'areas.level.2': 'District level',
  'areas.level.3': 'Commune level',
  'areas.validFrom': 'Valid from',
  'areas.validTo': 'Valid to',
  'areas.stillValid': 'Still valid',
  'areas.path': 'Part of',
  'areas.childCount': 'Sub-units',
  'areas.empty': 'There is no unit within your scope.',
  'areas.loadFailed': 'Could not load the sub-units of {name}. {message}',

  'audit.title': 'Audit log',
  'audit.intro':
    'Every important change is recorded: who, when, from which computer, what changed. The log cannot be edited or deleted. Times are Vietnam time.',
  'audit.col.at': 'Time',
  'audit.col.actor': 'Actor',
  'audit.col.ip': 'Address',
  'audit.col.action': 'Action',
  'audit.col.entity': 'Entity',
  'audit.col.entityId': 'Entity id',
  'audit.filter.actor': 'Actor',
  'audit.filter.actorPlaceholder': 'Username',
  'audit.filter.action': 'Action',
  'audit.filter.actionPlaceholder': 'e.g. user.create',
  'audit.filter.entity': 'Entity type',
  'audit.filter.entityPlaceholder': 'e.g. user',
  'audit.filter.entityId': 'Entity id',
  'audit.filter.from': 'From',
  'audit.filter.to': 'To',
  'audit.filter.toBeforeFrom': '"To" must not be before "From"',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.nothing': '(none)',
  'audit.hash': 'Hash',
  'audit.area': 'Unit',
  'audit.empty': 'No events match.',

  ...registryEn,
  ...programsEn,
  ...dossiersEn,
  ...reportsEn,
};

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

export type MessageParams = Record<string, string | number>;

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-US'),
};

export function formatNumber(lang: Lang, n: number): string {
  return numberFormats[lang].format(n);
}

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export type TFunction = (key: MessageKey, params?: MessageParams) => string;

const STORAGE_KEY = 'ansinh.lang';

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The saved language, Vietnamese by default. */
export function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage may be unavailable (private mode); fall back to Vietnamese.
  }
  return 'vi';
}

function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore
  }
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    dayjs.locale(l);
    return l;
  });

  useEffect(() => {
    applyLang(lang);
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    // Before the re-render, so date pickers and relative dates render in the new language.
    dayjs.locale(l);
    setLangState(l);
  }, []);
  const t = useCallback<TFunction>((key, params) => translate(lang, key, params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return createElement(I18nContext.Provider, { value }, children);
}

function useI18n(): I18nValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('I18nProvider is missing');
  return ctx;
}

/** The translate function for the current language. */
export function useT(): TFunction {
  return useI18n().t;
}

/** The current language and its setter. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useI18n();
  return { lang, setLang };
}

/** A label from a `{ vi, en }` pair (ROLE_LABELS, AREA_TYPE_LABELS ...). */
export function pick(label: { vi: string; en: string } | undefined, lang: Lang): string {
  return label ? label[lang] : '';
}
