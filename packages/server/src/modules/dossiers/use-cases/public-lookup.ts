import { timingSafeEqual } from 'node:crypto';
import type { DossierLookupOut } from '@ansinh/domain';
import { AppError } from '../../../platform/errors.js';
import { checkThrottle, recordFailure, type ThrottleRule } from '../../../platform/throttle.js';
import { maskName, STATE_LABELS } from '../dossiers.presenter.js';
import { dossiersRepo } from '../repo/dossiers.repo.js';
import { proceduresRepo } from '../repo/procedures.repo.js';
import { readersRepo } from '../repo/readers.repo.js';
import type { DossiersContext } from './context.js';

const LEVEL_LABELS: Record<string, string> = { commune: 'Cấp xã', district: 'Cấp huyện', province: 'Cấp tỉnh' };

/** Failed lookups allowed per dossier code and per address, per hour. */
export const LOOKUP_PER_CODE: ThrottleRule = { scope: 'lookup-code', limit: 10, windowMs: 3600_000 };
export const LOOKUP_PER_ADDRESS: ThrottleRule = { scope: 'lookup-ip', limit: 30, windowMs: 3600_000 };

const NOT_FOUND = () =>
  new AppError(
    404,
    'DOSSIER_LOOKUP_FAILED',
    'Không tìm thấy hồ sơ với mã và số đã nhập. Kiểm tra mã hồ sơ và số điện thoại (đủ 10 số) hoặc mã tra cứu in trên giấy hẹn.',
  );

/** Equal strings, compared in constant time. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The citizen's lookup without an account: the code on the appointment slip, and either the
 * applicant's full phone number or the lookup secret printed on the slip. The last digits of an ID
 * are no longer enough: 10.000 guesses found them. Failures are throttled per code and per
 * address; a wrong check answers exactly as an unknown code does (same body, same work), and the
 * answer masks the name and shows only the levels, not the officers or the notes.
 */
export function publicLookup(c: DossiersContext) {
  return {
    async lookup(code: string, check: string, client: { ip: string }): Promise<DossierLookupOut> {
      const normalized = code.trim().toUpperCase();
      const keys = [
        { rule: LOOKUP_PER_CODE, key: normalized },
        { rule: LOOKUP_PER_ADDRESS, key: client.ip },
      ];
      await checkThrottle(c.db, keys);
      const d = await dossiersRepo.dossierByCode(c.db, normalized);
      const digits = check.replace(/\D/g, '');
      const secret = check.trim().toUpperCase();
      // The same comparisons whether or not the code exists, so the time says nothing either.
      const phone = (d?.applicant_phone ?? '').replace(/\D/g, '').slice(-9).padStart(9, '#');
      const phoneOk = digits.length >= 9 && same(phone, digits.slice(-9));
      const expected = d?.lookup_secret ?? null;
      const secretOk = expected !== null && same(expected, secret);
      if (!d || !(phoneOk || secretOk)) {
        await recordFailure(c.db, keys);
        throw NOT_FOUND();
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
        supplementRequest: d.state === 'supplement' ? d.supplement_request : null,
        steps: steps.map((s) => ({
          levelLabel: LEVEL_LABELS[s.level] ?? s.level,
          areaName: names.get(s.area_code) ?? s.area_code,
          finished: s.finished_at !== null,
        })),
      };
    },
  };
}
