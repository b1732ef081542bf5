import type { ProcedureBody } from '@ansinh/domain';

/**
 * The demo catalogue: real names of procedures a provincial labour/social-affairs department
 * handled (người có công, bảo trợ xã hội, giảm nghèo, việc làm, trẻ em, phòng chống tệ nạn), with
 * plausible paths, days and online modes. Codes starting "DEMO." are not the national codes,
 * and days, fees and modes are illustrative: a province imports its own catalogue (XLSX).
 */
type Row = [code: string, name: string, field: string, path: string, mode: 'full' | 'partial' | 'none', portal: boolean, result: string, basis: string, fee?: number];

const NCC = 'Người có công';
const BTXH = 'Bảo trợ xã hội';
const GN = 'Giảm nghèo';
const VL = 'Việc làm';
const TE = 'Trẻ em';
const PCTNXH = 'Phòng, chống tệ nạn xã hội';
const LD = 'Lao động, tiền lương';
const ND131 = 'Pháp lệnh Ưu đãi người có công với cách mạng 02/2020/UBTVQH14; Nghị định 131/2021/NĐ-CP';
const ND20 = 'Luật Người cao tuổi 2009; Luật Người khuyết tật 2010; Nghị định 20/2021/NĐ-CP';

const ROWS: Row[] = [
  ['DEMO.NCC.01', 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ', NCC, 'commune:5;province:12', 'full', true, 'Quyết định trợ cấp thờ cúng liệt sĩ', ND131],
  ['DEMO.NCC.02', 'Giải quyết chế độ ưu đãi đối với Bà mẹ Việt Nam anh hùng', NCC, 'commune:5;province:12', 'full', true, 'Quyết định trợ cấp ưu đãi', ND131],
  ['DEMO.NCC.03', 'Giải quyết chế độ ưu đãi đối với thương binh, người hưởng chính sách như thương binh', NCC, 'commune:5;district:7;province:20', 'partial', true, 'Quyết định trợ cấp, phụ cấp ưu đãi', ND131],
  ['DEMO.NCC.04', 'Giải quyết chế độ mai táng phí và trợ cấp một lần khi người có công với cách mạng từ trần', NCC, 'commune:5;district:5;province:12', 'full', true, 'Quyết định trợ cấp mai táng, trợ cấp một lần', ND131],
  ['DEMO.NCC.05', 'Giải quyết trợ cấp tiền tuất hằng tháng cho thân nhân khi người có công từ trần', NCC, 'commune:5;district:5;province:12', 'full', true, 'Quyết định trợ cấp tiền tuất', ND131],
  ['DEMO.NCC.06', 'Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ', NCC, 'province:5', 'full', true, 'Giấy giới thiệu thăm viếng mộ liệt sĩ', ND131],
  ['DEMO.NCC.07', 'Di chuyển hài cốt liệt sĩ đang an táng ngoài nghĩa trang liệt sĩ về an táng tại nghĩa trang liệt sĩ', NCC, 'commune:5;province:10', 'partial', true, 'Quyết định hỗ trợ di chuyển hài cốt', ND131],
  ['DEMO.NCC.08', 'Công nhận và giải quyết chế độ ưu đãi người hoạt động kháng chiến bị nhiễm chất độc hóa học', NCC, 'commune:5;district:7;province:20', 'partial', true, 'Quyết định công nhận và trợ cấp', ND131],
  ['DEMO.NCC.09', 'Giải quyết chế độ ưu đãi đối với con đẻ của người hoạt động kháng chiến bị nhiễm chất độc hóa học', NCC, 'commune:5;district:7;province:20', 'partial', true, 'Quyết định trợ cấp', ND131],
  ['DEMO.NCC.10', 'Giải quyết chế độ ưu đãi trong giáo dục đào tạo đối với người có công và con của họ', NCC, 'commune:5;district:5', 'full', true, 'Quyết định trợ cấp ưu đãi giáo dục', ND131],
  ['DEMO.NCC.11', 'Cấp trích lục hoặc sao hồ sơ người có công với cách mạng', NCC, 'province:5', 'full', true, 'Bản trích lục hồ sơ', ND131],
  ['DEMO.NCC.12', 'Sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công', NCC, 'commune:5;province:10', 'full', true, 'Quyết định điều chỉnh thông tin', ND131],
  ['DEMO.NCC.13', 'Cấp bổ sung hoặc cấp lại giấy chứng nhận người có công', NCC, 'commune:3;province:7', 'full', true, 'Giấy chứng nhận', ND131],
  ['DEMO.NCC.14', 'Giải quyết phụ cấp đặc biệt hằng tháng đối với thương binh có tỷ lệ tổn thương cơ thể từ 81% trở lên', NCC, 'commune:5;province:12', 'full', true, 'Quyết định phụ cấp đặc biệt', ND131],
  ['DEMO.BTXH.01', 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng', BTXH, 'commune:15;district:7', 'full', true, 'Quyết định trợ cấp xã hội hằng tháng', ND20],
  ['DEMO.BTXH.02', 'Chi trả trợ cấp xã hội hằng tháng khi đối tượng thay đổi nơi cư trú', BTXH, 'commune:5;district:5', 'full', true, 'Quyết định chi trả trợ cấp', ND20],
  ['DEMO.BTXH.03', 'Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở', BTXH, 'commune:3;district:2', 'partial', true, 'Quyết định hỗ trợ', ND20],
  ['DEMO.BTXH.04', 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', BTXH, 'commune:3;district:2', 'full', true, 'Quyết định hỗ trợ chi phí mai táng', ND20],
  ['DEMO.BTXH.05', 'Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội cấp tỉnh', BTXH, 'commune:5;district:5;province:7', 'partial', true, 'Quyết định tiếp nhận', ND20],
  ['DEMO.BTXH.06', 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', BTXH, 'commune:25', 'full', true, 'Giấy xác nhận khuyết tật', 'Luật Người khuyết tật 2010; Nghị định 28/2012/NĐ-CP; Thông tư 01/2019/TT-BLĐTBXH'],
  ['DEMO.BTXH.07', 'Đổi, cấp lại Giấy xác nhận khuyết tật', BTXH, 'commune:5', 'full', true, 'Giấy xác nhận khuyết tật', 'Thông tư 01/2019/TT-BLĐTBXH'],
  ['DEMO.BTXH.08', 'Cấp giấy phép hoạt động đối với cơ sở trợ giúp xã hội thuộc thẩm quyền của Sở', BTXH, 'province:15', 'partial', true, 'Giấy phép hoạt động', 'Nghị định 103/2017/NĐ-CP'],
  ['DEMO.BTXH.09', 'Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền của Sở', BTXH, 'province:5', 'full', true, 'Giấy chứng nhận đăng ký thành lập', 'Nghị định 103/2017/NĐ-CP'],
  ['DEMO.GN.01', 'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm', GN, 'commune:10', 'full', true, 'Quyết định công nhận, Giấy chứng nhận hộ nghèo, hộ cận nghèo', 'Nghị định 07/2021/NĐ-CP; Quyết định 24/2021/QĐ-TTg'],
  ['DEMO.GN.02', 'Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm', GN, 'commune:10', 'full', true, 'Quyết định công nhận', 'Quyết định 24/2021/QĐ-TTg'],
  ['DEMO.GN.03', 'Công nhận hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình', GN, 'commune:10', 'full', true, 'Quyết định công nhận', 'Quyết định 24/2021/QĐ-TTg'],
  ['DEMO.VL.01', 'Giải quyết hưởng trợ cấp thất nghiệp', VL, 'province:20', 'full', true, 'Quyết định hưởng trợ cấp thất nghiệp', 'Luật Việc làm 2013; Nghị định 28/2015/NĐ-CP'],
  ['DEMO.VL.02', 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam', VL, 'province:5', 'full', true, 'Giấy phép lao động', 'Nghị định 152/2020/NĐ-CP', 600000],
  ['DEMO.VL.03', 'Cấp giấy phép hoạt động dịch vụ việc làm của doanh nghiệp hoạt động dịch vụ việc làm', VL, 'province:7', 'full', true, 'Giấy phép hoạt động dịch vụ việc làm', 'Nghị định 23/2021/NĐ-CP'],
  ['DEMO.VL.04', 'Hỗ trợ học nghề cho người lao động đang hưởng trợ cấp thất nghiệp', VL, 'province:15', 'full', true, 'Quyết định hỗ trợ học nghề', 'Luật Việc làm 2013'],
  ['DEMO.LD.01', 'Đăng ký nội quy lao động của doanh nghiệp', LD, 'province:7', 'full', true, 'Thông báo đăng ký nội quy lao động', 'Bộ luật Lao động 2019; Nghị định 145/2020/NĐ-CP'],
  ['DEMO.LD.02', 'Cấp giấy phép hoạt động cho thuê lại lao động', LD, 'province:20', 'partial', true, 'Giấy phép hoạt động cho thuê lại lao động', 'Nghị định 145/2020/NĐ-CP'],
  ['DEMO.TE.01', 'Đăng ký nhận chăm sóc thay thế cho trẻ em đối với cá nhân, người đại diện gia đình không phải là người thân thích của trẻ em', TE, 'commune:15', 'partial', false, 'Quyết định giao nhận chăm sóc thay thế', 'Luật Trẻ em 2016; Nghị định 56/2017/NĐ-CP'],
  ['DEMO.TE.02', 'Chấm dứt việc chăm sóc thay thế cho trẻ em', TE, 'commune:5', 'full', true, 'Quyết định chấm dứt', 'Nghị định 56/2017/NĐ-CP'],
  ['DEMO.TE.03', 'Áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em khỏi môi trường hoặc người gây tổn hại cho trẻ em', TE, 'commune:1', 'none', false, 'Quyết định áp dụng biện pháp', 'Luật Trẻ em 2016; Nghị định 56/2017/NĐ-CP'],
  ['DEMO.PCTNXH.01', 'Quyết định cai nghiện ma túy tự nguyện tại cộng đồng', PCTNXH, 'commune:5', 'none', false, 'Quyết định cai nghiện tại cộng đồng', 'Luật Phòng, chống ma túy 2021; Nghị định 116/2021/NĐ-CP'],
];

export const DEMO_CATALOGUE: ProcedureBody[] = ROWS.map(([code, name, field, path, mode, portal, result, basis, fee]) => {
  const steps = path.split(';').map((s) => {
    const [level, days] = s.split(':');
    return { level: level as 'commune' | 'district' | 'province', days: Number(days) };
  });
  return {
    code,
    name,
    field,
    decisionLevel: steps[steps.length - 1]!.level,
    path: steps,
    fee: fee ?? 0,
    documents: ['Tờ khai hoặc đơn đề nghị theo mẫu', 'Bản sao giấy tờ tùy thân (CCCD)', 'Giấy tờ chứng minh theo quy định của thủ tục'],
    resultDocument: result,
    onlineMode: mode,
    onlineLevel: mode === 'full' ? 4 : mode === 'partial' ? 3 : 2,
    onNationalPortal: portal,
    legalBasis: basis,
    active: true,
  };
});
