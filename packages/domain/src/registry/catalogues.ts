/**
 * Catalogues of the registry: labels for the codes stored on households and persons, and the
 * status categories a person or household can be granted, each with its legal basis
 * (docs/legal/ (poverty, social-assistance, merit)). Codes are stable slugs; labels are Vietnamese first, with English.
 */

import type {
  DisabilityDegree,
  Gender,
  HouseholdState,
  Relation,
  Residence,
  StatusKind,
} from '../contracts/registry.js';
import { formatDateVi, isValidIsoDate } from '../dates.js';

/** A stable code with its Vietnamese and English label. */
export interface CodeLabel<C extends string = string> {
  readonly code: C;
  readonly vi: string;
  readonly en: string;
}

/** The label of `code` in a catalogue: the Vietnamese label, or the code itself when unknown. */
export function labelOf<C extends string>(
  table: readonly CodeLabel<C>[],
  code: string,
  lang: 'vi' | 'en' = 'vi',
): string {
  const row = table.find((r) => r.code === code);
  return row ? row[lang] : code;
}

/** Relation of a member to the head of the household (quan hệ với chủ hộ). */
export const RELATIONS: readonly CodeLabel<Relation>[] = [
  { code: 'head', vi: 'Chủ hộ', en: 'Head of household' },
  { code: 'spouse', vi: 'Vợ/chồng', en: 'Spouse' },
  { code: 'child', vi: 'Con', en: 'Child' },
  { code: 'parent', vi: 'Bố/mẹ', en: 'Parent' },
  { code: 'grandchild', vi: 'Cháu', en: 'Grandchild' },
  { code: 'grandparent', vi: 'Ông/bà', en: 'Grandparent' },
  { code: 'sibling', vi: 'Anh/chị/em', en: 'Sibling' },
  { code: 'child_in_law', vi: 'Con dâu/rể', en: 'Child-in-law' },
  { code: 'other', vi: 'Khác', en: 'Other' },
];

/**
 * Degrees of disability (mức độ khuyết tật), Luật Người khuyết tật 51/2010/QH12, Art. 3(2):
 * especially severe (cannot perform any daily self-care), severe (cannot perform some of it),
 * mild (neither). [M] The article text was not read here; the two upper degrees are the ones that
 * NĐ 20/2021/NĐ-CP Art. 5(6) and 6(1)(e) pay allowances to [R], which confirms the names.
 */
export const DISABILITY_DEGREES: readonly CodeLabel<DisabilityDegree>[] = [
  { code: 'especially_severe', vi: 'Đặc biệt nặng', en: 'Especially severe' },
  { code: 'severe', vi: 'Nặng', en: 'Severe' },
  { code: 'mild', vi: 'Nhẹ', en: 'Mild' },
];

/** Urban or rural residence; it decides the poverty threshold (NĐ 07/2021/NĐ-CP, Art. 3). */
export const RESIDENCES: readonly CodeLabel<Residence>[] = [
  { code: 'urban', vi: 'Thành thị', en: 'Urban' },
  { code: 'rural', vi: 'Nông thôn', en: 'Rural' },
];

/** State of a household record; every state other than active keeps the household as history. */
export const HOUSEHOLD_STATES: readonly CodeLabel<HouseholdState>[] = [
  { code: 'active', vi: 'Đang hoạt động', en: 'Active' },
  { code: 'moved', vi: 'Chuyển đi', en: 'Moved away' },
  { code: 'split', vi: 'Tách hộ', en: 'Split' },
  { code: 'merged', vi: 'Nhập hộ', en: 'Merged' },
  { code: 'dissolved', vi: 'Giải thể', en: 'Dissolved' },
];

export const GENDERS: readonly CodeLabel<Gender>[] = [
  { code: 'male', vi: 'Nam', en: 'Male' },
  { code: 'female', vi: 'Nữ', en: 'Female' },
];

/**
 * One row of a coefficient table: monthly allowance = base level (mức chuẩn) × coefficient. The
 * coefficient is in tenths (2,5 → 25) so that amounts stay integer đồng: 360.000 × 25 / 10.
 */
export interface CoefficientRow {
  readonly vi: string;
  readonly en: string;
  readonly coefficientTenths: number;
}

/** One category of a status kind. */
export interface StatusCategory {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
  /** Where in the legal basis this category is defined, e.g. "Điều 5 khoản 5 điểm a". */
  readonly ref?: string;
  /** The grant must carry a degree of injury in percent (war invalids, sick soldiers). */
  readonly needsDegree?: boolean;
  /** Allowed degree range in percent, inclusive, when {@link needsDegree} is set. */
  readonly degreeRange?: { readonly min: number; readonly max: number };
  /**
   * A degree that may be recorded but is not required (chemical-agent victims: the rate of
   * reduced working capacity decides the Tết/27-7 gift level, 600.000đ from 81%).
   */
  readonly optionalDegreeRange?: { readonly min: number; readonly max: number };
  /** Social assistance: the coefficients of NĐ 20/2021/NĐ-CP Art. 6(1) for this clause. */
  readonly coefficients?: readonly CoefficientRow[];
  /** False when the category or its wording was not checked against the legal text ([M]). */
  readonly verified: boolean;
}

/** A kind of status: who it is granted to, its legal basis and its categories. */
export interface StatusKindCatalogue {
  readonly vi: string;
  readonly en: string;
  readonly subject: 'person' | 'household';
  /** Poverty statuses are recognised per annual review, so a grant names the review year. */
  readonly needsYear?: boolean;
  /** Document and article, with how far it was checked. */
  readonly legalBasis: string;
  readonly legalBasisVerified: boolean;
  /** First day the categories below apply in this form. */
  readonly effectiveFrom?: string;
  readonly categories: readonly StatusCategory[];
}

const ct = (vi: string, en: string, coefficientTenths: number): CoefficientRow => ({ vi, en, coefficientTenths });

/**
 * Household poverty classification, NĐ 07/2021/NĐ-CP (multidimensional poverty standard
 * 2022–2025), Art. 3 (thresholds: rural 1.500.000đ, urban 2.000.000đ per person per month [R2])
 * and Art. 4 (classification [M], not verified). The 2022–2025 standard still applies in 2026; from
 * 2027 NĐ 351/2025/NĐ-CP applies [R2]. A grant names the review year (docs/legal/poverty.md).
 */
const POVERTY: StatusKindCatalogue = {
  vi: 'Hộ nghèo, hộ cận nghèo',
  en: 'Household poverty status',
  subject: 'household',
  needsYear: true,
  legalBasis: 'Nghị định 07/2021/NĐ-CP, Điều 3–4 (phân loại theo Điều 4 chưa đối chiếu văn bản gốc)',
  legalBasisVerified: false,
  effectiveFrom: '2022-01-01',
  categories: [
    { code: 'poor', vi: 'Hộ nghèo', en: 'Poor household', ref: 'Điều 4', verified: false },
    { code: 'near_poor', vi: 'Hộ cận nghèo', en: 'Near-poor household', ref: 'Điều 4', verified: false },
    {
      code: 'average',
      vi: 'Hộ có mức sống trung bình',
      en: 'Average living standard household',
      ref: 'Điều 4',
      verified: false,
    },
  ],
};

/**
 * Beneficiaries of monthly social allowance, NĐ 20/2021/NĐ-CP Art. 5 (effective 01/7/2021), with
 * the coefficients of Art. 6(1) [R: PD `chinh-sach-xa-hoi/chinh-sach-tro-giup-xa-hoi-doi-voi-doi-tuong-bao-tro-xa-hoi.md`,
 * text of 2021]. Only the highest coefficient is paid, except that a poor single parent (cl. 4) who
 * is also in cl. 5, 6 or 8 gets both (Art. 6(2)). [M] Amendments by NĐ 76/2024/NĐ-CP were not read;
 * the elderly in cl. 5 overlap the social pension of NĐ 176/2025/NĐ-CP.
 */
const SOCIAL_ASSISTANCE: StatusKindCatalogue = {
  vi: 'Bảo trợ xã hội (trợ cấp xã hội hằng tháng)',
  en: 'Social assistance (monthly allowance)',
  subject: 'person',
  legalBasis: 'Nghị định 20/2021/NĐ-CP, Điều 5 (đối tượng) và Điều 6 khoản 1 (hệ số)',
  legalBasisVerified: true,
  effectiveFrom: '2021-07-01',
  categories: [
    {
      code: '1',
      vi: 'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng (bị bỏ rơi, mồ côi…) (Điều 5 khoản 1)',
      en: 'Child under 16 without means of support (abandoned, orphaned…)',
      ref: 'Điều 5 khoản 1',
      coefficients: [ct('Dưới 4 tuổi', 'Under 4', 25), ct('Từ đủ 4 tuổi trở lên', 'Aged 4 or over', 15)],
      verified: true,
    },
    {
      code: '2',
      vi: 'Người thuộc khoản 1 từ đủ 16 tuổi đang đi học, tối đa đến 22 tuổi (Điều 5 khoản 2)',
      en: 'Person under clause 1 aged 16 or over still studying, up to 22',
      ref: 'Điều 5 khoản 2',
      coefficients: [ct('Mọi trường hợp', 'All', 15)],
      verified: true,
    },
    {
      code: '3',
      vi: 'Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo (Điều 5 khoản 3)',
      en: 'Child with HIV/AIDS in a poor household',
      ref: 'Điều 5 khoản 3',
      coefficients: [ct('Dưới 4 tuổi', 'Under 4', 25), ct('Từ đủ 4 tuổi đến dưới 16 tuổi', 'Aged 4 to under 16', 20)],
      verified: true,
    },
    {
      code: '4',
      vi: 'Người đơn thân thuộc hộ nghèo, cận nghèo đang nuôi con (Điều 5 khoản 4)',
      en: 'Poor or near-poor single parent raising children',
      ref: 'Điều 5 khoản 4',
      coefficients: [ct('Mỗi con đang nuôi', 'Per child raised', 10)],
      verified: true,
    },
    {
      code: '5a',
      vi: 'Người cao tuổi thuộc hộ nghèo, không có người phụng dưỡng (Điều 5 khoản 5 điểm a)',
      en: 'Elderly person in a poor household with no one obliged to support them',
      ref: 'Điều 5 khoản 5 điểm a',
      coefficients: [
        ct('Từ đủ 60 tuổi đến dưới 80 tuổi', 'Aged 60 to under 80', 15),
        ct('Từ đủ 80 tuổi trở lên', 'Aged 80 or over', 20),
      ],
      verified: true,
    },
    {
      code: '5b',
      vi: 'Người cao tuổi từ đủ 75 đến 80 tuổi thuộc hộ nghèo, cận nghèo, sống ở xã, thôn vùng dân tộc thiểu số và miền núi đặc biệt khó khăn (Điều 5 khoản 5 điểm b)',
      en: 'Elderly person aged 75 to 80, poor or near-poor, in an extremely difficult ethnic-minority or mountain commune or village',
      ref: 'Điều 5 khoản 5 điểm b',
      coefficients: [ct('Mọi trường hợp', 'All', 10)],
      verified: true,
    },
    {
      code: '5c',
      vi: 'Người từ đủ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội hoặc trợ cấp xã hội hằng tháng (Điều 5 khoản 5 điểm c)',
      en: 'Person aged 80 or over without a pension, monthly social insurance or social allowance',
      ref: 'Điều 5 khoản 5 điểm c',
      coefficients: [ct('Mọi trường hợp', 'All', 10)],
      verified: true,
    },
    {
      code: '5d',
      vi: 'Người cao tuổi thuộc hộ nghèo, không có người phụng dưỡng, được nhận chăm sóc, nuôi dưỡng tại cộng đồng (Điều 5 khoản 5 điểm d)',
      en: 'Poor elderly person with no supporter, cared for by a household in the community',
      ref: 'Điều 5 khoản 5 điểm d',
      coefficients: [ct('Mọi trường hợp', 'All', 30)],
      verified: true,
    },
    {
      code: '6_especially_severe',
      vi: 'Người khuyết tật đặc biệt nặng (Điều 5 khoản 6)',
      en: 'Person with an especially severe disability',
      ref: 'Điều 5 khoản 6',
      coefficients: [
        ct('Người khuyết tật đặc biệt nặng', 'Adult', 20),
        ct('Trẻ em hoặc người cao tuổi', 'Child or elderly person', 25),
      ],
      verified: true,
    },
    {
      code: '6_severe',
      vi: 'Người khuyết tật nặng (Điều 5 khoản 6)',
      en: 'Person with a severe disability',
      ref: 'Điều 5 khoản 6',
      coefficients: [
        ct('Người khuyết tật nặng', 'Adult', 15),
        ct('Trẻ em hoặc người cao tuổi', 'Child or elderly person', 20),
      ],
      verified: true,
    },
    {
      code: '7',
      vi: 'Trẻ em dưới 3 tuổi thuộc hộ nghèo, cận nghèo, sống ở xã, thôn vùng dân tộc thiểu số và miền núi đặc biệt khó khăn (Điều 5 khoản 7)',
      en: 'Child under 3, poor or near-poor, in an extremely difficult ethnic-minority or mountain commune or village',
      ref: 'Điều 5 khoản 7',
      coefficients: [ct('Mọi trường hợp', 'All', 15)],
      verified: true,
    },
    {
      code: '8',
      vi: 'Người nhiễm HIV/AIDS thuộc hộ nghèo, không có thu nhập ổn định hằng tháng (Điều 5 khoản 8)',
      en: 'Person with HIV/AIDS in a poor household without a stable monthly income',
      ref: 'Điều 5 khoản 8',
      coefficients: [ct('Mọi trường hợp', 'All', 15)],
      verified: true,
    },
  ],
};

/**
 * People with meritorious service to the revolution, Pháp lệnh 02/2020/UBTVQH14, Art. 3 (effective
 * 01/7/2021) [R: PD `chinh-sach-xa-hoi/uu-dai-nguoi-co-cong-voi-cach-mang.md`]: clause 1(a)–(m) and
 * the relatives of clause 2 (father, mother, spouse, children, and whoever raised a martyr).
 *
 * Degree ranges: a war invalid has a body injury rate of 21% or more (NĐ 131/2021/NĐ-CP Art. 45(1);
 * 5–20% is a one-off allowance, not the invalid status). A sick soldier is recognised from 61%
 * (Pháp lệnh Art. 26), but those recognised earlier at 41–60% keep the status (NĐ 131/2021 Art. 47)
 * and NĐ 75/2021 Phụ lục I, as amended by NĐ 55/2023, pays sick soldiers from 41% [R: CB
 * `backend/data/55_2023_NĐ_CP/55_2023_NĐ_CP_appendix1.md`], so a register must accept 41–100.
 */
const MERITORIOUS: StatusKindCatalogue = {
  vi: 'Người có công với cách mạng',
  en: 'Meritorious service to the revolution',
  subject: 'person',
  legalBasis: 'Pháp lệnh Ưu đãi người có công với cách mạng 02/2020/UBTVQH14, Điều 3',
  legalBasisVerified: true,
  effectiveFrom: '2021-07-01',
  categories: [
    {
      code: 'a',
      vi: 'Người hoạt động cách mạng trước ngày 01/01/1945',
      en: 'Revolutionary active before 1 January 1945',
      ref: 'Điều 3 khoản 1 điểm a',
      verified: true,
    },
    {
      code: 'b',
      vi: 'Người hoạt động cách mạng từ ngày 01/01/1945 đến ngày khởi nghĩa tháng Tám năm 1945',
      en: 'Revolutionary active from 1 January 1945 to the August 1945 uprising',
      ref: 'Điều 3 khoản 1 điểm b',
      verified: true,
    },
    { code: 'c', vi: 'Liệt sĩ', en: 'Martyr', ref: 'Điều 3 khoản 1 điểm c', verified: true },
    {
      code: 'd',
      vi: 'Bà mẹ Việt Nam anh hùng',
      en: 'Vietnamese Heroic Mother',
      ref: 'Điều 3 khoản 1 điểm d',
      verified: true,
    },
    {
      code: 'dd',
      vi: 'Anh hùng Lực lượng vũ trang nhân dân',
      en: "Hero of the People's Armed Forces",
      ref: 'Điều 3 khoản 1 điểm đ',
      verified: true,
    },
    {
      code: 'e',
      vi: 'Anh hùng Lao động trong thời kỳ kháng chiến',
      en: 'Labour Hero of the resistance period',
      ref: 'Điều 3 khoản 1 điểm e',
      verified: true,
    },
    {
      code: 'g',
      vi: 'Thương binh (kể cả thương binh loại B công nhận trước 31/12/1993), người hưởng chính sách như thương binh',
      en: 'War invalid (incl. category B recognised before 31/12/1993) or person treated as one',
      ref: 'Điều 3 khoản 1 điểm g',
      needsDegree: true,
      degreeRange: { min: 21, max: 100 },
      verified: true,
    },
    {
      code: 'h',
      vi: 'Bệnh binh',
      en: 'Sick soldier',
      ref: 'Điều 3 khoản 1 điểm h',
      needsDegree: true,
      degreeRange: { min: 41, max: 100 },
      verified: true,
    },
    {
      code: 'i',
      vi: 'Người hoạt động kháng chiến bị nhiễm chất độc hóa học',
      en: 'Resistance activist exposed to toxic chemicals',
      ref: 'Điều 3 khoản 1 điểm i',
      optionalDegreeRange: { min: 21, max: 100 },
      verified: true,
    },
    {
      code: 'k',
      vi: 'Người hoạt động cách mạng, kháng chiến, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế bị địch bắt tù, đày',
      en: 'Revolutionary or resistance activist imprisoned or exiled by the enemy',
      ref: 'Điều 3 khoản 1 điểm k',
      verified: true,
    },
    {
      code: 'l',
      vi: 'Người hoạt động kháng chiến giải phóng dân tộc, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế',
      en: 'Resistance, national defence or international-duty activist',
      ref: 'Điều 3 khoản 1 điểm l',
      verified: true,
    },
    {
      code: 'm',
      vi: 'Người có công giúp đỡ cách mạng',
      en: 'Person who helped the revolution',
      ref: 'Điều 3 khoản 1 điểm m',
      verified: true,
    },
    {
      code: 'relative_of_martyr',
      vi: 'Thân nhân liệt sĩ',
      en: "Martyr's relative",
      ref: 'Điều 3 khoản 2',
      verified: true,
    },
    {
      code: 'relative',
      vi: 'Thân nhân người có công khác',
      en: 'Relative of another person with meritorious service',
      ref: 'Điều 3 khoản 2',
      verified: true,
    },
  ],
};

/**
 * Living in an ethnic-minority and mountain area by development level. [M] Basis not verified: the
 * lists of communes and villages (zones I–III, extremely difficult villages) are approved per period
 * by the Prime Minister and the Committee for Ethnic Minority Affairs (believed: QĐ 861/QĐ-TTg of
 * 04/6/2021 for 2021–2025); check the list in force for the period before relying on it.
 */
const ETHNIC_MINORITY_AREA: StatusKindCatalogue = {
  vi: 'Vùng đồng bào dân tộc thiểu số và miền núi',
  en: 'Ethnic-minority and mountain area',
  subject: 'person',
  legalBasis:
    'Chưa xác minh: danh sách xã, thôn vùng đồng bào dân tộc thiểu số và miền núi theo từng giai đoạn (QĐ 861/QĐ-TTg năm 2021?)',
  legalBasisVerified: false,
  categories: [
    { code: 'difficult', vi: 'Vùng khó khăn', en: 'Difficult area', verified: false },
    { code: 'extremely_difficult', vi: 'Vùng đặc biệt khó khăn', en: 'Extremely difficult area', verified: false },
  ],
};

/**
 * The health-insurance groups that programmes select on, not the full list of the law. [M] Luật
 * Bảo hiểm y tế 25/2008/QH12 (amended 46/2014/QH13 and 51/2024/QH15), Art. 12, not verified: in
 * particular which people aged 80+ are insured by the state budget.
 */
const HEALTH_INSURANCE: StatusKindCatalogue = {
  vi: 'Đối tượng bảo hiểm y tế',
  en: 'Health insurance group',
  subject: 'person',
  legalBasis: 'Luật Bảo hiểm y tế 25/2008/QH12 (sửa đổi, bổ sung), Điều 12 — chưa đối chiếu văn bản gốc',
  legalBasisVerified: false,
  categories: [
    { code: 'poor', vi: 'Người thuộc hộ nghèo', en: 'Member of a poor household', verified: false },
    { code: 'near_poor', vi: 'Người thuộc hộ cận nghèo', en: 'Member of a near-poor household', verified: false },
    {
      code: 'social_assistance',
      vi: 'Người hưởng trợ cấp xã hội hằng tháng',
      en: 'Monthly social allowance recipient',
      verified: false,
    },
    {
      code: 'meritorious',
      vi: 'Người có công với cách mạng, thân nhân người có công',
      en: 'Person with meritorious service, or relative',
      verified: false,
    },
    {
      code: 'ethnic_minority_difficult_area',
      vi: 'Người dân tộc thiểu số sống ở vùng kinh tế - xã hội khó khăn, đặc biệt khó khăn',
      en: 'Ethnic-minority person living in a difficult or extremely difficult area',
      verified: false,
    },
    {
      code: 'farm_average_living',
      vi: 'Người thuộc hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình',
      en: 'Member of a farming, forestry, fishing or salt-making household of average living standard',
      verified: false,
    },
    { code: 'child_under_6', vi: 'Trẻ em dưới 6 tuổi', en: 'Child under 6', verified: false },
    { code: 'elderly_80', vi: 'Người từ đủ 80 tuổi trở lên', en: 'Person aged 80 or over', verified: false },
  ],
};

/**
 * Children in special circumstances (trẻ em có hoàn cảnh đặc biệt), Luật Trẻ em 102/2016/QH13,
 * Art. 10(1) points a–o (in force 01/6/2017); a child is a person under 16 (Art. 1). The fourteen
 * groups were read from the article as quoted in full by two secondary sources that agree (QĐND,
 * via baomoi.com; evbn.org), not from the law's text itself, hence `verified: false`: see
 * docs/legal/children.md. The sub-groups of each group are detailed by the Government
 * (NĐ 56/2017/NĐ-CP [M], not read). A status of this kind should end, at the latest, the day
 * before the child turns 16.
 */
const CHILD_SPECIAL_CIRCUMSTANCES: StatusKindCatalogue = {
  vi: 'Trẻ em có hoàn cảnh đặc biệt',
  en: 'Children in special circumstances',
  subject: 'person',
  legalBasis:
    'Luật Trẻ em 102/2016/QH13, Điều 10 khoản 1 — đối chiếu qua bản trích dẫn trên báo, chưa đối chiếu văn bản gốc',
  legalBasisVerified: false,
  effectiveFrom: '2017-06-01',
  categories: [
    {
      code: 'a',
      vi: 'Trẻ em mồ côi cả cha và mẹ',
      en: 'Child orphaned of both parents',
      ref: 'Điều 10 khoản 1 điểm a',
      verified: false,
    },
    { code: 'b', vi: 'Trẻ em bị bỏ rơi', en: 'Abandoned child', ref: 'Điều 10 khoản 1 điểm b', verified: false },
    {
      code: 'c',
      vi: 'Trẻ em không nơi nương tựa',
      en: 'Child with no one to rely on',
      ref: 'Điều 10 khoản 1 điểm c',
      verified: false,
    },
    {
      code: 'd',
      vi: 'Trẻ em khuyết tật',
      en: 'Child with a disability',
      ref: 'Điều 10 khoản 1 điểm d',
      verified: false,
    },
    {
      code: 'dd',
      vi: 'Trẻ em nhiễm HIV/AIDS',
      en: 'Child living with HIV/AIDS',
      ref: 'Điều 10 khoản 1 điểm đ',
      verified: false,
    },
    {
      code: 'e',
      vi: 'Trẻ em vi phạm pháp luật',
      en: 'Child in conflict with the law',
      ref: 'Điều 10 khoản 1 điểm e',
      verified: false,
    },
    {
      code: 'g',
      vi: 'Trẻ em nghiện ma túy',
      en: 'Child addicted to drugs',
      ref: 'Điều 10 khoản 1 điểm g',
      verified: false,
    },
    {
      code: 'h',
      vi: 'Trẻ em phải bỏ học kiếm sống, chưa hoàn thành phổ cập giáo dục trung học cơ sở',
      en: 'Child who left school to earn a living before completing lower-secondary education',
      ref: 'Điều 10 khoản 1 điểm h',
      verified: false,
    },
    {
      code: 'i',
      vi: 'Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực',
      en: 'Child seriously harmed in body and mind by violence',
      ref: 'Điều 10 khoản 1 điểm i',
      verified: false,
    },
    { code: 'k', vi: 'Trẻ em bị bóc lột', en: 'Exploited child', ref: 'Điều 10 khoản 1 điểm k', verified: false },
    {
      code: 'l',
      vi: 'Trẻ em bị xâm hại tình dục',
      en: 'Child who suffered sexual abuse',
      ref: 'Điều 10 khoản 1 điểm l',
      verified: false,
    },
    { code: 'm', vi: 'Trẻ em bị mua bán', en: 'Trafficked child', ref: 'Điều 10 khoản 1 điểm m', verified: false },
    {
      code: 'n',
      vi: 'Trẻ em mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo, hộ cận nghèo',
      en: 'Child with a grave or long-treatment illness in a poor or near-poor household',
      ref: 'Điều 10 khoản 1 điểm n',
      verified: false,
    },
    {
      code: 'o',
      vi: 'Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không có người chăm sóc',
      en: 'Migrant, displaced or refugee child whose parents are unknown or who has no carer',
      ref: 'Điều 10 khoản 1 điểm o',
      verified: false,
    },
  ],
};

/** Every status kind with its subject, legal basis and categories. */
export const STATUS_CATEGORIES: Readonly<Record<StatusKind, StatusKindCatalogue>> = {
  poverty: POVERTY,
  social_assistance: SOCIAL_ASSISTANCE,
  meritorious: MERITORIOUS,
  ethnic_minority_area: ETHNIC_MINORITY_AREA,
  health_insurance: HEALTH_INSURANCE,
  child_special_circumstances: CHILD_SPECIAL_CIRCUMSTANCES,
};

function catalogueOf(kind: string): StatusKindCatalogue | undefined {
  return Object.hasOwn(STATUS_CATEGORIES, kind) ? STATUS_CATEGORIES[kind as StatusKind] : undefined;
}

/** The category `code` of a status kind, or undefined when the kind or the code is unknown. */
export function findStatusCategory(kind: StatusKind, code: string): StatusCategory | undefined {
  return catalogueOf(kind)?.categories.find((c) => c.code === code);
}

/**
 * The Vietnamese label of a status category ("Hộ cận nghèo", "Bệnh binh"); the code itself when
 * it is not in the catalogue, so a record made under an older catalogue still shows something.
 */
export function statusCategoryLabel(kind: StatusKind, code: string): string {
  return findStatusCategory(kind, code)?.vi ?? code;
}

/** What {@link validateStatusGrant} checks: the fields of a grant, plus today's date if known. */
export interface StatusGrantInput {
  readonly kind: StatusKind;
  readonly category: string;
  readonly year?: number | null;
  readonly degree?: number | null;
  readonly personId?: number | null;
  readonly householdId?: number | null;
  readonly validFrom: string;
  readonly validTo?: string | null;
  readonly decisionDate: string;
  /** Today in Vietnam (`todayInVietnam()`); when given, a decision dated later is refused. */
  readonly today?: string;
}

/** A problem with one field, for the `details` of a validation error. */
export interface StatusGrantProblem {
  readonly path: string;
  readonly message: string;
}

const given = (v: unknown): boolean => v !== undefined && v !== null;
const isIntegerIn = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/**
 * Checks a status grant against the catalogue and returns one problem per wrong field, in
 * Vietnamese, with paths like "body.category" (empty when the grant is valid):
 *
 * - the subject must fit the kind: a household for poverty, a person for everything else;
 * - the category must be one of the kind's codes (the message lists them);
 * - poverty needs the review year; other kinds take none;
 * - war invalids (g) need a degree of 21–100%, sick soldiers (h) 41–100%; others take none;
 * - the end date cannot be before the start date;
 * - the decision may be signed after the start date (recognition is often retroactive), but not
 *   after `today`.
 */
export function validateStatusGrant(input: StatusGrantInput): StatusGrantProblem[] {
  const problems: StatusGrantProblem[] = [];
  const add = (field: string, message: string) => problems.push({ path: `body.${field}`, message });

  const cat = catalogueOf(input.kind);
  if (!cat) {
    add(
      'kind',
      `Loại diện "${String(input.kind)}" không có. Chọn một trong: ${Object.keys(STATUS_CATEGORIES).join(', ')}`,
    );
    return problems;
  }

  if (cat.subject === 'household') {
    if (given(input.personId))
      add('personId', `${cat.vi} được công nhận cho cả hộ: chọn hộ gia đình, không chọn từng người`);
    if (!given(input.householdId)) add('householdId', `Chọn hộ gia đình được công nhận ${cat.vi.toLowerCase()}`);
  } else {
    if (given(input.householdId))
      add('householdId', `Diện ${cat.vi.toLowerCase()} được ghi cho từng người: chọn người, không chọn hộ`);
    if (!given(input.personId)) add('personId', 'Chọn người được hưởng');
  }

  const category = cat.categories.find((c) => c.code === input.category);
  if (!category) {
    const codes = cat.categories.map((c) => c.code).join(', ');
    add('category', `Mã "${input.category}" không có trong danh mục ${cat.vi.toLowerCase()}. Chọn một trong: ${codes}`);
  }

  const { year, degree } = input;
  if (cat.needsYear) {
    if (year === undefined || year === null) add('year', 'Nhập năm rà soát (ví dụ 2025)');
    else if (!isIntegerIn(year, 2000, 2100)) add('year', 'Năm rà soát là năm có 4 chữ số, từ 2000 đến 2100');
  } else if (given(year)) {
    add('year', 'Năm rà soát chỉ ghi cho hộ nghèo, hộ cận nghèo: để trống ô này');
  }

  if (category?.needsDegree) {
    const { min, max } = category.degreeRange ?? { min: 1, max: 100 };
    // "thương binh", "bệnh binh": the label without its parenthesis or qualifiers.
    const who = category.vi.split(/ \(|,/)[0]!.toLowerCase();
    if (degree === undefined || degree === null)
      add('degree', `Nhập tỷ lệ tổn thương cơ thể (%) của ${who}, từ ${min} đến ${max}`);
    else if (!isIntegerIn(degree, min, max))
      add('degree', `Tỷ lệ tổn thương cơ thể của ${who} là số nguyên từ ${min} đến ${max} (%)`);
  } else if (category?.optionalDegreeRange && degree !== undefined && degree !== null) {
    const { min, max } = category.optionalDegreeRange;
    if (!isIntegerIn(degree, min, max))
      add('degree', `Tỷ lệ suy giảm khả năng lao động là số nguyên từ ${min} đến ${max} (%), hoặc để trống`);
  } else if (category && given(degree)) {
    add('degree', 'Tỷ lệ tổn thương cơ thể chỉ ghi cho thương binh, bệnh binh: để trống ô này');
  }

  const from = isValidIsoDate(input.validFrom) ? input.validFrom : null;
  if (!from) add('validFrom', 'Nhập ngày bắt đầu hưởng hợp lệ');
  if (given(input.validTo)) {
    if (!isValidIsoDate(input.validTo)) add('validTo', 'Ngày kết thúc không hợp lệ');
    else if (from && input.validTo < from) {
      add(
        'validTo',
        `Ngày kết thúc (${formatDateVi(input.validTo)}) không được trước ngày bắt đầu (${formatDateVi(from)})`,
      );
    }
  }
  if (!isValidIsoDate(input.decisionDate)) add('decisionDate', 'Nhập ngày ký quyết định hợp lệ');
  else if (input.today && isValidIsoDate(input.today) && input.decisionDate > input.today) {
    add(
      'decisionDate',
      `Ngày quyết định ${formatDateVi(input.decisionDate)} chưa tới (hôm nay ${formatDateVi(input.today)}): kiểm tra lại ngày ký`,
    );
  }
  return problems;
}
