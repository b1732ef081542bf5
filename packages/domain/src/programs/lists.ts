/**
 * Beneficiary lists (danh sách): the checks run before a list may be submitted, and the approval
 * path along the area tree (commune → district → province, or commune → province where the tree
 * has two levels after the 2025 reform).
 */
import { checkCitizenId } from '../identity.js';
import { ageOn } from '../dates.js';

export const LIST_STATES = ['draft', 'submitted', 'appraised', 'approved', 'returned'] as const;
export type ListState = (typeof LIST_STATES)[number];
export const LIST_ACTIONS = ['submit', 'return', 'appraise', 'approve'] as const;
export type ListAction = (typeof LIST_ACTIONS)[number];

export const LIST_STATE_VI: Readonly<Record<ListState, string>> = {
  draft: 'Đang lập',
  submitted: 'Chờ thẩm định',
  appraised: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt',
  returned: 'Bị trả lại',
};

/** Who acts at each step: the level (1 province, 2 district, 3 commune) of the acting officer. */
export interface Transition {
  readonly to: ListState;
  readonly level: 1 | 2 | 3;
}

/**
 * The next state of a list for an action, or an error message saying why not. `levels` is the
 * number of levels of the area tree above and including the commune (3 or 2).
 */
export function listTransition(state: ListState, action: ListAction, levels: 2 | 3): Transition | { error: string } {
  const editable = state === 'draft' || state === 'returned';
  switch (action) {
    case 'submit':
      return editable
        ? { to: 'submitted', level: 3 }
        : { error: `Danh sách đang ở bước "${LIST_STATE_VI[state]}", không gửi lại được.` };
    case 'appraise':
      if (levels === 2)
        return { error: 'Địa bàn hai cấp: danh sách gửi thẳng lên tỉnh phê duyệt, không có bước thẩm định của huyện.' };
      return state === 'submitted'
        ? { to: 'appraised', level: 2 }
        : { error: `Chỉ thẩm định được danh sách đang "Chờ thẩm định" (hiện: "${LIST_STATE_VI[state]}").` };
    case 'approve': {
      const ready: ListState = levels === 3 ? 'appraised' : 'submitted';
      return state === ready
        ? { to: 'approved', level: 1 }
        : { error: `Chỉ phê duyệt được danh sách đang "${LIST_STATE_VI[ready]}" (hiện: "${LIST_STATE_VI[state]}").` };
    }
    case 'return':
      if (state === 'submitted') return { to: 'returned', level: levels === 3 ? 2 : 1 };
      if (state === 'appraised') return { to: 'returned', level: 1 };
      return { error: `Không trả lại được danh sách "${LIST_STATE_VI[state]}".` };
  }
}

export const PROBLEM_CODES = [
  'DUPLICATE_IN_LIST',
  'DUPLICATE_IN_PROGRAM',
  'DECEASED',
  'MOVED_OUT',
  'MISSING_ID',
  'INVALID_ID',
  'AMOUNT_MISMATCH',
  'NOT_ELIGIBLE',
  'ARREARS_IMPLAUSIBLE',
  'EMPTY_LIST',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface ListProblem {
  readonly entryId: number;
  readonly code: ProblemCode;
  /** Blocking problems stop the submission; warnings are shown only. */
  readonly blocking: boolean;
  readonly message: string;
}

/** What the check needs to know about one entry (gathered by the server in a few queries). */
export interface EntryForCheck {
  readonly id: number;
  readonly beneficiaryKey: string;
  readonly fullName: string;
  readonly birthDate: string | null;
  readonly citizenId: string | null;
  readonly deceasedOn: string | null;
  readonly movedOutOn: string | null;
  readonly amount: number;
  readonly quantity: number;
  /** What the rule gives now (null: the rule no longer gives anything). */
  readonly expected: { amount: number; quantity: number } | null;
  /** A manual addition carries its written reason and is not held to the rule. */
  readonly manual: boolean;
  /** Communes of other lists of the same program and period that hold the same beneficiary. */
  readonly elsewhere: readonly string[];
  /** How many past months the entry's arrears pay (0 or absent: none). */
  readonly arrearsMonths?: number;
}

/**
 * Arrears over this many months are flagged for a second look before submission: a start date
 * keyed years too early (65 months seen in a pilot commune) makes arrears nobody is owed. A
 * warning, not a refusal: a late decision can lawfully owe more than a year.
 */
export const ARREARS_PLAUSIBLE_MONTHS = 12;

/**
 * The problems of a list before submission: the same person twice (in the list, or in another
 * commune's list of the same program and period), deceased or moved out before the reference
 * date, a missing or invalid citizen ID, an amount that does not match the rule.
 */
export function checkListEntries(entries: readonly EntryForCheck[], refDate: string): ListProblem[] {
  const out: ListProblem[] = [];
  if (entries.length === 0) {
    // Not blocking: a commune may have nobody to support this period and say so by sending it.
    out.push({
      entryId: 0,
      code: 'EMPTY_LIST',
      blocking: false,
      message:
        'Danh sách chưa có người nào. Kiểm tra lại sổ nhân khẩu (diện hưởng, ngày hưởng) hoặc thêm người trước khi gửi; nếu xã không có ai đủ điều kiện, gửi để báo cáo.',
    });
  }
  const seen = new Map<string, number>();
  for (const e of entries) {
    const first = seen.get(e.beneficiaryKey);
    if (first !== undefined) {
      out.push({
        entryId: e.id,
        code: 'DUPLICATE_IN_LIST',
        blocking: true,
        message: `${e.fullName} có hai lần trong danh sách; xoá một dòng.`,
      });
    } else seen.set(e.beneficiaryKey, e.id);
    if (e.elsewhere.length > 0) {
      out.push({
        entryId: e.id,
        code: 'DUPLICATE_IN_PROGRAM',
        blocking: true,
        message: `${e.fullName} đã có trong danh sách cùng chương trình, cùng kỳ của xã ${e.elsewhere.join(', ')}; chỉ giữ ở một nơi.`,
      });
    }
    if (e.deceasedOn && e.deceasedOn <= refDate) {
      out.push({
        entryId: e.id,
        code: 'DECEASED',
        blocking: true,
        message: `${e.fullName} đã mất ngày ${e.deceasedOn}; xoá khỏi danh sách.`,
      });
    }
    if (e.movedOutOn && e.movedOutOn <= refDate) {
      out.push({
        entryId: e.id,
        code: 'MOVED_OUT',
        blocking: true,
        message: `${e.fullName} đã chuyển đi ngày ${e.movedOutOn}; xoá khỏi danh sách.`,
      });
    }
    if (!e.citizenId) {
      const child = e.birthDate !== null && (e.birthDate.slice(0, 10) > refDate || ageOn(e.birthDate, refDate) < 14);
      out.push({
        entryId: e.id,
        code: 'MISSING_ID',
        blocking: !child,
        message: child
          ? `${e.fullName} là trẻ em dưới 14 tuổi chưa có số định danh; nên bổ sung.`
          : `${e.fullName} chưa có số CCCD/định danh; bổ sung ở sổ nhân khẩu trước khi gửi.`,
      });
    } else {
      const check = checkCitizenId(e.citizenId);
      if (!check.ok) {
        out.push({
          entryId: e.id,
          code: 'INVALID_ID',
          blocking: true,
          message: `${e.fullName}: số CCCD ${e.citizenId} không hợp lệ; sửa ở sổ nhân khẩu.`,
        });
      }
    }
    if ((e.arrearsMonths ?? 0) > ARREARS_PLAUSIBLE_MONTHS) {
      out.push({
        entryId: e.id,
        code: 'ARREARS_IMPLAUSIBLE',
        blocking: false,
        message: `${e.fullName}: truy lĩnh ${e.arrearsMonths} tháng (quá ${ARREARS_PLAUSIBLE_MONTHS} tháng); kiểm tra lại ngày bắt đầu hưởng ở sổ nhân khẩu trước khi gửi.`,
      });
    }
    if (!e.manual) {
      if (!e.expected) {
        out.push({
          entryId: e.id,
          code: 'NOT_ELIGIBLE',
          blocking: true,
          message: `${e.fullName} không còn đủ điều kiện theo quy định của chương trình.`,
        });
      } else if (e.expected.amount !== e.amount || Math.abs(e.expected.quantity - e.quantity) > 1e-9) {
        out.push({
          entryId: e.id,
          code: 'AMOUNT_MISMATCH',
          blocking: true,
          message: `${e.fullName}: mức ${e.amount.toLocaleString('vi-VN')} không đúng quy định (${e.expected.amount.toLocaleString('vi-VN')}); tạo lại dòng hoặc sửa mức.`,
        });
      }
    }
  }
  return out;
}
