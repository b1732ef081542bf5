import { EmployerImportOut, SupplyImportQuery } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.js';
import { MAX_IMPORT_FILE_BYTES, templateWorkbook } from '../../platform/sheet-import.js';
import { employmentPolicy } from './employment.policy.js';
import type { EmploymentService } from './employment.service.js';
import { EMPLOYER_COLUMNS } from './employment.sheet.js';

const Id = z.object({ id: z.coerce.number().int().positive() });
const { employers } = employmentPolicy.table;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const P = '/api/v1/employment';
const CHOOSE = 'Chọn một tệp Excel (.xlsx) hoặc CSV để nhập.';

/** Routes of the employer and vacancy import: template, dry run or commit, error file. */
export function importRoutes(service: EmploymentService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['employment'];
    app.get(
      `${P}/employers/template.xlsx`,
      { config: { access: employers }, schema: { tags, summary: 'The employer and vacancy import template' } },
      async (_req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="mau-doanh-nghiep-vi-tri-tuyen-dung.xlsx"')
          .send(await templateWorkbook('Doanh nghiệp', EMPLOYER_COLUMNS)),
    );
    app.post(
      `${P}/employers/import`,
      {
        config: { access: employers },
        schema: {
          tags,
          summary: 'Import employers and vacancies from XLSX/CSV (multipart field "file"): dry run or commit',
          querystring: SupplyImportQuery,
          response: { 200: EmployerImportOut },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw errors.badRequest('FILE_REQUIRED', CHOOSE);
        const part = await req.file({ limits: { fileSize: MAX_IMPORT_FILE_BYTES } });
        if (!part) throw errors.badRequest('FILE_REQUIRED', CHOOSE);
        const data = await part.toBuffer().catch(() => {
          throw errors.badRequest(
            'FILE_TOO_LARGE',
            'Tệp lớn hơn 20 MB. Chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.',
          );
        });
        return service.importEmployers(req.actor!, { name: part.filename, data }, req.query.mode);
      },
    );
    app.get(
      `${P}/employers/import/:id/errors.xlsx`,
      {
        config: { access: employers },
        schema: { tags, summary: 'The rejected rows of an employer import, with what to fix', params: Id },
      },
      async (req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="dong-loi-doanh-nghiep.xlsx"')
          .send(await service.employerImportErrors(req.actor!, req.params.id)),
    );
  };
}
