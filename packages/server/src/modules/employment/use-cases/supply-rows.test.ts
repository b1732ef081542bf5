import { describe, expect, it } from 'vitest';
import { cleanPersonName, searchKey } from '@ansinh/domain';
import { supplyRowReader } from './supply-rows.js';

const columns = { citizenId: 0, fullName: 1, birthDate: 2, gender: 3, communeCode: 4, employmentStatus: 5, needs: 6 };
const reader = () =>
  supplyRowReader({ today: '2021-06-01', communes: new Map([['25213', '/70/689/25213/']]), columns });

describe('the supply import row reader', () => {
  it('cleans names and their keys syllable by syllable exactly as cleanPersonName and searchKey do', () => {
    const read = reader();
    for (const raw of [
      '  NGUYỄN   văn  a ',
      "H'HEN NIÊ",
      'le thi\u200b hoa',
      'Nguye\u0302\u0303n Thị Thuỷ',
      'trần  (tèo)  văn',
      'ĐẶNG\tTHỊ\u00a0MAI',
    ]) {
      const r = read(['070090001234', raw, '01/01/1990', 'Nam', '25213', 'Thất nghiệp', ''], undefined);
      expect(r.ok, raw).toBe(true);
      if (!r.ok) continue;
      const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
      expect(r.fullName).toBe(cleanPersonName(text));
      expect(r.nameKey).toBe(searchKey(cleanPersonName(text)));
    }
  });

  it('gives every problem of a bad row, and the same answer for a repeated value', () => {
    const read = reader();
    const bad = read(['12', 'A', '2015', 'X', '99999', 'Phi công', 'Học nghề; bay'], 3);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems).toHaveLength(7);
    const a = read(['070090001234', 'Lê Văn Bình', '01/01/1990', 'Nữ', '25213', 'Thất nghiệp', 'Học nghề'], undefined);
    const b = read(['070090001235', 'Lê Văn Bình', '01/01/1990', 'Nữ', '25213', 'Thất nghiệp', 'Học nghề'], undefined);
    expect(a.ok && b.ok && a.area === b.area && a.fields.needs === b.fields.needs).toBe(true);
  });
});
