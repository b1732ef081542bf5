import { searchKey } from '@ansinh/domain';
import type { ImportCell } from '../../platform/sheet-import.js';

/** The columns of the two Excel templates of the poverty review (docs/modules/poverty.md "Import"). */
export const LISTING_COLUMNS = [
  { key: 'householdCode', header: 'Mã hộ', required: true, example: 'H0001' },
  { key: 'source', header: 'Nguồn', aliases: ['Nguồn đưa vào'], example: 'Mẫu 01' },
] as const;
export type ListingColumn = (typeof LISTING_COLUMNS)[number]['key'];

export const SURVEY_COLUMNS = [
  { key: 'householdCode', header: 'Mã hộ', required: true, example: 'H0001' },
  { key: 'surveyedOn', header: 'Ngày rà soát', required: true, example: '05/10/2024' },
  { key: 'reviewer', header: 'Rà soát viên', required: true, example: 'Trần Thị Rà' },
  { key: 'b1Score', header: 'Tổng điểm B1', aliases: ['Điểm B1'], example: '120' },
  { key: 'income', header: 'Thu nhập bình quân (đồng/người/tháng)', aliases: ['Thu nhập'], example: '' },
  { key: 'deprived', header: 'Chỉ số thiếu hụt', aliases: ['Thiếu hụt (B2)'], example: 'health_insurance; water' },
  { key: 'farm', header: 'Hộ làm nông, lâm, ngư, diêm nghiệp', aliases: ['Hộ nông nghiệp'], example: 'Có' },
  { key: 'cause', header: 'Nguyên nhân nghèo', aliases: ['Nguyên nhân'], example: 'Ốm đau, bệnh nặng, tai nạn' },
  { key: 'groups', header: 'Nhóm hộ', example: 'Có nhu cầu hỗ trợ nhà ở' },
] as const;
export type SurveyColumn = (typeof SURVEY_COLUMNS)[number]['key'];

export const SOURCE_WORDS: Record<string, 'list' | 'form01' | 'form04' | 'officer'> = {
  [searchKey('Danh sách')]: 'list',
  [searchKey('Mẫu 01')]: 'form01',
  [searchKey('Mẫu 04')]: 'form04',
  [searchKey('Cán bộ')]: 'officer',
  list: 'list',
  form01: 'form01',
  form04: 'form04',
  officer: 'officer',
};

export const cellText = (c: ImportCell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).normalize('NFC').replace(/\s+/g, ' ').trim();
};

/** A date cell: an Excel date, 'dd/mm/yyyy' or 'yyyy-mm-dd'; null when not a date. */
export function cellDate(c: ImportCell | undefined): string | null {
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const t = cellText(c);
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Words of a list cell ("a; b, c"). */
export const cellList = (c: ImportCell | undefined) =>
  cellText(c)
    .split(/[;,]/)
    .map((x) => x.trim())
    .filter(Boolean);
