import { createHash } from 'node:crypto';
import {
  OUTSIDE_LIST_COLUMNS,
  readOutsideRow,
  sameOutsidePerson,
  todayInVietnam,
  type ImportListOut,
  type ImportListQuery,
  type OutsideColumn,
  type OutsideRow,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { readImportFileOffThread, rejectedRowsXlsx, type ImportCell } from '../../../platform/sheet-import.js';
import { entriesRepo } from '../repo/entries.repo.js';
import { listsRepo } from '../repo/lists.repo.js';
import { outsideRepo } from '../repo/outside.repo.js';
import type { NewEntry } from '../repo/types.js';
import { type ProgramsDeps } from './load.js';
import { createOutsidePerson, importTarget } from './outside-settings.js';

const HEADER = new Map<string, string>(OUTSIDE_LIST_COLUMNS.map((c) => [c.key, c.header]));
type Problem = { field: string; header: string; message: string };
const problem = (field: OutsideColumn, message: string): Problem => ({
  field,
  header: HEADER.get(field) ?? field,
  message,
});

interface Accepted {
  line: number;
  row: OutsideRow;
  personId: number | null;
}

/**
 * Import of a list of people outside the registry (issue 19, docs/modules/programs.md "Lists
 * imported from Excel"), with the registry import's discipline: the file is read off the event
 * loop; a dry run reports every problem of every row (each naming its column) and writes nothing;
 * a commit writes the list, in one transaction, only when no row is rejected. Each row is matched
 * to the registry person holding its personal ID (a different name or birth date is a row to fix,
 * never a silent match) or creates that person in the list's commune. The list is a draft like a
 * generated one and takes the same check, approval and payment.
 */
export function importListUseCase({ database }: ProgramsDeps) {
  const db = database.db;

  return async function importList(
    actor: Actor,
    programId: number,
    q: ImportListQuery,
    file: { name: string; data: Buffer },
  ): Promise<ImportListOut> {
    const t = await importTarget(db, actor, programId, q);
    const sheet = await readImportFileOffThread<OutsideColumn>(file.data, OUTSIDE_LIST_COLUMNS);
    if (sheet.rows.length === 0)
      throw errors.badRequest(
        'FILE_EMPTY',
        'Tệp chỉ có dòng tiêu đề. Điền mỗi người một dòng dưới tiêu đề rồi nhập lại.',
      );
    const today = todayInVietnam();
    const read = sheet.rows.map((r) => {
      const cells: Partial<Record<OutsideColumn, ImportCell>> = {};
      for (const c of OUTSIDE_LIST_COLUMNS) {
        const i = sheet.columns[c.key];
        if (i !== undefined) cells[c.key] = r.cells[i] ?? null;
      }
      return { line: r.line, cells: r.cells, x: readOutsideRow(cells, { rate: t.rate, fixedAmount: t.fixed, today }) };
    });
    const ids = read.flatMap((r) => (r.x.ok ? [r.x.row.citizenId] : []));
    const persons = await outsideRepo.personsByCitizenIds(db, [...new Set(ids)]);
    const onProgram = await outsideRepo.onProgram(
      db,
      t.program.id,
      t.period,
      [...persons.values()].map((p) => `p:${p.id}`),
    );
    const seen = new Map<string, number>();
    const accepted: Accepted[] = [];
    const rejected: { line: number; cells: ImportCell[]; problems: Problem[] }[] = [];
    for (const r of read) {
      if (!r.x.ok) {
        rejected.push({ line: r.line, cells: r.cells, problems: r.x.problems.map((p) => problem(p.field, p.message)) });
        continue;
      }
      const row = r.x.row;
      const problems: Problem[] = [];
      const first = seen.get(row.citizenId);
      if (first !== undefined)
        problems.push(problem('citizenId', `Số định danh trùng với dòng ${first}: mỗi người một dòng, xoá dòng thừa.`));
      else seen.set(row.citizenId, r.line);
      const person = persons.get(row.citizenId);
      if (person) {
        // The answer names no registry value: the person may be held by another commune.
        const same = sameOutsidePerson(row, person);
        if (!same.name)
          problems.push(
            problem(
              'fullName',
              'Họ tên khác với họ tên của người có số định danh này trong sổ nhân khẩu. Kiểm tra lại họ tên hoặc số định danh theo thẻ căn cước.',
            ),
          );
        if (!same.birth)
          problems.push(
            problem(
              'birthDate',
              'Ngày sinh khác với ngày sinh của người có số định danh này trong sổ nhân khẩu. Kiểm tra lại theo thẻ căn cước.',
            ),
          );
        if (onProgram.has(`p:${person.id}`))
          problems.push(
            problem(
              'citizenId',
              'Người này đã có trong một danh sách khác của chương trình (cùng kỳ); mỗi người chỉ được hỗ trợ một lần. Xoá dòng này.',
            ),
          );
      }
      if (problems.length) rejected.push({ line: r.line, cells: r.cells, problems });
      else accepted.push({ line: r.line, row, personId: person?.id ?? null });
    }
    const counts = {
      total: read.length,
      accepted: accepted.length,
      rejected: rejected.length,
      matched: accepted.filter((a) => a.personId !== null).length,
      created: accepted.filter((a) => a.personId === null).length,
      amount: accepted.reduce((s, a) => s + a.row.amount, 0),
    };
    const errorFile = rejected.length
      ? await rejectedRowsXlsx(
          sheet.headers,
          rejected.map((r) => ({ cells: r.cells, problems: r.problems.map((p) => `${p.header}: ${p.message}`) })),
        )
      : null;
    const out = {
      mode: q.mode,
      counts,
      rejected: rejected.slice(0, 500).map((r) => ({ line: r.line, problems: r.problems })),
      errorFile: errorFile ? errorFile.toString('base64') : null,
      listId: null as number | null,
    };
    if (q.mode === 'dry_run') return out;
    if (rejected.length)
      throw errors.badRequest(
        'IMPORT_HAS_REJECTED_ROWS',
        `Có ${rejected.length} dòng bị từ chối nên chưa nhập dòng nào. Bấm "Kiểm tra", tải tệp lỗi, sửa các dòng đó rồi nhập lại.`,
      );
    const sha = createHash('sha256').update(file.data).digest('hex');
    out.listId = await inTransaction(database, actor, async (trx, audit) => {
      const { codes, program: p, period } = t;
      // Another import may have taken someone since the dry run: checked again inside the transaction.
      const matched = accepted.filter((a) => a.personId !== null).map((a) => `p:${a.personId}`);
      if ((await outsideRepo.onProgram(trx, p.id, period, matched)).size > 0)
        throw errors.conflict(
          'ALREADY_ON_PROGRAM',
          'Có người vừa được đưa vào một danh sách khác của chương trình. Bấm "Kiểm tra" lại để xem dòng nào.',
        );
      const now = nowIso();
      const hasMain = (
        await listsRepo.communesWithMainList(trx, p.id, period, { column: 'commune_code', code: codes.commune_code })
      ).has(codes.commune_code);
      const listId = await listsRepo.insert(trx, {
        program_id: p.id,
        period,
        ref_date: t.refDate,
        seq: hasMain ? (await listsRepo.maxSeq(trx, p.id, period, codes.commune_code)) + 1 : 0,
        parent_list_id: null,
        province_code: codes.province_code,
        district_code: codes.district_code,
        commune_code: codes.commune_code,
        levels: codes.levels,
        state: 'draft',
        created_by: actor.username,
        created_at: now,
        updated_at: now,
      });
      const entries: NewEntry[] = [];
      const created = new Set<number>();
      for (const a of accepted) {
        let personId = a.personId;
        if (personId === null) {
          personId = await createOutsidePerson(trx, a.row, codes, now);
          created.add(personId);
        }
        a.personId = personId;
        entries.push({
          list_id: listId,
          program_id: p.id,
          period,
          person_id: personId,
          household_id: null,
          beneficiary_key: `p:${personId}`,
          full_name: a.row.fullName,
          birth_date: a.row.birthDate,
          citizen_id: a.row.citizenId,
          village: a.row.village,
          category: a.row.category,
          amount: a.row.amount,
          arrears_note: null,
          arrears_months: null,
          reason: `Theo danh sách của ${q.submittedBy}`,
          // Imported entries are not held to the rule (nobody in them has a registry status); the
          // check still refuses duplicates, deceased people and bad IDs (docs/modules/programs.md).
          manual: 1,
          manual_reason: `Danh sách ngoài sổ nhân khẩu do ${q.submittedBy} lập (tệp ${file.name.slice(0, 100)}, dòng ${a.line})`,
          province_code: codes.province_code,
          district_code: codes.district_code,
          commune_code: codes.commune_code,
          created_at: now,
        });
      }
      await entriesRepo.insertEntries(trx, entries, database.sqlite);
      const entryIds = await outsideRepo.entryIdsOf(trx, listId);
      await outsideRepo.insertSources(
        trx,
        accepted.map((a) => ({
          entry_id: entryIds.get(`p:${a.personId}`)!,
          list_id: listId,
          program_id: p.id,
          person_id: a.personId!,
          row_no: a.line,
          submitted_by: q.submittedBy,
          employer_name: a.row.employerName,
          employer_tax_code: a.row.employerTaxCode,
          person_created: created.has(a.personId!) ? 1 : 0,
          file_name: file.name.slice(0, 200),
          file_sha256: sha,
          province_code: codes.province_code,
          district_code: codes.district_code,
          commune_code: codes.commune_code,
          created_by: actor.username,
          created_at: now,
        })),
      );
      await entriesRepo.refreshTotals(trx, [listId], now);
      await audit({
        action: 'program_list.import',
        entity: 'program_list',
        entityId: listId,
        areaCode: codes.commune_code,
        after: { programId: p.id, period, file: file.name, sha256: sha, submittedBy: q.submittedBy, counts },
      });
      // The persons the list created: one event for the file, as the registry import does.
      if (created.size)
        await audit({
          action: 'registry.person.create',
          entity: 'person',
          entityId: null,
          areaCode: codes.commune_code,
          after: { source: 'program_list.import', programId: p.id, listId, personIds: [...created] },
        });
      return listId;
    });
    return out;
  };
}
