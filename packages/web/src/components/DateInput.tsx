import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useT } from '../kernel/i18n';

/**
 * The one date field of the app (issue 18): antd's DatePicker in the chosen language (vi_VN from
 * the ConfigProvider), showing dd/mm/yyyy and taking a date typed the Vietnamese way ("05/12/2026",
 * "5/12/2026", "05-12-2026"); ISO is still read, for a date pasted from elsewhere. No field of the
 * app asks for a date as ISO text.
 */
export const DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'YYYY-MM-DD'];
export function toDayjs(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const d = dayjs(iso, 'YYYY-MM-DD');
  return d.isValid() ? d : null;
}
export function isoOf(d: Dayjs | null | undefined): string | undefined {
  return d && d.isValid() ? d.format('YYYY-MM-DD') : undefined;
}

type PickerProps = Omit<DatePickerProps, 'format' | 'placeholder' | 'style'> & { width?: number | string };

/** A date picker whose value is a dayjs date (forms that convert with `isoOf` on submit). */
export function DateInput({ width = '100%', ...rest }: PickerProps) {
  const t = useT();
  return <DatePicker {...rest} format={DATE_FORMATS} placeholder={t('form.datePlaceholder')} style={{ width }} />;
}

/**
 * The same picker holding the date as ISO text ('YYYY-MM-DD', '' when cleared): a drop-in for
 * fields and filters that keep dates as strings (Form.Item or useState).
 */
export function IsoDateInput({
  value,
  onChange,
  ...rest
}: Omit<PickerProps, 'value' | 'onChange' | 'defaultValue'> & {
  value?: string | null;
  onChange?: (iso: string) => void;
}) {
  return (
    <DateInput
      {...rest}
      value={toDayjs(value)}
      onChange={(d) => onChange?.(isoOf(Array.isArray(d) ? d[0] : d) ?? '')}
    />
  );
}
