import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  birthYearOf,
  ethnicGroupName,
  formatDateVi,
  formatPartialDateVi,
  checkCitizenId,
  checkOldIdCard,
  cleanPersonName,
  cleanText,
  nameSimilar,
  searchKey,
  todayInVietnam,
  validateStatusGrant,
  vietnameseSortKey,
  type CreateHouseholdBody,
  type CreatePersonBody,
  type DuplicateDecisionBody,
  type DuplicateList,
  type EndStatusBody,
  type Gender,
  type GrantStatusBody,
  type HouseholdEventBody,
  type HouseholdOut,
  type HouseholdPage,
  type HouseholdsQuery,
  type PatchHouseholdBody,
  type PatchPersonBody,
  type PersonOut,
  type PersonPage,
  type PersonsQuery,
  type StatusOut,
  type Timeline,
} from '@ansinh/domain';
import type { Database, Executor } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import { areaColumnScope, codesInScope, codesOfCommune, type AreaColumn } from '../../platform/authz.js';
import { inTransaction, nowIso } from '../../platform/context.js';
import { errors, isUniqueViolation, type FieldProblem } from '../../platform/errors.js';
import type { AreasService } from '../areas/index.js';
import { registryPolicy } from './registry.policy.js';
import {
  asDisability,
  asHouseholdState,
  asRelation,
  asResidence,
  idWarnings,
  presentListItem,
  presentStatus,
} from './registry.presenter.js';
import { registryRepo, type NewPerson, type PersonFilter, type PersonRow } from './registry.repo.js';

const LEVEL_COLUMN: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };

/** What the audit log keeps of a person: enough to see a change, not a copy of the record. */
export const personAuditView = (p: Partial<PersonRow>) => ({
  fullName: p.full_name,
  gender: p.gender,
  birthDate: p.birth_date,
  citizenId: p.citizen_id ?? null,
  householdId: p.household_id ?? null,
  deceasedOn: p.deceased_on ?? null,
  movedOutOn: p.moved_out_on ?? null,
  disability: p.disability ?? null,
  ethnicCode: p.ethnic_code ?? null,
  village: p.village ?? null,
  phone: p.phone ?? null,
  relation: p.relation ?? null,
});

/**
 * Check a citizen ID against the person: a malformed ID or one that contradicts the person's
 * sex or birth year is refused with the reason; an unknown birth-registration code (born
 * abroad) is kept and shown as a warning.
 */
export function citizenIdProblems(
  id: string,
  gender: Gender,
  birthYear: number,
  path = 'body.citizenId',
): FieldProblem[] {
  const r = checkCitizenId(id, { gender, birthYear });
  return r.problems.filter((p) => p.code !== 'ID_PROVINCE_UNKNOWN').map((p) => ({ path, message: p.message }));
}

export function normalizeCitizenId(id: string | null | undefined): string | null {
  if (!id) return null;
  const n = id.replace(/[\s.-]/g, '');
  return n || null;
}

type PersonKeys = { name_key: string; given_key: string; sort_key: string };
const keyCache = new Map<string, PersonKeys>();

/**
 * Search keys stored with a person so search and sort run on indexes. Vietnamese names repeat a
 * lot, and bulk imports compute these for every row, so recent results are kept (bounded).
 */
export function personKeys(fullName: string): PersonKeys {
  const hit = keyCache.get(fullName);
  if (hit) return hit;
  const nameKey = searchKey(fullName);
  const parts = nameKey.split(' ');
  const keys = { name_key: nameKey, given_key: parts[parts.length - 1] ?? '', sort_key: vietnameseSortKey(fullName) };
  if (keyCache.size >= 200_000) keyCache.clear();
  keyCache.set(fullName, keys);
  return keys;
}

/** The registry: households, persons, their statuses, search, duplicates. */
export function createRegistryService(deps: { database: Database; areas: Pick<AreasService, 'pathOf'> }) {
  const { database, areas } = deps;
  const db = database.db;

  /** Resolve an area filter (any level) inside the actor's area; 404 outside. */
  async function areaFilter(actor: Actor, code: string | undefined) {
    if (!code) return undefined;
    const a = await areas.pathOf(code);
    if (!a || (actor.kind !== 'system' && !a.path.startsWith(actor.areaPath ?? '\u0000')))
      throw errors.notFound('Đơn vị hành chính');
    return { column: LEVEL_COLUMN[a.level]!, code };
  }

  /** Area codes of a commune, for the three code columns every registry row carries. */
  async function communeCodes(actor: Actor, communeCode: string) {
    const a = await areas.pathOf(communeCode);
    if (!a || a.level !== 3) {
      throw errors.validation([{ path: 'body.communeCode', message: `Không có xã/phường mã ${communeCode}.` }]);
    }
    const codes = codesOfCommune(communeCode, a.path);
    if (!codesInScope(actor, codes)) throw errors.notFound('Đơn vị hành chính');
    return codes;
  }

  async function personFilter(actor: Actor, q: PersonsQuery): Promise<PersonFilter> {
    const today = todayInVietnam();
    const year = Number(today.slice(0, 4));
    const f: PersonFilter = {
      onDate: today,
      ...(q.areaCode ? { area: await areaFilter(actor, q.areaCode) } : {}),
      ...(q.statusKind ? { statusKind: q.statusKind, ...(q.category ? { category: q.category } : {}) } : {}),
      ...(q.ageTo !== undefined ? { birthYearFrom: year - q.ageTo } : {}),
      ...(q.ageFrom !== undefined ? { birthYearTo: year - q.ageFrom } : {}),
      ...(q.gender ? { gender: q.gender } : {}),
      ...(q.ethnicCode ? { ethnicCode: q.ethnicCode } : {}),
      ...(q.householdId ? { householdId: q.householdId } : {}),
      includeInactive: q.includeInactive === 'true',
    };
    if (q.q) {
      const raw = q.q.replace(/[\s.]/g, '');
      if (/^\d{12}$/.test(raw)) f.citizenId = raw;
      else if (/^\d{9}$/.test(raw)) f.oldIdNumber = raw;
      else if (/^(\+?84|0)\d{8,10}$/.test(raw)) f.phone = raw.replace(/^\+?84/, '0');
      else if (/^\d{5}-\d{6}$/.test(q.q.trim())) f.householdCode = q.q.trim();
      else {
        const key = searchKey(q.q);
        if (key.includes(' ')) f.namePrefix = key;
        else if (key) f.givenPrefix = key;
      }
    }
    return f;
  }

  async function loadPerson(actor: Actor, id: number, action: 'read' | 'write' | 'merge' = 'read', ex: Executor = db) {
    const p = await registryRepo.findPerson(ex, id);
    if (!p || !codesInScope(actor, p)) throw errors.notFound('Nhân khẩu');
    registryPolicy.assert(actor, action);
    return p;
  }

  async function loadHousehold(actor: Actor, id: number, action: 'read' | 'write' = 'read', ex: Executor = db) {
    const h = await registryRepo.findHousehold(ex, id);
    if (!h || !codesInScope(actor, h)) throw errors.notFound('Hộ gia đình');
    registryPolicy.assert(actor, action);
    return h;
  }

  async function assertCitizenIdFree(ex: Executor, citizenId: string, exceptId?: number) {
    const other = await registryRepo.findPersonByCitizenId(ex, citizenId);
    if (other && other.id !== exceptId) {
      throw errors.conflict(
        'CITIZEN_ID_TAKEN',
        `Số CCCD ${citizenId} đã có trong sổ (nhân khẩu #${other.id}). Mỗi người chỉ có một số CCCD: kiểm tra lại, hoặc mở hồ sơ đã có.`,
        [{ path: 'body.citizenId', message: 'Số CCCD đã được dùng cho một nhân khẩu khác.' }],
      );
    }
  }

  function checkIds(gender: Gender, birthYear: number, citizenId: string | null, oldId: string | null) {
    const problems: FieldProblem[] = [];
    if (citizenId) problems.push(...citizenIdProblems(citizenId, gender, birthYear));
    if (oldId)
      problems.push(...checkOldIdCard(oldId).problems.map((p) => ({ path: 'body.oldIdNumber', message: p.message })));
    if (problems.length)
      throw errors.validation(
        problems,
        'Số định danh chưa khớp với thông tin của người này. Xem giải thích ở từng trường rồi sửa lại.',
      );
  }

  async function presentPerson(
    p: NonNullable<Awaited<ReturnType<typeof registryRepo.findPerson>>>,
    ex: Executor = db,
  ): Promise<PersonOut> {
    const today = todayInVietnam();
    const statuses = await registryRepo.statusesOfPerson(ex, p.id, p.household_id);
    return {
      ...presentListItem(p),
      relation: asRelation(p.relation),
      oldIdNumber: p.old_id_number,
      ethnicCode: p.ethnic_code,
      disability: asDisability(p.disability),
      mergedIntoId: p.merged_into_id,
      idWarnings: idWarnings(p),
      statuses: statuses.map((s) => presentStatus(s, today)),
      createdAt: p.created_at,
      updatedAt: p.updated_at,
    };
  }

  return {
    policy: registryPolicy,

    /** Search persons by name (any accents), ID, household code or phone, with filters; paged, Vietnamese order. */
    async searchPersons(actor: Actor, q: PersonsQuery): Promise<PersonPage> {
      registryPolicy.assert(actor, 'read');
      const f = await personFilter(actor, q);
      const { total, items } = await registryRepo.searchPersons(db, areaColumnScope(actor), f, q.page, q.pageSize);
      return { total, page: q.page, pageSize: q.pageSize, items: items.map(presentListItem) };
    },

    /** Any filtered list as XLSX (Vietnamese headers, dates and formats), streamed in keyset batches. */
    async exportPersons(actor: Actor, q: PersonsQuery): Promise<Readable> {
      registryPolicy.assert(actor, 'export');
      const f = await personFilter(actor, q);
      const out = new PassThrough();
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
      const ws = wb.addWorksheet('Nhân khẩu');
      ws.columns = [
        { header: 'STT', key: 'stt', width: 7 },
        { header: 'Họ và tên', key: 'name', width: 28 },
        { header: 'Giới tính', key: 'gender', width: 10 },
        { header: 'Ngày sinh', key: 'birth', width: 12 },
        { header: 'Số CCCD', key: 'cid', width: 16 },
        { header: 'Dân tộc', key: 'ethnic', width: 12 },
        { header: 'Mã hộ', key: 'hh', width: 15 },
        { header: 'Thôn/ấp/tổ', key: 'village', width: 16 },
        { header: 'Xã/phường', key: 'commune', width: 22 },
        { header: 'Điện thoại', key: 'phone', width: 13 },
        { header: 'Ngày mất', key: 'dead', width: 12 },
      ];
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      const scope = areaColumnScope(actor);
      void (async () => {
        let n = 0;
        try {
          for await (const batch of registryRepo.iteratePersons(db, scope, f)) {
            for (const r of batch) {
              ws.addRow({
                stt: ++n,
                name: r.full_name,
                gender: r.gender === 'male' ? 'Nam' : 'Nữ',
                birth: formatPartialDateVi(r.birth_date),
                cid: r.citizen_id ?? '',
                ethnic: r.ethnic_code ? ethnicGroupName(r.ethnic_code) : '',
                hh: r.household_code ?? '',
                village: r.village ?? '',
                commune: r.commune_name,
                phone: r.phone ?? '',
                dead: r.deceased_on ? formatPartialDateVi(r.deceased_on) : '',
              }).commit();
            }
          }
          ws.commit();
          await wb.commit();
        } catch (err) {
          out.destroy(err as Error);
        }
      })();
      return out;
    },

    async getPerson(actor: Actor, id: number): Promise<PersonOut> {
      return presentPerson(await loadPerson(actor, id));
    },

    async createPerson(actor: Actor, body: CreatePersonBody): Promise<PersonOut> {
      registryPolicy.assert(actor, 'write');
      const household = body.householdId ? await loadHousehold(actor, body.householdId, 'write') : null;
      const codes = household
        ? {
            province_code: household.province_code,
            district_code: household.district_code,
            commune_code: household.commune_code,
          }
        : body.communeCode
          ? await communeCodes(actor, body.communeCode)
          : (() => {
              throw errors.validation([
                { path: 'body.communeCode', message: 'Chọn hộ gia đình hoặc xã/phường nơi người này cư trú.' },
              ]);
            })();
      const fullName = cleanPersonName(body.fullName);
      const birthYear = birthYearOf(body.birthDate);
      const citizenId = normalizeCitizenId(body.citizenId);
      const oldId = normalizeCitizenId(body.oldIdNumber);
      checkIds(body.gender, birthYear, citizenId, oldId);
      const at = nowIso();
      const row: NewPerson = {
        household_id: household?.id ?? null,
        relation: body.relation ?? null,
        full_name: fullName,
        ...personKeys(fullName),
        gender: body.gender,
        birth_date: body.birthDate,
        birth_year: birthYear,
        citizen_id: citizenId,
        old_id_number: oldId,
        ethnic_code: body.ethnicCode ?? null,
        phone: body.phone ?? null,
        disability: body.disability ?? null,
        deceased_on: body.deceasedOn ?? null,
        moved_out_on: body.movedOutOn ?? null,
        ...codes,
        village: body.village ? cleanText(body.village) : (household?.village ?? null),
        merged_into_id: null,
        created_at: at,
        updated_at: at,
      };
      const id = await inTransaction(database, actor, async (trx, audit) => {
        if (citizenId) await assertCitizenIdFree(trx, citizenId);
        const newId = await registryRepo.insertPerson(trx, row);
        if (household && body.relation === 'head')
          await registryRepo.updateHousehold(trx, household.id, { head_person_id: newId, updated_at: at });
        await audit({
          action: 'registry.person.create',
          entity: 'person',
          entityId: newId,
          areaCode: row.commune_code,
          after: personAuditView(row),
        });
        return newId;
      }).catch((err: unknown) => {
        if (isUniqueViolation(err) && citizenId) {
          throw errors.conflict(
            'CITIZEN_ID_TAKEN',
            `Số CCCD ${citizenId} đã có trong sổ. Kiểm tra lại, hoặc mở hồ sơ đã có.`,
          );
        }
        throw err;
      });
      return this.getPerson(actor, id);
    },

    async updatePerson(actor: Actor, id: number, body: PatchPersonBody): Promise<PersonOut> {
      const before = await loadPerson(actor, id, 'write');
      const fullName = body.fullName !== undefined ? cleanPersonName(body.fullName) : before.full_name;
      const gender = (body.gender ?? before.gender) as Gender;
      const birthDate = body.birthDate ?? before.birth_date;
      const birthYear = birthYearOf(birthDate);
      const citizenId = body.citizenId !== undefined ? normalizeCitizenId(body.citizenId) : before.citizen_id;
      const oldId = body.oldIdNumber !== undefined ? normalizeCitizenId(body.oldIdNumber) : before.old_id_number;
      checkIds(gender, birthYear, citizenId, oldId);
      const household = body.householdId ? await loadHousehold(actor, body.householdId, 'write') : null;
      const set: Partial<NewPerson> = {
        full_name: fullName,
        ...personKeys(fullName),
        gender,
        birth_date: birthDate,
        birth_year: birthYear,
        citizen_id: citizenId,
        old_id_number: oldId,
        ...(body.ethnicCode !== undefined ? { ethnic_code: body.ethnicCode } : {}),
        ...(body.phone !== undefined ? { phone: body.phone } : {}),
        ...(body.disability !== undefined ? { disability: body.disability } : {}),
        ...(body.deceasedOn !== undefined ? { deceased_on: body.deceasedOn } : {}),
        ...(body.movedOutOn !== undefined ? { moved_out_on: body.movedOutOn } : {}),
        ...(body.village !== undefined ? { village: body.village ? cleanText(body.village) : null } : {}),
        ...(body.relation !== undefined ? { relation: body.relation } : {}),
        ...(body.householdId !== undefined ? { household_id: body.householdId } : {}),
        ...(household
          ? {
              province_code: household.province_code,
              district_code: household.district_code,
              commune_code: household.commune_code,
            }
          : {}),
        updated_at: nowIso(),
      };
      await inTransaction(database, actor, async (trx, audit) => {
        if (citizenId && citizenId !== before.citizen_id) await assertCitizenIdFree(trx, citizenId, id);
        await registryRepo.updatePerson(trx, id, set);
        await audit({
          action: 'registry.person.update',
          entity: 'person',
          entityId: id,
          areaCode: set.commune_code ?? before.commune_code,
          before: personAuditView(before),
          after: personAuditView({ ...before, ...set }),
        });
      }).catch((err: unknown) => {
        if (isUniqueViolation(err)) throw errors.conflict('CITIZEN_ID_TAKEN', `Số CCCD ${citizenId} đã có trong sổ.`);
        throw err;
      });
      return this.getPerson(actor, id);
    },

    /** Everything that happened to a person, newest first: statuses now; later modules add theirs. */
    async personTimeline(actor: Actor, id: number): Promise<Timeline> {
      const p = await loadPerson(actor, id);
      const statuses = await registryRepo.statusesOfPerson(db, id, p.household_id);
      const today = todayInVietnam();
      const items: Timeline['items'] = [];
      for (const s of statuses) {
        const st = presentStatus(s, today);
        items.push({
          at: s.valid_from,
          kind: `status.${s.kind}`,
          title: `Được công nhận: ${st.categoryLabel}`,
          detail: `Quyết định ${s.decision_no} ngày ${formatDateVi(s.decision_date)}`,
          by: null,
        });
        if (s.valid_to && s.ended_reason)
          items.push({
            at: s.valid_to,
            kind: `status.${s.kind}.end`,
            title: `Chấm dứt: ${st.categoryLabel}`,
            detail: s.ended_reason,
            by: null,
          });
      }
      for (const e of await registryRepo.auditOf(db, 'person', String(id))) {
        items.push({
          at: e.at.slice(0, 10),
          kind: e.action,
          title: AUDIT_TITLES[e.action] ?? e.action,
          detail: null,
          by: e.actor_username,
        });
      }
      if (p.deceased_on)
        items.push({ at: p.deceased_on, kind: 'person.deceased', title: 'Từ trần', detail: null, by: null });
      if (p.moved_out_on)
        items.push({
          at: p.moved_out_on,
          kind: 'person.moved_out',
          title: 'Chuyển đi nơi khác',
          detail: null,
          by: null,
        });
      items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      return { items };
    },

    async searchHouseholds(actor: Actor, q: HouseholdsQuery): Promise<HouseholdPage> {
      registryPolicy.assert(actor, 'read');
      const f: Parameters<typeof registryRepo.searchHouseholds>[2] = {
        onDate: todayInVietnam(),
        ...(q.areaCode ? { area: await areaFilter(actor, q.areaCode) } : {}),
        ...(q.statusKind ? { statusKind: q.statusKind } : {}),
        ...(q.category ? { category: q.category } : {}),
        ...(q.year ? { year: q.year } : {}),
      };
      if (q.q) {
        if (/^\d{5}-\d{6}$/.test(q.q.trim())) f.code = q.q.trim();
        else f.headNamePrefix = searchKey(q.q);
      }
      const { total, items } = await registryRepo.searchHouseholds(db, areaColumnScope(actor), f, q.page, q.pageSize);
      return {
        total,
        page: q.page,
        pageSize: q.pageSize,
        items: items.map((h) => ({
          id: h.id,
          code: h.code,
          communeCode: h.commune_code,
          communeName: h.commune_name,
          village: h.village,
          address: h.address,
          residence: asResidence(h.residence),
          state: asHouseholdState(h.state),
          headName: h.head_name,
          memberCount: Number(h.member_count),
        })),
      };
    },

    async getHousehold(actor: Actor, id: number): Promise<HouseholdOut> {
      const h = await loadHousehold(actor, id);
      const today = todayInVietnam();
      const [members, statuses, events] = await Promise.all([
        registryRepo.householdMembers(db, id),
        registryRepo.statusesOfHousehold(db, id),
        registryRepo.householdEvents(db, id),
      ]);
      return {
        id: h.id,
        code: h.code,
        communeCode: h.commune_code,
        communeName: h.commune_name,
        village: h.village,
        address: h.address,
        residence: asResidence(h.residence),
        phone: h.phone,
        state: asHouseholdState(h.state),
        headPersonId: h.head_person_id,
        headName: h.head_name,
        members: members.map((m) => ({
          ...presentListItem({ ...m, household_code: h.code }),
          relation: asRelation(m.relation),
        })),
        statuses: statuses.map((s) => presentStatus(s, today)),
        events: events.map((e) => ({
          id: e.id,
          kind: e.kind,
          date: e.date,
          note: e.note,
          relatedHouseholdCode: e.related_code,
        })),
        createdAt: h.created_at,
        updatedAt: h.updated_at,
      };
    },

    async createHousehold(actor: Actor, body: CreateHouseholdBody): Promise<HouseholdOut> {
      registryPolicy.assert(actor, 'write');
      const codes = await communeCodes(actor, body.communeCode);
      const at = nowIso();
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const code = await registryRepo.nextHouseholdCode(trx, body.communeCode);
        const row = {
          code,
          ...codes,
          village: body.village ? cleanText(body.village) : null,
          address: body.address ? cleanText(body.address) : null,
          residence: body.residence,
          phone: body.phone ?? null,
          state: 'active',
          head_person_id: null,
          created_at: at,
          updated_at: at,
        };
        const newId = await registryRepo.insertHousehold(trx, row);
        await registryRepo.insertHouseholdEvent(trx, {
          household_id: newId,
          kind: 'created',
          date: at.slice(0, 10),
          note: null,
          related_household_id: null,
          created_at: at,
        });
        await audit({
          action: 'registry.household.create',
          entity: 'household',
          entityId: newId,
          areaCode: codes.commune_code,
          after: { code, village: row.village, residence: row.residence },
        });
        return newId;
      });
      return this.getHousehold(actor, id);
    },

    async updateHousehold(actor: Actor, id: number, body: PatchHouseholdBody): Promise<HouseholdOut> {
      const before = await loadHousehold(actor, id, 'write');
      if (body.headPersonId !== undefined) {
        const head = await registryRepo.findPerson(db, body.headPersonId);
        if (!head || head.household_id !== id) {
          throw errors.validation([
            { path: 'body.headPersonId', message: 'Chủ hộ phải là một thành viên của hộ này.' },
          ]);
        }
      }
      const set = {
        ...(body.village !== undefined ? { village: body.village ? cleanText(body.village) : null } : {}),
        ...(body.address !== undefined ? { address: body.address ? cleanText(body.address) : null } : {}),
        ...(body.residence !== undefined ? { residence: body.residence } : {}),
        ...(body.phone !== undefined ? { phone: body.phone } : {}),
        ...(body.headPersonId !== undefined ? { head_person_id: body.headPersonId } : {}),
        updated_at: nowIso(),
      };
      await inTransaction(database, actor, async (trx, audit) => {
        await registryRepo.updateHousehold(trx, id, set);
        await audit({
          action: 'registry.household.update',
          entity: 'household',
          entityId: id,
          areaCode: before.commune_code,
          before: {
            village: before.village,
            address: before.address,
            residence: before.residence,
            phone: before.phone,
            headPersonId: before.head_person_id,
          },
          after: {
            village: before.village,
            address: before.address,
            residence: before.residence,
            phone: before.phone,
            headPersonId: before.head_person_id,
            ...set,
            updated_at: undefined,
          },
        });
      });
      return this.getHousehold(actor, id);
    },

    /** Record that a household moved, split, merged or was dissolved; history is kept. */
    async householdEvent(actor: Actor, id: number, body: HouseholdEventBody): Promise<HouseholdOut> {
      const h = await loadHousehold(actor, id, 'write');
      if (h.state !== 'active') {
        throw errors.conflict(
          'HOUSEHOLD_NOT_ACTIVE',
          `Hộ ${h.code} đã ở trạng thái "${h.state}"; không ghi thêm biến động được.`,
        );
      }
      const related = body.relatedHouseholdId ? await loadHousehold(actor, body.relatedHouseholdId) : null;
      if (body.kind === 'merged' && !related) {
        throw errors.validation([{ path: 'body.relatedHouseholdId', message: 'Chọn hộ mà hộ này nhập vào.' }]);
      }
      const at = nowIso();
      // A split leaves the household active (some members form a new one); the others end it.
      const state = body.kind === 'split' ? 'active' : body.kind;
      await inTransaction(database, actor, async (trx, audit) => {
        await registryRepo.insertHouseholdEvent(trx, {
          household_id: id,
          kind: body.kind,
          date: body.date,
          note: body.note ?? null,
          related_household_id: related?.id ?? null,
          created_at: at,
        });
        await registryRepo.updateHousehold(trx, id, { state, updated_at: at });
        await audit({
          action: `registry.household.${body.kind}`,
          entity: 'household',
          entityId: id,
          areaCode: h.commune_code,
          before: { state: h.state },
          after: { state, date: body.date, relatedHousehold: related?.code ?? null },
        });
      });
      return this.getHousehold(actor, id);
    },

    /** Grant a status (effective-dated, with the decision that granted it). */
    async grantStatus(actor: Actor, body: GrantStatusBody): Promise<StatusOut> {
      registryPolicy.assert(actor, 'write');
      const problems = validateStatusGrant({ ...body, today: todayInVietnam() });
      if (problems.length) throw errors.validation(problems);
      const target = body.personId
        ? await loadPerson(actor, body.personId, 'write')
        : await loadHousehold(actor, body.householdId!, 'write');
      const at = nowIso();
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const row = {
          kind: body.kind,
          subject: body.personId ? 'person' : 'household',
          person_id: body.personId ?? null,
          household_id: body.personId ? null : body.householdId!,
          category: body.category,
          year: body.year ?? null,
          degree: body.degree ?? null,
          valid_from: body.validFrom,
          valid_to: body.validTo ?? null,
          decision_no: body.decisionNo,
          decision_date: body.decisionDate,
          ended_reason: null,
          province_code: target.province_code,
          district_code: target.district_code,
          commune_code: target.commune_code,
          created_at: at,
        };
        const newId = await registryRepo.insertStatus(trx, row);
        await audit({
          action: 'registry.status.grant',
          entity: body.personId ? 'person' : 'household',
          entityId: body.personId ?? body.householdId!,
          areaCode: target.commune_code,
          after: {
            statusId: newId,
            kind: row.kind,
            category: row.category,
            year: row.year,
            degree: row.degree,
            validFrom: row.valid_from,
            validTo: row.valid_to,
            decisionNo: row.decision_no,
          },
        });
        return newId;
      });
      return presentStatus((await registryRepo.findStatus(db, id))!, todayInVietnam());
    },

    /** End a status on a date with a reason; the record stays as history. */
    async endStatus(actor: Actor, statusId: number, body: EndStatusBody): Promise<StatusOut> {
      const s = await registryRepo.findStatus(db, statusId);
      if (!s || !codesInScope(actor, s)) throw errors.notFound('Diện hưởng');
      registryPolicy.assert(actor, 'write');
      if (body.validTo < s.valid_from) {
        throw errors.validation([
          { path: 'body.validTo', message: `Ngày chấm dứt phải từ ngày bắt đầu (${s.valid_from}) trở đi.` },
        ]);
      }
      if (s.valid_to && s.ended_reason) throw errors.conflict('STATUS_ENDED', 'Diện này đã được chấm dứt trước đó.');
      await inTransaction(database, actor, async (trx, audit) => {
        await registryRepo.endStatus(trx, statusId, body.validTo, body.reason);
        await audit({
          action: 'registry.status.end',
          entity: s.person_id ? 'person' : 'household',
          entityId: s.person_id ?? s.household_id,
          areaCode: s.commune_code,
          before: { statusId, validTo: s.valid_to },
          after: { statusId, validTo: body.validTo, reason: body.reason },
        });
      });
      return presentStatus((await registryRepo.findStatus(db, statusId))!, todayInVietnam());
    },

    /**
     * Likely duplicates inside the actor's area: the same normalised name and birth year in a
     * commune, or near-identical names with the same full birth date. Pairs an officer already
     * decided are left out.
     */
    async duplicates(actor: Actor, limit = 200): Promise<DuplicateList> {
      registryPolicy.assert(actor, 'merge');
      const scope = areaColumnScope(actor);
      const decided = new Set((await registryRepo.decidedPairs(db)).map((d) => `${d.person_a}:${d.person_b}`));
      const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
      const seen = new Set<string>();
      const items: DuplicateList['items'] = [];
      const push = (
        reason: DuplicateList['items'][number]['reason'],
        a: Parameters<typeof presentListItem>[0],
        b: Parameters<typeof presentListItem>[0],
      ) => {
        const k = pairKey(a.id, b.id);
        if (decided.has(k) || seen.has(k)) return;
        seen.add(k);
        items.push({ reason, a: presentListItem(a), b: presentListItem(b) });
      };
      for (const g of await registryRepo.sameNameAndYear(db, scope, limit)) {
        const ps = await registryRepo.personsWhere(db, {
          commune_code: g.commune_code,
          name_key: g.name_key,
          birth_year: g.birth_year,
        });
        for (let i = 0; i < ps.length; i++)
          for (let j = i + 1; j < ps.length; j++) push('same_name_birth_year', ps[i]!, ps[j]!);
        if (items.length >= limit) break;
      }
      if (items.length < limit) {
        for (const g of await registryRepo.sameBirthDate(db, scope, 5000)) {
          const ps = await registryRepo.personsWhere(db, { commune_code: g.commune_code, birth_date: g.birth_date });
          for (let i = 0; i < ps.length; i++) {
            for (let j = i + 1; j < ps.length; j++) {
              if (ps[i]!.name_key !== ps[j]!.name_key && nameSimilar(ps[i]!.full_name, ps[j]!.full_name))
                push('similar_name_same_birth_date', ps[i]!, ps[j]!);
            }
          }
          if (items.length >= limit) break;
        }
      }
      return { items: items.slice(0, limit), total: items.length };
    },

    /** Confirm two records are different people, or merge one into the other (audited; both histories kept). */
    async decideDuplicate(actor: Actor, body: DuplicateDecisionBody): Promise<{ ok: true; keptId: number | null }> {
      const a = await loadPerson(actor, body.personA, 'merge');
      const b = await loadPerson(actor, body.personB, 'merge');
      if (a.id === b.id) throw errors.validation([{ path: 'body.personB', message: 'Chọn hai nhân khẩu khác nhau.' }]);
      if (a.merged_into_id || b.merged_into_id)
        throw errors.conflict('ALREADY_MERGED', 'Một trong hai hồ sơ đã được gộp trước đó.');
      const [lo, hi] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
      const at = nowIso();
      let keptId: number | null = null;
      await inTransaction(database, actor, async (trx, audit) => {
        await registryRepo.insertDecision(trx, {
          person_a: lo,
          person_b: hi,
          decision: body.decision,
          note: body.note ?? null,
          decided_by: actor.username,
          decided_at: at,
        });
        if (body.decision === 'different') {
          await audit({
            action: 'registry.duplicate.different',
            entity: 'person',
            entityId: lo,
            areaCode: a.commune_code,
            after: { personA: lo, personB: hi, note: body.note ?? null },
          });
          return;
        }
        const keep = body.keep ?? lo;
        if (keep !== a.id && keep !== b.id)
          throw errors.validation([{ path: 'body.keep', message: 'Hồ sơ giữ lại phải là một trong hai.' }]);
        const [kept, folded] = keep === a.id ? [a, b] : [b, a];
        if (folded.citizen_id && kept.citizen_id && folded.citizen_id !== kept.citizen_id) {
          throw errors.conflict(
            'MERGE_ID_CONFLICT',
            'Hai hồ sơ có hai số CCCD khác nhau: đây là hai người khác nhau, không gộp được.',
          );
        }
        keptId = kept.id;
        await registryRepo.moveStatuses(trx, folded.id, kept.id);
        const fill: Partial<NewPerson> = { updated_at: at };
        if (!kept.citizen_id && folded.citizen_id) {
          // The unique index would refuse the ID on two rows: free it on the folded one first.
          await registryRepo.updatePerson(trx, folded.id, { citizen_id: null });
          fill.citizen_id = folded.citizen_id;
        }
        if (!kept.phone && folded.phone) fill.phone = folded.phone;
        if (!kept.ethnic_code && folded.ethnic_code) fill.ethnic_code = folded.ethnic_code;
        await registryRepo.updatePerson(trx, kept.id, fill);
        await registryRepo.updatePerson(trx, folded.id, { merged_into_id: kept.id, updated_at: at });
        await audit({
          action: 'registry.person.merge',
          entity: 'person',
          entityId: kept.id,
          areaCode: kept.commune_code,
          before: {
            kept: { id: kept.id, ...personAuditView(kept) },
            folded: { id: folded.id, ...personAuditView(folded) },
          },
          after: { kept: kept.id, folded: folded.id, filled: Object.keys(fill).filter((k) => k !== 'updated_at') },
        });
        await audit({
          action: 'registry.person.merged_into',
          entity: 'person',
          entityId: folded.id,
          areaCode: folded.commune_code,
          after: { mergedInto: kept.id },
        });
      });
      return { ok: true, keptId };
    },
  };
}

const AUDIT_TITLES: Record<string, string> = {
  'registry.person.create': 'Tạo hồ sơ nhân khẩu',
  'registry.person.update': 'Sửa thông tin nhân khẩu',
  'registry.person.import': 'Cập nhật từ tệp nhập',
  'registry.person.merge': 'Gộp hồ sơ trùng vào hồ sơ này',
  'registry.person.merged_into': 'Hồ sơ được gộp vào hồ sơ khác',
  'registry.status.grant': 'Công nhận diện hưởng',
  'registry.status.end': 'Chấm dứt diện hưởng',
  'registry.duplicate.different': 'Xác nhận không trùng',
};

export type RegistryService = ReturnType<typeof createRegistryService>;
