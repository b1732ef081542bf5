import { Input, InputNumber, Typography } from 'antd';
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
