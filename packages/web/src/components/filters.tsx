import type { HTMLAttributes, ReactNode } from 'react';
import { Button, Input, InputNumber, Typography } from 'antd';
import { useT } from '../kernel/i18n';
import type { DebouncedParam } from '../kernel/urlFilters';

/** The big search box at the top of a list, with an optional hint under it. */
export function SearchBox({
  testId,
  label,
  text,
  hint,
}: {
  testId: string;
  label: string;
  text: DebouncedParam;
  hint?: { id: string; text: string };
}) {
  return (
    <div data-testid={testId} className="registry-search">
      <Input
        type="search"
        size="large"
        aria-label={label}
        aria-describedby={hint?.id}
        placeholder={label}
        allowClear
        value={text.text}
        onChange={(e) => text.setText(e.target.value)}
        onPressEnter={() => text.commit(text.text)}
      />
      {hint && (
        <Typography.Text type="secondary" id={hint.id} className="field-hint">
          {hint.text}
        </Typography.Text>
      )}
    </div>
  );
}

/** A whole number typed into a filter (an age, a year), applied after a pause like the search. */
export function NumberFilter({
  testId,
  label,
  min,
  max,
  width,
  text,
}: {
  testId: string;
  label: string;
  min: number;
  max: number;
  width: number;
  text: DebouncedParam;
}) {
  return (
    <InputNumber
      data-testid={testId}
      aria-label={label}
      prefix={label}
      min={min}
      max={max}
      precision={0}
      value={text.text === '' ? null : Number(text.text)}
      onChange={(v) => text.setText(v === null ? '' : String(v))}
      style={{ width }}
    />
  );
}

/**
 * The row of filters over a list (wraps on a phone), ending with "Clear filters" while any filter
 * is set: pass `onClear` only then.
 */
export function FiltersBar({
  className,
  onClear,
  children,
  ...rest
}: { className?: string; onClear?: (() => void) | undefined; children: ReactNode } & Omit<
  HTMLAttributes<HTMLDivElement>,
  'className' | 'children'
>) {
  const t = useT();
  return (
    <div {...rest} className={className ? `filters ${className}` : 'filters'}>
      {children}
      {onClear && <Button onClick={onClear}>{t('common.clearFilters')}</Button>}
    </div>
  );
}
