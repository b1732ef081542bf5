import { ImportListOut, ImportListQuery, ProgramOut, ProgramSettingsBody } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../platform/errors.js';
import { MAX_IMPORT_FILE_BYTES } from '../../platform/sheet-import.js';
import { IdParams, T, XLSX, tags } from './programs.http.js';
import type { ProgramsService } from './programs.service.js';

const NO_FILE = () => errors.badRequest('FILE_REQUIRED', 'Chọn một tệp Excel (.xlsx) theo mẫu để nhập.');

/**
 * Lists for people outside the registry (issue 19): the program setting, the import template and
 * the import itself (dry run or commit; docs/modules/programs.md "Lists imported from Excel").
 */
export function programsImportRoutes(service: ProgramsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/v1/programs/:id/settings',
      {
        config: { access: T.manage },
        schema: {
          tags,
          summary: "A program's settings (lists imported from Excel)",
          params: IdParams,
          body: ProgramSettingsBody,
          response: { 200: ProgramOut },
        },
      },
      (req) => service.setProgramSettings(req.actor!, req.params.id, req.body),
    );
    app.get(
      '/api/v1/programs/:id/import-template.xlsx',
      {
        config: { access: T.prepare },
        schema: { tags, summary: 'The template of an imported list (header only, and a guide)', params: IdParams },
      },
      async (req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="mau-danh-sach-ho-tro.xlsx"')
          .send(await service.importTemplate(req.actor!, req.params.id)),
    );
    app.post(
      '/api/v1/programs/:id/import',
      {
        config: { access: T.prepare },
        schema: {
          tags,
          summary: 'Import a list from Excel (multipart field "file"): dry run, or commit when no row is rejected',
          params: IdParams,
          querystring: ImportListQuery,
          response: { 200: ImportListOut },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw NO_FILE();
        const part = await req.file({ limits: { fileSize: MAX_IMPORT_FILE_BYTES } });
        if (!part) throw NO_FILE();
        const data = await part.toBuffer().catch(() => {
          throw errors.badRequest(
            'FILE_TOO_LARGE',
            'Tệp lớn hơn 20 MB. Chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.',
          );
        });
        return service.importList(req.actor!, req.params.id, req.query, { name: part.filename, data });
      },
    );
  };
}
