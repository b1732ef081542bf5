import ExcelJS from 'exceljs';
import { PASSWORD } from './harness.js';

/** A signed-in API session for preparing data before the browser steps (the same calls a script makes). */
export interface ApiSession {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function apiLogin(base: string, username: string, password = PASSWORD): Promise<ApiSession> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const r = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** A program of Tết gifts for social-assistance beneficiaries, by category (500.000đ / 600.000đ). */
export const GIFT_PROGRAM = {
  code: 'E2E-TET-BTXH',
  name: 'Quà Tết cho người hưởng trợ cấp xã hội (thử nghiệm)',
  legalBasis: 'Kế hoạch 15/KH-UBND',
  legalDate: '2025-01-02',
  kind: 'gift',
  unit: 'dong',
  periodKind: 'once',
  refDate: '2025-01-20',
  periodFrom: '2025-01-01',
  periodTo: '2025-01-28',
  budget: 100_000_000,
  fundingSource: 'Ngân sách tỉnh',
  rule: {
    validFrom: '2025-01-01',
    eligibility: { per: 'person', any: [{ status: 'social_assistance', categories: ['5a', '6_severe'] }] },
    amount: { type: 'by_category', amounts: { '5a': 500_000, '6_severe': 600_000 } },
  },
};

export interface Beneficiary {
  name: string;
  gender: 'male' | 'female';
  birth: string;
  citizenId: string;
  category: string;
}

/** Two people of Xã Tiến Hưng (25213) with social-assistance statuses: 500.000 + 600.000 = 1.100.000 đồng. */
export const BENEFICIARIES: Beneficiary[] = [
  { name: 'Nguyễn Văn An', gender: 'male', birth: '1940-05-01', citizenId: '070040001234', category: '5a' },
  { name: 'Trần Thị Bình', gender: 'female', birth: '1990-02-02', citizenId: '070190001235', category: '6_severe' },
];

/** Registers a household with its head and grants the social-assistance status, through the registry API. */
export async function registerBeneficiary(s: ApiSession, communeCode: string, b: Beneficiary): Promise<number> {
  const hh = await s.call<{ id: number }>('POST', '/api/v1/households', {
    communeCode,
    residence: 'rural',
    village: 'Ấp 1',
  });
  const p = await s.call<{ id: number }>('POST', '/api/v1/persons', {
    fullName: b.name,
    gender: b.gender,
    birthDate: b.birth,
    citizenId: b.citizenId,
    householdId: hh.id,
    relation: 'head',
    village: 'Ấp 1',
  });
  await s.call('POST', '/api/v1/statuses', {
    kind: 'social_assistance',
    personId: p.id,
    category: b.category,
    validFrom: '2024-01-01',
    decisionNo: '12/QĐ-UBND',
    decisionDate: '2024-01-01',
  });
  return p.id;
}

/** The payer's reconciliation file: row code, name, state, date, voucher (the layout the server reads). */
export async function writeReconcileXlsx(file: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đối soát');
  ws.addRow(['Mã dòng', 'Họ và tên', 'Trạng thái', 'Ngày chi', 'Số chứng từ']);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}
