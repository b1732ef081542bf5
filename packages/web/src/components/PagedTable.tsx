import type { ReactNode } from 'react';
import { Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../kernel/i18n';
import { LoadError } from './LoadError';

const PAGE_SIZES = [20, 50, 100];

/** The list query as the table reads it: one page of a server-side list (`{ items, total, … }`). */
interface PagedQuery<T> {
  /** `totalCapped`: the server stopped counting at `total` (a broad search): "hơn 1.000 kết quả". */
  data?: { items: T[]; total: number; totalCapped?: boolean; page?: number; pageSize?: number } | undefined;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

type PagedTableProps<T> = {
  /** The list query; kept on the previous page while the next one loads (keepPreviousData). */
  query: PagedQuery<T>;
  /** The page and size asked for (from the URL or the page's state), shown until the server has answered. */
  page: { page?: number | undefined; pageSize?: number | undefined };
  /** The user picked another page or page size. */
  onPage: (page: number, pageSize: number) => void;
  testId: string;
  emptyText?: ReactNode;
  /** A "1–50 / 1.234" line above the table, read out when it changes; `none` when nothing matched. */
  total?: { testId: string; none: string };
  /** Page sizes offered (default 20, 50, 100); `null`: a fixed size, paging hidden on a single page. */
  sizes?: number[] | null;
  /** The "1–50 / 1.234" text beside the pager (default shown). */
  showRange?: boolean;
  /**
   * The narrowest the table may be (px): columns keep their `width`, long texts end in "…" (with
   * the whole text as a tooltip) instead of widening the table; below it the table scrolls inside
   * its box. Without it the table is as wide as its content (and may scroll at 1366 px).
   */
  minWidth?: number;
} & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange' | 'scroll' | 'locale' | 'tableLayout'>;

/**
 * The one server-paged table of the app: the load error with a retry, the optional count line,
 * the scroll box (wide tables scroll inside it, never the page) and the pager.
 */
export function PagedTable<T extends object>({
  query,
  page: requested,
  onPage,
  testId,
  emptyText,
  total: totalLine,
  sizes = PAGE_SIZES,
  showRange = true,
  minWidth,
  ...table
}: PagedTableProps<T>) {
  const t = useT();
  const total = query.data?.total ?? 0;
  const page = query.data?.page ?? requested.page ?? 1;
  const pageSize = query.data?.pageSize ?? requested.pageSize ?? 50;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  const rangeKey = query.data?.totalCapped ? 'common.rangeCapped' : 'common.range';
  // One state at a time (components/QueryState.tsx): a failed first load shows only the error
  // with "Thử lại" (no table saying "nothing here", no "Đang tải…"); a first load shows the
  // spinner without the empty message; a failed refresh keeps the rows shown under the error.
  const failed = !!query.error && !query.data;
  const firstLoad = !query.data && !query.error;
  if (failed)
    return (
      <div data-testid={`${testId}-error`}>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );

  return (
    <>
      {query.error ? <LoadError error={query.error} onRetry={() => void query.refetch()} /> : null}

      {totalLine && (
        <div className="result-line" aria-live="polite">
          <Typography.Text data-testid={totalLine.testId} strong>
            {query.data ? (total === 0 ? totalLine.none : t(rangeKey, { from, to, total })) : t('app.loading')}
          </Typography.Text>
        </div>
      )}

      <div data-testid={testId} className="table-box">
        <Table<T>
          rowKey="id"
          size="middle"
          {...table}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching || firstLoad}
          scroll={{ x: minWidth ?? 'max-content' }}
          tableLayout={minWidth ? 'fixed' : undefined}
          locale={firstLoad ? { emptyText: <span /> } : emptyText === undefined ? undefined : { emptyText }}
          pagination={{
            current: page,
            pageSize,
            total,
            ...(sizes ? { showSizeChanger: true, pageSizeOptions: sizes } : { hideOnSinglePage: true }),
            ...(showRange
              ? { showTotal: (n: number, [a, b]: [number, number]) => t(rangeKey, { from: a, to: b, total: n }) }
              : {}),
          }}
          onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
        />
      </div>
    </>
  );
}
