import { POVERTY_IMPORT_KINDS, PovertyImportOut } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.js';
import { MAX_IMPORT_FILE_BYTES, templateWorkbook } from '../../platform/sheet-import.js';
import { povertyPolicy } from './poverty.policy.js';
import { LISTING_COLUMNS, SURVEY_COLUMNS } from './poverty.sheet.js';
import type { PovertyService } from './poverty.service.js';

const { manage, survey } = povertyPolicy.table;
const P = '/api/v1/poverty';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Params = z.object({ id: z.coerce.number().int().positive(), kind: z.enum(POVERTY_IMPORT_KINDS) });
const Query = z.object({ mode: z.enum(['dry_run', 'commit']).default('dry_run') });

/** HTTP only: the Excel imports of a campaign (listing, surveys), their templates. */
export function povertyImportRoutes(service: PovertyService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['poverty'];
    app.get(
      `${P}/import-templates/:kind`,
      {
        config: { access: survey },
        schema: { tags, summary: 'The Excel template of an import', params: Params.pick({ kind: true }) },
      },
      async (req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="mau-${req.params.kind}.xlsx"`)
          .send(
            await templateWorkbook(
              req.params.kind === 'listing' ? 'Danh sách rà soát' : 'Phiếu B',
              req.params.kind === 'listing' ? LISTING_COLUMNS : SURVEY_COLUMNS,
            ),
          ),
    );
    app.post(
      `${P}/campaigns/:id/import/:kind`,
      {
        // Listing needs 'manage', surveys 'survey': the use case guards each; the route admits both.
        config: { access: [...new Set([...manage, ...survey])] },
        schema: {
          tags,
          summary: 'Import the listing or the surveys from XLSX/CSV (multipart "file"): dry run or commit',
          params: Params,
          querystring: Query,
          response: { 200: PovertyImportOut },
        },
      },
      async (req) => {
        if (!req.isMultipart())
          throw errors.badRequest('FILE_REQUIRED', 'Chọn một tệp Excel (.xlsx) hoặc CSV để nhập.');
        const part = await req.file({ limits: { fileSize: MAX_IMPORT_FILE_BYTES } });
        if (!part) throw errors.badRequest('FILE_REQUIRED', 'Chọn một tệp Excel (.xlsx) hoặc CSV để nhập.');
        const data = await part.toBuffer().catch(() => {
          throw errors.badRequest(
            'FILE_TOO_LARGE',
            'Tệp lớn hơn 20 MB. Chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.',
          );
        });
        const run = req.params.kind === 'listing' ? service.importListing : service.importSurveys;
        return run(req.actor!, req.params.id, data, req.query.mode);
      },
    );
  };
}
