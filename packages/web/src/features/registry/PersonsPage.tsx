import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Select, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Gender, PersonListItem } from '@ansinh/domain';
import { registryApi, registryKeys, registryUrls } from './api';
import type { PersonsFilter } from './api';
import { useLang, useT } from '../../kernel/i18n';
import { pageParams, useDebouncedParam, useUrlFilters } from '../../kernel/urlFilters';
import { PagedTable } from '../../components/PagedTable';
import { acceptAreaCode, AreaStatusFilters, searchFilterOf } from './filters';
import { FiltersBar, NumberFilter, SearchBox } from '../../components/filters';
import { CreateHouseholdModal } from './HouseholdForms';
import { filterEthnic, genderLabel, PersonStateTags, RegistryHead, useCanWrite, useOptions } from './shared';
import { LinkButton } from '../../components/buttons';
import { showPartialDate } from '../../kernel/format';
import { dataCell } from '../../kernel/format';

const FILTER_KEYS = [
  'q',
  'areaCode',
  'statusKind',
  'category',
  'ageFrom',
  'ageTo',
  'gender',
  'ethnicCode',
  'includeInactive',
];

function isGender(v: string | null): v is Gender {
  return v === 'male' || v === 'female';
}

/** Ages in filters: whole numbers 0–130, or nothing. */
function ageParam(v: string | null): number | undefined {
  if (v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 130 ? n : undefined;
}

/** Everything the list shows, read from the query string. */
function filterOf(params: URLSearchParams): PersonsFilter {
  const gender = params.get('gender');
  const ethnicCode = params.get('ethnicCode');
  return {
    ...searchFilterOf(params),
    ageFrom: ageParam(params.get('ageFrom')),
    ageTo: ageParam(params.get('ageTo')),
    gender: isGender(gender) ? gender : undefined,
    ethnicCode: ethnicCode && /^\d{2}$/.test(ethnicCode) ? ethnicCode : undefined,
    includeInactive: params.get('includeInactive') === 'true' ? 'true' : undefined,
    ...pageParams(params, 50),
  };
}

export default function PersonsPage() {
  const t = useT();
  const { lang } = useLang();
  const canWrite = useCanWrite();
  const o = useOptions();
  const url = useUrlFilters();
  const { update } = url;
  const [creating, setCreating] = useState(false);
  const filter = filterOf(url.params);

  const q = useDebouncedParam(url, 'q');
  const area = useDebouncedParam(url, 'areaCode', acceptAreaCode);
  const ageFrom = useDebouncedParam(url, 'ageFrom');
  const ageTo = useDebouncedParam(url, 'ageTo');

  const list = useQuery({
    queryKey: registryKeys.persons(filter),
    queryFn: ({ signal }) => registryApi.persons(filter, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<PersonListItem> = [
    {
      onCell: dataCell,
      title: t('persons.col.name'),
      key: 'name',
      render: (_: unknown, p) => (
        <span>
          <Link to={`/registry/persons/${p.id}`}>{p.fullName}</Link>{' '}
          <PersonStateTags deceasedOn={p.deceasedOn} movedOutOn={p.movedOutOn} />
        </span>
      ),
    },
    { title: t('persons.col.gender'), dataIndex: 'gender', render: (g: Gender) => genderLabel(g, lang) },
    { title: t('persons.col.birthDate'), dataIndex: 'birthDate', render: (d: string) => showPartialDate(d) },
    { title: t('persons.col.citizenId'), dataIndex: 'citizenId', render: (v: string | null) => v ?? '' },
    {
      title: t('persons.col.household'),
      key: 'household',
      render: (_: unknown, p) =>
        p.householdId && p.householdCode ? (
          <Link to={`/registry/households/${p.householdId}`}>{p.householdCode}</Link>
        ) : (
          ''
        ),
    },
    { onCell: dataCell, title: t('persons.col.village'), dataIndex: 'village', render: (v: string | null) => v ?? '' },
    { onCell: dataCell, title: t('persons.col.commune'), dataIndex: 'communeName' },
  ];

  const hasFilters = !!(
    filter.q ||
    filter.areaCode ||
    filter.statusKind ||
    filter.ageFrom !== undefined ||
    filter.ageTo !== undefined ||
    filter.gender ||
    filter.ethnicCode ||
    filter.includeInactive
  );

  return (
    <div>
      <RegistryHead
        title={t('registry.title')}
        intro={t('persons.intro')}
        extra={
          <Space wrap>
            <Button
              data-testid="registry-export"
              href={registryUrls.exportPersons(filter)}
              download
              title={t('persons.exportHint')}
            >
              {t('persons.export')}
            </Button>
            {canWrite && (
              <LinkButton to="/registry/import" data-testid="registry-import-link">
                {t('persons.import')}
              </LinkButton>
            )}
            {canWrite && (
              <Button type="primary" data-testid="registry-add-household" onClick={() => setCreating(true)}>
                {t('persons.addHousehold')}
              </Button>
            )}
          </Space>
        }
      />

      <div role="search" className="no-print">
        <SearchBox
          testId="registry-search"
          label={t('persons.search')}
          text={q}
          hint={{ id: 'registry-search-hint', text: t('persons.searchHint') }}
        />
        <FiltersBar className="filters-2col" onClear={hasFilters ? () => url.clear(FILTER_KEYS) : undefined}>
          <AreaStatusFilters
            testIds={{
              area: 'registry-filter-area',
              kind: 'registry-filter-kind',
              category: 'registry-filter-category',
            }}
            area={area}
            filter={filter}
            update={update}
          />
          <NumberFilter
            testId="registry-filter-age-from"
            label={t('persons.filter.ageFrom')}
            min={0}
            max={130}
            width={140}
            text={ageFrom}
          />
          <NumberFilter
            testId="registry-filter-age-to"
            label={t('persons.filter.ageTo')}
            min={0}
            max={130}
            width={140}
            text={ageTo}
          />
          <Select
            data-testid="registry-filter-gender"
            aria-label={t('persons.filter.gender')}
            placeholder={t('persons.filter.gender')}
            allowClear
            options={o.genders}
            value={filter.gender}
            onChange={(v?: string) => update({ gender: v })}
            style={{ width: 140 }}
          />
          <Select
            data-testid="registry-filter-ethnic"
            aria-label={t('persons.filter.ethnic')}
            placeholder={t('persons.filter.ethnic')}
            allowClear
            options={o.ethnic}
            showSearch={{ filterOption: filterEthnic }}
            value={filter.ethnicCode}
            onChange={(v?: string) => update({ ethnicCode: v })}
            style={{ width: 180 }}
          />
          <Checkbox
            data-testid="registry-filter-inactive"
            checked={filter.includeInactive === 'true'}
            onChange={(e) => update({ includeInactive: e.target.checked ? 'true' : undefined })}
            style={{ alignSelf: 'center' }}
          >
            {t('persons.filter.inactive')}
          </Checkbox>
        </FiltersBar>
      </div>

      <PagedTable<PersonListItem>
        query={list}
        page={filter}
        onPage={url.setPage}
        columns={columns}
        emptyText={hasFilters ? t('persons.empty') : t('persons.emptyRegistry')}
        testId="registry-table"
        total={{ testId: 'registry-total', none: t('persons.noneFound') }}
      />

      {creating && <CreateHouseholdModal onClose={() => setCreating(false)} />}
    </div>
  );
}
