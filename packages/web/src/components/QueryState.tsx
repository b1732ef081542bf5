import type { ReactNode } from 'react';
import { Empty, Spin } from 'antd';
import { useT } from '../kernel/i18n';
import { LoadError } from './LoadError';

/** The part of a TanStack query a page shows: its data, its error and whether it is loading. */
export interface LoadState<T> {
  data?: T | undefined;
  error: unknown;
  isPending: boolean;
  isFetching?: boolean;
  refetch: () => unknown;
}

/** Which of the four states a load is in; exactly one at a time. */
export type LoadPhase = 'loading' | 'error' | 'empty' | 'data';

/**
 * The one answer to "what does this load show": an error (with a retry) wins over everything,
 * then loading (only while there is nothing to show), then empty, then the data. Never two at
 * once: a failed request is not shown as an empty list, and "Đang tải…" is not shown beside an
 * empty message.
 */
export function loadPhase<T>(q: LoadState<T>, isEmpty: (data: T) => boolean): LoadPhase {
  if (q.error && q.data === undefined) return 'error';
  if (q.data === undefined) return 'loading';
  return isEmpty(q.data) ? 'empty' : 'data';
}

/**
 * Renders a query's one state: a spinner with "Đang tải…", the error with "Thử lại", the empty
 * message, or `children(data)`. A refetch that fails while data is shown keeps the data and adds
 * the error above it (the data is still true, only not refreshed).
 */
export function QueryState<T>({
  query,
  isEmpty = () => false,
  empty,
  testId,
  children,
}: {
  query: LoadState<T>;
  isEmpty?: (data: T) => boolean;
  empty: ReactNode;
  testId?: string;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  const phase = loadPhase(query, isEmpty);
  const retry = () => void query.refetch();
  if (phase === 'error')
    return (
      <div data-testid={testId && `${testId}-error`}>
        <LoadError error={query.error} onRetry={retry} style={{ margin: 0 }} />
      </div>
    );
  if (phase === 'loading')
    return (
      <div
        style={{ padding: 32, textAlign: 'center' }}
        role="status"
        aria-live="polite"
        data-testid={testId && `${testId}-loading`}
      >
        <Spin />
        <div style={{ marginTop: 8, color: '#595959' }}>{t('app.loading')}</div>
      </div>
    );
  return (
    <>
      {query.error ? <LoadError error={query.error} onRetry={retry} /> : null}
      {phase === 'empty' ? (
        <div data-testid={testId && `${testId}-empty`}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        </div>
      ) : (
        children(query.data as T)
      )}
    </>
  );
}
