import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { meritReaders } from '../repo/readers.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import type { MeritContext } from './context.js';

/** The field of the procedures a merit dossier runs under (the catalogue's "Người có công"). */
export const MERIT_FIELD = 'người có công';

/**
 * A procedure dossier a merit record or decision may name: it exists, is of the province, runs a
 * merit procedure, and (when the dossier names a registry person) is the person's. A 400 on
 * `path` otherwise, saying what to pick.
 */
export async function checkMeritDossier(
  c: MeritContext,
  dossierId: number,
  r: { province_code: string; person_id: number },
  path: string,
): Promise<{ id: number; code: string }> {
  const d = await meritReaders.dossier(c.db, dossierId);
  const bad = (message: string) => errors.validation([{ path, message }]);
  if (!d || d.province_code !== r.province_code)
    throw bad(`Không có hồ sơ thủ tục số ${dossierId} trong tỉnh. Chọn hồ sơ từ sổ hồ sơ thủ tục.`);
  if (!d.field.toLowerCase().includes(MERIT_FIELD))
    throw bad(`Hồ sơ ${d.code} không thuộc lĩnh vực người có công. Chọn hồ sơ của thủ tục người có công.`);
  if (d.person_id !== null && Number(d.person_id) !== Number(r.person_id))
    throw bad(`Hồ sơ ${d.code} là của người khác. Chọn hồ sơ của chính người này.`);
  return { id: Number(d.id), code: d.code };
}

/** Link a merit record to the procedure dossier (dossiers module) that opened it. */
/** What linking needs of the records use cases (passed in, so the two files do not import each other). */
interface RecordAccess<R> {
  loadRecord(
    actor: Actor,
    id: number,
    action: 'manage',
  ): Promise<{
    commune_code: string | null;
    dossier_id: number | null;
    province_code: string;
    id: number;
    person_id: number;
  }>;
  getRecord(actor: Actor, id: number): Promise<R>;
}

export function dossierLink<R>(c: MeritContext, rec: RecordAccess<R>) {
  return {
    async linkDossier(actor: Actor, id: number, dossierId: number) {
      const r = await rec.loadRecord(actor, id, 'manage');
      const d = await checkMeritDossier(c, dossierId, r, 'body.dossierId');
      await inTransaction(c.database, actor, async (trx, audit) => {
        await recordsRepo.updateRecord(trx, id, { dossier_id: d.id, updated_at: c.nowIso() });
        await audit({
          action: 'merit.record.dossier',
          entity: 'merit_record',
          entityId: id,
          areaCode: r.commune_code,
          before: { dossierId: r.dossier_id },
          after: { dossierId: d.id, dossierCode: d.code },
        });
      });
      return rec.getRecord(actor, id);
    },
  };
}
