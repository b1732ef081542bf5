import { defineMessages } from '../../kernel/i18n';

/** Messages of the auth feature. Vietnamese is the source; English has the same keys. */
export const authMessages = defineMessages(
  {
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
  },
  {
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
  },
);

declare module '../../kernel/i18n/catalogue' {
  interface Messages {
    auth: typeof authMessages;
  }
}
