import type { AgencyBody, CreateProgramBody, ProcedureBody } from '@ansinh/domain';
import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import { DEFAULT_AGENCY_CODE } from '../db/migrations/0028-agencies.js';
import { systemActor } from '../platform/actor.js';
import { DEMO_AGENCY } from './reports-seed.js';

/** The second agency of the demo province: the Department of Home Affairs (docs/modules/agencies.md). */
export const DEMO_SECOND_AGENCY = 'SNV';

/**
 * The demo province's two agencies: the Sở LĐ-TBXH every existing demo record belongs to (its
 * header, symbol and signer as the `reports.agency` setting has them), and the Sở Nội vụ, which
 * took over labour, wages and people with meritorious service in 2025.
 */
export async function seedAgencies(services: Services, province: { code: string; name: string }): Promise<void> {
  const actor = systemActor('seed');
  const a = DEMO_AGENCY(province.name);
  const bodies: AgencyBody[] = [
    {
      code: DEFAULT_AGENCY_CODE,
      name: a.agencyName,
      headerName: a.agency,
      parentName: a.parentAgency,
      symbol: a.symbol,
      place: a.place,
      signerAuthority: a.signerAuthority,
      signerTitle: a.signerTitle,
      signerName: a.signerName,
      recipients: a.recipients,
      fields: ['bảo trợ xã hội', 'giảm nghèo', 'trẻ em', 'người có công'],
    },
    {
      code: DEMO_SECOND_AGENCY,
      name: 'Sở Nội vụ',
      headerName: 'SỞ NỘI VỤ',
      parentName: a.parentAgency,
      symbol: 'SNV',
      place: a.place,
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: 'Vũ Thị Nội',
      recipients: ['UBND tỉnh (để b/c)', 'Bộ Nội vụ (để b/c)', 'Lưu: VT, VP'],
      fields: ['tổ chức bộ máy', 'cán bộ, công chức', 'lao động, tiền lương', 'việc làm', 'người có công'],
      activeFrom: '2025-03-01',
    },
  ];
  for (const b of bodies) await services.agencies.create(actor, b, { provinceCode: province.code });
}

/** The demo accounts of the Sở Nội vụ (two: its leader and an officer). */
export const SNV_ACCOUNTS = [
  { username: 'snv.lanhdao', role: 'province_leader', fullName: 'Vũ Thị Nội' },
  { username: 'snv.chuyenvien', role: 'province_officer', fullName: 'Đặng Văn Vụ' },
] as const;

const SNV_PROGRAM: CreateProgramBody = {
  code: 'SNV-NGHIVIEC-2025',
  name: 'Hỗ trợ cán bộ không chuyên trách cấp xã nghỉ việc do sắp xếp đơn vị hành chính',
  legalBasis: 'Nghị quyết của HĐND tỉnh về chính sách hỗ trợ khi sắp xếp đơn vị hành chính (dữ liệu demo)',
  kind: 'one_off_cash',
  unit: 'dong',
  periodKind: 'once',
  refDate: '2025-07-01',
  periodFrom: '2025-07-01',
  periodTo: '2025-12-31',
  fundingSource: 'Ngân sách tỉnh',
  rule: {
    validFrom: '2025-07-01',
    eligibility: { per: 'household', any: [{ status: 'poverty', categories: ['near_poor'], year: 2025 }] },
    amount: { type: 'fixed', amount: 5_000_000 },
  },
};

const SNV_PROCEDURE: ProcedureBody = {
  code: 'SNV.TL.01',
  name: 'Xếp lương, nâng bậc lương trước thời hạn cho cán bộ, công chức cấp xã (dữ liệu demo)',
  field: 'Tiền lương',
  decisionLevel: 'province',
  path: [{ level: 'province', days: 10 }],
  fee: 0,
  documents: ['Tờ trình của UBND xã', 'Bản sao quyết định xếp lương gần nhất'],
  resultDocument: 'Quyết định của Sở Nội vụ',
  onlineMode: 'partial',
  onlineLevel: 3,
  onNationalPortal: false,
  legalBasis: 'Dữ liệu demo: thủ tục của Sở Nội vụ sau sắp xếp năm 2025',
  active: true,
};

/**
 * After the rest of the demo: the province's programs and procedures so far are the Sở LĐ-TBXH's;
 * the Sở Nội vụ gets one program and one procedure of its own (the full demo only, with persons).
 */
export async function seedAgencyRecords(
  database: Database,
  services: Services,
  opts: { provinceCode: string; full: boolean },
): Promise<void> {
  const actor = systemActor('seed');
  for (const table of ['programs', 'procedures'] as const)
    await database.db
      .updateTable(table)
      .set({ agency_code: DEFAULT_AGENCY_CODE })
      .where('province_code', '=', opts.provinceCode)
      .where('agency_code', 'is', null)
      .execute();
  if (!opts.full) return;
  const own = { isDemo: true, provinceCode: opts.provinceCode, agencyCode: DEMO_SECOND_AGENCY };
  await services.programs.createProgram(actor, SNV_PROGRAM, own);
  await services.dossiers.createProcedure(actor, SNV_PROCEDURE, own);
}
