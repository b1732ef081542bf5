import { describe, expect, it } from 'vitest';
import { agencyGroups, agencyLines, NBSP } from './layout.js';

describe('agency names in the header (NĐ 30/2020, Phụ lục I)', () => {
  it('cuts a name into word groups, never inside one', () => {
    expect(agencyGroups('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')).toEqual(['SỞ LAO ĐỘNG -', 'THƯƠNG BINH VÀ XÃ HỘI']);
    expect(agencyGroups('ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC')).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH PHƯỚC']);
    expect(agencyGroups('UBND HUYỆN ĐỒNG PHÚ')).toEqual(['UBND', 'HUYỆN ĐỒNG PHÚ']);
  });

  it('packs the groups into lines joined inside by non-breaking spaces', () => {
    const lines = agencyLines('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 26);
    expect(lines).toEqual([`SỞ${NBSP}LAO${NBSP}ĐỘNG${NBSP}-`, `THƯƠNG${NBSP}BINH${NBSP}VÀ${NBSP}XÃ${NBSP}HỘI`]);
    expect(lines.some((l) => l.includes('THƯƠNG') && !l.includes('BINH'))).toBe(false);
    expect(agencyLines('SỞ Y TẾ', 26)).toEqual([`SỞ${NBSP}Y${NBSP}TẾ`]);
  });
});
