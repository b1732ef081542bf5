import {
  EmploymentReportFileQuery,
  EmploymentReportOut,
  EmploymentReportParams,
  EmploymentReportQuery,
  EmploymentTransferQuery,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { employmentPolicy } from './employment.policy.js';
import type { EmploymentService } from './employment.service.js';

const { report, transfer } = employmentPolicy.table;
const P = '/api/v1/employment';
const FILE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Routes of the periodic reports (the centre's Mẫu 05, the labour-market Mẫu 04): figures and files. */
export function reportRoutes(service: EmploymentService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['employment'];
    app.get(
      `${P}/reports/:kind`,
      {
        config: { access: report },
        schema: {
          tags,
          summary: "The centre's 6-monthly/yearly report or the yearly labour-market report, from records",
          params: EmploymentReportParams,
          querystring: EmploymentReportQuery,
          response: { 200: EmploymentReportOut },
        },
      },
      (req) => service.employmentReport(req.actor!, req.params.kind, req.query),
    );
    app.get(
      `${P}/reports/:kind/file`,
      {
        config: { access: report },
        schema: {
          tags,
          summary: 'The same report as DOCX (to sign) or XLSX',
          params: EmploymentReportParams,
          querystring: EmploymentReportFileQuery,
        },
      },
      async (req, reply) => {
        const { format, ...period } = req.query;
        const f = await service.employmentReportFile(req.actor!, req.params.kind, period, format);
        return reply
          .type(FILE_TYPES[format])
          .header('content-disposition', `attachment; filename="${f.fileName}"`)
          .send(f.data);
      },
    );
    app.get(
      `${P}/transfer.xlsx`,
      {
        config: { access: transfer },
        schema: {
          tags,
          summary:
            "The year's labour supply and demand records for the Ministry's database (TT 01/2022 Art. 16(3)), XLSX",
          querystring: EmploymentTransferQuery,
        },
      },
      async (req, reply) => {
        const f = await service.transferWorkbook(req.actor!, req.query);
        return reply
          .type(FILE_TYPES.xlsx)
          .header('content-disposition', `attachment; filename="${f.fileName}"`)
          .send(f.stream);
      },
    );
  };
}
