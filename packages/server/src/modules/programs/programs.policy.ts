import { listTransition, type ListAction, type ListState } from '@ansinh/domain';
import type { Actor } from '../../platform/actor.js';
import { definePolicy, type RecordArea, type RecordRule } from '../../platform/authz.js';
import { errors } from '../../platform/errors.js';

/** What the record rules need to know of a list, beside where it is. */
export interface ListFacts {
  state: string;
  levels: number;
  publishedAt: string | null;
}

/** A record the programs policy judges: a program (`{ provinceCode }`), an area, or a list with its facts. */
export type ProgramsRecord = RecordArea & { list?: ListFacts };

/** A list as the policy sees it: its area codes and its facts. */
export function listRecord(l: {
  province_code: string;
  district_code: string | null;
  commune_code: string;
  state: string;
  levels: number;
  published_at: string | null;
  program_agency_code: string | null;
}): ProgramsRecord {
  return {
    agencyCode: l.program_agency_code,
    province_code: l.province_code,
    district_code: l.district_code,
    commune_code: l.commune_code,
    list: { state: l.state, levels: l.levels, publishedAt: l.published_at },
  };
}

const LEVEL_WORDS: Record<number, string> = { 1: 'cán bộ tỉnh', 2: 'cán bộ huyện', 3: 'cán bộ xã' };

/**
 * A step of the approval path belongs to one level: the commune submits, the district of the list
 * appraises (three-level provinces), the province approves. A step the list's state does not
 * allow is a conflict (409), whoever asks.
 */
const stepRule =
  (action: ListAction): RecordRule<ProgramsRecord> =>
  (actor: Actor, r) => {
    if (!r.list) return false;
    const t = listTransition(r.list.state as ListState, action, r.list.levels === 2 ? 2 : 3);
    if ('error' in t) throw errors.conflict('LIST_STATE', t.error);
    return actor.areaLevel === t.level || `Bước này do ${LEVEL_WORDS[t.level] ?? 'cấp khác'} thực hiện.`;
  };

/** Supervisors read published lists only: an unpublished list does not exist for them (404). */
const readRule: RecordRule<ProgramsRecord> = (actor, r) => {
  if (r.list && actor.role === 'supervisor' && !r.list.publishedAt) throw errors.notFound('Danh sách');
  return true;
};

/** Entries are edited while the list is a draft or returned; after that only a supplementary list. */
const editRule: RecordRule<ProgramsRecord> = (_actor, r) => {
  if (!r.list) return false;
  if (r.list.state === 'draft' || r.list.state === 'returned') return true;
  throw errors.conflict(
    'LIST_LOCKED',
    r.list.state === 'approved'
      ? 'Danh sách đã phê duyệt, không sửa trực tiếp được. Lập danh sách bổ sung.'
      : 'Danh sách đã gửi lên cấp trên, không sửa được. Chờ cấp trên trả lại nếu cần sửa.',
  );
};

const READERS = [
  'admin',
  'province_leader',
  'province_officer',
  'district_officer',
  'commune_officer',
  'inspector',
  'supervisor',
] as const;

/**
 * Commune officers prepare lists, district officers appraise, province officers approve, manage
 * programs and pay; leaders and inspectors read everything in their area; supervisors (the
 * Fatherland Front) read only published lists and file remarks, which officers answer.
 * Programs and rules are a province's catalogue (`{ provinceCode }`): another province's answer 404.
 */
export const programsPolicy = definePolicy<
  | 'read'
  | 'readList'
  | 'report'
  | 'manage'
  | 'prepare'
  | 'edit'
  | 'check'
  | 'submit'
  | 'appraise'
  | 'approve'
  | 'return'
  | 'publish'
  | 'pay'
  | 'remark'
  | 'answer',
  ProgramsRecord
>(
  'programs',
  {
    read: READERS,
    /** One list: readers, supervisors only once it is published (the record rule). */
    readList: READERS,
    /** Progress and totals: everyone who reads, but supervisors (they see published lists only). */
    report: READERS.filter((r) => r !== 'supervisor'),
    manage: ['province_officer'],
    prepare: ['commune_officer', 'province_officer'],
    edit: ['commune_officer', 'province_officer'],
    check: ['commune_officer', 'province_officer', 'district_officer'],
    submit: ['commune_officer', 'province_officer'],
    appraise: ['district_officer'],
    approve: ['province_officer'],
    return: ['district_officer', 'province_officer'],
    publish: ['province_officer', 'district_officer', 'commune_officer'],
    pay: ['province_officer'],
    remark: ['supervisor'],
    answer: ['province_officer', 'district_officer', 'commune_officer'],
  },
  {
    readList: readRule,
    edit: editRule,
    submit: stepRule('submit'),
    appraise: stepRule('appraise'),
    approve: stepRule('approve'),
    return: stepRule('return'),
  },
);
