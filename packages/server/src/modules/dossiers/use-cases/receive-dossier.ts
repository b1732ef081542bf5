import { randomBytes } from 'node:crypto';
import {
  DOSSIER_ASSISTED_REASON_LABELS,
  agencyCode,
  clockStart,
  effectivePath,
  formatDossierCode,
  planSteps,
  searchKey,
  vietnamLocal,
  type DossierLevel,
  type DossierOut,
  type LevelStep,
  type ReceiveDossierBody,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { codesOfCommune, recordInScope } from '../../../platform/authz.js';
import { inTransaction } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { dossiersPolicy } from '../dossiers.policy.js';
import { dossiersRepo } from '../repo/dossiers.repo.js';
import { proceduresRepo } from '../repo/procedures.repo.js';
import { readersRepo } from '../repo/readers.repo.js';
import type { DossiersContext } from './context.js';
import type { DossierReader } from './read-dossiers.js';
import { enqueueNotice } from './transition.js';

const SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Eight letters and digits (no 0/O, 1/I/L) printed on the receipt: the citizen's second factor. */
function lookupSecret(): string {
  const bytes = randomBytes(8);
  return [...bytes].map((b) => SECRET_ALPHABET[b % SECRET_ALPHABET.length]).join('');
}

/**
 * Receive a dossier at a counter (or record one that came by post or online, or one an officer
 * submits for someone who cannot): the official code, one step per level on the procedure's path
 * with its due date, the appointment, the receipt. The procedure must be one of the commune's
 * province's catalogue and the commune inside the officer's area.
 */
export function receiveDossier(c: DossiersContext, reader: DossierReader) {
  /** The agency code of the receiving unit (the sequence of the official dossier code). */
  async function agencyOf(provinceCode: string, receivingArea: string) {
    const recv = await c.areas.pathOf(receivingArea);
    const level = (recv?.level ?? 3) as 1 | 2 | 3;
    const districtCode =
      level === 2 ? receivingArea : level === 3 && recv ? codesOfCommune(receivingArea, recv.path).district_code : null;
    return agencyCode({ provinceCode, districtCode, communeCode: level === 3 ? receivingArea : null, level });
  }

  async function receive(actor: Actor, input: ReceiveDossierBody): Promise<DossierOut> {
    const b = input as Required<ReceiveDossierBody>;
    const p = await proceduresRepo.byId(c.db, b.procedureId);
    if (!p) throw errors.notFound('Thủ tục');
    dossiersPolicy.guard(actor, 'read', { provinceCode: p.province_code }, 'Thủ tục');
    if (!p.active)
      throw errors.conflict('PROCEDURE_INACTIVE', 'Thủ tục này đã ngừng áp dụng. Chọn thủ tục đang áp dụng.');
    const commune = await c.areas.pathOf(b.communeCode);
    if (!commune || commune.level !== 3)
      throw errors.validation([{ path: 'body.communeCode', message: `Không có xã/phường mã ${b.communeCode}.` }]);
    const codes = codesOfCommune(b.communeCode, commune.path);
    dossiersPolicy.guard(actor, 'receive', codes, 'Đơn vị hành chính');
    // The system actor (seed, CLI) is not limited to a province: the catalogue must still be the commune's.
    if (p.province_code !== codes.province_code) throw errors.notFound('Thủ tục');
    if (b.channel === 'assisted' && !b.assistedReason) {
      throw errors.validation([
        { path: 'body.assistedReason', message: 'Ghi lý do người dân cần cán bộ nộp thay (cao tuổi, khuyết tật…).' },
      ]);
    }
    const nowAt = c.now();
    let receivedAt = nowAt.toISOString();
    if (b.receivedAt) {
      const t = new Date(b.receivedAt).getTime();
      if (t > nowAt.getTime() + 60_000 || t < nowAt.getTime() - 31 * 86_400_000) {
        throw errors.validation([
          { path: 'body.receivedAt', message: 'Thời điểm nhận hồ sơ không được ở tương lai hoặc trước quá 30 ngày.' },
        ]);
      }
      receivedAt = new Date(t).toISOString();
    }
    if (b.personId) {
      const person = await readersRepo.personCodes(c.db, b.personId);
      if (!person || !recordInScope(actor, person))
        throw errors.validation([
          { path: 'body.personId', message: 'Không tìm thấy người này trong sổ đối tượng của địa bàn.' },
        ]);
    }
    const path = effectivePath(JSON.parse(p.path_json) as LevelStep[], codes.district_code !== null);
    const areaOf = (l: DossierLevel) =>
      l === 'commune' ? codes.commune_code : l === 'district' ? codes.district_code! : codes.province_code;
    const start = clockStart(c.cal, receivedAt);
    const plan = planSteps(c.cal, start, path);
    const receivedDate = vietnamLocal(receivedAt).date;
    const receivingArea = actor.kind === 'user' && actor.areaCode ? actor.areaCode : areaOf(path[0]!.level);
    const agency = await agencyOf(codes.province_code, receivingArea);
    const first = path[0]!;
    for (let attempt = 0; ; attempt++) {
      try {
        const id = await inTransaction(c.database, actor, async (trx, audit) => {
          const seq = await dossiersRepo.nextSequence(trx, agency, receivedDate);
          const code = formatDossierCode(agency, receivedDate, seq + attempt);
          const at = c.nowIso();
          const newId = await dossiersRepo.insertDossier(trx, {
            code,
            lookup_secret: lookupSecret(),
            agency_code: agency,
            procedure_id: p.id,
            person_id: b.personId ?? null,
            applicant_name: b.applicantName.replace(/\s+/g, ' ').normalize('NFC'),
            applicant_name_key: searchKey(b.applicantName),
            applicant_phone: b.applicantPhone ?? null,
            applicant_id_number: b.applicantIdNumber ?? null,
            applicant_address: b.applicantAddress ?? '',
            channel: b.channel,
            delivery: b.delivery ?? 'counter',
            assisted_by: b.channel === 'assisted' ? actor.username : null,
            assisted_reason: b.channel === 'assisted' ? b.assistedReason : null,
            assisted_note: b.assistedNote ?? '',
            documents_json: JSON.stringify(b.documents ?? []),
            note: b.note ?? '',
            state: 'processing',
            current_seq: 1,
            current_level: first.level,
            current_area_code: areaOf(first.level),
            level_due_date: plan.steps[0]!.due,
            received_at: receivedAt,
            received_date: receivedDate,
            received_by: actor.username,
            receiving_area_code: receivingArea,
            start_date: start,
            due_date: plan.due,
            appointment_date: plan.due,
            apologies: 0,
            ...codes,
            created_at: at,
            updated_at: at,
          });
          await dossiersRepo.insertSteps(
            trx,
            plan.steps.map((s, i) => ({
              dossier_id: newId,
              seq: i + 1,
              level: s.level,
              area_code: areaOf(s.level),
              days: s.days,
              started_at: i === 0 ? receivedAt : null,
              start_date: i === 0 ? s.start : null,
              due_date: i === 0 ? s.due : null,
              paused_days: 0,
            })),
          );
          const note =
            b.channel === 'assisted'
              ? // The reason's label, never its code: the note prints on the control slip (Vietnamese).
                `Cán bộ nộp thay; lý do: ${b.assistedReason ? DOSSIER_ASSISTED_REASON_LABELS[b.assistedReason].vi.toLocaleLowerCase('vi-VN') : ''}${b.assistedNote ? ` (${b.assistedNote})` : ''}`
              : '';
          await dossiersRepo.addEvent(trx, {
            dossier_id: newId,
            at: receivedAt,
            actor: actor.username,
            action: 'receive',
            level: first.level,
            area_code: receivingArea,
            note,
          });
          await audit({
            action: 'dossier.receive',
            entity: 'dossier',
            entityId: newId,
            areaCode: codes.commune_code,
            after: { code, procedure: p.code, channel: b.channel, due: plan.due },
          });
          const row = (await dossiersRepo.dossier(trx, newId))!;
          await enqueueNotice(trx, row, 'receive', at);
          return c.lean ? reader.leanOut(trx, row) : newId;
        });
        return typeof id === 'number' ? await reader.detail(actor, id) : id;
      } catch (e) {
        if (isUniqueViolation(e) && attempt < 5) continue;
        throw e;
      }
    }
  }

  return { receive };
}
