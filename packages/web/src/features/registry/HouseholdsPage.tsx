import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { HOUSEHOLD_STATES, RESIDENCES } from '@ansinh/domain';
import type { HouseholdPage } from '@ansinh/domain';
import { qk, registryApi } from '../../api/endpoints';
import type { HouseholdsFilter } from '../../api/endpoints';
import { useErrorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { AreaCodeInput } from '../areas/AreaCodeInput';
import { CreateHouseholdModal } from './HouseholdForms';
import {
  categoryOptions,
  codeLabel,
  isStatusKind,
  PageHead,
  positiveInt,
  RegistryTabs,
  useCanWrite,
  useDebouncedParam,
  useOptions,
  useUrlFilters,
} from './shared';

type HouseholdItem = HouseholdPage['items'][number];

const AREA_RE = /^(\d{2}|\d{3}|\d{5})$/;
const PAGE_SIZES = [20, 50, 100];
const acceptArea = (v: string) => v === '' || AREA_RE.test(v);
const acceptYear = (v: string) => v === '' || /^\d{4}$/.test(v);

function filterOf(params: URLSearchParams): HouseholdsFilter {
  const statusKind = params.get('statusKind');
  const areaCode = params.get('areaCode');
  const year = params.get('year');
  const kind = isStatusKind(statusKind) ? statusKind : undefined;
  return {
    q: params.get('q') || undefined,
    areaCode: areaCode && AREA_RE.test(areaCode) ? areaCode : undefined,
    statusKind: kind,
    category: kind ? params.get('category') || undefined : undefined,
    year: year && /^\d{4}$/.test(year) ? Number(year) : undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 50),
  };
}

export default function HouseholdsPage() {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const canWrite = useCanWrite();
  const o = useOptions();
  const { params, update } = useUrlFilters();
  const [creating, setCreating] = useState(false);
  const filter = filterOf(params);

  const q = useDebouncedParam(params, 'q', (v) => update({ q: v || undefined }));
  const area = useDebouncedParam(params, 'areaCode', (v) => update({ areaCode: v || undefined }), acceptArea);
  const year = useDebouncedParam(params, 'year', (v) => update({ year: v || undefined }), acceptYear);

  const list = useQuery({
    queryKey: qk.households(filter),
    queryFn: ({ signal }) => registryApi.households(filter, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<HouseholdItem> = [
    {
      title: t('households.col.code'),
      key: 'code',
      render: (_: unknown, h) => <Link to={`/registry/households/${h.id}`}>{h.code}</Link>,
    },
    {
      title: t('households.col.head'),
      dataIndex: 'headName',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('household.noHead')}</Typography.Text>,
    },
    { title: t('households.col.members'), dataIndex: 'memberCount', align: 'right' },
    { title: t('households.col.village'), dataIndex: 'village', render: (v: string | null) => v ?? '' },
    { title: t('households.col.address'), dataIndex: 'address', render: (v: string | null) => v ?? '' },
    { title: t('households.col.commune'), dataIndex: 'communeName' },
    { title: t('households.col.residence'), dataIndex: 'residence', render: (v: string) => codeLabel(RESIDENCES, v, lang) },
    {
      title: t('households.col.state'),
      dataIndex: 'state',
      render: (v: string) => <Tag color={v === 'active' ? 'green' : undefined}>{codeLabel(HOUSEHOLD_STATES, v, lang)}</Tag>,
    },
  ];

  const total = list.data?.total ?? 0;
  const page = list.data?.page ?? filter.page ?? 1;
  const pageSize = list.data?.pageSize ?? filter.pageSize ?? 50;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  const hasFilters = !!(filter.q || filter.areaCode || filter.statusKind || filter.year);

  return (
    <div>
      <PageHead
        title={t('registry.title')}
        extra={
          canWrite && (
            <Button type="primary" data-testid="households-create" onClick={() => setCreating(true)}>
              {t('persons.addHousehold')}
            </Button>
          )
        }
      />
      <RegistryTabs />
      <Typography.Text className="page-intro">{t('households.intro')}</Typography.Text>

      <div role="search" className="no-print">
        <div data-testid="households-search" className="registry-search">
          <Input
            type="search"
            size="large"
            aria-label={t('households.search')}
            placeholder={t('households.search')}
            allowClear
            value={q.text}
            onChange={(e) => q.setText(e.target.value)}
            onPressEnter={() => q.commit(q.text)}
          />
        </div>
        <div className="filters filters-2col">
          <AreaCodeInput
            testId="households-filter-area"
            placeholder={t('persons.filter.area')}
            value={area.text}
            allowClear
            onChange={area.setText}
            style={{ width: 240 }}
          />
          <Select
            data-testid="households-filter-kind"
            aria-label={t('persons.filter.statusKind')}
            placeholder={t('persons.filter.statusKind')}
            allowClear
            options={o.statusKinds}
            value={filter.statusKind}
            onChange={(v?: string) => update({ statusKind: v, category: undefined })}
            popupMatchSelectWidth={false}
            style={{ width: 220 }}
          />
          <Select
            data-testid="households-filter-category"
            aria-label={t('persons.filter.category')}
            placeholder={filter.statusKind ? t('persons.filter.category') : t('persons.filter.categoryFirst')}
            allowClear
            disabled={!filter.statusKind}
            options={categoryOptions(filter.statusKind, lang)}
            value={filter.category}
            onChange={(v?: string) => update({ category: v })}
            popupMatchSelectWidth={false}
            style={{ width: 220 }}
          />
          <InputNumber
            data-testid="households-filter-year"
            aria-label={t('households.filter.year')}
            prefix={t('households.filter.year')}
            min={2000}
            max={2100}
            precision={0}
            value={year.text === '' ? null : Number(year.text)}
            onChange={(v) => year.setText(v === null ? '' : String(v))}
            style={{ width: 180 }}
          />
          {hasFilters && (
            <Button onClick={() => update({ q: undefined, areaCode: undefined, statusKind: undefined, category: undefined, year: undefined })}>
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
      </div>

      {list.error && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={errorText(list.error)}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}

      <div className="result-line" aria-live="polite">
        <Typography.Text data-testid="households-total" strong>
          {list.data ? (total === 0 ? t('households.noneFound') : t('common.range', { from, to, total })) : t('app.loading')}
        </Typography.Text>
      </div>

      <div data-testid="households-table" className="table-box">
        <Table<HouseholdItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('households.empty') }}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (n, [a, b]) => t('common.range', { from: a, to: b, total: n }),
          }}
          onChange={(p) => update({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? pageSize) }, true)}
        />
      </div>

      {creating && <CreateHouseholdModal onClose={() => setCreating(false)} />}
    </div>
  );
}
