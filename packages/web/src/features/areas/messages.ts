import { defineMessages } from '../../kernel/i18n';

/** Messages of the areas feature. Vietnamese is the source; English has the same keys. */
export const areasMessages = defineMessages(
  {
    'areaInput.placeholder': 'Nhập mã hoặc tên đơn vị',
    'areaInput.hint': 'Mã gồm 2 chữ số (tỉnh), 3 (huyện) hoặc 5 (xã); gõ tên để tìm, ví dụ "Bình An".',
    'areaInput.invalid': 'Mã đơn vị hành chính gồm 2, 3 hoặc 5 chữ số',

    'areas.title': 'Đơn vị hành chính',
    'areas.intro':
      'Cây đơn vị trong phạm vi bạn phụ trách. Bấm vào một đơn vị để xem chi tiết; bấm mũi tên để mở đơn vị trực thuộc.',
    'areas.tree': 'Cây đơn vị',
    'areas.subUnits': '{count} đơn vị trực thuộc',
    'areas.selectHint': 'Chọn một đơn vị trong cây để xem chi tiết.',
    'areas.details': 'Chi tiết đơn vị',
    'areas.code': 'Mã',
    'areas.name': 'Tên',
    'areas.type': 'Loại',
    'areas.level': 'Cấp',
    'areas.level.1': 'Cấp tỉnh',
    'areas.level.2': 'Cấp huyện',
    'areas.level.3': 'Cấp xã',
    'areas.validFrom': 'Hiệu lực từ ngày',
    'areas.validTo': 'Hiệu lực đến ngày',
    'areas.stillValid': 'Đang hiệu lực',
    'areas.path': 'Thuộc',
    'areas.childCount': 'Số đơn vị trực thuộc',
    'areas.empty': 'Không có đơn vị nào trong phạm vi của bạn.',
    'areas.loadFailed': 'Không tải được đơn vị trực thuộc của {name}. {message}',
  },
  {
    'areaInput.placeholder': 'Type a unit code or name',
    'areaInput.hint':
      'A code has 2 digits (province), 3 (district) or 5 (commune); type a name to search, e.g. "Bình An".',
    'areaInput.invalid': 'An administrative unit code has 2, 3 or 5 digits',

    'areas.title': 'Administrative units',
    'areas.intro':
      'The units within your scope. Click a unit to see its details; click the arrow to open its sub-units.',
    'areas.tree': 'Unit tree',
    'areas.subUnits': '{count} sub-units',
    'areas.selectHint': 'Select a unit in the tree to see its details.',
    'areas.details': 'Unit details',
    'areas.code': 'Code',
    'areas.name': 'Name',
    'areas.type': 'Type',
    'areas.level': 'Level',
    'areas.level.1': 'Province level',
    'areas.level.2': 'District level',
    'areas.level.3': 'Commune level',
    'areas.validFrom': 'Valid from',
    'areas.validTo': 'Valid to',
    'areas.stillValid': 'Still valid',
    'areas.path': 'Part of',
    'areas.childCount': 'Sub-units',
    'areas.empty': 'There is no unit within your scope.',
    'areas.loadFailed': 'Could not load the sub-units of {name}. {message}',
  },
);

declare module '../../kernel/i18n/catalogue' {
  interface Messages {
    areas: typeof areasMessages;
  }
}
