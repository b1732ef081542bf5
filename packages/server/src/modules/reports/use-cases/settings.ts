import { AgencySettings } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { provinceScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { reportsPolicy } from '../reports.policy.js';
import { issuerOf } from '../../agencies/index.js';
import { agenciesReader } from '../repo/agencies.repo.js';
import { settingsRepo } from '../repo/settings.repo.js';
import type { ReportsContext } from './context.js';

/** The key of a province's issuing agency in `province_settings`. */
export const AGENCY_KEY = 'reports.agency';

/**
 * The agency that issues a province's reports: its names, number symbol, place and signer (it may
 * be reorganised). Each province has its own (migration 0008); a province that has not set it
 * gets the usual Department of its name.
 */
export function settings(c: ReportsContext) {
  const { database, db } = c;

  /**
   * The issuing agency of a report: its agency's row (docs/modules/agencies.md) when it has one;
   * else the province's `reports.agency` setting as stored, else the usual one for its name.
   */
  async function agencyOf(provinceCode: string, agencyCode?: string | null): Promise<AgencySettings> {
    const row = agencyCode ? await agenciesReader.byCode(db, provinceCode, agencyCode) : undefined;
    if (row) return issuerOf(row);
    const stored = AgencySettings.safeParse(await settingsRepo.get(db, provinceCode, AGENCY_KEY));
    if (stored.success) return stored.data;
    const province = provinceCode ? await c.areaInfo(provinceCode) : undefined;
    // Blanks the Department fills in (AgencySettings asks for at least two characters).
    const place = province?.name.replace(/^Tỉnh |^Thành phố /, '') ?? '……';
    return {
      parentAgency: `UBND ${province?.name.toUpperCase() ?? 'TỈNH'}`,
      agency: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
      agencyName: 'Sở Lao động - Thương binh và Xã hội',
      symbol: 'SLĐTBXH',
      place,
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: '……',
      recipients: ['Lưu: VT, VP'],
    };
  }

  /**
   * The province whose settings the actor reads: their own (a province that does not exist for an
   * actor without a resolvable area); the system actor, bound to none, reads the demo province's.
   */
  async function provinceFor(actor: Actor, provinceCode?: string): Promise<string> {
    return provinceCode ?? provinceScope(actor) ?? (await settingsRepo.demoProvince(db)) ?? '';
  }

  return {
    agencyOf,

    /**
     * The province's own issuing agency (the `reports.agency` setting): it issues the reports of no
     * agency. A report of an agency takes its agency's row (edited on the agencies page).
     */
    async settings(actor: Actor): Promise<AgencySettings> {
      const provinceCode = await provinceFor(actor);
      reportsPolicy.guard(actor, 'read', { provinceCode }, 'Cơ quan ban hành');
      return agencyOf(provinceCode);
    },

    /** Changes the issuing agency of the actor's province: the Department only. */
    async putSettings(actor: Actor, body: AgencySettings, provinceGiven?: string): Promise<AgencySettings> {
      const provinceCode = await provinceFor(actor, provinceGiven);
      reportsPolicy.guard(actor, 'edit_settings', { provinceCode }, 'Cơ quan ban hành');
      const before = await agencyOf(provinceCode);
      return inTransaction(database, actor, async (trx, audit) => {
        await settingsRepo.put(trx, provinceCode, AGENCY_KEY, body, nowIso());
        await audit({
          action: 'reports.settings.update',
          entity: 'setting',
          entityId: `${provinceCode}:${AGENCY_KEY}`,
          areaCode: provinceCode,
          before,
          after: body,
        });
        return body;
      });
    },

    /** For the seed and the CLI: the agency settings of a province (the demo province by default). */
    async agency(provinceCode?: string): Promise<AgencySettings> {
      return agencyOf(provinceCode ?? (await settingsRepo.demoProvince(db)) ?? '');
    },
  };
}
