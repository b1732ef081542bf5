import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import { systemActor } from '../platform/actor.js';

/** A small deterministic generator (mulberry32), so the demo is the same on every start. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TOPICS = [
  'Hỏi thủ tục hưởng hỗ trợ theo Nghị quyết 68/NQ-CP',
  'Hỏi mức trợ cấp xã hội hằng tháng cho người cao tuổi',
  'Phản ánh chậm chi trả hỗ trợ người lao động tạm hoãn hợp đồng',
  'Hỏi điều kiện công nhận hộ cận nghèo',
  'Đề nghị xem xét hồ sơ người có công',
  'Hỏi chế độ bảo hiểm y tế cho hộ nghèo',
];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang'];
const pad = (n: number) => String(n).padStart(2, '0');
const workday = (y: number, m: number, d: number) => {
  let day = d;
  while ([0, 6].includes(new Date(Date.UTC(y, m - 1, day)).getUTCDay())) day++;
  return `${y}-${pad(m)}-${pad(day)}`;
};

/**
 * Demo records of the petitions module, consistent with the demo report: in 2021 the department
 * received 128 citizens (the director's monthly day and regular reception), answered hotline calls
 * about the NQ 68 package (all 2.140, entered as one log), and handled proposal
 * letters, with no complaint or denunciation ("không phát sinh"). This year: three cases, one
 * settled, one complex and open, one denunciation. Everything goes through the service.
 */
/** The hotline calls of 2021 in the demo report ("Sổ theo dõi đường dây nóng năm 2021"). */
export const DEMO_CALLS_2021 = 2_140;

export async function seedPetitionsDemo(
  _database: Database,
  services: Services,
  opts: { provinceCode: string; seed: number; today?: string },
): Promise<void> {
  const actor = systemActor('seed');
  const p = services.petitions;
  const rand = rng(opts.seed + 12);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  let visits = 0;
  for (let m = 1; m <= 12; m++) {
    const session = await p.recordSession(actor, {
      kind: 'head',
      date: workday(2021, m, 15),
      areaCode: opts.provinceCode,
      host: 'Giám đốc Sở',
      place: 'Trụ sở tiếp công dân',
      note: '',
    });
    const n = m === 12 ? 128 - visits : 8 + Math.floor(rand() * 5);
    for (let i = 0; i < n; i++) {
      visits++;
      await p.recordEntry(actor, {
        sessionId: session.id,
        date: session.date,
        areaCode: opts.provinceCode,
        name: `${pick(NAMES)} ${visits}`,
        address: 'Thành phố Đồng Xoài, tỉnh Bình Phước',
        summary: pick(TOPICS),
        kind: 'proposal',
        people: rand() < 0.05 ? 5 : 1,
        withinCompetence: rand() < 0.8,
        guidance: 'Hướng dẫn nộp hồ sơ tại UBND cấp xã',
        note: '',
        statementSigned: true,
      });
    }
  }
  // The 2.140 calls of the 2021 hotline log (NQ 68 package, July to December), entered as one log
  // so that the computed `petitions.hotline_calls_logged`, which replaces the entered figure, says 2.140.
  const calls = [];
  for (let i = 0; i < DEMO_CALLS_2021; i++) {
    const m = 7 + Math.floor((i * 6) / DEMO_CALLS_2021);
    calls.push({
      calledAt: `2021-${pad(m)}-${pad(1 + (i % 27))}T0${1 + (i % 8)}:15:00Z`,
      areaCode: opts.provinceCode,
      topic: pick(TOPICS),
      answer: 'Đã giải thích chính sách và hướng dẫn liên hệ UBND xã',
    });
  }
  await p.logCalls(actor, calls);
  for (let i = 0; i < 12; i++) {
    const received = workday(2021, 1 + (i % 12), 5 + (i % 3));
    const l = await p.receiveLetter(actor, {
      receivedDate: received,
      channel: pick(['post', 'in_person', 'hotline', 'portal'] as const),
      areaCode: opts.provinceCode,
      senderName: pick(NAMES),
      senderAddress: 'Tỉnh Bình Phước',
      summary: pick(TOPICS),
      signers: 1,
    });
    const within = i % 3 !== 0;
    await p.classifyLetter(actor, l.id, { kind: 'proposal', withinCompetence: within, fitness: FIT });
    await p.decideLetter(actor, l.id, {
      decision: within ? 'accept' : 'transfer',
      date: received,
      to: within ? null : 'UBND huyện',
      note: '',
      instance: 1,
      complex: false,
      remote: false,
    });
    await p.notifyLetter(actor, l.id, { date: received });
  }
  // This year: a settled complaint, an open complex one, a denunciation (its sender is secret).
  const year = Number((opts.today ?? new Date().toISOString()).slice(0, 4));
  if (year >= 2026) {
    const cases = [
      {
        kind: 'complaint' as const,
        date: `${year}-08-03`,
        summary: 'Khiếu nại quyết định thôi hưởng trợ cấp xã hội',
        settle: true,
      },
      {
        kind: 'complaint' as const,
        date: `${year}-10-05`,
        summary: 'Khiếu nại việc không đưa vào danh sách hộ nghèo',
        settle: false,
      },
      {
        kind: 'denunciation' as const,
        date: `${year}-11-02`,
        summary: 'Tố cáo cán bộ xã thu tiền khi làm hồ sơ',
        settle: false,
      },
    ];
    for (const c of cases) {
      const l = await p.receiveLetter(actor, {
        receivedDate: c.date,
        channel: 'post',
        areaCode: opts.provinceCode,
        senderName: pick(NAMES),
        senderAddress: 'Tỉnh Bình Phước',
        summary: c.summary,
        signers: 1,
      });
      await p.classifyLetter(actor, l.id, { kind: c.kind, withinCompetence: true, fitness: FIT });
      const r = await p.decideLetter(actor, l.id, {
        decision: 'accept',
        date: c.date,
        note: '',
        instance: 1,
        complex: !c.settle && c.kind === 'complaint',
        remote: false,
      });
      await p.notifyLetter(actor, l.id, { date: c.date });
      if (c.settle && r.case) {
        await p.addCaseStep(actor, r.case.id, { kind: 'verify', date: `${year}-08-10`, note: 'Làm việc với UBND xã' });
        await p.addCaseStep(actor, r.case.id, { kind: 'decide', date: `${year}-08-28`, note: '', result: 'partly' });
      }
    }
  }
}

const FIT = {
  vietnamese: true,
  dated: true,
  name_address: true,
  signed: true,
  complaint_content: true,
  denunciation_content: true,
  not_settled: true,
  not_sent_elsewhere: true,
  not_guided_before: true,
};
