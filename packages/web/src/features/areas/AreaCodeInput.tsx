import { useEffect, useState } from 'react';
import type { CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Input, Typography } from 'antd';
import { AREA_TYPE_LABELS } from '@ansinh/domain';
import { areasApi, areasKeys } from './api';
import { useErrorText } from '../../kernel/errors';
import { pick, useLang, useT } from '../../kernel/i18n';

const CODE_RE = /^(\d{2}|\d{3}|\d{5})$/;

/** A whole area code: 2 digits for a province, 3 for a district, 5 for a commune. */
export function isAreaCode(v: string): boolean {
  return CODE_RE.test(v);
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return v;
}

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  testId?: string;
  placeholder?: string;
  /** Show the name of the unit the typed code stands for, under the input. */
  showName?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
}

/**
 * An administrative unit code, typed or found by name: suggestions come from
 * `GET /api/v1/areas?q=`, and the value is always the code.
 */
export function AreaCodeInput({ id, value, onChange, testId, placeholder, showName, allowClear, style }: Props) {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);

  const found = useQuery({
    queryKey: areasKeys.search(q),
    queryFn: ({ signal }) => areasApi.search(q, signal),
    enabled: q.length >= 2,
    staleTime: 60_000,
    retry: false,
  });

  const code = (value ?? '').trim();
  const one = useQuery({
    queryKey: areasKeys.one(code),
    queryFn: ({ signal }) => areasApi.get(code, signal),
    enabled: !!showName && CODE_RE.test(code),
    staleTime: 5 * 60_000,
    retry: false,
  });

  const options = (found.data?.items ?? []).map((a) => ({
    value: a.code,
    label: (
      <span>
        {a.name}{' '}
        <Typography.Text type="secondary">
          {pick(AREA_TYPE_LABELS[a.type], lang)} · {a.code}
        </Typography.Text>
      </span>
    ),
  }));

  return (
    <div style={style}>
      <AutoComplete
        id={id}
        value={value}
        options={options}
        filterOption={false}
        onSearch={setSearch}
        onChange={(v: string) => onChange?.(v)}
        style={{ width: '100%' }}
      >
        {/* The documented custom-input form of AutoComplete. No `ref` on this element: rc-select
            reads `element.ref`, which React 19 warns about only when a ref was given. */}
        <Input data-testid={testId} placeholder={placeholder ?? t('areaInput.placeholder')} allowClear={allowClear} />
      </AutoComplete>
      {showName && CODE_RE.test(code) && (one.data || one.error) ? (
        <Typography.Text
          type={one.error ? 'danger' : 'secondary'}
          style={{ fontSize: 13 }}
          data-testid="area-input-name"
        >
          {one.data ? `→ ${one.data.name}` : errorText(one.error)}
        </Typography.Text>
      ) : null}
    </div>
  );
}
