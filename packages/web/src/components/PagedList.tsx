import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { useT } from '../kernel/i18n';
import { LoadError } from './LoadError';

const PAGE_SIZES = [20, 50, 100];

/** One page of a server-side list, as every list endpoint answers. */
interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

interface PagedListProps<T> {
  /** The list query; kept on the previous page while the next one loads (keepPreviousData). */
  query: UseQueryResult<Paged<T>>;
  /** The page and size asked for (from the URL), shown until the server has answered. */
  requested: { page?: number; pageSize?: number };
  /** From useUrlFilters: the page lives in the URL like the filters. */
  onPage: (page: number, pageSize: number) => void;
  columns: TableColumnsType<T>;
  emptyText: ReactNode;
  tableTestId: string;
  /** A "1–50 / 1.234" line above the table, read out when it changes; `none` when nothing matched. */
  total?: { testId: string; none: string };
  expandable?: TableProps<T>['expandable'];
}

/**
 * The result part of a list page: the load error with a retry, the count, and the table paged
 * by the server.
 */
export function PagedList<T extends { id: number | string }>({
  query,
  requested,
  onPage,
  columns,
  emptyText,
  tableTestId,
  total: totalLine,
  expandable,
}: PagedListProps<T>) {
  const t = useT();
  const total = query.data?.total ?? 0;
  const page = query.data?.page ?? requested.page ?? 1;
  const pageSize = query.data?.pageSize ?? requested.pageSize ?? 50;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);

  return (
    <>
      {query.error && <LoadError error={query.error} onRetry={() => void query.refetch()} />}

      {totalLine && (
        <div className="result-line" aria-live="polite">
          <Typography.Text data-testid={totalLine.testId} strong>
            {query.data ? (total === 0 ? totalLine.none : t('common.range', { from, to, total })) : t('app.loading')}
          </Typography.Text>
        </div>
      )}

      {/* Wide tables scroll inside their box, never the page. */}
      <div data-testid={tableTestId} className="table-box">
        <Table<T>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText }}
          expandable={expandable}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (n, [a, b]) => t('common.range', { from: a, to: b, total: n }),
          }}
          onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
        />
      </div>
    </>
  );
}
