/** Factories of the petitions module: each creates its record through the service as the system actor. */
import type {
  CaseOut,
  DecideLetterBody,
  HotlineCallBody,
  LetterBody,
  LetterOut,
  ReceptionEntryBody,
} from '@ansinh/domain';
import type { TestContext } from '../helpers.js';
import { factoryActor, unique } from './base.js';

export function buildLetter(ctx: TestContext, overrides: Partial<LetterBody> = {}): Promise<LetterOut> {
  const n = unique();
  return ctx.services.petitions.receiveLetter(factoryActor, {
    receivedDate: '2021-03-01',
    channel: 'post',
    areaCode: '70',
    senderName: `Nguyễn Văn Đơn ${n}`,
    senderAddress: 'Ấp 1, xã Tiến Hưng, thành phố Đồng Xoài',
    senderIdNumber: null,
    senderPhone: null,
    summary: `Khiếu nại việc không được hưởng trợ cấp xã hội hằng tháng (${n})`,
    signers: 1,
    sourceBody: null,
    callId: null,
    ...overrides,
  });
}

export function buildCall(ctx: TestContext, overrides: Partial<HotlineCallBody> = {}) {
  return ctx.services.petitions.logCall(factoryActor, {
    calledAt: '2021-07-15T08:30:00+07:00',
    areaCode: '70',
    callerName: null,
    callerPhone: null,
    topic: 'Hỏi về hỗ trợ theo Nghị quyết 68',
    programCode: null,
    answer: 'Đã hướng dẫn liên hệ UBND xã',
    forwardedTo: null,
    ...overrides,
  });
}

export function buildEntry(ctx: TestContext, overrides: Partial<ReceptionEntryBody> = {}) {
  return ctx.services.petitions.recordEntry(factoryActor, {
    date: '2021-03-15',
    areaCode: '70',
    name: `Trần Thị Tiếp ${unique()}`,
    address: 'Phường Tân Phú, Đồng Xoài',
    idNumber: null,
    summary: 'Đề nghị xem xét chế độ người có công',
    kind: 'proposal',
    people: 1,
    withinCompetence: true,
    note: '',
    statementSigned: false,
    ...overrides,
  });
}

/** A letter of `kind`, classified fit and within competence. */
export async function buildClassifiedLetter(
  ctx: TestContext,
  kind: 'complaint' | 'denunciation' | 'proposal' = 'complaint',
  overrides: Partial<LetterBody> = {},
  opts: { fit?: boolean; withinCompetence?: boolean } = {},
): Promise<LetterOut> {
  const letter = await buildLetter(ctx, overrides);
  const yes = opts.fit === false ? false : true;
  return ctx.services.petitions.classifyLetter(factoryActor, letter.id, {
    kind,
    withinCompetence: opts.withinCompetence ?? true,
    fitness: {
      vietnamese: true,
      dated: true,
      name_address: true,
      signed: yes,
      complaint_content: true,
      denunciation_content: true,
      not_settled: true,
      not_sent_elsewhere: true,
      not_guided_before: true,
    },
  });
}

/** An accepted complaint (or denunciation) case, with its letter. */
export async function buildCase(
  ctx: TestContext,
  kind: 'complaint' | 'denunciation' = 'complaint',
  overrides: { letter?: Partial<LetterBody>; decide?: Partial<DecideLetterBody> } = {},
): Promise<{ letter: LetterOut; case: CaseOut }> {
  const letter = await buildClassifiedLetter(ctx, kind, overrides.letter);
  const r = await ctx.services.petitions.decideLetter(factoryActor, letter.id, {
    decision: 'accept',
    date: letter.receivedDate,
    note: '',
    instance: 1,
    complex: false,
    remote: false,
    ...overrides.decide,
  });
  return { letter: r.letter, case: r.case! };
}
