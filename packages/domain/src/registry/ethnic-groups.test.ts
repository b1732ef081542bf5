import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { searchKey } from '../text.js';
import { ETHNIC_GROUPS, ethnicGroupName, findEthnicGroup } from './ethnic-groups.js';

describe('ETHNIC_GROUPS', () => {
  it('is exactly data/ethnic-groups.csv (QĐ 121-TCTK/PPCĐ, 54 groups)', () => {
    const csv = readFileSync(new URL('../../../../data/ethnic-groups.csv', import.meta.url), 'utf8');
    const rows = csv
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => {
        const [code, name, modernName] = line.split(',');
        return { code, name, modernName };
      });
    expect(ETHNIC_GROUPS).toEqual(rows);
  });

  it('has the codes 01 to 54 in order, every name NFC', () => {
    expect(ETHNIC_GROUPS.map((g) => g.code)).toEqual(
      Array.from({ length: 54 }, (_v, i) => String(i + 1).padStart(2, '0')),
    );
    for (const g of ETHNIC_GROUPS) {
      expect(g.name).toBe(g.name.normalize('NFC'));
      expect(g.modernName).toBe(g.modernName.normalize('NFC'));
    }
  });

  it('never gives two groups the same name once diacritics and hyphens are ignored', () => {
    const owner = new Map<string, string>();
    for (const g of ETHNIC_GROUPS) {
      for (const n of [g.name, g.modernName]) {
        const k = searchKey(n).replace(/[\s\-'.]/g, '');
        expect(owner.get(k) ?? g.code, `${n} (${g.code})`).toBe(g.code);
        owner.set(k, g.code);
      }
    }
  });
});

describe('ethnicGroupName', () => {
  it('shows the modern name of a code', () => {
    expect(ethnicGroupName('01')).toBe('Kinh');
    expect(ethnicGroupName('05')).toBe('Khmer');
    expect(ethnicGroupName('08')).toBe('Mông');
    expect(ethnicGroupName('12')).toBe('Ê Đê');
    expect(ethnicGroupName('54')).toBe('Rơ Măm');
  });

  it('shows an unknown code as it is', () => {
    expect(ethnicGroupName('99')).toBe('99');
  });
});

describe('findEthnicGroup', () => {
  it.each([
    ['kinh', '01'],
    ['KINH', '01'],
    ['Khơ-me', '05'],
    ['khmer', '05'],
    ['Khome', '05'],
    ['05', '05'],
    ['5', '05'],
    [' 05 ', '05'],
    ['Hmông', '08'],
    ['Mông', '08'],
    ['mong', '08'],
    ['Gia-rai', '10'],
    ['Gia Rai', '10'],
    ['giarai', '10'],
    ['Ê-đê', '12'],
    ['Ede', '12'],
    ['Dân tộc Ê Đê', '12'],
    ['dan toc tay', '02'],
    ['Ra-glai', '21'],
    ['Raglay', '21'],
    ['Bru-Vân Kiều', '23'],
    ['Gié-Triêng', '27'],
    ['Giẻ Triêng', '27'],
    ['Ta-ôi', '31'],
    ['Tà Ôi', '31'],
    ['Cờ Lao', '47'],
    ['Rơ-măm', '54'],
    ['Ơ Đu', '53'],
    ['La Hủ', '41'],
    ['La Ha', '39'],
    ['Co', '30'],
  ])('finds %j → %s', (text, code) => {
    expect(findEthnicGroup(text)?.code).toBe(code);
  });

  it('finds nothing for an unknown name or code', () => {
    expect(findEthnicGroup('Pháp')).toBeUndefined();
    expect(findEthnicGroup('55')).toBeUndefined();
    expect(findEthnicGroup('00')).toBeUndefined();
    expect(findEthnicGroup('')).toBeUndefined();
    expect(findEthnicGroup('dân tộc')).toBeUndefined();
  });

  it('returns the whole entry', () => {
    expect(findEthnicGroup('khmer')).toEqual({ code: '05', name: 'Khơ-me', modernName: 'Khmer' });
  });
});
