import {
  JOB_CHANNELS,
  employmentReport,
  employmentReportDue,
  employmentReportPeriod,
  formatProgressVi,
  type EmploymentReportKind,
  type EmploymentReportOut,
  type EmploymentReportQuery,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { employmentPolicy } from '../employment.policy.js';
import { employmentReportDocx, employmentReportXlsx } from '../employment.report-files.js';
import { areasRepo } from '../repo/areas.repo.js';
import { jobsRepo } from '../repo/jobs.repo.js';
import { plansRepo } from '../repo/plans.repo.js';
import { reportsRepo, type ReportFigure } from '../repo/reports.repo.js';
import { provinceOfActor, todayVn, type EmploymentDeps } from './common.js';

type Line = [ReportFigure, string, string];
/**
 * The lines of each section, after the content of NĐ 23/2021 Art. 7 and 13 (the centre's
 * services) and TT 01/2022 Art. 7, 10 and 18 (supply, demand, the market). The forms' own line
 * order was not read (`layoutVerified: false` in the domain table): see docs/legal/employment.md.
 */
const SECTIONS: { code: string; title: string; lines: Line[]; kinds: readonly EmploymentReportKind[] }[] = [
  {
    code: 'supply',
    title: 'Cung lao động (TT 01/2022, Điều 6–7)',
    kinds: ['centre_half_year', 'centre_year', 'labour_market_year'],
    lines: [
      ['supply_collected', 'Số người được thu thập, cập nhật thông tin trong kỳ', 'người'],
      ['supply_total', 'Tổng số người có thông tin cung lao động đến cuối kỳ', 'người'],
      ['supply_employed', 'Trong đó: có việc làm', 'người'],
      ['supply_unemployed', 'Trong đó: thất nghiệp', 'người'],
      ['supply_inactive', 'Trong đó: không tham gia hoạt động kinh tế', 'người'],
    ],
  },
  {
    code: 'demand',
    title: 'Cầu lao động (TT 01/2022, Điều 10)',
    kinds: ['centre_half_year', 'centre_year', 'labour_market_year'],
    lines: [
      ['employers_new', 'Số người sử dụng lao động mới có thông tin', 'đơn vị'],
      ['vacancies', 'Số vị trí việc làm trống được đăng ký', 'vị trí'],
      ['vacancy_positions', 'Số chỉ tiêu tuyển dụng', 'người'],
    ],
  },
  {
    code: 'services',
    title: 'Tư vấn, giới thiệu việc làm (NĐ 23/2021, Điều 7 và Điều 12)',
    kinds: ['centre_half_year', 'centre_year', 'labour_market_year'],
    lines: [
      ['counselling', 'Số lượt người được tư vấn', 'lượt'],
      ['referrals', 'Số lượt người được giới thiệu việc làm', 'lượt'],
      ['placements', 'Số người nhận được việc làm qua giới thiệu', 'người'],
      ['followed_three_months', 'Số người được theo dõi đủ 3 tháng sau khi nhận việc', 'người'],
    ],
  },
  {
    code: 'fairs',
    title: 'Phiên giao dịch việc làm (NĐ 23/2021, Điều 13 khoản 3)',
    kinds: ['centre_half_year', 'centre_year', 'labour_market_year'],
    lines: [
      ['fairs', 'Số phiên giao dịch việc làm', 'phiên'],
      ['fairs_online', 'Trong đó: trực tuyến hoặc kết hợp', 'phiên'],
      ['fair_employers', 'Số lượt doanh nghiệp tham gia', 'lượt'],
      ['fair_vacancies', 'Số chỉ tiêu tuyển dụng tại phiên', 'người'],
      ['fair_workers', 'Số lượt người lao động tham gia', 'lượt'],
      ['fair_interviewed', 'Số người được phỏng vấn', 'người'],
      ['fair_hired', 'Số người được tuyển dụng', 'người'],
    ],
  },
  {
    code: 'training',
    title: 'Đào tạo nghề',
    kinds: ['centre_half_year', 'centre_year', 'labour_market_year'],
    lines: [
      ['courses', 'Số lớp khai giảng', 'lớp'],
      ['trainees', 'Số người được tuyển sinh', 'người'],
      ['trainees_supported', 'Trong đó: được hỗ trợ chi phí đào tạo', 'người'],
      ['trainees_completed', 'Số người hoàn thành khóa học', 'người'],
      ['trainees_job_after', 'Trong đó: có việc làm sau đào tạo', 'người'],
    ],
  },
  {
    code: 'abroad',
    title: 'Đi làm việc ở nước ngoài theo hợp đồng (Luật 69/2020)',
    kinds: ['centre_year', 'labour_market_year', 'centre_half_year'],
    lines: [
      ['abroad_departed', 'Số người xuất cảnh', 'người'],
      ['abroad_direct_registered', 'Số hợp đồng giao kết trực tiếp đã đăng ký (Điều 53)', 'hợp đồng'],
    ],
  },
  {
    code: 'jobs',
    title: 'Giải quyết việc làm',
    kinds: ['centre_half_year', 'centre_year', 'labour_market_year'],
    lines: [['jobs_created', 'Số lao động được giải quyết việc làm (mỗi người tính một lần trong năm)', 'người']],
  },
];

/**
 * The centre's six-monthly and yearly report (Mẫu 05, due 20/6 and 20/12) and the yearly
 * labour-market report (Mẫu 04, before 15/12), computed from the records of the actor's province
 * for any period, as JSON (the page), DOCX or XLSX; with the plan-vs-actual lines of jobs created
 * by district and channel.
 */
export function reportsUseCases({ database }: EmploymentDeps) {
  const db = database.db;

  async function build(
    actor: Actor,
    kind: EmploymentReportKind,
    q: EmploymentReportQuery,
  ): Promise<EmploymentReportOut> {
    employmentPolicy.guard(actor, 'report');
    const province = provinceOfActor(actor);
    const year = q.year ?? Number((q.to ?? todayVn()).slice(0, 4));
    const { from, to } = q.from && q.to ? { from: q.from, to: q.to } : employmentReportPeriod(kind, year);
    if (from.slice(0, 4) !== to.slice(0, 4))
      throw errors.validation([
        { path: 'query.to', message: 'Kỳ báo cáo nằm trong một năm (chỉ tiêu kế hoạch là của từng năm).' },
      ]);
    const planYear = Number(to.slice(0, 4));
    const [figures, area, districts, counts, targets, channelTargets] = await Promise.all([
      reportsRepo.figures(db, province, from, to),
      areasRepo.area(db, province),
      areasRepo.children(db, province),
      jobsRepo.byDistrictAndChannel(db, province, from, to, to),
      plansRepo.jobTargets(db, province, planYear),
      plansRepo.channelTargets(db, province, planYear),
    ]);
    const def = employmentReport(kind);
    const empty = () => Object.fromEntries(JOB_CHANNELS.map((c) => [c.code, 0])) as Record<string, number>;
    const rows = new Map(
      districts.map((d) => [d.code, { areaCode: d.code, areaName: d.name, byChannel: empty(), total: 0 }]),
    );
    const all = { areaCode: province, areaName: area?.name ?? province, byChannel: empty(), total: 0 };
    for (const c of counts) {
      const k = Number(c.n);
      for (const r of [all, c.district_code ? rows.get(c.district_code) : undefined])
        if (r) {
          r.byChannel[c.channel] = (r.byChannel[c.channel] ?? 0) + k;
          r.total += k;
        }
    }
    const line = (r: typeof all) => {
      const target = targets.get(r.areaCode) ?? null;
      return { ...r, target, progress: formatProgressVi(r.total, target) };
    };
    return {
      kind,
      title: def.vi,
      basis: def.basis,
      form: def.form,
      layoutVerified: def.layoutVerified,
      from,
      to,
      due: employmentReportDue(kind, planYear),
      provinceCode: province,
      provinceName: area?.name ?? province,
      sections: SECTIONS.filter((s) => s.kinds.includes(kind)).map((s) => ({
        code: s.code,
        title: s.title,
        lines: s.lines.map(([code, label, unit]) => ({ code, label, value: figures[code], unit })),
      })),
      plan: {
        year: planYear,
        channels: JOB_CHANNELS.map((c) => ({ code: c.code, label: c.vi })),
        rows: [line(all), ...[...rows.values()].map(line)],
        channelTargets: [...channelTargets].map(([channel, target]) => ({
          channel,
          actual: all.byChannel[channel] ?? 0,
          target,
          progress: formatProgressVi(all.byChannel[channel] ?? 0, target),
        })),
      },
    };
  }

  return {
    /** A periodic report's figures (the page shows them; the files carry the same). */
    employmentReport: build,
    /** The report as a file: DOCX for signing and sending, XLSX for the figures. */
    async employmentReportFile(
      actor: Actor,
      kind: EmploymentReportKind,
      q: EmploymentReportQuery,
      format: 'docx' | 'xlsx',
    ): Promise<{ data: Buffer; fileName: string }> {
      const r = await build(actor, kind, q);
      const data = format === 'docx' ? await employmentReportDocx(r) : await employmentReportXlsx(r);
      return { data, fileName: `${kind}-${r.from}-${r.to}.${format}` };
    },
  };
}
