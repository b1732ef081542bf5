import fs from 'node:fs';
import path from 'node:path';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isPublicPage } from './web-assets.js';
import { AppError, errors, type FieldProblem } from './errors.js';

const PROBLEM_TYPE = 'https://ansinh.gov.vn/problems/';

/** Send an RFC 9457 problem+json body. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  if (err.headers) for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  return reply
    .code(err.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: PROBLEM_TYPE + err.code.toLowerCase().replace(/_/g, '-'),
      title: err.code,
      status: err.status,
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
      requestId: String(request.id),
    });
}

const FIELD_MESSAGES: Record<string, string> = {
  required: 'Trường này là bắt buộc.',
};

function validationDetails(err: FastifyError): FieldProblem[] {
  const context = (err as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  return (err.validation ?? []).map((v) => {
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    // fastify-type-provider-zod puts zod's issue code in `keyword` and the rest in `params`.
    const params = v.params as { keys?: string[] } | undefined;
    let message = v.message ?? 'Giá trị không hợp lệ.';
    if (v.keyword === 'unrecognized_keys') {
      message = `Trường không được chấp nhận: ${(params?.keys ?? []).join(', ')}. Bỏ các trường này rồi gửi lại.`;
    } else if (/^Invalid input: expected (\w+), received undefined$/.test(message)) {
      message = FIELD_MESSAGES.required!;
    } else if (/^Invalid input: expected (\w+), received (\w+)$/.test(message)) {
      const m = /expected (\w+), received (\w+)/.exec(message)!;
      message = `Sai kiểu dữ liệu: cần ${m[1]}, nhận được ${m[2]}.`;
    } else if (/^Too big: expected string to have <=(\d+) characters$/.test(message)) {
      message = `Dài quá ${/<=(\d+)/.exec(message)![1]} ký tự.`;
    }
    return { path: path ? `${context}.${path}` : context, message };
  });
}

/**
 * The one error handler: AppError as is; schema failures and malformed JSON as 400 with field
 * details; anything else as a 500 that logs the cause and leaks nothing.
 */
export function installErrorHandler(app: FastifyInstance, spaRoot: string | null): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return sendProblem(reply, request, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      return sendProblem(
        reply,
        request,
        new AppError(
          400,
          'VALIDATION_FAILED',
          'Dữ liệu gửi lên chưa đúng. Sửa các trường được đánh dấu rồi gửi lại.',
          validationDetails(err),
        ),
      );
    }
    if (isResponseSerializationError(err)) {
      request.log.error(
        { err: { message: err.message, issues: err.cause.issues } },
        'response does not match its schema',
      );
      return sendProblem(
        reply,
        request,
        new AppError(
          500,
          'INTERNAL',
          'Hệ thống gặp lỗi. Thử lại sau ít phút; nếu vẫn lỗi, báo quản trị kèm mã yêu cầu.',
        ),
      );
    }
    const status = err.statusCode ?? 500;
    if (status < 500) {
      // Fastify's own 4xx: malformed JSON, body too large, unsupported media type...
      const map: Record<string, [string, string]> = {
        FST_ERR_CTP_INVALID_JSON_BODY: [
          'MALFORMED_JSON',
          'Nội dung gửi lên không phải JSON hợp lệ. Kiểm tra lại định dạng.',
        ],
        FST_ERR_CTP_EMPTY_JSON_BODY: ['MALFORMED_JSON', 'Nội dung JSON trống. Gửi kèm dữ liệu rồi thử lại.'],
        FST_ERR_CTP_BODY_TOO_LARGE: ['BODY_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.'],
        FST_ERR_CTP_INVALID_MEDIA_TYPE: [
          'UNSUPPORTED_MEDIA_TYPE',
          'Kiểu nội dung không được hỗ trợ. Gửi JSON (application/json).',
        ],
        FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['MALFORMED_REQUEST', 'Độ dài nội dung không khớp.'],
      };
      const [code, message] = map[err.code] ?? ['BAD_REQUEST', 'Yêu cầu không hợp lệ. Kiểm tra lại dữ liệu gửi lên.'];
      if (
        err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        code === 'BAD_REQUEST'
      ) {
        return sendProblem(reply, request, new AppError(400, code, message));
      }
      return sendProblem(reply, request, new AppError(status, code, message));
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(
      reply,
      request,
      new AppError(500, 'INTERNAL', 'Hệ thống gặp lỗi. Thử lại sau ít phút; nếu vẫn lỗi, báo quản trị kèm mã yêu cầu.'),
    );
  });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any other GET page gets index.html.
    const p = request.url.split('?')[0] ?? '';
    if (spaRoot && request.method === 'GET' && !p.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(p)) {
      // The citizen's pages have their own small entry (public.html); the officers' app is index.html.
      const page = isPublicPage(p) && fs.existsSync(path.join(spaRoot, 'public.html')) ? 'public.html' : 'index.html';
      return reply.header('cache-control', 'no-cache').sendFile(page, spaRoot);
    }
    return sendProblem(
      reply,
      request,
      new AppError(404, 'ROUTE_NOT_FOUND', 'Không có địa chỉ này. Kiểm tra lại đường dẫn.'),
    );
  });
}

/** The path of the first string holding a NUL character in a parsed body or query, if any. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.includes('\u0000')) return `${path}.${k.split('\u0000').join('')}`;
    const found = nulPath(v, `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * No text we keep may hold a NUL character: PostgreSQL refuses it in text columns (a 500 from deep
 * inside a query) and SQLite would store a string that ends early for some readers. Refused for
 * every route before validation, as a field error.
 */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const where = nulPath(request.query, 'query') ?? nulPath(request.body, 'body') ?? nulPath(request.params, 'params');
    if (where)
      throw errors.validation([{ path: where, message: 'Có ký tự không hợp lệ (NUL); gõ lại nội dung ô này.' }]);
  });
}
