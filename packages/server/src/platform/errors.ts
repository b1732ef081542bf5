/** Field-level problem: `path` is the field name as the client sent it (e.g. "body.username"). */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * The one error type of AnSinh. `code` is stable (clients and tests match on it), `message` is
 * Vietnamese and tells the user what to do next. Thrown anywhere; the error handler turns it
 * into problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  validation: (
    details: FieldProblem[],
    message = 'Dữ liệu gửi lên chưa đúng. Sửa các trường được đánh dấu rồi gửi lại.',
  ) => new AppError(400, 'VALIDATION_FAILED', message, details),
  badRequest: (code: string, message: string, details?: FieldProblem[]) => new AppError(400, code, message, details),
  unauthenticated: () =>
    new AppError(401, 'AUTH_REQUIRED', 'Phiên làm việc đã hết hoặc chưa đăng nhập. Hãy đăng nhập lại.'),
  invalidCredentials: () =>
    new AppError(
      401,
      'AUTH_INVALID',
      'Tên đăng nhập hoặc mật khẩu không đúng. Kiểm tra lại (chú ý chữ hoa, bộ gõ tiếng Việt) rồi thử lại.',
    ),
  forbidden: (message = 'Vai trò của bạn không được làm thao tác này. Liên hệ quản trị nếu bạn cần quyền.') =>
    new AppError(403, 'FORBIDDEN', message),
  csrf: () =>
    new AppError(403, 'CSRF_FAILED', 'Yêu cầu thiếu mã chống giả mạo (X-CSRF-Token). Tải lại trang rồi thử lại.'),
  passwordChangeRequired: () =>
    new AppError(
      403,
      'PASSWORD_CHANGE_REQUIRED',
      'Bạn cần đổi mật khẩu do quản trị cấp trước khi làm việc tiếp. Vào "Đổi mật khẩu".',
    ),
  notFound: (what = 'Bản ghi') =>
    new AppError(404, 'NOT_FOUND', `${what} không tồn tại hoặc nằm ngoài địa bàn của bạn.`),
  conflict: (code: string, message: string, details?: FieldProblem[]) => new AppError(409, code, message, details),
  throttled: (retryAfterSeconds: number) =>
    new AppError(
      429,
      'AUTH_THROTTLED',
      `Đăng nhập sai quá nhiều lần. Hãy đợi ${Math.ceil(retryAfterSeconds / 60)} phút rồi thử lại, hoặc liên hệ quản trị để đặt lại mật khẩu.`,
      undefined,
      { 'retry-after': String(retryAfterSeconds) },
    ),
};

/** A unique-constraint violation from either database (SQLite or PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown } | null;
  return (
    !!e && (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}
