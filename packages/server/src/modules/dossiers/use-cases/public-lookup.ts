import type { DossierLookupOut } from '@ansinh/domain';
import { AppError } from '../../../platform/errors.js';
import { maskName, STATE_LABELS } from '../dossiers.presenter.js';
import { dossiersRepo } from '../repo/dossiers.repo.js';
import { proceduresRepo } from '../repo/procedures.repo.js';
import { readersRepo } from '../repo/readers.repo.js';
import type { DossiersContext } from './context.js';

const LEVEL_LABELS: Record<string, string> = { commune: 'Cấp xã', district: 'Cấp huyện', province: 'Cấp tỉnh' };

/**
 * The citizen's lookup without an account: the code on the appointment slip and the applicant's
 * phone (last 9 digits) or the last digits of their ID. A wrong pair answers the same as an unknown
 * code, and the answer masks the name and shows only the levels, not the officers or the notes.
 */
export function publicLookup(c: DossiersContext) {
  return {
    async lookup(code: string, check: string): Promise<DossierLookupOut> {
      const d = await dossiersRepo.dossierByCode(c.db, code.trim().toUpperCase());
      const digits = check.replace(/\D/g, '');
      const phoneOk =
        !!d?.applicant_phone &&
        digits.length >= 9 &&
        d.applicant_phone.replace(/\D/g, '').slice(-9) === digits.slice(-9);
      const idOk = !!d?.applicant_id_number && digits.length >= 4 && d.applicant_id_number.endsWith(digits);
      if (!d || !(phoneOk || idOk)) {
        throw new AppError(
          404,
          'DOSSIER_LOOKUP_FAILED',
          'Không tìm thấy hồ sơ với mã và số đã nhập. Kiểm tra mã trên giấy hẹn và số điện thoại (hoặc 4 số cuối CCCD) đã khai khi nộp.',
        );
      }
      const [p, steps] = await Promise.all([proceduresRepo.byId(c.db, d.procedure_id), dossiersRepo.steps(c.db, d.id)]);
      const names = await readersRepo.areaNames(c.db, [...steps.map((s) => s.area_code), d.current_area_code ?? '']);
      return {
        code: d.code,
        procedureName: p!.name,
        applicantName: maskName(d.applicant_name),
        state: d.state as DossierLookupOut['state'],
        stateLabel: STATE_LABELS[d.state] ?? d.state,
        receivedDate: d.received_date,
        appointmentDate: d.appointment_date,
        settledDate: d.settled_date,
        where: d.current_area_code ? (names.get(d.current_area_code) ?? null) : null,
        delivery: d.delivery as DossierLookupOut['delivery'],
        steps: steps.map((s) => ({
          levelLabel: LEVEL_LABELS[s.level] ?? s.level,
          areaName: names.get(s.area_code) ?? s.area_code,
          finished: s.finished_at !== null,
        })),
      };
    },
  };
}
