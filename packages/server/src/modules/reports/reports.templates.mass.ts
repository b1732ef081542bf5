import type { ReportBody, ReportSection } from '@ansinh/domain';

/**
 * The government mass-mobilisation report ("công tác dân vận chính quyền") in the outline the
 * Party's mass-mobilisation boards ask for (issue 19, docs/modules/reports.md "Templates"):
 * context; leadership; results by key content; citizen reception and letters, mass complaints
 * included; assessment; proposals. One body for the year and for the first six months: `{period}`
 * words the period. Figures are those the modules count today (petitions, dossiers, programmes,
 * registry); what no module records yet is left for officers to write, marked as a note.
 */
const text = (id: string, t: string) => ({ type: 'text' as const, id, text: t });
const sec = (id: string, number: string, title: string, level: number, blocks: ReportSection['blocks']) => ({
  id,
  number,
  title,
  level,
  blocks,
});

export function massMobilisationBody(period: string): ReportBody {
  return {
    docTitle: 'BÁO CÁO',
    summary: `Kết quả thực hiện công tác dân vận chính quyền ${period}`,
    addressee: 'Kính gửi: Ban Dân vận Tỉnh ủy {provinceName}',
    sections: [
      sec('dv1', 'I.', 'ĐẶC ĐIỂM TÌNH HÌNH', 1, [
        text(
          'dv1.p1',
          `${period[0]!.toUpperCase()}${period.slice(1)}, {agencyName} triển khai nhiệm vụ trong bối cảnh (cán bộ nhập nội dung: thuận lợi, khó khăn của ngành trên địa bàn {areaName}).`,
        ),
      ]),
      sec('dv2', 'II.', 'CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO', 1, [
        text(
          'dv2.p1',
          'Quán triệt các văn bản của Trung ương và của tỉnh về công tác dân vận, {agencyName} ban hành {plan}; phân công nhiệm vụ cho các phòng, đơn vị trực thuộc và gắn công tác dân vận với nhiệm vụ chuyên môn.',
        ),
      ]),
      sec('dv3', 'III.', 'KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG TRỌNG TÂM', 1, []),
      sec('dv3.1', '1.', 'Thực hiện quản lý nhà nước và dân chủ ở cơ sở', 2, [
        text(
          'dv3.1.p1',
          'Thực hiện Luật Thực hiện dân chủ ở cơ sở: công khai các chế độ, chính sách; danh sách đối tượng được hưởng chính sách được niêm yết công khai. Đang chi trả trợ cấp xã hội hằng tháng cho {registry.social_assistance_persons} người, quản lý {registry.meritorious_persons} người có công và thân nhân.',
        ),
      ]),
      sec('dv3.2', '2.', 'Thực hiện các chỉ tiêu phát triển kinh tế - xã hội', 2, [
        text(
          'dv3.2.p1',
          'Toàn tỉnh còn {registry.poor_households} hộ nghèo (tỷ lệ {registry.poverty_rate|percent}) và {registry.near_poor_households} hộ cận nghèo; {registry.households_left_poverty} hộ thoát nghèo. Phê duyệt hỗ trợ cho {programs.beneficiaries_approved(group=social_assistance)} lượt đối tượng bảo trợ xã hội, đã chi trả {programs.amount_paid(group=social_assistance)|dong}.',
        ),
      ]),
      sec('dv3.3', '3.', 'Cải cách hành chính, sắp xếp tổ chức bộ máy, tinh giản biên chế', 2, [
        text(
          'dv3.3.p1',
          'Đang thực hiện {dossiers.procedures_in_catalogue} thủ tục hành chính, trong đó {dossiers.procedures_fully_online|parts_percent} thủ tục trực tuyến toàn trình. Tiếp nhận {dossiers.received} hồ sơ; giải quyết đúng hạn {dossiers.settled_on_time_rate|percent}, trễ hạn {dossiers.settled_late} hồ sơ.',
        ),
        text('dv3.3.p2', 'Sắp xếp tổ chức bộ máy, tinh giản biên chế: (cán bộ nhập nội dung).'),
      ]),
      sec('dv3.4', '4.', 'Xây dựng phong cách, tác phong, đạo đức công vụ', 2, [
        text(
          'dv3.4.p1',
          'Thực hiện quy tắc ứng xử của cán bộ, công chức, viên chức; "trọng dân, gần dân, hiểu dân, giúp dân, có trách nhiệm với dân": (cán bộ nhập nội dung).',
        ),
      ]),
      sec('dv3.5', '5.', 'Phối hợp với Mặt trận Tổ quốc và các đoàn thể', 2, [
        text(
          'dv3.5.p1',
          'Phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội thực hiện chính sách an sinh xã hội; tặng {programs.gifts_given(group=merit)} suất quà cho người có công.',
        ),
      ]),
      sec('dv4', 'IV.', 'CÔNG TÁC TIẾP CÔNG DÂN, GIẢI QUYẾT ĐƠN THƯ', 1, [
        text(
          'dv4.p1',
          'Tiếp {petitions.visits} lượt công dân ({petitions.people} người, {petitions.groups} đoàn đông người); tiếp nhận {petitions.letters_received} đơn thư, trong đó {petitions.complaint_denunciation_letters} đơn khiếu nại, tố cáo.',
        ),
        {
          type: 'when_zero',
          id: 'dv4.c1',
          figure: 'petitions.mass_complaints',
          zero: 'Không phát sinh khiếu nại đông người.',
          otherwise:
            'Phát sinh {petitions.mass_complaints} vụ khiếu nại đông người; đã phối hợp giải quyết theo thẩm quyền.',
        },
        {
          type: 'table',
          id: 'dv4.t1',
          caption: `Tiếp công dân, đơn thư ${period}`,
          rows: [
            { label: 'Lượt tiếp công dân (lượt)', figure: 'petitions.visits' },
            { label: 'Đơn thư tiếp nhận (đơn)', figure: 'petitions.letters_received' },
            { label: 'Đơn khiếu nại, tố cáo (đơn)', figure: 'petitions.complaint_denunciation_letters' },
            { label: 'Vụ khiếu nại đông người (vụ)', figure: 'petitions.mass_complaints' },
          ],
        },
      ]),
      sec('dv5', 'V.', 'ĐÁNH GIÁ CHUNG', 1, [
        text('dv5.p1', 'Ưu điểm: (cán bộ nhập nội dung).'),
        text('dv5.p2', 'Hạn chế, khó khăn và nguyên nhân: (cán bộ nhập nội dung).'),
      ]),
      sec('dv6', 'VI.', 'KIẾN NGHỊ, ĐỀ XUẤT', 1, [text('dv6.p1', '(Cán bộ nhập nội dung.)')]),
    ],
    recipients: ['Như trên', 'Ban Chỉ đạo công tác dân vận chính quyền tỉnh', 'Giám đốc, các Phó Giám đốc Sở'],
  };
}
