import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import {
  birthYearOf,
  checkOldIdCard,
  cleanPersonName,
  cleanText,
  findEthnicGroup,
  parsePartialDate,
  searchKey,
  type Gender,
  type ImportCounts,
  type ImportJobOut,
  type Relation,
} from '@ansinh/domain';
import type { Database, Executor } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import { codesInScope } from '../../platform/authz.js';
import { inTransaction, nowIso } from '../../platform/context.js';
import { AppError, errors } from '../../platform/errors.js';
import { registryPolicy } from './registry.policy.js';
import { registryRepo, type NewHousehold, type NewPerson, type PersonRow } from './registry.repo.js';
import { citizenIdProblems, normalizeCitizenId, personAuditView, personKeys } from './registry.service.js';
import { readSheet, rejectedXlsx, type Cell, type ColumnMap, type ImportKey, type RawRow } from './registry.sheet.js';

const RELATIONS: Record<string, Relation> = {
  'chu ho': 'head',
  vo: 'spouse',
  chong: 'spouse',
  'vo/chong': 'spouse',
  con: 'child',
  'con de': 'child',
  'con nuoi': 'child',
  bo: 'parent',
  me: 'parent',
  cha: 'parent',
  'bo/me': 'parent',
  chau: 'grandchild',
  ong: 'grandparent',
  ba: 'grandparent',
  anh: 'sibling',
  chi: 'sibling',
  em: 'sibling',
  'con dau': 'child_in_law',
  re: 'child_in_law',
  'con re': 'child_in_law',
  khac: 'other',
};
const GENDERS: Record<string, Gender> = {
  nam: 'male',
  nu: 'female',
  m: 'male',
  f: 'female',
  male: 'male',
  female: 'female',
  '1': 'male',
  '0': 'female',
};
const DISABILITY: Record<string, string> = { nhe: 'mild', nang: 'severe', 'dac biet nang': 'especially_severe' };
const RESIDENCE: Record<string, string> = { 'thanh thi': 'urban', 'do thi': 'urban', 'nong thon': 'rural' };

const PLAIN = /^[!-~](?:[!-~]| (?! ))*$/;
const text = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const s = String(c);
  // Most cells (codes, dates, phone numbers) are plain ASCII with single spaces: nothing to clean.
  return PLAIN.test(s) && !s.endsWith(' ') ? s : s.normalize('NFC').replace(/\s+/g, ' ').trim();
};
/** Codes typed in a number-formatted Excel column lose their leading zero: put it back. */
const code = (c: Cell | undefined, len: number): string => {
  const s = text(c).replace(/[\s.]/g, '');
  return typeof c === 'number' && s.length < len ? s.padStart(len, '0') : s;
};

interface ValidRow {
  line: number;
  original: Cell[];
  householdRef: string;
  person: Omit<NewPerson, 'household_id' | 'created_at' | 'updated_at' | 'merged_into_id'>;
  address: string | null;
  residence: string;
  match?: PersonRow;
  outcome?: 'new' | 'updated' | 'unchanged';
}

type HouseholdMap = Map<
  string,
  { id: number; province_code: string; district_code: string | null; commune_code: string }
>;

export interface ImportResult {
  counts: ImportCounts;
  rejected: { line: number; problems: string[] }[];
  rejectedFile: Buffer | null;
}

type Progress = { done: number; total: number };
const COMPARED: (keyof NewPerson)[] = [
  'full_name',
  'gender',
  'birth_date',
  'citizen_id',
  'old_id_number',
  'ethnic_code',
  'relation',
  'phone',
  'commune_code',
  'village',
  'disability',
  'deceased_on',
];

const tick = () => new Promise((r) => setImmediate(r));

/**
 * Import of households and persons from XLSX/CSV. A dry run validates every row and counts
 * new, updated, unchanged, rejected and possible duplicates, with an XLSX of the rejected rows;
 * a commit applies the whole file in one transaction, and only when no row is rejected (the
 * officer fixes the error file first), so a file is never half applied. Re-importing the same
 * file finds every row unchanged and writes nothing.
 */
export function createRegistryImport(deps: { database: Database }) {
  const { database } = deps;
  const db = database.db;
  const live = new Map<number, Progress>();

  async function validate(actor: Actor, sheet: { columns: ColumnMap; rows: RawRow[] | null }, progress: Progress) {
    const { columns } = sheet;
    let rows: RawRow[] | null = sheet.rows!;
    let communeQuery = db.selectFrom('areas').select(['code', 'path', 'type']).where('level', '=', 3);
    if (actor.kind !== 'system') communeQuery = communeQuery.where('path', 'like', `${actor.areaPath}%`);
    const communes = new Map((await communeQuery.execute()).map((a) => [a.code, a]));
    const today = new Date().toISOString().slice(0, 10);
    const valid: ValidRow[] = [];
    const rejected: { line: number; original: Cell[]; problems: string[] }[] = [];
    const idLines = new Map<string, number>();
    const nameCache = new Map<string, string>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const c = (k: ImportKey): Cell => {
        const i = columns[k];
        return i === undefined ? null : (r.original[i] ?? null);
      };
      const problems: string[] = [];
      const rawName = text(c('fullName'));
      let fullName = nameCache.get(rawName);
      if (fullName === undefined) {
        fullName = cleanPersonName(rawName);
        nameCache.set(rawName, fullName);
      }
      if (!fullName) problems.push('Thiếu họ và tên.');
      const gender = GENDERS[searchKey(text(c('gender')))];
      if (!gender) problems.push(`Giới tính "${text(c('gender'))}" không rõ: ghi Nam hoặc Nữ.`);
      const bd = parsePartialDate(
        c('birthDate') instanceof Date || typeof c('birthDate') === 'number' ? c('birthDate') : text(c('birthDate')),
        { today },
      );
      if (!bd.ok) problems.push(bd.message);
      const communeCode = code(c('communeCode'), 5);
      const commune = communes.get(communeCode);
      if (!commune)
        problems.push(communeCode ? `Mã xã ${communeCode} không có hoặc nằm ngoài địa bàn của bạn.` : 'Thiếu mã xã.');
      const citizenId = normalizeCitizenId(code(c('citizenId'), 12)) ?? null;
      if (citizenId && gender && bd.ok)
        problems.push(...citizenIdProblems(citizenId, gender, birthYearOf(bd.value)).map((p) => p.message));
      if (citizenId) {
        const prev = idLines.get(citizenId);
        if (prev !== undefined) problems.push(`Số CCCD ${citizenId} trùng với dòng ${prev} trong cùng tệp.`);
        else idLines.set(citizenId, r.line);
      }
      const oldId = normalizeCitizenId(code(c('oldIdNumber'), 9)) ?? null;
      if (oldId) problems.push(...checkOldIdCard(oldId).problems.map((p) => p.message));
      let ethnicCode: string | null = null;
      if (text(c('ethnic'))) {
        ethnicCode = findEthnicGroup(text(c('ethnic')))?.code ?? null;
        if (!ethnicCode)
          problems.push(
            `Dân tộc "${text(c('ethnic'))}" không có trong danh mục 54 dân tộc: ghi tên (ví dụ Kinh, Xtiêng) hoặc mã 2 chữ số.`,
          );
      }
      let relation: Relation | null = null;
      if (text(c('relation'))) {
        relation = RELATIONS[searchKey(text(c('relation')))] ?? null;
        if (!relation)
          problems.push(
            `Quan hệ "${text(c('relation'))}" không rõ: ghi Chủ hộ, Vợ, Chồng, Con, Bố, Mẹ, Cháu, Ông, Bà, Anh, Chị, Em hoặc Khác.`,
          );
      }
      let phone: string | null = text(c('phone')).replace(/[\s.-]/g, '') || null;
      if (phone && typeof c('phone') === 'number' && !phone.startsWith('0')) phone = `0${phone}`;
      if (phone && !/^0\d{9,10}$/.test(phone))
        problems.push(`Số điện thoại "${text(c('phone'))}" không hợp lệ: 10–11 chữ số, bắt đầu bằng 0.`);
      let disability: string | null = null;
      if (text(c('disability'))) {
        disability = DISABILITY[searchKey(text(c('disability')))] ?? null;
        if (!disability)
          problems.push(`Mức khuyết tật "${text(c('disability'))}" không rõ: ghi Nhẹ, Nặng hoặc Đặc biệt nặng.`);
      }
      let deceasedOn: string | null = null;
      if (text(c('deceasedOn')) || c('deceasedOn') instanceof Date) {
        const d = parsePartialDate(
          c('deceasedOn') instanceof Date || typeof c('deceasedOn') === 'number'
            ? c('deceasedOn')
            : text(c('deceasedOn')),
          { today, label: 'Ngày mất' },
        );
        if (!d.ok) problems.push(d.message);
        else if (d.value.length !== 10) problems.push('Ngày mất cần đủ ngày/tháng/năm.');
        else deceasedOn = d.value;
      }
      let residence = commune && (commune.type === 'ward' || commune.type === 'township') ? 'urban' : 'rural';
      if (text(c('residence'))) {
        const rv = RESIDENCE[searchKey(text(c('residence')))];
        if (!rv) problems.push(`Khu vực "${text(c('residence'))}" không rõ: ghi Thành thị hoặc Nông thôn.`);
        else residence = rv;
      }
      const householdRef = text(c('householdRef'));
      if (!householdRef)
        problems.push('Thiếu mã hộ: ghi mã hộ đã có, hoặc một mã tạm (ví dụ H01) chung cho các thành viên cùng hộ.');
      if (problems.length || !gender || !bd.ok || !commune) {
        rejected.push({ line: r.line, original: r.original, problems });
      } else {
        const parts = commune.path.split('/').filter(Boolean);
        valid.push({
          line: r.line,
          original: r.original,
          householdRef,
          address: text(c('address')) ? cleanText(text(c('address'))) : null,
          residence,
          person: {
            relation,
            full_name: fullName,
            ...personKeys(fullName),
            gender,
            birth_date: bd.value,
            birth_year: birthYearOf(bd.value),
            citizen_id: citizenId,
            old_id_number: oldId,
            ethnic_code: ethnicCode,
            phone,
            disability,
            deceased_on: deceasedOn,
            moved_out_on: null,
            province_code: parts[0]!,
            district_code: parts.length === 3 ? parts[1]! : null,
            commune_code: communeCode,
            village: text(c('village')) ? cleanText(text(c('village'))) : null,
          },
        });
      }
      progress.done = i + 1;
      if (i % 2000 === 1999) await tick();
    }

    // The raw rows are no longer needed (rejected ones keep their cells): let them go.
    rows = null;
    sheet.rows = null;

    // Existing records: by citizen ID first, then by commune + name + date of birth.
    const byId = new Map<string, PersonRow>();
    const ids = valid.map((v) => v.person.citizen_id).filter((x): x is string => !!x);
    for (let i = 0; i < ids.length; i += 500) {
      for (const p of await db
        .selectFrom('persons')
        .selectAll()
        .where('citizen_id', 'in', ids.slice(i, i + 500))
        .execute())
        byId.set(p.citizen_id!, p);
    }
    const noId = valid.filter((v) => !v.person.citizen_id || !byId.has(v.person.citizen_id));
    const byNameKey = new Map<string, PersonRow[]>();
    // Per commune, by name key: one range of the (commune, name, birth date) index each.
    const keysByCommune = new Map<string, Set<string>>();
    for (const v of noId) {
      const set = keysByCommune.get(v.person.commune_code) ?? new Set<string>();
      set.add(v.person.name_key);
      keysByCommune.set(v.person.commune_code, set);
    }
    for (const [commune, set] of keysByCommune) {
      const keys = [...set];
      for (let i = 0; i < keys.length; i += 500) {
        const found = await db
          .selectFrom('persons')
          .selectAll()
          .where('commune_code', '=', commune)
          .where('name_key', 'in', keys.slice(i, i + 500))
          .where('merged_into_id', 'is', null)
          .execute();
        for (const p of found) {
          const k = `${p.commune_code}|${p.name_key}`;
          const list = byNameKey.get(k);
          if (list) list.push(p);
          else byNameKey.set(k, [p]);
        }
      }
    }
    const householdCodes = [...new Set(valid.map((v) => v.householdRef).filter((h) => /^\d{5}-\d{6}$/.test(h)))];
    const households = new Map<
      string,
      { id: number; province_code: string; district_code: string | null; commune_code: string }
    >();
    for (let i = 0; i < householdCodes.length; i += 500) {
      for (const h of await db
        .selectFrom('households')
        .select(['id', 'code', 'province_code', 'district_code', 'commune_code'])
        .where('code', 'in', householdCodes.slice(i, i + 500))
        .execute()) {
        households.set(h.code, h);
      }
    }

    let possibleDuplicates = 0;
    const newKeys = new Map<string, number>();
    const stillValid: ValidRow[] = [];
    for (const v of valid) {
      const problems: string[] = [];
      const byCid = v.person.citizen_id ? byId.get(v.person.citizen_id) : undefined;
      if (byCid && !codesInScope(actor, byCid))
        problems.push(
          `Số CCCD ${v.person.citizen_id} đã thuộc về một người ở địa bàn khác; liên hệ cấp trên để chuyển hồ sơ.`,
        );
      const sameName = byNameKey.get(`${v.person.commune_code}|${v.person.name_key}`) ?? [];
      const match =
        byCid ?? sameName.find((p) => p.birth_date === v.person.birth_date && (!p.citizen_id || !v.person.citizen_id));
      if (/^\d{5}-\d{6}$/.test(v.householdRef)) {
        const h = households.get(v.householdRef);
        if (!h)
          problems.push(
            `Không có hộ mã ${v.householdRef} trong sổ. Để trống phần số thứ tự (ví dụ ghi H01) nếu là hộ mới.`,
          );
        else if (!codesInScope(actor, h)) problems.push(`Hộ ${v.householdRef} nằm ngoài địa bàn của bạn.`);
        else if (h.commune_code !== v.person.commune_code)
          problems.push(`Hộ ${v.householdRef} thuộc xã ${h.commune_code}, không phải xã ${v.person.commune_code}.`);
      }
      if (problems.length) {
        rejected.push({ line: v.line, original: v.original, problems });
        continue;
      }
      if (match) {
        v.match = match;
        v.outcome = COMPARED.every((k) => (match[k] ?? null) === ((v.person as Record<string, unknown>)[k] ?? null))
          ? 'unchanged'
          : 'updated';
      } else {
        v.outcome = 'new';
        const dupKey = `${v.person.commune_code}|${v.person.name_key}|${v.person.birth_year}`;
        if (sameName.some((p) => p.birth_year === v.person.birth_year) || newKeys.has(dupKey)) possibleDuplicates++;
        newKeys.set(dupKey, v.line);
      }
      // Accepted rows never go to the error file: drop their raw cells.
      v.original = [];
      stillValid.push(v);
    }
    rejected.sort((a, b) => a.line - b.line);
    return { valid: stillValid, rejected, possibleDuplicates, households };
  }

  const insertStatements = new WeakMap<object, { stmt: Statement; cols: string[] }>();
  /**
   * Insert many persons in the open transaction and return their ids in order. On SQLite a
   * prepared statement per row is the fastest path (it runs on the transaction's connection);
   * elsewhere, multi-row inserts.
   */
  async function insertPersons(trx: Executor, rows: NewPerson[]): Promise<number[]> {
    if (rows.length === 0) return [];
    if (database.sqlite) {
      let cached = insertStatements.get(database.sqlite);
      if (!cached) {
        const cols = Object.keys(rows[0]!);
        cached = {
          cols,
          stmt: database.sqlite.prepare(
            `insert into persons (${cols.join(',')}) values (${cols.map((c) => '@' + c).join(',')})`,
          ),
        };
        insertStatements.set(database.sqlite, cached);
      }
      const { stmt } = cached;
      return rows.map((r) => Number(stmt.run(r).lastInsertRowid));
    }
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 400) {
      for (const r of await trx
        .insertInto('persons')
        .values(rows.slice(i, i + 400))
        .returning('id')
        .execute())
        ids.push(r.id);
    }
    return ids;
  }

  async function apply(
    actor: Actor,
    valid: ValidRow[],
    households: Map<string, { id: number }>,
    sha: string,
    fileName: string,
  ) {
    const at = nowIso();
    const changed = valid.filter((v) => v.outcome !== 'unchanged');
    if (changed.length === 0) return;
    await inTransaction(database, actor, async (trx, audit) => {
      // File-local household keys: reuse the household of an already known member, else create one.
      const localHousehold = new Map<string, number>();
      for (const v of valid) {
        const key = `${v.person.commune_code}|${v.householdRef}`;
        if (!/^\d{5}-\d{6}$/.test(v.householdRef) && v.match?.household_id && !localHousehold.has(key))
          localHousehold.set(key, v.match.household_id);
      }
      // New households first, in multi-row batches, with codes continuing each commune's sequence.
      const nextSeq = new Map<string, number>();
      const pending = new Map<string, NewHousehold>();
      for (const v of changed) {
        const key = `${v.person.commune_code}|${v.householdRef}`;
        if (/^\d{5}-\d{6}$/.test(v.householdRef) || localHousehold.has(key) || pending.has(key)) continue;
        const commune = v.person.commune_code;
        let seq = nextSeq.get(commune);
        if (seq === undefined) seq = Number((await registryRepo.nextHouseholdCode(trx, commune)).split('-')[1]);
        nextSeq.set(commune, seq + 1);
        pending.set(key, {
          code: `${commune}-${String(seq).padStart(6, '0')}`,
          province_code: v.person.province_code,
          district_code: v.person.district_code,
          commune_code: commune,
          village: v.person.village,
          address: v.address,
          residence: v.residence,
          phone: v.person.phone,
          state: 'active',
          head_person_id: null,
          created_at: at,
          updated_at: at,
        });
      }
      const pendingKeys = [...pending.keys()];
      for (let i = 0; i < pendingKeys.length; i += 500) {
        const chunk = pendingKeys.slice(i, i + 500);
        const ids = await trx
          .insertInto('households')
          .values(chunk.map((k) => pending.get(k)!))
          .returning('id')
          .execute();
        chunk.forEach((k, j) => localHousehold.set(k, ids[j]!.id));
        await trx
          .insertInto('household_events')
          .values(
            ids.map((r) => ({
              household_id: r.id,
              kind: 'created',
              date: at.slice(0, 10),
              note: `Nhập từ tệp ${fileName}`.slice(0, 500),
              related_household_id: null,
              created_at: at,
            })),
          )
          .execute();
      }
      const householdFor = (v: ValidRow): number =>
        /^\d{5}-\d{6}$/.test(v.householdRef)
          ? households.get(v.householdRef)!.id
          : localHousehold.get(`${v.person.commune_code}|${v.householdRef}`)!;
      const inserts: NewPerson[] = [];
      const heads: { index: number; household: number }[] = [];
      for (const v of changed) {
        const household_id = householdFor(v);
        if (v.outcome === 'new') {
          if (v.person.relation === 'head') heads.push({ index: inserts.length, household: household_id });
          const row = v.person as NewPerson;
          row.household_id = household_id;
          row.merged_into_id = null;
          row.created_at = at;
          row.updated_at = at;
          inserts.push(row);
        } else {
          const m = v.match!;
          const set: Partial<NewPerson> = { ...v.person, household_id, updated_at: at };
          await registryRepo.updatePerson(trx, m.id, set);
          await audit({
            action: 'registry.person.import',
            entity: 'person',
            entityId: m.id,
            areaCode: v.person.commune_code,
            before: personAuditView(m),
            after: personAuditView({ ...m, ...set }),
          });
        }
      }
      const newIds = await insertPersons(trx, inserts);
      // Heads of the touched households, set-based.
      const touched = [...new Set(heads.map((h) => h.household))];
      for (let i = 0; i < touched.length; i += 500)
        await registryRepo.setHeadsFromRelation(trx, touched.slice(i, i + 500));
      await audit({
        action: 'registry.import',
        entity: 'import',
        entityId: sha.slice(0, 16),
        areaCode: actor.areaCode,
        after: {
          fileName,
          sha256: sha,
          inserted: inserts.length,
          updated: changed.length - inserts.length,
          insertedIds: newIds.length ? { first: Math.min(...newIds), last: Math.max(...newIds) } : null,
        },
      });
    });
  }

  /** Run an import to the end (the job wrapper and the benchmark call this). */
  /**
   * A clean dry run is kept (per file, user and area, for 30 minutes) so the commit that follows
   * does not validate the same file again: it is reused only if no person or household in the
   * file's communes was created or changed since (count and last update time match).
   */
  const CHECK_TTL_MS = 30 * 60_000;
  const checked = new Map<
    string,
    { at: number; fingerprint: string; valid: ValidRow[]; households: HouseholdMap; counts: ImportCounts }
  >();

  async function fingerprint(communes: string[]): Promise<string> {
    const parts: unknown[] = [];
    for (let i = 0; i < communes.length; i += 500) {
      const chunk = communes.slice(i, i + 500);
      parts.push(
        await db
          .selectFrom('persons')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('u')])
          .where('commune_code', 'in', chunk)
          .executeTakeFirst(),
        await db
          .selectFrom('households')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('u')])
          .where('commune_code', 'in', chunk)
          .executeTakeFirst(),
      );
    }
    return JSON.stringify(parts);
  }
  const communesOf = (valid: ValidRow[]) => [...new Set(valid.map((v) => v.person.commune_code))].sort();

  async function run(
    actor: Actor,
    buf: Buffer,
    mode: 'dry_run' | 'commit',
    fileName: string,
    progress: Progress = { done: 0, total: 0 },
  ): Promise<ImportResult> {
    registryPolicy.assert(actor, 'import');
    const sha = createHash('sha256').update(buf).digest('hex');
    const key = `${sha}|${actor.username}|${actor.areaCode ?? ''}`;
    for (const [k, c] of checked) if (Date.now() - c.at > CHECK_TTL_MS) checked.delete(k);
    if (mode === 'commit') {
      const prior = checked.get(key);
      checked.delete(key);
      if (prior && (await fingerprint(communesOf(prior.valid))) === prior.fingerprint) {
        progress.total = progress.done = prior.counts.total;
        await apply(actor, prior.valid, prior.households, sha, fileName);
        return { counts: prior.counts, rejected: [], rejectedFile: null };
      }
    }
    const sheet: { headers: string[]; columns: ColumnMap; rows: RawRow[] | null } = await readSheet(buf);
    const { headers } = sheet;
    const total = sheet.rows!.length;
    progress.total = total;
    const { valid, rejected, possibleDuplicates, households } = await validate(actor, sheet, progress);
    const counts: ImportCounts = {
      total,
      new: valid.filter((v) => v.outcome === 'new').length,
      updated: valid.filter((v) => v.outcome === 'updated').length,
      unchanged: valid.filter((v) => v.outcome === 'unchanged').length,
      rejected: rejected.length,
      possibleDuplicates,
    };
    const rejectedFile = rejected.length ? await rejectedXlsx(headers, rejected) : null;
    if (mode === 'commit') {
      if (rejected.length) {
        throw errors.badRequest(
          'IMPORT_HAS_REJECTED_ROWS',
          `Có ${rejected.length} dòng bị từ chối nên chưa nhập dòng nào. Tải tệp lỗi, sửa các dòng đó rồi nhập lại.`,
        );
      }
      await apply(actor, valid, households, sha, fileName);
    } else if (rejected.length === 0) {
      checked.set(key, {
        at: Date.now(),
        fingerprint: await fingerprint(communesOf(valid)),
        valid,
        households,
        counts,
      });
    }
    return { counts, rejected: rejected.map((r) => ({ line: r.line, problems: r.problems })), rejectedFile };
  }

  function present(j: Awaited<ReturnType<typeof findJob>> & object): ImportJobOut {
    const p = live.get(j.id);
    return {
      id: j.id,
      fileName: j.file_name,
      mode: j.mode as 'dry_run' | 'commit',
      state: j.state as ImportJobOut['state'],
      progress: p ? { ...p } : { done: j.done, total: j.total },
      counts: j.counts_json ? (JSON.parse(j.counts_json) as ImportCounts) : null,
      message: j.message,
      hasRejectedFile: j.has_rejected === 1,
      createdAt: j.created_at,
    };
  }

  /** The columns a job is presented with (the rejected file itself stays in the database). */
  function jobQuery(ex: Executor) {
    return ex
      .selectFrom('import_jobs')
      .select([
        'id',
        'file_name',
        'mode',
        'state',
        'done',
        'total',
        'counts_json',
        'message',
        'created_at',
        'area_code',
        'created_by',
      ])
      .select((eb) => eb.case().when('rejected_xlsx', 'is not', null).then(1).else(0).end().as('has_rejected'));
  }

  function findJob(ex: Executor, id: number) {
    return jobQuery(ex).where('id', '=', id).executeTakeFirst();
  }

  async function loadJob(actor: Actor, id: number) {
    const j = await findJob(db, id);
    // A job belongs to the area it was started in; others see nothing.
    if (!j || (actor.kind !== 'system' && j.area_code !== actor.areaCode)) throw errors.notFound('Lượt nhập');
    return j;
  }

  return {
    run,

    /** Start an import job in the background; poll `getJob` for progress and the result. */
    async start(actor: Actor, file: { name: string; data: Buffer }, mode: 'dry_run' | 'commit'): Promise<ImportJobOut> {
      registryPolicy.assert(actor, 'import');
      const sha = createHash('sha256').update(file.data).digest('hex');
      const at = nowIso();
      const { id } = await db
        .insertInto('import_jobs')
        .values({
          kind: 'registry',
          file_name: file.name.slice(0, 200),
          file_sha256: sha,
          mode,
          state: 'running',
          done: 0,
          total: 0,
          counts_json: null,
          message: null,
          rejected_xlsx: null,
          area_code: actor.areaCode ?? '',
          created_by: actor.username,
          created_at: at,
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const progress: Progress = { done: 0, total: 0 };
      live.set(id, progress);
      const finish = async (set: {
        state: string;
        counts_json?: string | null;
        message?: string | null;
        rejected_xlsx?: Buffer | null;
      }) => {
        await db
          .updateTable('import_jobs')
          .set({ ...set, done: progress.done, total: progress.total, finished_at: nowIso() })
          .where('id', '=', id)
          .execute();
        live.delete(id);
      };
      setImmediate(() => {
        run(actor, file.data, mode, file.name, progress).then(
          (r) =>
            finish({
              state: 'done',
              counts_json: JSON.stringify(r.counts),
              rejected_xlsx: r.rejectedFile,
              message:
                mode === 'commit'
                  ? `Đã nhập: ${r.counts.new} mới, ${r.counts.updated} cập nhật, ${r.counts.unchanged} không đổi.`
                  : r.counts.rejected
                    ? `Có ${r.counts.rejected} dòng lỗi: tải tệp lỗi, sửa rồi kiểm tra lại.`
                    : 'Tệp hợp lệ: có thể nhập chính thức.',
            }),
          (err: unknown) =>
            finish({
              state: 'failed',
              message:
                err instanceof AppError
                  ? err.message
                  : 'Nhập tệp thất bại do lỗi hệ thống. Thử lại; nếu vẫn lỗi, báo quản trị.',
            }),
        );
      });
      return present((await findJob(db, id))!);
    },

    /** The recent import jobs started in the actor's area (to find a long one again). */
    async listJobs(actor: Actor): Promise<ImportJobOut[]> {
      registryPolicy.assert(actor, 'import');
      let q = jobQuery(db);
      if (actor.kind !== 'system') q = q.where('area_code', '=', actor.areaCode ?? '');
      return (await q.orderBy('id', 'desc').limit(20).execute()).map(present);
    },

    async getJob(actor: Actor, id: number): Promise<ImportJobOut> {
      return present(await loadJob(actor, id));
    },

    async rejectedFile(actor: Actor, id: number): Promise<Buffer> {
      await loadJob(actor, id);
      const r = await db.selectFrom('import_jobs').select('rejected_xlsx').where('id', '=', id).executeTakeFirst();
      if (!r?.rejected_xlsx) throw errors.notFound('Tệp lỗi');
      return Buffer.from(r.rejected_xlsx);
    },

    /** Jobs cut short by a restart are marked failed, never left "running". */
    async failInterrupted(): Promise<void> {
      await db
        .updateTable('import_jobs')
        .set({
          state: 'failed',
          message: 'Máy chủ khởi động lại khi đang nhập; không có dòng nào được ghi. Nhập lại tệp.',
          finished_at: nowIso(),
        })
        .where('state', '=', 'running')
        .execute();
    },
  };
}

export type RegistryImport = ReturnType<typeof createRegistryImport>;
