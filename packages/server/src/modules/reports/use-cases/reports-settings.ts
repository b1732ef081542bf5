import type { ReportsPolicySettings, ReportsPolicySettingsBody } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { provinceScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { reportsPolicy } from '../reports.policy.js';
import { settingsRepo } from '../repo/settings.repo.js';
import { ISSUE_WITH_MISSING_KEY, RECORDS_SINCE_KEY, type ReportsContext } from './context.js';

/**
 * The Department's rules for its reports (docs/modules/reports.md): since when each module's
 * records are kept in AnSinh (`reports.records_since`; a computed indicator replacing an entered
 * one is computed from that date on, none set: entered values only), and whether a report with
 * missing figures is issued after a confirmation or refused (`reports.issue_with_missing`).
 */
export function reportsSettings(c: ReportsContext) {
  const { database, db } = c;

  async function read(provinceCode: string, ex: Executor = db): Promise<ReportsPolicySettings> {
    const since = await settingsRepo.get(ex, provinceCode, RECORDS_SINCE_KEY);
    const mode = await settingsRepo.get(ex, provinceCode, ISSUE_WITH_MISSING_KEY);
    return {
      recordsSince: since && typeof since === 'object' ? (since as Record<string, string | null>) : {},
      issueWithMissing: mode === 'refuse' ? 'refuse' : 'confirm',
    };
  }

  return {
    /** The report rules of the actor's province. */
    async reportRules(actor: Actor): Promise<ReportsPolicySettings> {
      const provinceCode = provinceScope(actor) ?? (await settingsRepo.demoProvince(db)) ?? '';
      reportsPolicy.guard(actor, 'read', { provinceCode }, 'Quy định báo cáo');
      return read(provinceCode);
    },

    /** Changes the report rules of the actor's province: the Department only, audited. */
    async putReportRules(actor: Actor, body: ReportsPolicySettingsBody): Promise<ReportsPolicySettings> {
      const provinceCode = provinceScope(actor) ?? (await settingsRepo.demoProvince(db)) ?? '';
      reportsPolicy.guard(actor, 'edit_settings', { provinceCode }, 'Quy định báo cáo');
      const before = await read(provinceCode);
      return inTransaction(database, actor, async (trx, audit) => {
        const at = nowIso();
        if (body.recordsSince) {
          const merged = { ...before.recordsSince, ...body.recordsSince };
          for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
          await settingsRepo.put(trx, provinceCode, RECORDS_SINCE_KEY, merged, at);
        }
        if (body.issueWithMissing)
          await settingsRepo.put(trx, provinceCode, ISSUE_WITH_MISSING_KEY, body.issueWithMissing, at);
        const after = await read(provinceCode, trx);
        await audit({
          action: 'reports.rules.update',
          entity: 'setting',
          entityId: `${provinceCode}:reports.rules`,
          areaCode: provinceCode,
          before,
          after,
        });
        return after;
      });
    },
  };
}
