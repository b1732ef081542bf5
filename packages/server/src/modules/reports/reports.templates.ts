import type { ReportBody, TemplateOut } from '@ansinh/domain';
import { massMobilisationBody } from './reports.templates.mass.js';

/**
 * The report templates AnSinh ships: seed data loaded into each province's `report_templates` at
 * its first use (use-cases/templates.ts), where the Department shapes them. Sections of narrative
 * with placeholders (@ansinh/domain reports/template.ts), figure tables and conditional text; a
 * report copies the body. Every one passes `validateTemplate` (reports.validate.ts).
 */
export interface ReportTemplate extends TemplateOut {
  /** The title of an instance: "{year}" and "{quarter}" are replaced. */
  titlePattern: string;
  body: ReportBody;
}

const text = (id: string, t: string) => ({ type: 'text' as const, id, text: t });

const ANNUAL_BODY: ReportBody = {
  docTitle: 'BÁO CÁO',
  summary: 'Kết quả thực hiện công tác dân vận chính quyền năm {year}',
  addressee: 'Kính gửi: Ban Chỉ đạo công tác dân vận chính quyền {provinceName}',
  sections: [
    {
      id: 's1',
      number: 'I.',
      title: 'TÌNH HÌNH KINH TẾ - XÃ HỘI',
      level: 1,
      blocks: [
        text(
          's1.p1',
          'Năm {year}, trong bối cảnh dịch bệnh Covid-19 diễn biến phức tạp, ảnh hưởng đến đời sống, việc làm của người lao động, được sự quan tâm lãnh đạo, chỉ đạo của Tỉnh ủy, Ủy ban nhân dân tỉnh, {agencyName} đã tập trung triển khai đồng bộ các nhiệm vụ của ngành, bảo đảm an sinh xã hội trên địa bàn {areaName}.',
        ),
      ],
    },
    {
      id: 's2',
      number: 'II.',
      title: 'CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VÀ BAN HÀNH KẾ HOẠCH',
      level: 1,
      blocks: [
        text(
          's2.p1',
          'Thực hiện Quy chế dân chủ ở cơ sở và các văn bản chỉ đạo của tỉnh, {agencyName} ban hành {plan} về thực hiện các chỉ tiêu của ngành năm {year}; phổ biến đến toàn thể công chức, viên chức, người lao động và các đơn vị trực thuộc.',
        ),
      ],
    },
    {
      id: 's3',
      number: 'III.',
      title: 'KẾT QUẢ THỰC HIỆN',
      level: 1,
      blocks: [],
    },
    {
      id: 's3.1',
      number: '1.',
      title: 'Lĩnh vực lao động, việc làm, giáo dục nghề nghiệp',
      level: 2,
      blocks: [
        text(
          's3.1.p1',
          'Giải quyết việc làm cho {employment.jobs_created} lao động, đạt {percent:employment.jobs_created} kế hoạch năm; tuyển sinh, đào tạo nghề cho {progress:employment.vocational_trainees} kế hoạch; tư vấn, giới thiệu việc làm cho {employment.career_counselling} lượt người; tổ chức {employment.job_fairs} phiên giao dịch việc làm với {employment.job_fair_enterprises} doanh nghiệp và {employment.job_fair_workers} lao động tham gia.',
        ),
        text(
          's3.1.p2',
          'Tỷ lệ thất nghiệp khu vực thành thị {employment.urban_unemployment_rate|percent}; tỷ lệ lao động qua đào tạo {employment.trained_worker_share|percent}; tỷ lệ lao động tham gia bảo hiểm xã hội {employment.social_insurance_coverage|percent}.',
        ),
      ],
    },
    {
      id: 's3.2',
      number: '2.',
      title: 'Lĩnh vực người có công',
      level: 2,
      blocks: [
        text(
          's3.2.p1',
          'Hiện đang quản lý {registry.meritorious_persons} người có công với cách mạng và thân nhân. Tổ chức tặng {merit.gifts_tet} suất quà Tết với tổng kinh phí {merit.gifts_tet_amount|dong}; tặng {merit.gifts_27_7} suất quà nhân kỷ niệm ngày Thương binh - Liệt sĩ 27/7, kinh phí {merit.gifts_27_7_amount|million}; cất bốc, quy tập {merit.reburials} hài cốt liệt sĩ; lấy {merit.dna_samples} mẫu ADN phục vụ giám định xác định danh tính hài cốt liệt sĩ.',
        ),
      ],
    },
    {
      id: 's3.3',
      number: '3.',
      title: 'Công tác giảm nghèo',
      level: 2,
      blocks: [
        text(
          's3.3.p1',
          'Kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm: toàn tỉnh còn {registry.poor_households} hộ nghèo, chiếm tỷ lệ {registry.poverty_rate|percent}, và {registry.near_poor_households} hộ cận nghèo; số hộ thoát nghèo trong năm là {progress:registry.households_left_poverty} kế hoạch. Cấp {registry.health_insurance_poor} thẻ bảo hiểm y tế cho người thuộc hộ nghèo, hộ cận nghèo.',
        ),
      ],
    },
    {
      id: 's3.4',
      number: '4.',
      title: 'Lĩnh vực bảo trợ xã hội',
      level: 2,
      blocks: [
        text(
          's3.4.p1',
          'Chi trả trợ cấp xã hội hằng tháng cho {registry.social_assistance_persons} đối tượng bảo trợ xã hội, trong đó {registry.social_assistance_new} đối tượng được hưởng mới trong năm.',
        ),
      ],
    },
    {
      id: 's3.5',
      number: '5.',
      title: 'Thực hiện chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch Covid-19',
      level: 2,
      blocks: [
        text(
          's3.5.p1',
          'Phê duyệt hỗ trợ cho {programs.beneficiaries_approved(group=covid)} người và {programs.households_approved(group=covid)} hộ với tổng kinh phí {programs.amount_approved(group=covid)|dong}; đã chi trả cho {programs.persons_paid(group=covid)} người và {programs.households_paid(group=covid)} hộ, số tiền {programs.amount_paid(group=covid)|dong}.',
        ),
      ],
    },
    {
      id: 's3.6',
      number: '6.',
      title: 'Công tác cải cách hành chính',
      level: 2,
      blocks: [
        text(
          's3.6.p1',
          'Sở đang thực hiện {dossiers.procedures_in_catalogue} thủ tục hành chính, trong đó {dossiers.procedures_fully_online|parts_percent} thủ tục cung cấp dịch vụ công trực tuyến toàn trình. Trong năm tiếp nhận {dossiers.received} hồ sơ; giải quyết đúng hạn {dossiers.settled_on_time_rate|percent}, trễ hạn {dossiers.settled_late} hồ sơ.',
        ),
      ],
    },
    {
      id: 's3.7',
      number: '7.',
      title: 'Công tác tiếp công dân, giải quyết khiếu nại, tố cáo',
      level: 2,
      blocks: [
        text(
          's3.7.p1',
          'Tiếp {petitions.reception_visits} lượt công dân tại trụ sở; tiếp nhận {petitions.hotline_calls} cuộc gọi qua đường dây nóng.',
        ),
        {
          type: 'when_zero',
          id: 's3.7.c1',
          figure: 'petitions.complaints_denunciations',
          zero: 'Trong năm không phát sinh đơn thư khiếu nại, tố cáo.',
          otherwise:
            'Tiếp nhận {petitions.complaints_denunciations} đơn khiếu nại, tố cáo; đã giải quyết theo thẩm quyền.',
        },
      ],
    },
    {
      id: 's3.8',
      number: '8.',
      title: 'Đánh giá chung',
      level: 2,
      blocks: [
        text(
          's3.8.p1',
          'Ưu điểm: công tác dân vận chính quyền được quan tâm; các chế độ, chính sách được thực hiện kịp thời, đúng đối tượng, đúng chế độ.',
        ),
        text('s3.8.p2', 'Khó khăn, hạn chế và nguyên nhân: (cán bộ nhập nội dung).'),
        text('s3.8.p3', 'Bài học kinh nghiệm: (cán bộ nhập nội dung).'),
      ],
    },
    {
      id: 's3.9',
      number: '9.',
      title: 'Bảng tổng hợp kết quả thực hiện chỉ tiêu',
      level: 2,
      blocks: [
        {
          type: 'table',
          id: 's3.9.t1',
          caption: 'Kết quả thực hiện các chỉ tiêu kế hoạch năm {year}',
          rows: [
            { label: 'Giải quyết việc làm (lao động)', figure: 'employment.jobs_created' },
            { label: 'Đào tạo nghề (người)', figure: 'employment.vocational_trainees' },
            { label: 'Hộ thoát nghèo (hộ)', figure: 'registry.households_left_poverty' },
            { label: 'Hộ nghèo cuối năm (hộ)', figure: 'registry.poor_households' },
            { label: 'Hồ sơ giải quyết trễ hạn (hồ sơ)', figure: 'dossiers.settled_late' },
          ],
        },
      ],
    },
    {
      id: 's4',
      number: 'IV.',
      title: 'KIẾN NGHỊ, ĐỀ XUẤT',
      level: 1,
      blocks: [
        text(
          's4.p1',
          'Đề nghị Ủy ban nhân dân tỉnh tiếp tục quan tâm bố trí kinh phí thực hiện các chính sách an sinh xã hội năm {nextYear}.',
        ),
      ],
    },
  ],
  recipients: ['Như trên', 'Ban Dân vận Tỉnh ủy', 'Giám đốc, các Phó Giám đốc Sở'],
};

const QUARTER_BODY: ReportBody = {
  docTitle: 'BÁO CÁO',
  summary: 'Kết quả thực hiện nhiệm vụ quý {quarter} năm {year}',
  addressee: 'Kính gửi: Ủy ban nhân dân {provinceName}',
  sections: [
    {
      id: 'q1',
      number: 'I.',
      title: 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
      level: 1,
      blocks: [
        text('q1.p1', 'Số liệu tính từ ngày {periodFrom} đến ngày {periodTo}, cập nhật đến ngày {asOf}.'),
        {
          type: 'table',
          id: 'q1.t1',
          caption: 'Kết quả quý {quarter} năm {year}',
          rows: [
            { label: 'Hộ nghèo (hộ)', figure: 'registry.poor_households' },
            { label: 'Đối tượng bảo trợ xã hội hưởng trợ cấp (người)', figure: 'registry.social_assistance_persons' },
            { label: 'Đối tượng hưởng mới trong quý (người)', figure: 'registry.social_assistance_new' },
            { label: 'Người có công và thân nhân (người)', figure: 'registry.meritorious_persons' },
            {
              label: 'Người được chi trả trợ cấp xã hội (người)',
              figure: 'programs.persons_paid(group=social_assistance)',
            },
            { label: 'Hồ sơ tiếp nhận (hồ sơ)', figure: 'dossiers.received' },
            { label: 'Hồ sơ trễ hạn (hồ sơ)', figure: 'dossiers.settled_late' },
          ],
        },
      ],
    },
    {
      id: 'q1.1',
      number: '1.',
      title: 'Lao động, việc làm',
      level: 2,
      blocks: [text('q1.1.p1', 'Lũy kế từ đầu năm giải quyết việc làm cho {employment.jobs_created} lao động.')],
    },
    {
      id: 'q1.2',
      number: '2.',
      title: 'Chính sách xã hội',
      level: 2,
      blocks: [
        text(
          'q1.2.p1',
          'Đang chi trả trợ cấp xã hội hằng tháng cho {registry.social_assistance_persons} người; quản lý {registry.meritorious_persons} người có công và thân nhân; đã chi trả trợ cấp xã hội hằng tháng {programs.amount_paid(group=social_assistance)|dong}.',
        ),
      ],
    },
    {
      id: 'q2',
      number: 'II.',
      title: 'NHIỆM VỤ TRỌNG TÂM QUÝ TIẾP THEO',
      level: 1,
      blocks: [text('q2.p1', '(Cán bộ nhập nội dung.)')],
    },
  ],
  recipients: ['Như trên', 'Giám đốc, các Phó Giám đốc Sở'],
};

export const REPORT_TEMPLATES: readonly ReportTemplate[] = [
  {
    code: 'dan-van-nam',
    nameVi: 'Báo cáo công tác dân vận chính quyền năm',
    nameEn: 'Annual report on government mass-mobilisation work',
    period: 'year',
    titlePattern: 'Báo cáo công tác dân vận chính quyền năm {year}',
    body: ANNUAL_BODY,
  },
  {
    code: 'ket-qua-quy',
    nameVi: 'Báo cáo kết quả thực hiện nhiệm vụ quý của Sở',
    nameEn: "Quarterly report of the Department's results",
    period: 'quarter',
    titlePattern: 'Báo cáo kết quả quý {quarter} năm {year}',
    body: QUARTER_BODY,
  },
  {
    code: 'dan-van-cq-nam',
    nameVi: 'Báo cáo kết quả công tác dân vận chính quyền năm (theo đề cương của Ban Dân vận)',
    nameEn: 'Annual report on government mass-mobilisation work (mass-mobilisation board outline)',
    period: 'year',
    titlePattern: 'Báo cáo công tác dân vận chính quyền năm {year}',
    body: massMobilisationBody('năm {year}'),
  },
  {
    code: 'dan-van-cq-6-thang',
    nameVi: 'Báo cáo kết quả công tác dân vận chính quyền 6 tháng đầu năm',
    nameEn: 'Six-month report on government mass-mobilisation work',
    period: 'half',
    titlePattern: 'Báo cáo công tác dân vận chính quyền 6 tháng đầu năm {year}',
    body: massMobilisationBody('6 tháng đầu năm {year}'),
  },
];

export function findTemplate(code: string): ReportTemplate | undefined {
  return REPORT_TEMPLATES.find((t) => t.code === code);
}
