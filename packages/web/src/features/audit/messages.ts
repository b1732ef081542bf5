import { defineMessages } from '../../kernel/i18n';

/** Messages of the audit feature. Vietnamese is the source; English has the same keys. */
export const auditMessages = defineMessages(
  {
    'audit.title': 'Nhật ký',
    'audit.intro':
      'Mọi thay đổi dữ liệu quan trọng đều được ghi lại: ai, lúc nào, từ máy nào, thay đổi gì. Nhật ký không sửa, không xoá được. Giờ hiển thị theo giờ Việt Nam.',
    'audit.col.at': 'Thời gian',
    'audit.col.actor': 'Người thực hiện',
    'audit.col.ip': 'Địa chỉ',
    'audit.col.action': 'Hành động',
    'audit.col.entity': 'Đối tượng',
    'audit.col.entityId': 'Mã đối tượng',
    'audit.filter.actor': 'Người thực hiện',
    'audit.filter.actorPlaceholder': 'Tên đăng nhập',
    'audit.filter.action': 'Hành động',
    'audit.filter.actionPlaceholder': 'Ví dụ: user.create',
    'audit.filter.entity': 'Loại đối tượng',
    'audit.filter.entityPlaceholder': 'Ví dụ: user',
    'audit.filter.entityId': 'Mã đối tượng',
    'audit.filter.from': 'Từ ngày',
    'audit.filter.to': 'Đến ngày',
    'audit.filter.toBeforeFrom': '"Đến ngày" không được trước "Từ ngày"',
    'audit.before': 'Trước khi thay đổi',
    'audit.after': 'Sau khi thay đổi',
    'audit.nothing': '(không có)',
    'audit.hash': 'Mã băm',
    'audit.area': 'Đơn vị',
    'audit.empty': 'Không có sự kiện nào phù hợp.',
  },
  {
    'audit.title': 'Audit log',
    'audit.intro':
      'Every important change is recorded: who, when, from which computer, what changed. The log cannot be edited or deleted. Times are Vietnam time.',
    'audit.col.at': 'Time',
    'audit.col.actor': 'Actor',
    'audit.col.ip': 'Address',
    'audit.col.action': 'Action',
    'audit.col.entity': 'Entity',
    'audit.col.entityId': 'Entity id',
    'audit.filter.actor': 'Actor',
    'audit.filter.actorPlaceholder': 'Username',
    'audit.filter.action': 'Action',
    'audit.filter.actionPlaceholder': 'e.g. user.create',
    'audit.filter.entity': 'Entity type',
    'audit.filter.entityPlaceholder': 'e.g. user',
    'audit.filter.entityId': 'Entity id',
    'audit.filter.from': 'From',
    'audit.filter.to': 'To',
    'audit.filter.toBeforeFrom': '"To" must not be before "From"',
    'audit.before': 'Before',
    'audit.after': 'After',
    'audit.nothing': '(none)',
    'audit.hash': 'Hash',
    'audit.area': 'Unit',
    'audit.empty': 'No events match.',
  },
);

declare module '../../kernel/i18n/catalogue' {
  interface Messages {
    audit: typeof auditMessages;
  }
}
