import { describe, it, expect } from 'vitest';
import {
  cleanPersonName,
  cleanText,
  compareVi,
  officerText,
  compareVietnameseNames,
  fuzzyNameDistance,
  nameSimilar,
  searchKey,
} from './text.js';

const NFD = (s: string): string => s.normalize('NFD');

describe('cleanPersonName', () => {
  it('trims, collapses spaces and title-cases an all-caps or mixed name', () => {
    expect(cleanPersonName('  NGUYỄN   văn  a ')).toBe('Nguyễn Văn A');
  });

  it('turns NBSP, tabs and line breaks into single spaces', () => {
    expect(cleanPersonName('Trần\u00A0\u00A0Thị\tMai\n')).toBe('Trần Thị Mai');
  });

  it('removes zero-width characters instead of splitting the word', () => {
    expect(cleanPersonName('\uFEFFNgu\u200Byễn Văn\u200B \u200BBình')).toBe('Nguyễn Văn Bình');
  });

  it('composes decomposed (NFD) input so the result is NFC', () => {
    const result = cleanPersonName(NFD('LÊ THỊ HỒNG ĐÀO'));
    expect(result).toBe('Lê Thị Hồng Đào');
    expect(result).toBe(result.normalize('NFC'));
    expect(result.length).toBe('Lê Thị Hồng Đào'.length);
  });

  it('title-cases đ/Đ and fixes the Icelandic Ð look-alike', () => {
    expect(cleanPersonName('đỗ đức đạt')).toBe('Đỗ Đức Đạt');
    expect(cleanPersonName('\u00D0INH VĂN \u00D0ÔNG')).toBe('Đinh Văn Đông');
  });

  it('keeps the capital after an apostrophe in Central Highlands names', () => {
    expect(cleanPersonName('H’HEN NIÊ')).toBe("H'Hen Niê");
    expect(cleanPersonName('y-ngông niê kdăm')).toBe('Y-Ngông Niê Kdăm');
  });

  it('keeps the tone placement the person wrote', () => {
    expect(cleanPersonName('nguyễn thị hoà')).toBe('Nguyễn Thị Hoà');
    expect(cleanPersonName('nguyễn thị hòa')).toBe('Nguyễn Thị Hòa');
  });
});

describe('cleanText', () => {
  it('normalises spaces and NFC but keeps letter case', () => {
    expect(cleanText('  Tổ 5,\u00A0 KP. Bình\tAn  ')).toBe('Tổ 5, KP. Bình An');
    expect(cleanText(NFD('Thôn Đông  HÒA'))).toBe('Thôn Đông HÒA'.normalize('NFC'));
  });
});

describe('searchKey', () => {
  it('gives the same key for accented, unaccented, upper-case and decomposed forms', () => {
    expect(searchKey('Nguyễn Văn Á')).toBe('nguyen van a');
    expect(searchKey('NGUYEN VAN A')).toBe('nguyen van a');
    expect(searchKey(NFD('Nguyễn Văn Á'))).toBe('nguyen van a');
    expect(searchKey('  nguyễn\u00A0 văn   á ')).toBe('nguyen van a');
  });

  it('maps đ and Đ to d, which Unicode does not decompose', () => {
    expect(searchKey('Đặng Đình Đức')).toBe('dang dinh duc');
  });

  it('ignores old versus new tone placement', () => {
    expect(searchKey('Hoà')).toBe(searchKey('Hòa'));
    expect(searchKey('Thuỷ')).toBe(searchKey('Thủy'));
    expect(searchKey('Lê Thị Thuỷ')).toBe('le thi thuy');
  });

  it('reads full-width digits pasted from some fonts as ASCII', () => {
    expect(searchKey('Số １２ đường Lê Lợi')).toBe('so 12 duong le loi');
  });
});

describe('Vietnamese ordering', () => {
  it('orders letters as the Vietnamese alphabet: a ă â, d đ, o ô ơ, u ư', () => {
    expect(['Ân', 'Anh', 'Ăn', 'Đào', 'Dung', 'Ơn', 'Ô', 'Út', 'Ưng'].sort(compareVi)).toEqual([
      'Anh',
      'Ăn',
      'Ân',
      'Dung',
      'Đào',
      'Ô',
      'Ơn',
      'Út',
      'Ưng',
    ]);
  });

  it('sorts full names by given name first, then by the whole name', () => {
    const list = ['Nguyễn Thị An', 'Lê Văn Cường', 'Trần Thị Bình', 'Lê Văn An', 'Phạm Ân', 'Đỗ Anh'];
    expect([...list].sort(compareVietnameseNames)).toEqual([
      'Lê Văn An',
      'Nguyễn Thị An',
      'Đỗ Anh',
      'Phạm Ân',
      'Trần Thị Bình',
      'Lê Văn Cường',
    ]);
  });

  it('is not fooled by stray spaces around names', () => {
    expect(compareVietnameseNames('Trần Văn Bình  ', 'Lê  An')).toBeGreaterThan(0);
  });
});

describe('near-identical names', () => {
  it('counts edits on search keys, a swap of neighbours being one edit', () => {
    expect(fuzzyNameDistance('Nguyễn Văn Hùng', 'nguyen van hung')).toBe(0);
    expect(fuzzyNameDistance('Nguyễn Văn Hùng', 'Ngyuễn Văn Hùng')).toBe(1);
    expect(fuzzyNameDistance('Nguyễn Văn Hùng', 'Nguyễn Văn Hùn')).toBe(1);
    expect(fuzzyNameDistance('Trần Thị Mai', 'Trần Thị Hoa')).toBe(3);
    expect(fuzzyNameDistance('', 'abc')).toBe(3);
  });

  it('flags same keys and one-edit typos on long names, not on short ones', () => {
    expect(nameSimilar('Nguyễn Văn Hùng', 'NGUYEN VAN HUNG')).toBe(true);
    expect(nameSimilar('Nguyễn Văn Hùng', 'Nguyễn Văn Hưng')).toBe(true);
    expect(nameSimilar('Nguyễn Văn Hùng', 'Nguyễn Văn Hùnh')).toBe(true);
    // One letter apart: flagged for a person to look at, even though these are often two people.
    expect(nameSimilar('Nguyễn Văn Hùng', 'Nguyễn Văn Dũng')).toBe(true);
    expect(nameSimilar('Nguyễn Văn Hùng', 'Nguyễn Văn Dương')).toBe(false);
    expect(nameSimilar('Lê An', 'Lê Anh')).toBe(false);
  });
});

describe('officerText', () => {
  it('removes the notes on what was not checked, keeping the source', () => {
    // Sources as written in programs/base-levels.ts, gift-tables.ts, petitions/limits.ts, dossiers/holidays.ts.
    expect(officerText('Nghị định 76/2024/NĐ-CP sửa đổi Nghị định 20/2021/NĐ-CP (chưa đối chiếu văn bản gốc)')).toBe(
      'Nghị định 76/2024/NĐ-CP sửa đổi Nghị định 20/2021/NĐ-CP',
    );
    expect(
      officerText(
        'Nghị định 136/2013/NĐ-CP, Điều 4 khoản 1 (mức chuẩn trợ cấp xã hội; chế độ thực hiện từ 01/01/2014; chưa đối chiếu văn bản gốc)',
      ),
    ).toBe('Nghị định 136/2013/NĐ-CP, Điều 4 khoản 1 (mức chuẩn trợ cấp xã hội; chế độ thực hiện từ 01/01/2014)');
    expect(
      officerText('Nghị định 73/2024/NĐ-CP (chưa đối chiếu văn bản gốc; bị thay thế bởi Nghị định 161/2026/NĐ-CP)'),
    ).toBe('Nghị định 73/2024/NĐ-CP (bị thay thế bởi Nghị định 161/2026/NĐ-CP)');
    expect(officerText('Luật Khiếu nại 02/2011/QH13 Điều 28 (sửa bởi Luật 136/2025/QH15: chưa đối chiếu)')).toBe(
      'Luật Khiếu nại 02/2011/QH13 Điều 28 (sửa bởi Luật 136/2025/QH15)',
    );
    expect(
      officerText('Quyết định của Chủ tịch nước tặng quà 27/7 (2015: QĐ 1328/QĐ-CTN) — theo báo chí, chưa đối chiếu'),
    ).toBe('Quyết định của Chủ tịch nước tặng quà 27/7 (2015: QĐ 1328/QĐ-CTN)');
    expect(
      officerText(
        'BLLĐ 2019 Điều 111, 112; lịch nghỉ năm 2022 (Tết 29/01–06/02/2022; nhớ lại, chưa đối chiếu thông báo)',
      ),
    ).toBe('BLLĐ 2019 Điều 111, 112; lịch nghỉ năm 2022 (Tết 29/01–06/02/2022)');
    expect(officerText('Điều 145. Chưa đối chiếu đủ. Hồ sơ gồm tờ khai')).toBe('Điều 145. Hồ sơ gồm tờ khai');
    expect(officerText('QĐ 59/2015/QĐ-TTg, Điều 2 [M] [R2: hieuluat.vn] (unverified)')).toBe(
      'QĐ 59/2015/QĐ-TTg, Điều 2',
    );
  });

  it('leaves a source without notes unchanged', () => {
    expect(officerText('Luật Khiếu nại 02/2011/QH13 Điều 27, 36; TT 07/2013/TT-TTCP (ngày làm việc)')).toBe(
      'Luật Khiếu nại 02/2011/QH13 Điều 27, 36; TT 07/2013/TT-TTCP (ngày làm việc)',
    );
  });
});
