import {
  ONLINE_RECEPTION,
  ruleOn,
  type ReceptionEntriesQuery,
  type ReceptionEntryBody,
  type ReceptionSessionBody,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { petitionsPolicy } from '../petitions.policy.js';
import { presentEntry, presentSession } from '../petitions.presenter.js';
import { lettersRepo } from '../repo/letters.repo.js';
import { receptionRepo } from '../repo/reception.repo.js';
import { areaCodeOf, notFuture, pageOf, resolveArea, scopeOf, type PetitionsDeps } from './shared.js';

type PeriodPage = { page: number; pageSize: number; from?: string | undefined; to?: string | undefined };

/**
 * Citizen reception: sessions (regular, the head's periodic day, ad hoc, online from 1/7/2026 with
 * its notice and recording) and the lines of the reception book (Mẫu 03/TCD). A denouncer's name,
 * address and ID go to the restricted identity table, never into the book's row.
 */
export function receptionUseCases(deps: PetitionsDeps) {
  const { database } = deps;
  return {
    async recordSession(actor: Actor, body: ReceptionSessionBody) {
      notFuture(body.date, 'body.date', 'Ngày tiếp');
      if (body.kind === 'online') {
        if (!ruleOn(ONLINE_RECEPTION, body.date)) {
          throw errors.badRequest(
            'ONLINE_RECEPTION_NOT_IN_FORCE',
            'Tiếp công dân trực tuyến chỉ áp dụng từ ngày 01/7/2026 (Nghị định 154/2026/NĐ-CP). Chọn hình thức tiếp khác.',
          );
        }
        if (!body.noticeRef || !body.recordingRef) {
          throw errors.validation(
            [{ path: 'body.recordingRef', message: 'Nhập số thông báo và mã bản ghi hình của buổi tiếp trực tuyến.' }],
            'Buổi tiếp trực tuyến phải có thông báo trước và được ghi hình, lưu trữ (NĐ 154/2026 Điều 16–24).',
          );
        }
      }
      const area = await resolveArea(deps, actor, body.areaCode);
      petitionsPolicy.guard(actor, 'receive', { areaPath: area.area_path }, 'Đơn vị hành chính');
      return inTransaction(database, actor, async (trx, audit) => {
        const row = await receptionRepo.insertSession(trx, {
          kind: body.kind,
          date: body.date,
          host: body.host,
          place: body.place,
          notice_ref: body.noticeRef ?? null,
          recording_ref: body.recordingRef ?? null,
          note: body.note,
          ...area,
          created_by: actor.username,
          created_at: nowIso(),
        });
        await audit({
          action: 'petitions.session.create',
          entity: 'petition_session',
          entityId: row.id,
          areaCode: areaCodeOf(area),
          after: { kind: row.kind, date: row.date },
        });
        return presentSession({ ...row, entries: 0 });
      });
    },

    async listSessions(actor: Actor, q: PeriodPage) {
      petitionsPolicy.guard(actor, 'read');
      const r = await receptionRepo.listSessions(
        database.db,
        { scope: scopeOf(actor), from: q.from, to: q.to },
        pageOf(q),
      );
      return { items: r.rows.map(presentSession), total: r.total, page: q.page, pageSize: q.pageSize };
    },

    async recordEntry(actor: Actor, body: ReceptionEntryBody) {
      notFuture(body.date, 'body.date', 'Ngày tiếp');
      const area = await resolveArea(deps, actor, body.areaCode);
      petitionsPolicy.guard(actor, 'receive', { areaPath: area.area_path }, 'Đơn vị hành chính');
      return inTransaction(database, actor, async (trx, audit) => {
        if (body.sessionId) {
          const s = await receptionRepo.findSession(trx, body.sessionId);
          if (!s) throw errors.notFound('Buổi tiếp công dân');
          petitionsPolicy.guard(actor, 'receive', { areaPath: s.area_path }, 'Buổi tiếp công dân');
          if (s.date !== body.date) {
            throw errors.validation([
              { path: 'body.date', message: `Ngày tiếp phải là ngày của buổi tiếp (${s.date}).` },
            ]);
          }
        }
        const restricted = body.kind === 'denunciation';
        const year = Number(body.date.slice(0, 4));
        const row = await receptionRepo.insertEntry(trx, {
          session_id: body.sessionId ?? null,
          year,
          seq: await receptionRepo.nextSeq(trx, area.area_path, year),
          date: body.date,
          name: restricted ? null : body.name,
          address: restricted ? null : body.address,
          id_number: restricted ? null : (body.idNumber ?? null),
          identity_restricted: restricted ? 1 : 0,
          summary: body.summary,
          kind: body.kind,
          people: body.people,
          settled_by: body.settledBy ?? null,
          within_competence: body.withinCompetence ? 1 : 0,
          guidance: body.guidance ?? null,
          accepted_by: body.acceptedBy ?? null,
          follow_up: body.followUp ?? null,
          note: body.note,
          statement_signed: body.statementSigned ? 1 : 0,
          ...area,
          created_by: actor.username,
          created_at: nowIso(),
        });
        if (restricted) {
          await lettersRepo.insertIdentity(trx, {
            owner: 'entry',
            owner_id: row.id,
            name: body.name,
            address: body.address,
            id_number: body.idNumber ?? null,
            phone: null,
            province_code: area.province_code,
            created_at: nowIso(),
          });
        }
        // The audit keeps what was done, never who denounced.
        await audit({
          action: 'petitions.entry.create',
          entity: 'petition_entry',
          entityId: row.id,
          areaCode: areaCodeOf(area),
          after: { seq: row.seq, kind: row.kind, people: row.people },
        });
        return presentEntry(row);
      });
    },

    async listEntries(actor: Actor, q: ReceptionEntriesQuery) {
      petitionsPolicy.guard(actor, 'read');
      const r = await receptionRepo.listEntries(
        database.db,
        { scope: scopeOf(actor), from: q.from, to: q.to, kind: q.kind },
        pageOf(q),
      );
      return { items: r.rows.map(presentEntry), total: r.total, page: q.page, pageSize: q.pageSize };
    },
  };
}
