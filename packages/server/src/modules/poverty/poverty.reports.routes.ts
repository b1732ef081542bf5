import { BreakdownOut, BreakdownQuery } from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { povertyPolicy } from './poverty.policy.js';
import type { PovertyService } from './poverty.service.js';

const { read } = povertyPolicy.table;
const P = '/api/v1/poverty';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** HTTP only: the report breakdowns and their XLSX (docs/modules/poverty.md "Breakdowns"). */
export function povertyReportsRoutes(service: PovertyService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['poverty'];
    app.get(
      `${P}/breakdown`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Movement of poor and near-poor households by cause, group or ethnicity, per commune',
          querystring: BreakdownQuery,
          response: { 200: BreakdownOut },
        },
      },
      (req) => service.breakdown(req.actor!, req.query),
    );
    app.get(
      `${P}/breakdown.xlsx`,
      {
        config: { access: read },
        schema: { tags, summary: 'The same breakdown as XLSX', querystring: BreakdownQuery },
      },
      async (req, reply) =>
        reply
          .type(XLSX)
          .header(
            'content-disposition',
            `attachment; filename="dien-bien-ho-ngheo-${req.query.by}-${req.query.year}.xlsx"`,
          )
          .send(await service.breakdownXlsx(req.actor!, req.query)),
    );
    for (const [path, kind, name] of [
      ['decision.docx', 'decisionDocx', 'quyet-dinh-cong-nhan'],
      ['certificates.docx', 'certificatesDocx', 'giay-chung-nhan'],
    ] as const)
      app.get(
        `${P}/campaigns/:id/${path}`,
        {
          config: { access: read },
          schema: {
            tags,
            summary:
              kind === 'decisionDocx'
                ? 'The recognition decision (Mẫu 02) with its list, DOCX'
                : 'The certificates (Mẫu 03), DOCX',
            params: z.object({ id: z.coerce.number().int().positive() }),
          },
        },
        async (req, reply) =>
          reply
            .type(DOCX)
            .header('content-disposition', `attachment; filename="${name}-${req.params.id}.docx"`)
            .send(await service[kind](req.actor!, req.params.id)),
      );
  };
}
