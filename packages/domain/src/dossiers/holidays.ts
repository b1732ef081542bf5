/**
 * Public holidays and official days off in Vietnam, per year, as data.
 *
 * Law: Bộ luật Lao động 45/2019/QH14, Art. 112 (holidays: 1/1; Tết 5 days; Giỗ Tổ Hùng Vương
 * 10/3 lunar; 30/4; 1/5; 2/9 and one day before or after), Art. 111(3) (a holiday on a weekly
 * rest day gives a day off in lieu). Each year the Prime Minister (through MOLISA, from 2025 the
 * Ministry of Home Affairs) announces the days off of civil servants, sometimes swapping a
 * working day with a Saturday that is then worked ("làm bù").
 *
 * Only the days that would otherwise be working days are listed in `daysOff` (a holiday on a
 * Saturday is listed through its day in lieu); `workingWeekends` are Saturdays worked in
 * exchange. `verified: false` marks a year or a day read only in news or recalled, not in the
 * announcement itself: check it against the official notice before relying on it.
 */
export interface DayOff {
  date: string;
  name: string;
  kind: 'holiday' | 'in_lieu' | 'swapped';
  verified?: boolean;
}

export interface HolidayYear {
  year: number;
  /** Lunar New Year's day (mùng 1 Tết) and Giỗ Tổ (10/3 lunar) in the solar calendar. */
  lunarNewYear: string;
  hungKings: string;
  daysOff: readonly DayOff[];
  workingWeekends: readonly { date: string; name: string }[];
  source: string;
  verified: boolean;
  /**
   * The year's Tết and days in lieu are not decided yet (or the decision was not found): the days
   * listed are the statutory ones placed as usual, counted, and every deadline touching the year
   * carries a warning (`calendarWarning`) until the decision is entered.
   */
  provisional?: true;
}

const d = (date: string, name: string, kind: DayOff['kind'] = 'holiday', verified = true): DayOff => ({
  date,
  name,
  kind,
  verified,
});

export const HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2021,
    lunarNewYear: '2021-02-12',
    hungKings: '2021-04-21',
    daysOff: [
      d('2021-01-01', 'Tết Dương lịch'),
      ...['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'].map((x) =>
        d(x, 'Tết Nguyên đán Tân Sửu'),
      ),
      d('2021-04-21', 'Giỗ Tổ Hùng Vương'),
      d('2021-04-30', 'Ngày Chiến thắng 30/4'),
      d('2021-05-03', 'Nghỉ bù Quốc tế Lao động (1/5 vào thứ Bảy)', 'in_lieu'),
      d('2021-09-02', 'Quốc khánh'),
      d('2021-09-03', 'Quốc khánh (ngày liền kề)'),
    ],
    workingWeekends: [],
    source:
      'BLLĐ 2019 Điều 111, 112; lịch nghỉ Tết Tân Sửu 10–16/02/2021 và Quốc khánh 02–03/9/2021 của Bộ LĐ-TB&XH (nhớ lại, chưa đối chiếu thông báo)',
    verified: false,
  },
  {
    year: 2022,
    lunarNewYear: '2022-02-01',
    hungKings: '2022-04-10',
    daysOff: [
      d('2022-01-03', 'Nghỉ bù Tết Dương lịch (1/1 vào thứ Bảy)', 'in_lieu'),
      ...['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'].map((x) =>
        d(x, 'Tết Nguyên đán Nhâm Dần'),
      ),
      d('2022-04-11', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch vào Chủ nhật)', 'in_lieu'),
      d('2022-05-02', 'Nghỉ bù Ngày Chiến thắng (30/4 vào thứ Bảy)', 'in_lieu'),
      d('2022-05-03', 'Nghỉ bù Quốc tế Lao động (1/5 vào Chủ nhật)', 'in_lieu'),
      d('2022-09-01', 'Quốc khánh (ngày liền kề)'),
      d('2022-09-02', 'Quốc khánh'),
    ],
    workingWeekends: [],
    source:
      'BLLĐ 2019 Điều 111, 112; lịch nghỉ năm 2022 của Bộ LĐ-TB&XH (Tết 29/01–06/02/2022; nhớ lại, chưa đối chiếu thông báo)',
    verified: false,
  },
  {
    year: 2023,
    lunarNewYear: '2023-01-22',
    hungKings: '2023-04-29',
    daysOff: [
      d('2023-01-02', 'Nghỉ bù Tết Dương lịch (1/1 vào Chủ nhật)', 'in_lieu'),
      ...['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'].map((x) =>
        d(x, 'Tết Nguyên đán Quý Mão'),
      ),
      d('2023-05-01', 'Quốc tế Lao động'),
      d('2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch vào thứ Bảy)', 'in_lieu'),
      d('2023-05-03', 'Nghỉ bù Ngày Chiến thắng (30/4 vào Chủ nhật)', 'in_lieu'),
      d('2023-09-01', 'Quốc khánh (ngày liền kề)'),
      d('2023-09-04', 'Nghỉ bù Quốc khánh (2/9 vào thứ Bảy)', 'in_lieu'),
    ],
    workingWeekends: [],
    source:
      'BLLĐ 2019 Điều 111, 112; lịch nghỉ năm 2023 (nghỉ bù 02/01; 29/4–03/5 gồm nghỉ bù 02/5 và 03/5 — đọc qua báo chí); Tết 20–26/01/2023 nhớ lại',
    verified: false,
  },
  {
    year: 2024,
    lunarNewYear: '2024-02-10',
    hungKings: '2024-04-18',
    daysOff: [
      d('2024-01-01', 'Tết Dương lịch'),
      ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((x) =>
        d(x, 'Tết Nguyên đán Giáp Thìn'),
      ),
      d('2024-04-18', 'Giỗ Tổ Hùng Vương'),
      d('2024-04-29', 'Hoán đổi với thứ Bảy 04/5/2024', 'swapped'),
      d('2024-04-30', 'Ngày Chiến thắng 30/4'),
      d('2024-05-01', 'Quốc tế Lao động'),
      d('2024-09-02', 'Quốc khánh'),
      d('2024-09-03', 'Quốc khánh (ngày liền kề)'),
    ],
    workingWeekends: [{ date: '2024-05-04', name: 'Làm bù cho thứ Hai 29/4/2024' }],
    source:
      'BLLĐ 2019 Điều 112; Công văn 2450/VPCP-KGVX (12/4/2024) hoán đổi ngày làm việc dịp 30/4 (đọc qua baotintuc.vn); Tết 08–14/02/2024 nhớ lại',
    verified: false,
  },
  {
    year: 2025,
    lunarNewYear: '2025-01-29',
    hungKings: '2025-04-07',
    daysOff: [
      d('2025-01-01', 'Tết Dương lịch'),
      ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((x) =>
        d(x, 'Tết Nguyên đán Ất Tỵ'),
      ),
      d('2025-04-07', 'Giỗ Tổ Hùng Vương'),
      d('2025-04-30', 'Ngày Chiến thắng 30/4'),
      d('2025-05-01', 'Quốc tế Lao động'),
      d('2025-05-02', 'Hoán đổi với thứ Bảy 26/4/2025', 'swapped'),
      d('2025-09-01', 'Quốc khánh (ngày liền kề)'),
      d('2025-09-02', 'Quốc khánh'),
    ],
    workingWeekends: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/5/2025' }],
    source:
      'BLLĐ 2019 Điều 112; Công văn 8726/VPCP-KGVX ngày 26/11/2024 (ý kiến Thủ tướng: nghỉ Tết Ất Tỵ 25/01–02/02/2025; làm bù thứ Bảy 26/4 cho thứ Sáu 02/5), đọc qua báo chí (pld.net.vn), chưa đối chiếu văn bản',
    verified: false,
  },
  {
    year: 2026,
    lunarNewYear: '2026-02-17',
    hungKings: '2026-04-26',
    daysOff: [
      d('2026-01-01', 'Tết Dương lịch'),
      // 9 days in a row, Saturday 14/2 to Sunday 22/2/2026 (27 tháng Chạp to mùng 6 Tết), as
      // announced in October 2025 (news: congan.com.vn, vnanet.vn); the notice itself not read.
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((x) =>
        d(x, 'Tết Nguyên đán Bính Ngọ'),
      ),
      d('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch vào Chủ nhật)', 'in_lieu', false),
      d('2026-04-30', 'Ngày Chiến thắng 30/4'),
      d('2026-05-01', 'Quốc tế Lao động'),
      d('2026-09-01', 'Quốc khánh (ngày liền kề)', 'holiday', false),
      d('2026-09-02', 'Quốc khánh'),
    ],
    workingWeekends: [],
    source: 'BLLĐ 2019 Điều 111, 112; lịch nghỉ năm 2026 của Bộ Nội vụ (đọc qua báo chí, 10/2025)',
    verified: false,
  },
  {
    year: 2027,
    // Mùng 1 Tết Đinh Mùi is Saturday 06/02/2027; Giỗ Tổ (10/3 âm lịch) Friday 16/4/2027 (lunar
    // dates computed, not read in a notice). No decision on the 2027 Tết break was found
    // (searched 12/2026): the five statutory Tết days are placed on the weekdays around Tết as
    // usual, and the year is provisional (every deadline touching it carries a warning).
    lunarNewYear: '2027-02-06',
    hungKings: '2027-04-16',
    daysOff: [
      d('2027-01-01', 'Tết Dương lịch'),
      ...['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((x) =>
        d(x, 'Tết Nguyên đán Đinh Mùi (dự kiến)', 'holiday', false),
      ),
      d('2027-04-16', 'Giỗ Tổ Hùng Vương', 'holiday', false),
      d('2027-04-30', 'Ngày Chiến thắng 30/4'),
      d('2027-05-03', 'Nghỉ bù Quốc tế Lao động (1/5 vào thứ Bảy)', 'in_lieu', false),
      d('2027-09-02', 'Quốc khánh'),
      d('2027-09-03', 'Quốc khánh (ngày liền kề, dự kiến)', 'holiday', false),
    ],
    workingWeekends: [],
    source: 'BLLĐ 2019 Điều 111, 112 (ngày Tết và ngày liền kề Quốc khánh dự kiến; chưa có thông báo của Bộ Nội vụ)',
    verified: false,
    provisional: true,
  },
];

const BY_YEAR = new Map(HOLIDAY_YEARS.map((y) => [y.year, y]));

/** The calendar data of a year, or undefined when AnSinh has none for it. */
export function holidayYear(year: number): HolidayYear | undefined {
  return BY_YEAR.get(year);
}

/**
 * The fixed solar-calendar holidays for a year without data (lunar Tết and Giỗ Tổ cannot be
 * derived without a lunar calendar: add the year to HOLIDAY_YEARS before it starts).
 */
export function fallbackDaysOff(year: number): DayOff[] {
  return [
    d(`${year}-01-01`, 'Tết Dương lịch', 'holiday', false),
    d(`${year}-04-30`, 'Ngày Chiến thắng 30/4', 'holiday', false),
    d(`${year}-05-01`, 'Quốc tế Lao động', 'holiday', false),
    d(`${year}-09-02`, 'Quốc khánh', 'holiday', false),
  ];
}
