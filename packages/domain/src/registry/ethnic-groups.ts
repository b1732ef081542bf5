/**
 * The 54 ethnic groups of Vietnam with their statistical codes.
 *
 * Source: Danh mục các dân tộc Việt Nam, issued with Quyết định 121-TCTK/PPCĐ of 02/03/1979 of
 * the General Statistics Office (Tổng cục Thống kê); the codes are the ones health-insurance and
 * civil-status data use (MA_DANTOC). Copied from data/ethnic-groups.csv (columns code, name,
 * modern_name); ethnic-groups.test.ts checks that this table and the file stay identical.
 * `name` is the spelling of the 1979 list ("Khơ-me", "Hmông"); `modernName` the spelling used today
 * ("Khmer", "Mông"), which is what the application shows.
 */

import { searchKey } from '../text.js';

export interface EthnicGroup {
  /** Two digits, "01" (Kinh) to "54" (Rơ Măm). */
  readonly code: string;
  /** Name as written in the 1979 list. */
  readonly name: string;
  /** Name as written today; the one to display. */
  readonly modernName: string;
}

/** The 54 groups of QĐ 121-TCTK/PPCĐ (02/03/1979), in code order. */
export const ETHNIC_GROUPS: readonly EthnicGroup[] = [
  { code: '01', name: 'Kinh', modernName: 'Kinh' },
  { code: '02', name: 'Tày', modernName: 'Tày' },
  { code: '03', name: 'Thái', modernName: 'Thái' },
  { code: '04', name: 'Hoa', modernName: 'Hoa' },
  { code: '05', name: 'Khơ-me', modernName: 'Khmer' },
  { code: '06', name: 'Mường', modernName: 'Mường' },
  { code: '07', name: 'Nùng', modernName: 'Nùng' },
  { code: '08', name: 'Hmông', modernName: 'Mông' },
  { code: '09', name: 'Dao', modernName: 'Dao' },
  { code: '10', name: 'Gia-rai', modernName: 'Gia Rai' },
  { code: '11', name: 'Ngái', modernName: 'Ngái' },
  { code: '12', name: 'Ê-đê', modernName: 'Ê Đê' },
  { code: '13', name: 'Ba-na', modernName: 'Ba Na' },
  { code: '14', name: 'Xơ-đăng', modernName: 'Xơ Đăng' },
  { code: '15', name: 'Sán Chay', modernName: 'Sán Chay' },
  { code: '16', name: 'Cơ-ho', modernName: 'Cơ Ho' },
  { code: '17', name: 'Chăm', modernName: 'Chăm' },
  { code: '18', name: 'Sán Dìu', modernName: 'Sán Dìu' },
  { code: '19', name: 'Hrê', modernName: 'Hrê' },
  { code: '20', name: 'Mnông', modernName: 'Mnông' },
  { code: '21', name: 'Ra-glai', modernName: 'Raglay' },
  { code: '22', name: 'Xtiêng', modernName: 'Xtiêng' },
  { code: '23', name: 'Bru-Vân Kiều', modernName: 'Bru-Vân Kiều' },
  { code: '24', name: 'Thổ', modernName: 'Thổ' },
  { code: '25', name: 'Giáy', modernName: 'Giáy' },
  { code: '26', name: 'Cơ-tu', modernName: 'Cơ-tu' },
  { code: '27', name: 'Gié-Triêng', modernName: 'Giẻ Triêng' },
  { code: '28', name: 'Mạ', modernName: 'Mạ' },
  { code: '29', name: 'Khơ-mú', modernName: 'Khơ-mú' },
  { code: '30', name: 'Co', modernName: 'Co' },
  { code: '31', name: 'Ta-ôi', modernName: 'Tà Ôi' },
  { code: '32', name: 'Chơ-ro', modernName: 'Chơ-ro' },
  { code: '33', name: 'Kháng', modernName: 'Kháng' },
  { code: '34', name: 'Xinh-mun', modernName: 'Xinh-mun' },
  { code: '35', name: 'Hà Nhì', modernName: 'Hà Nhì' },
  { code: '36', name: 'Chu-ru', modernName: 'Chu-ru' },
  { code: '37', name: 'Lào', modernName: 'Lào' },
  { code: '38', name: 'La Chí', modernName: 'La Chí' },
  { code: '39', name: 'La Ha', modernName: 'La Ha' },
  { code: '40', name: 'Phù Lá', modernName: 'Phù Lá' },
  { code: '41', name: 'La Hủ', modernName: 'La Hủ' },
  { code: '42', name: 'Lự', modernName: 'Lự' },
  { code: '43', name: 'Lô Lô', modernName: 'Lô Lô' },
  { code: '44', name: 'Chứt', modernName: 'Chứt' },
  { code: '45', name: 'Mảng', modernName: 'Mảng' },
  { code: '46', name: 'Pà Thẻn', modernName: 'Pà Thẻn' },
  { code: '47', name: 'Cơ Lao', modernName: 'Cờ Lao' },
  { code: '48', name: 'Cống', modernName: 'Cống' },
  { code: '49', name: 'Bố Y', modernName: 'Bố Y' },
  { code: '50', name: 'Si La', modernName: 'Si La' },
  { code: '51', name: 'Pu Péo', modernName: 'Pu Péo' },
  { code: '52', name: 'Brâu', modernName: 'Brâu' },
  { code: '53', name: 'Ơ Đu', modernName: 'Ơ Đu' },
  { code: '54', name: 'Rơ-măm', modernName: 'Rơ Măm' },
];

const BY_CODE: ReadonlyMap<string, EthnicGroup> = new Map(ETHNIC_GROUPS.map((g) => [g.code, g]));

// Names are compared without diacritics, case, spaces, hyphens or apostrophes, because the same
// group is written "Gia-rai", "Gia Rai" and "Giarai", "Khơ-me" and "Khmer", "Ê-đê" and "Ê Đê".
const compact = (s: string): string => searchKey(s).replace(/[\s\-'.]/g, '');

const BY_NAME: ReadonlyMap<string, EthnicGroup> = new Map(
  ETHNIC_GROUPS.flatMap((g) => [
    [compact(g.name), g],
    [compact(g.modernName), g],
  ]),
);

/** The name to display for an ethnic-group code ("05" → "Khmer"); the code itself when unknown. */
export function ethnicGroupName(code: string): string {
  return BY_CODE.get(code)?.modernName ?? code;
}

/**
 * Finds an ethnic group from what an officer typed or an imported file holds: a code ("05", "5")
 * or a name in the 1979 or today's spelling, with or without diacritics, hyphens and a leading
 * "dân tộc" ("kinh", "Khơ-me", "khmer", "Dân tộc Ê Đê"). Undefined when nothing matches.
 */
export function findEthnicGroup(text: string): EthnicGroup | undefined {
  const t = text.trim();
  if (/^\d{1,2}$/.test(t)) return BY_CODE.get(t.padStart(2, '0'));
  const key = compact(t).replace(/^dantoc/, '');
  return key ? BY_NAME.get(key) : undefined;
}
