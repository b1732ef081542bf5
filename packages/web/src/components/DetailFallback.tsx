import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { QueryKey, UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { ApiError } from '../kernel/http';
import { useErrorText } from '../kernel/errors';
import { useT } from '../kernel/i18n';
import { NotFoundPage } from './StatusPages';

/**
 * The record named by the route's `:id`. It is asked for only when the id is a positive whole
 * number (`valid`): "/persons/abc" shows "not found" without a request.
 */
export function useRouteRecord<T>(
  queryKey: (id: number) => QueryKey,
  fetch: (id: number, signal: AbortSignal) => Promise<T>,
) {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({ queryKey: queryKey(id), queryFn: ({ signal }) => fetch(id, signal), enabled: valid });
  return { valid, query };
}

/**
 * What a record's page shows instead of the record: "not found" for a bad id or a 404, the
 * error with a retry, or a spinner while it loads.
 */
export function DetailFallback({ valid, query }: { valid: boolean; query: UseQueryResult<unknown> }) {
  const t = useT();
  const errorText = useErrorText();
  if (!valid || (query.error instanceof ApiError && query.error.status === 404)) return <NotFoundPage />;
  if (query.error) {
    return (
      <Result
        status="warning"
        title={errorText(query.error)}
        extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status">
      <Spin />
    </div>
  );
}
