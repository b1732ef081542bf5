import type { ProcedureBody, ProcedureImportResult } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { readProcedureSheet } from '../dossiers.sheet.js';
import { procedureColumns, proceduresRepo } from '../repo/procedures.repo.js';
import type { DossiersContext } from './context.js';
import { catalogueProvince, checkPath, type CatalogueOptions } from './procedures.js';

/**
 * Import a province's catalogue from an XLSX sheet (template columns in dossiers.sheet.ts), upsert
 * by code within the province. A dry run counts what would change; a commit with a bad row writes
 * nothing and answers every problem.
 */
export function importProcedures(c: DossiersContext) {
  return {
    async importProcedures(
      actor: Actor,
      file: Buffer,
      mode: 'dry_run' | 'commit',
      opts: CatalogueOptions = {},
    ): Promise<ProcedureImportResult> {
      const province = catalogueProvince(actor, opts);
      const { rows, errors: problems } = await readProcedureSheet(file);
      const result: ProcedureImportResult = { created: 0, updated: 0, unchanged: 0, errors: problems };
      for (const { row, body } of rows) {
        try {
          checkPath(body);
        } catch (e) {
          result.errors.push({
            row,
            message: e instanceof AppError ? (e.details?.[0]?.message ?? e.message) : String(e),
          });
        }
      }
      if (result.errors.length && mode === 'commit') return result;
      await inTransaction(c.database, actor, async (trx, audit) => {
        for (const { body } of rows) {
          const cur = await proceduresRepo.byCode(trx, province, body.code);
          const cols = procedureColumns(body as ProcedureBody);
          if (!cur) {
            result.created++;
            if (mode === 'commit') {
              const at = c.nowIso();
              await proceduresRepo.insert(
                trx,
                {
                  ...cols,
                  province_code: province,
                  is_demo: 0,
                  created_at: at,
                  updated_at: at,
                },
                body.effectiveFrom,
              );
            }
          } else if (Object.entries(cols).some(([k, v]) => (cur as Record<string, unknown>)[k] !== v)) {
            result.updated++;
            if (mode === 'commit')
              await proceduresRepo.update(trx, cur.id, { ...cols, updated_at: c.nowIso() }, body.effectiveFrom);
          } else result.unchanged++;
        }
        if (mode === 'commit')
          await audit({
            action: 'procedure.import',
            entity: 'procedure',
            after: { created: result.created, updated: result.updated, province },
          });
      });
      return result;
    },
  };
}
