import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { HOUSEHOLD_STATES, RESIDENCES } from '@ansinh/domain';
import type { HouseholdPage } from '@ansinh/domain';
import { registryApi, registryKeys } from './api';
import type { HouseholdsFilter } from './api';
import { useLang, useT } from '../../kernel/i18n';
import { pageParams, useDebouncedParam, useUrlFilters } from '../../kernel/urlFilters';
import { PagedTable } from '../../components/PagedTable';
import { acceptAreaCode, AreaStatusFilters, searchFilterOf } from './filters';
import { FiltersBar, NumberFilter, SearchBox } from '../../components/filters';
import { CreateHouseholdModal } from './HouseholdForms';
import { codeLabel, RegistryHead, useCanWrite } from './shared';
import { dataCell } from '../../kernel/format';

type HouseholdItem = HouseholdPage['items'][number];

const FILTER_KEYS = ['q', 'areaCode', 'statusKind', 'category', 'year'];
const acceptYear = (v: string) => v === '' || /^\d{4}$/.test(v);

function filterOf(params: URLSearchParams): HouseholdsFilter {
  const year = params.get('year');
  return {
    ...searchFilterOf(params),
    year: year && /^\d{4}$/.test(year) ? Number(year) : undefined,
    ...pageParams(params, 50),
  };
}

export default function HouseholdsPage() {
  const t = useT();
  const { lang } = useLang();
  const canWrite = useCanWrite();
  const url = useUrlFilters();
  const [creating, setCreating] = useState(false);
  const filter = filterOf(url.params);

  const q = useDebouncedParam(url, 'q');
  const area = useDebouncedParam(url, 'areaCode', acceptAreaCode);
  const year = useDebouncedParam(url, 'year', acceptYear);

  const list = useQuery({
    queryKey: registryKeys.households(filter),
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
      onCell: dataCell,
      title: t('households.col.head'),
      dataIndex: 'headName',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('household.noHead')}</Typography.Text>,
    },
    { title: t('households.col.members'), dataIndex: 'memberCount', align: 'right' },
    {
      onCell: dataCell,
      title: t('households.col.village'),
      dataIndex: 'village',
      render: (v: string | null) => v ?? '',
    },
    {
      onCell: dataCell,
      title: t('households.col.address'),
      dataIndex: 'address',
      render: (v: string | null) => v ?? '',
    },
    { onCell: dataCell, title: t('households.col.commune'), dataIndex: 'communeName' },
    {
      title: t('households.col.residence'),
      dataIndex: 'residence',
      render: (v: string) => codeLabel(RESIDENCES, v, lang),
    },
    {
      title: t('households.col.state'),
      dataIndex: 'state',
      render: (v: string) => (
        <Tag color={v === 'active' ? 'green' : undefined}>{codeLabel(HOUSEHOLD_STATES, v, lang)}</Tag>
      ),
    },
  ];

  const hasFilters = !!(filter.q || filter.areaCode || filter.statusKind || filter.year);

  return (
    <div>
      <RegistryHead
        title={t('registry.title')}
        intro={t('households.intro')}
        extra={
          canWrite && (
            <Button type="primary" data-testid="households-create" onClick={() => setCreating(true)}>
              {t('persons.addHousehold')}
            </Button>
          )
        }
      />

      <div role="search" className="no-print">
        <SearchBox testId="households-search" label={t('households.search')} text={q} />
        <FiltersBar className="filters-2col" onClear={hasFilters ? () => url.clear(FILTER_KEYS) : undefined}>
          <AreaStatusFilters
            testIds={{
              area: 'households-filter-area',
              kind: 'households-filter-kind',
              category: 'households-filter-category',
            }}
            area={area}
            filter={filter}
            update={url.update}
          />
          <NumberFilter
            testId="households-filter-year"
            label={t('households.filter.year')}
            min={2000}
            max={2100}
            width={180}
            text={year}
          />
        </FiltersBar>
      </div>

      <PagedTable<HouseholdItem>
        query={list}
        page={filter}
        onPage={url.setPage}
        columns={columns}
        emptyText={t('households.empty')}
        testId="households-table"
        total={{ testId: 'households-total', none: t('households.noneFound') }}
      />

      {creating && <CreateHouseholdModal onClose={() => setCreating(false)} />}
    </div>
  );
}
