import { checkMeritDossier } from './dossier-link.js';
import {
  MERIT_DOSSIER_TYPES,
  formatMeritDossierCode,
  searchKey,
  type CreateMeritRecordBody,
  type MeritoriousCategory,
} from '@ansinh/domain';
import type { z } from 'zod';
import type { MeritExtractBody, MeritRecordsQuery, MeritRelativeBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { meritPolicy, meritRecordArea } from '../merit.policy.js';
import { meritPresenter } from '../merit.presenter.js';
import { meritReaders } from '../repo/readers.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import { transfersRepo } from '../repo/transfers.repo.js';
import type { MeritContext } from './context.js';

const WHAT = 'Hồ sơ người có công';

/**
 * Merit records: a registry person's meritorious record with its original dossier (code set by
 * NĐ 131/2021 Art. 127, kept permanently by its custodian), relatives and extracts issued.
 */
export function records(c: MeritContext) {
  async function load(actor: Actor, id: number, action: 'read' | 'manage' | 'confirm') {
    const r = await recordsRepo.record(c.db, id);
    if (!r) throw errors.notFound(WHAT);
    meritPolicy.guard(actor, action, meritRecordArea(r), WHAT);
    return r;
  }

  async function detail(actor: Actor, id: number) {
    const r = await load(actor, id, 'read');
    const [relatives, extracts, decisions, gifts, housing, transfers] = await Promise.all([
      recordsRepo.relatives(c.db, id),
      recordsRepo.extracts(c.db, id),
      recordsRepo.decisions(c.db, id),
      recordsRepo.gifts(c.db, id),
      recordsRepo.housing(c.db, id),
      transfersRepo.ofRecord(c.db, id),
    ]);
    return {
      ...meritPresenter.record(r, decisions),
      relatives: relatives.map((x) => ({
        id: Number(x.id),
        personId: x.person_id === null ? null : Number(x.person_id),
        fullName: x.full_name,
        relation: x.relation,
      })),
      extracts: extracts.map((x) => ({ id: Number(x.id), form: x.form, issuedOn: x.issued_on, issuedTo: x.issued_to })),
      decisions: decisions.map(meritPresenter.decision),
      gifts: gifts.map((g) => ({
        id: Number(g.id),
        campaign: g.title,
        source: g.source,
        amount: Number(g.amount),
        givenOn: g.given_on,
      })),
      housing: housing.map((h) => ({
        id: Number(h.id),
        kind: h.kind,
        floorArea: Number(h.floor_area),
        amount: Number(h.amount),
        decidedOn: h.decided_on,
      })),
      transfers: transfers.map((t) => meritPresenter.transfer(t, c.cal, c.today())),
    };
  }

  return {
    loadRecord: load,
    getRecord: detail,

    async listRecords(actor: Actor, q: z.infer<typeof MeritRecordsQuery>) {
      meritPolicy.guard(actor, 'read');
      const { total, rows } = await recordsRepo.page(c.db, actor, {
        q: q.q ? searchKey(q.q) : undefined,
        category: q.category,
        communeCode: q.communeCode,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const decisions = await recordsRepo.decisionsOf(
        c.db,
        rows.map((r) => Number(r.id)),
      );
      return {
        items: rows.map((r) =>
          meritPresenter.record(
            r,
            decisions.filter((d) => Number(d.record_id) === Number(r.id)),
          ),
        ),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Opens the record of a registry person; the dossier code is given or numbered in the province. */
    async createRecord(actor: Actor, b: CreateMeritRecordBody) {
      const p = await meritReaders.person(c.db, b.personId);
      if (!p)
        throw errors.validation([
          { path: 'body.personId', message: 'Không có người này trong sổ hộ. Chọn người từ sổ hộ.' },
        ]);
      const codes = { province_code: p.province_code, district_code: p.district_code, commune_code: p.commune_code };
      meritPolicy.guard(actor, 'manage', codes, 'Người');
      const dossier = b.dossierId
        ? await checkMeritDossier(c, b.dossierId, { province_code: p.province_code, person_id: p.id }, 'body.dossierId')
        : null;
      const year = b.dossierYear ?? Number(c.today().slice(0, 4));
      const type = MERIT_DOSSIER_TYPES[b.category as MeritoriousCategory];
      try {
        const id = await inTransaction(c.database, actor, async (trx, audit) => {
          const prefix = `${p.province_code}/${type}/`;
          const code =
            b.dossierCode ??
            formatMeritDossierCode({
              police: false,
              place: p.province_code.slice(-2),
              type,
              serial: (await recordsRepo.maxSerial(trx, p.province_code, prefix)) + 1,
              period: year,
            });
          const at = c.nowIso();
          const newId = await recordsRepo.insertRecord(trx, {
            person_id: p.id,
            full_name: p.full_name,
            name_key: searchKey(p.full_name),
            category: b.category,
            degree: b.degree,
            dossier_code: code,
            custodian: b.custodian || 'Sở',
            retention: 'permanent',
            state: 'managed',
            dossier_id: dossier?.id ?? null,
            ...codes,
            created_at: at,
            updated_at: at,
          });
          await audit({
            action: 'merit.record.create',
            entity: 'merit_record',
            entityId: newId,
            areaCode: p.commune_code,
            after: { personId: p.id, category: b.category, dossierCode: code, dossierId: dossier?.id ?? null },
          });
          return newId;
        });
        return detail(actor, id);
      } catch (e) {
        if (isUniqueViolation(e))
          throw errors.conflict(
            'MERIT_DOSSIER_CODE_TAKEN',
            `Mã hồ sơ ${b.dossierCode ?? ''} đã dùng cho hồ sơ khác trong tỉnh. Kiểm tra lại mã hồ sơ gốc.`,
          );
        throw e;
      }
    },

    /** A relative (parent, spouse, child, carer), confirmed by the commune or the department. */
    async addRelative(actor: Actor, id: number, b: z.infer<typeof MeritRelativeBody>) {
      const r = await load(actor, id, 'confirm');
      await inTransaction(c.database, actor, async (trx, audit) => {
        const rid = await recordsRepo.insertRelative(trx, {
          record_id: id,
          person_id: b.personId,
          full_name: b.fullName,
          relation: b.relation,
          province_code: r.province_code,
          district_code: r.district_code,
          commune_code: r.commune_code,
          created_at: c.nowIso(),
        });
        await audit({
          action: 'merit.relative.add',
          entity: 'merit_record',
          entityId: id,
          areaCode: r.commune_code,
          after: { relativeId: rid, ...b },
        });
      });
      return detail(actor, id);
    },

    /** An extract of the dossier issued on one of Mẫu 95–99 (Art. 128). */
    async issueExtract(actor: Actor, id: number, b: z.infer<typeof MeritExtractBody>) {
      const r = await load(actor, id, 'manage');
      await inTransaction(c.database, actor, async (trx, audit) => {
        await recordsRepo.insertExtract(trx, {
          record_id: id,
          form: b.form,
          issued_on: b.issuedOn,
          issued_to: b.issuedTo,
          province_code: r.province_code,
          district_code: r.district_code,
          commune_code: r.commune_code,
          created_at: c.nowIso(),
        });
        await audit({
          action: 'merit.extract.issue',
          entity: 'merit_record',
          entityId: id,
          areaCode: r.commune_code,
          after: b,
        });
      });
      return detail(actor, id);
    },
  };
}

export type Records = ReturnType<typeof records>;
