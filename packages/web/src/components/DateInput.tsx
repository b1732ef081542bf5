import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useT } from '../kernel/i18n';

/** A full date as a date picker value, and back. */
export const DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'YYYY-MM-DD'];
export function toDayjs(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const d = dayjs(iso, 'YYYY-MM-DD');
  return d.isValid() ? d : null;
}
export function isoOf(d: Dayjs | null | undefined): string | undefined {
  return d && d.isValid() ? d.format('YYYY-MM-DD') : undefined;
}

/** A date picker that also takes a date typed the Vietnamese way (dd/mm/yyyy, d/m/yyyy, …). */
export function DateInput({
  width = '100%',
  ...rest
}: Omit<DatePickerProps, 'format' | 'placeholder' | 'style'> & { width?: number | string }) {
  const t = useT();
  return <DatePicker {...rest} format={DATE_FORMATS} placeholder={t('form.datePlaceholder')} style={{ width }} />;
}
