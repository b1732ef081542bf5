import {
  JULY_27_GIFT_AMOUNTS,
  MERIT_PROCEDURES,
  MERITORIOUS_CATEGORIES,
  MERITORIOUS_STANDARD_LEVELS,
  TET_GIFT_AMOUNTS,
  meritProcedurePath,
  valueOn,
  type MeritoriousCategory,
} from '@ansinh/domain';
import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import { systemActor } from '../platform/actor.js';

/** Categories that get the higher gift (QĐ of the President: revolutionaries, Heroic Mothers, Heroes). */
const HIGH: ReadonlySet<string> = new Set(['a', 'b', 'd', 'dd', 'e']);
const MAX_RECORDS = 120;

/**
 * The merit work of 2021 in the demo province, consistent with the demo registry: a record for
 * (up to 120 of) the persons holding an open meritorious status, a grant from 07/2021 at the
 * standard level, the President's Tết and 27/7 gifts and the province's 27/7 gift, a martyrs'
 * cemetery with graves, and one intake of remains with samples at every step. Kept small so
 * `npm start` stays fast.
 */
export async function seedMeritDemo(
  database: Database,
  services: Services,
  opts: { provinceCode: string; communeCode: string },
): Promise<void> {
  const actor = systemActor('seed');
  const db = database.db;
  const merit = services.merit;
  await seedMeritProcedures(services, opts.provinceCode);
  const persons = await db
    .selectFrom('statuses')
    .select(['person_id', 'category', 'degree'])
    .where('kind', '=', 'meritorious')
    .where('valid_to', 'is', null)
    .where('province_code', '=', opts.provinceCode)
    .where('person_id', 'is not', null)
    .orderBy('id')
    .limit(MAX_RECORDS)
    .execute();
  const level = valueOn(MERITORIOUS_STANDARD_LEVELS, '2021-07-01').value;
  const recordIds: number[] = [];
  const seen = new Set<number>();
  for (const p of persons) {
    if (!p.person_id || seen.has(p.person_id)) continue;
    seen.add(p.person_id);
    const category = (MERITORIOUS_CATEGORIES as readonly string[]).includes(p.category) ? p.category : 'l';
    const r = await merit.createRecord(actor, {
      personId: p.person_id,
      category,
      degree: p.degree,
      custodian: 'Sở',
      dossierYear: 2021,
    });
    await merit.addDecision(actor, r.id, {
      kind: 'grant',
      effectiveMonth: '2021-07',
      decisionNo: `${r.id}/QĐ-SLĐTBXH`,
      decisionDate: '2021-07-15',
      monthlyAmount: level,
      reason: 'NĐ 75/2021/NĐ-CP',
      dossierId: null,
    });
    recordIds.push(r.id);
  }

  const amounts = (table: typeof TET_GIFT_AMOUNTS, on: string) => {
    const v = valueOn(table, on).value;
    return Object.fromEntries(
      MERITORIOUS_CATEGORIES.map((c: MeritoriousCategory) => [c, HIGH.has(c) ? v.high : v.standard]),
    );
  };
  const campaigns = [
    {
      occasion: 'tet' as const,
      source: 'president' as const,
      title: 'Quà Chủ tịch nước Tết Tân Sửu 2021',
      decisionNo: 'QĐ-CTN Tết 2021',
      decisionDate: '2021-01-20',
      givenOn: '2021-02-05',
      amounts: amounts(TET_GIFT_AMOUNTS, '2021-02-12'),
    },
    {
      occasion: '27_7' as const,
      source: 'president' as const,
      title: 'Quà Chủ tịch nước 27/7/2021',
      decisionNo: 'QĐ-CTN 27/7/2021',
      decisionDate: '2021-06-25',
      givenOn: '2021-07-20',
      amounts: amounts(JULY_27_GIFT_AMOUNTS, '2021-07-27'),
    },
    {
      occasion: '27_7' as const,
      source: 'province' as const,
      title: 'Quà của tỉnh 27/7/2021',
      decisionNo: 'QĐ-UBND 27/7/2021',
      decisionDate: '2021-07-05',
      givenOn: '2021-07-22',
      amounts: { '*': 300_000 },
    },
  ];
  for (const c of campaigns) {
    const { givenOn, ...body } = c;
    const camp = await merit.createCampaign(actor, { ...body, year: 2021 }, { provinceCode: opts.provinceCode });
    for (let i = 0; i < recordIds.length; i += 500)
      await merit.giveGifts(actor, camp.id, { recordIds: recordIds.slice(i, i + 500), givenOn });
  }

  const cem = await merit.createCemetery(actor, {
    name: 'Nghĩa trang liệt sĩ tỉnh',
    communeCode: opts.communeCode,
    level: 'province',
  });
  const names = [
    'Nguyễn Văn Hùng',
    'Trần Đức Thắng',
    'Lê Văn Tám',
    'Phạm Quốc Hưng',
    'Hoàng Minh Đức',
    'Vũ Văn Dũng',
    'Đặng Văn Lợi',
    'Bùi Thị Xuân',
  ];
  for (let i = 0; i < 24; i++) {
    const unknown = i % 4 === 3;
    await merit.createMartyr(actor, {
      fullName: unknown ? '' : names[i % names.length]!,
      hometown: unknown || i % 5 === 0 ? '' : ['Bình Phước', 'Nghệ An', 'Thái Bình', 'Quảng Nam'][i % 4]!,
      birthYear: unknown ? null : 1945 + (i % 10),
      deathDate: null,
      deathYear: unknown ? null : 1968 + (i % 8),
      unit: unknown ? '' : 'Sư đoàn 7',
      communeCode: opts.communeCode,
      grave: {
        cemeteryId: cem.id,
        location: 'in_cemetery',
        position: `Khu A, hàng ${1 + Math.floor(i / 8)}, mộ ${1 + (i % 8)}`,
        massGrave: false,
      },
    });
  }

  const intake = await merit.receiveRemains(
    actor,
    { team: 'Đội K72', receivedOn: '2021-04-09', remainsCount: 3, identifiedCount: 0, handoverForm: 'Mẫu 81' },
    { provinceCode: opts.provinceCode },
  );
  await merit.markReburied(actor, intake.id, '2021-07-25');
  for (let i = 1; i <= 3; i++) {
    const s = await merit.takeSample(
      actor,
      {
        code: `BP-2021-000${i}`,
        kind: 'remains',
        intakeId: intake.id,
        graveId: null,
        relativeName: null,
        relation: null,
        receivedOn: '2021-04-09',
        takenOn: '2021-04-09',
      },
      { provinceCode: opts.provinceCode },
    );
    if (i >= 2)
      await merit.sampleEvent(actor, s.id, { kind: 'dispatch', on: '2021-04-12', lab: 'Viện Pháp y Quân đội' });
    if (i === 3) await merit.sampleEvent(actor, s.id, { kind: 'result', on: '2021-09-30', outcome: 'no_match' });
  }
}

/**
 * The NĐ 131/2021 chains (domain merit/procedures.ts) in the province's procedure catalogue, each
 * level's days from the decree (calendar days turned into working days); marked as demo rows like
 * the rest of the seeded catalogue, since "NCC131." codes are AnSinh's, not the national codes.
 */
export async function seedMeritProcedures(services: Services, provinceCode: string): Promise<void> {
  const actor = systemActor('seed');
  for (const p of MERIT_PROCEDURES) {
    const path = meritProcedurePath(p);
    await services.dossiers.createProcedure(
      actor,
      {
        code: p.code,
        name: p.name,
        field: 'Người có công',
        decisionLevel: path[path.length - 1]!.level,
        path,
        fee: 0,
        documents: ['Tờ khai hoặc đơn đề nghị theo mẫu của Nghị định 131/2021/NĐ-CP', 'Giấy tờ kèm theo theo thủ tục'],
        resultDocument: p.resultDocument,
        onlineMode: 'partial',
        onlineLevel: 3,
        onNationalPortal: false,
        // Whether the article was checked stays in the domain table (`verified`), not in the officers' text.
        legalBasis: p.article,
        active: true,
      },
      { isDemo: true, provinceCode },
    );
  }
}
