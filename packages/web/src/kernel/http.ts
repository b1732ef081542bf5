import type { z } from 'zod';
import { Problem } from '@ansinh/domain';

/** A field error from problem+json `details`. */
export interface FieldError {
  path: string;
  message: string;
}

/** Codes the client itself produces (the server's codes come from problem+json). */
export const CLIENT_ERROR = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
  http: 'HTTP_ERROR',
} as const;

/**
 * Every failed API call throws this. `message` is the server's Vietnamese text that tells the user
 * what to do; show it as is. `details` are field errors to map onto a form.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldError[];
  readonly requestId: string | undefined;
  /** Seconds to wait, from a Retry-After header (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: FieldError[] | undefined;
    requestId?: string | undefined;
    retryAfter?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }

  /** True for errors the client produced (no server message to show). */
  get isClientSide(): boolean {
    return (Object.values(CLIENT_ERROR) as string[]).includes(this.code);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const BASE = '/api/v1';

/**
 * The address of an API resource for a plain link (downloads): same origin, so the session cookie
 * goes with it and the browser saves the file itself, no script needed.
 */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  return `${BASE}${path}${buildQuery(query)}`;
}

let csrfToken: string | null = null;

/** The session's CSRF token (from `Me.csrfToken`), sent on every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  return text;
}

export interface RequestOptions<T> {
  query?: Record<string, QueryValue> | undefined;
  body?: unknown;
  /** A multipart body (file upload); the browser sets its Content-Type with the boundary. */
  form?: FormData;
  /** Response schema from @ansinh/domain; the body is validated against it. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal | undefined;
  /** Extra headers, e.g. an Idempotency-Key that makes a retried request take effect once. */
  headers?: Record<string, string>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function request<T>(method: string, path: string, opts: RequestOptions<T> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`${BASE}${path}${buildQuery(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.form ?? (opts.body === undefined ? null : JSON.stringify(opts.body)),
      signal: opts.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({
      status: 0,
      code: CLIENT_ERROR.network,
      message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    });
  }

  const body = await readBody(res);
  const requestId = res.headers.get('x-request-id') ?? undefined;

  if (!res.ok) {
    const problem = Problem.safeParse(body);
    if (problem.success) {
      throw new ApiError({
        status: res.status,
        code: problem.data.code,
        message: problem.data.message,
        details: problem.data.details,
        requestId: problem.data.requestId ?? requestId,
        retryAfter: parseRetryAfter(res.headers.get('retry-after')),
      });
    }
    throw new ApiError({
      status: res.status,
      code: CLIENT_ERROR.http,
      message: `Máy chủ báo lỗi ${res.status}. Thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên.`,
      requestId,
      retryAfter: parseRetryAfter(res.headers.get('retry-after')),
    });
  }

  if (!opts.schema) return body as T;
  const parsed = opts.schema.safeParse(body);
  if (!parsed.success) {
    if (import.meta.env.DEV) {
      // Contract drift between server and web: make it visible to the developer.
      console.error(`Response of ${method} ${path} does not match its contract`, parsed.error.issues);
    }
    throw new ApiError({
      status: res.status,
      code: CLIENT_ERROR.badResponse,
      message: 'Máy chủ trả về dữ liệu không đúng định dạng. Báo quản trị viên.',
      requestId,
    });
  }
  return parsed.data;
}
