/** The labour supply import template (TT 01/2022 Mẫu 01 fields), Vietnamese headers. */
export const SUPPLY_COLUMNS = [
  {
    key: 'citizenId',
    header: 'Số định danh cá nhân',
    aliases: ['Số CCCD', 'CCCD', 'Số định danh'],
    required: true,
    example: '070090001234',
  },
  { key: 'fullName', header: 'Họ và tên', required: true, example: 'Nguyễn Văn An' },
  { key: 'birthDate', header: 'Ngày sinh', required: true, example: '05/01/1990' },
  { key: 'gender', header: 'Giới tính', required: true, example: 'Nam' },
  { key: 'ethnic', header: 'Dân tộc', example: 'Kinh' },
  { key: 'communeCode', header: 'Mã xã', aliases: ['Mã xã/phường'], required: true, example: '25213' },
  { key: 'collectedOn', header: 'Ngày thu thập', example: '15/03/2021' },
  {
    key: 'schooling',
    header: 'Trình độ giáo dục phổ thông',
    aliases: ['Trình độ GDPT'],
    example: 'Trung học phổ thông',
  },
  { key: 'qualification', header: 'Trình độ chuyên môn kỹ thuật', aliases: ['Trình độ CMKT'], example: 'Sơ cấp' },
  { key: 'field', header: 'Chuyên ngành đào tạo', aliases: ['Chuyên ngành'], example: 'Hàn' },
  { key: 'employmentStatus', header: 'Tình trạng việc làm', required: true, example: 'Làm công ăn lương' },
  { key: 'jobTitle', header: 'Công việc', aliases: ['Công việc hiện nay'], example: 'Công nhân' },
  { key: 'workplaceType', header: 'Loại hình nơi làm việc', example: 'Doanh nghiệp' },
  { key: 'industry', header: 'Ngành kinh tế', example: 'Công nghiệp chế biến' },
  { key: 'workAddress', header: 'Nơi làm việc', example: 'KCN Đồng Xoài' },
  { key: 'previousJob', header: 'Công việc trước đây', example: '' },
  { key: 'unemploymentDuration', header: 'Thời gian thất nghiệp', example: '' },
  {
    key: 'inactiveReason',
    header: 'Lý do không tham gia hoạt động kinh tế',
    aliases: ['Lý do không tham gia HĐKT'],
    example: '',
  },
  { key: 'needs', header: 'Nhu cầu', example: 'Học nghề; Tìm việc làm trong nước' },
  { key: 'phone', header: 'Điện thoại', example: '0912345678' },
] as const;
export type SupplyColumn = (typeof SUPPLY_COLUMNS)[number]['key'];

/**
 * The employer and vacancy import template (TT 01/2022 Art. 10 demand; NĐ 23/2021 Mẫu 03a): one
 * row per vacancy, the employer's columns repeated on each; a row without a vacancy title records
 * the employer alone.
 */
export const EMPLOYER_COLUMNS = [
  { key: 'taxCode', header: 'Mã số thuế', aliases: ['MST'], required: true, example: '3800123456' },
  {
    key: 'name',
    header: 'Tên doanh nghiệp',
    aliases: ['Tên đơn vị'],
    required: true,
    example: 'Công ty TNHH May Bình Phước',
  },
  { key: 'communeCode', header: 'Mã xã', aliases: ['Mã xã/phường'], required: true, example: '25213' },
  { key: 'industry', header: 'Ngành nghề kinh doanh', aliases: ['Ngành nghề'], example: 'Dệt may' },
  { key: 'address', header: 'Địa chỉ', example: 'KCN Đồng Xoài' },
  { key: 'phone', header: 'Điện thoại', example: '0271 3888 999' },
  { key: 'title', header: 'Vị trí tuyển dụng', aliases: ['Vị trí việc làm'], example: 'Công nhân may' },
  { key: 'positions', header: 'Số lượng cần tuyển', aliases: ['Số lượng'], example: '20' },
  { key: 'qualification', header: 'Trình độ chuyên môn kỹ thuật', aliases: ['Trình độ CMKT'], example: 'Sơ cấp' },
  { key: 'wageMin', header: 'Lương tối thiểu', example: '6.000.000' },
  { key: 'wageMax', header: 'Lương tối đa', example: '9.000.000' },
  { key: 'workPlace', header: 'Nơi làm việc', example: 'Đồng Xoài' },
  { key: 'openFrom', header: 'Ngày bắt đầu tuyển', example: '01/03/2021' },
  { key: 'openTo', header: 'Hạn tuyển', example: '30/04/2021' },
] as const;
export type EmployerColumn = (typeof EMPLOYER_COLUMNS)[number]['key'];
