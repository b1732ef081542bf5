import { graveKeys, martyrInfoStatus, martyrSearchKey, searchKey, type MartyrBody } from '@ansinh/domain';
import type { z } from 'zod';
import type { CemeteryBody, GraveEventBody, IdentificationBody, MartyrsQuery } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { meritPolicy, meritRecordArea } from '../merit.policy.js';
import { meritPresenter } from '../merit.presenter.js';
import { martyrsRepo } from '../repo/martyrs.repo.js';
import type { MeritContext } from './context.js';

const GRAVE = 'Mộ liệt sĩ';

/**
 * Martyrs, their graves (in a cemetery with a position, or outside), cemeteries (lists Mẫu 84/85),
 * visits and remains moved (Arts. 153, 157–160), identification decisions (Mẫu 76, Art. 148).
 * Search is diacritics-insensitive on one key per grave (martyr's name, hometown, cemetery).
 */
export function martyrs(c: MeritContext) {
  async function graveDetail(actor: Actor, id: number) {
    const g = await martyrsRepo.grave(c.db, id);
    if (!g) throw errors.notFound(GRAVE);
    meritPolicy.guard(actor, 'read', meritRecordArea(g), GRAVE);
    const m = g.martyr_id ? await martyrsRepo.martyr(c.db, Number(g.martyr_id)) : undefined;
    const cem = g.cemetery_id ? await martyrsRepo.cemetery(c.db, Number(g.cemetery_id)) : undefined;
    const events = await martyrsRepo.graveEvents(c.db, id);
    return {
      ...meritPresenter.grave({
        ...g,
        id: Number(g.id),
        full_name: m?.full_name ?? null,
        info_status: m?.info_status ?? null,
        hometown: m?.hometown ?? null,
        death_year: m?.death_year ?? null,
        cemetery_name: cem?.name ?? null,
      }),
      unit: m?.unit ?? '',
      birthYear: m?.birth_year ?? null,
      deathDate: m?.death_date ?? null,
      massGrave: !!g.mass_grave,
      events: events.map((e) => ({
        id: Number(e.id),
        kind: e.kind,
        onDate: e.on_date,
        personName: e.person_name,
        letterOn: e.letter_on,
        supportAmount: Number(e.support_amount),
        note: e.note,
      })),
    };
  }

  return {
    getGrave: graveDetail,

    async listCemeteries(actor: Actor) {
      meritPolicy.guard(actor, 'read');
      return (await martyrsRepo.cemeteries(c.db, actor)).map((x) => ({
        id: Number(x.id),
        name: x.name,
        level: x.level,
        communeCode: x.commune_code,
        graves: Number(x.graves),
        form: 'Mẫu 84',
      }));
    },

    async createCemetery(actor: Actor, b: z.infer<typeof CemeteryBody>) {
      const codes = await c.communeCodes(b.communeCode, 'body.communeCode');
      meritPolicy.guard(actor, 'manage', codes);
      return inTransaction(c.database, actor, async (trx, audit) => {
        const id = await martyrsRepo.insertCemetery(trx, {
          name: b.name,
          name_key: searchKey(b.name),
          level: b.level,
          ...codes,
          created_at: c.nowIso(),
        });
        await audit({
          action: 'merit.cemetery.create',
          entity: 'merit_cemetery',
          entityId: id,
          areaCode: codes.commune_code,
          after: b,
        });
        return { id, name: b.name, level: b.level, communeCode: codes.commune_code, graves: 0, form: 'Mẫu 84' };
      });
    },

    /** A martyr and, optionally, the grave; the information status follows from what is known. */
    async createMartyr(actor: Actor, b: MartyrBody) {
      const codes = await c.communeCodes(b.communeCode, 'body.communeCode');
      meritPolicy.guard(actor, 'manage', codes);
      const cem = b.grave?.cemeteryId ? await martyrsRepo.cemetery(c.db, b.grave.cemeteryId) : undefined;
      if (b.grave?.cemeteryId && (!cem || cem.province_code !== codes.province_code))
        throw errors.validation([
          {
            path: 'body.grave.cemeteryId',
            message: 'Nghĩa trang không có trong tỉnh. Chọn nghĩa trang trong danh sách.',
          },
        ]);
      if (b.grave?.location === 'in_cemetery' && !cem)
        throw errors.validation([
          { path: 'body.grave.cemeteryId', message: 'Mộ trong nghĩa trang: chọn nghĩa trang.' },
        ]);
      const graveId = await inTransaction(c.database, actor, async (trx, audit) => {
        const at = c.nowIso();
        const info = martyrInfoStatus(b);
        const martyrId = await martyrsRepo.insertMartyr(trx, {
          full_name: b.fullName,
          search_key: martyrSearchKey([b.fullName, b.hometown]),
          hometown: b.hometown,
          birth_year: b.birthYear,
          death_date: b.deathDate,
          death_year: b.deathYear ?? (b.deathDate ? Number(b.deathDate.slice(0, 4)) : null),
          unit: b.unit,
          info_status: info,
          record_id: null,
          ...codes,
          created_at: at,
        });
        const g = b.grave ?? { cemeteryId: null, location: 'outside' as const, position: '', massGrave: false };
        const gid = await martyrsRepo.insertGrave(trx, {
          martyr_id: martyrId,
          cemetery_id: cem ? Number(cem.id) : null,
          location: g.location,
          position: g.position,
          search_key: martyrSearchKey([b.fullName, b.hometown, cem?.name, g.position]),
          identified: info === 'none' ? 0 : 1,
          mass_grave: g.massGrave ? 1 : 0,
          headstone: b.fullName ? `Liệt sĩ ${b.fullName}` : 'Liệt sĩ chưa xác định được thông tin',
          ...codes,
          created_at: at,
        });
        await martyrsRepo.setGraveKeys(trx, gid, graveKeys(martyrSearchKey([b.fullName, b.hometown])), codes);
        await audit({
          action: 'merit.martyr.create',
          entity: 'merit_martyr',
          entityId: martyrId,
          areaCode: codes.commune_code,
          after: { ...b, info },
        });
        return gid;
      });
      return graveDetail(actor, graveId);
    },

    async searchGraves(actor: Actor, q: z.infer<typeof MartyrsQuery>) {
      meritPolicy.guard(actor, 'read');
      const key = q.q ? searchKey(q.q) : undefined;
      const { total, rows } = await martyrsRepo.searchGraves(c.db, actor, {
        key,
        infoStatus: q.infoStatus,
        cemeteryId: q.cemeteryId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return {
        items: rows.map((r) => meritPresenter.grave({ ...r, id: Number(r.id) })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** A visit or a remains-move request, confirmed at the commune (introduction letter in 3 working days). */
    async addGraveEvent(actor: Actor, id: number, b: z.infer<typeof GraveEventBody>) {
      const g = await martyrsRepo.grave(c.db, id);
      if (!g) throw errors.notFound(GRAVE);
      meritPolicy.guard(actor, 'confirm', meritRecordArea(g), GRAVE);
      await inTransaction(c.database, actor, async (trx, audit) => {
        await martyrsRepo.insertGraveEvent(trx, {
          grave_id: id,
          kind: b.kind,
          on_date: b.onDate,
          person_name: b.personName,
          letter_on: null,
          support_amount: b.supportAmount,
          note: b.note,
          province_code: g.province_code,
          district_code: g.district_code,
          commune_code: g.commune_code,
          created_at: c.nowIso(),
        });
        await audit({
          action: `merit.grave.${b.kind}`,
          entity: 'merit_grave',
          entityId: id,
          areaCode: g.commune_code,
          after: b,
        });
      });
      return graveDetail(actor, id);
    },

    /** The identification decision (Mẫu 76): the grave gets its martyr and a re-engraved headstone. */
    async identify(actor: Actor, b: z.infer<typeof IdentificationBody>) {
      const g = await martyrsRepo.grave(c.db, b.graveId);
      if (!g) throw errors.notFound(GRAVE);
      meritPolicy.guard(actor, 'manage', meritRecordArea(g), GRAVE);
      const m = await martyrsRepo.martyr(c.db, b.martyrId);
      if (!m || m.province_code !== g.province_code)
        throw errors.validation([{ path: 'body.martyrId', message: 'Không có liệt sĩ này trong tỉnh.' }]);
      await inTransaction(c.database, actor, async (trx, audit) => {
        await martyrsRepo.insertIdentification(trx, {
          sample_id: b.sampleId,
          grave_id: b.graveId,
          martyr_id: b.martyrId,
          decision_no: b.decisionNo,
          decision_on: b.decisionOn,
          headstone_on: b.headstoneOn,
          province_code: g.province_code,
          district_code: g.district_code,
          commune_code: g.commune_code,
          created_at: c.nowIso(),
        });
        await martyrsRepo.updateGrave(trx, b.graveId, {
          identified: 1,
          martyr_id: b.martyrId,
          headstone: `Liệt sĩ ${m.full_name}`,
          search_key: martyrSearchKey([m.full_name, m.hometown, g.position]),
        });
        await martyrsRepo.setGraveKeys(trx, b.graveId, graveKeys(m.search_key), g);
        await audit({
          action: 'merit.grave.identify',
          entity: 'merit_grave',
          entityId: b.graveId,
          areaCode: g.commune_code,
          before: { martyrId: g.martyr_id },
          after: b,
        });
      });
      return graveDetail(actor, b.graveId);
    },
  };
}
