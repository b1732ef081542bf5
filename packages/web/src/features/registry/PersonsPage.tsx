import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Gender, PersonListItem } from '@ansinh/domain';
import { qk, registryApi, registryUrls } from '../../api/endpoints';
import type { PersonsFilter } from '../../api/endpoints';
import { useErrorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { AreaCodeInput } from '../areas/AreaCodeInput';
import { CreateHouseholdModal } from './HouseholdForms';
import {
  ageParam,
  categoryOptions,
  filterEthnic,
  genderLabel,
  isStatusKind,
  LinkButton,
  PageHead,
  PersonStateTags,
  positiveInt,
  RegistryTabs,
  showPartialDate,
  useCanWrite,
  useDebouncedParam,
  useOptions,
  useUrlFilters,
} from './shared';

const AREA_RE = /^(\d{2}|\d{3}|\d{5})$/;
const PAGE_SIZES = [20, 50, 100];
const acceptArea = (v: string) => v === '' || AREA_RE.test(v);

function isGender(v: string | null): v is Gender {
  return v === 'male' || v === 'female';
}

/** Everything the list shows, read from the query string. */
function filterOf(params: URLSearchParams): PersonsFilter {
  const statusKind = params.get('statusKind');
  const gender = params.get('gender');
  const ethnicCode = params.get('ethnicCode');
  const areaCode = params.get('areaCode');
  const kind = isStatusKind(statusKind) ? statusKind : undefined;
  return {
    q: params.get('q') || undefined,
    areaCode: areaCode && AREA_RE.test(areaCode) ? areaCode : undefined,
    statusKind: kind,
    category: kind ? params.get('category') || undefined : undefined,
    ageFrom: ageParam(params.get('ageFrom')),
    ageTo: ageParam(params.get('ageTo')),
    gender: isGender(gender) ? gender : undefined,
    ethnicCode: ethnicCode && /^\d{2}$/.test(ethnicCode) ? ethnicCode : undefined,
    includeInactive: params.get('includeInactive') === 'true' ? 'true' : undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 50),
  };
}

export default function PersonsPage() {
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
  const ageFrom = useDebouncedParam(params, 'ageFrom', (v) => update({ ageFrom: v || undefined }));
  const ageTo = useDebouncedParam(params, 'ageTo', (v) => update({ ageTo: v || undefined }));

  const list = useQuery({
    queryKey: qk.persons(filter),
    queryFn: ({ signal }) => registryApi.persons(filter, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<PersonListItem> = [
    {
      title: t('persons.col.name'),
      key: 'name',
      render: (_: unknown, p) => (
        <span>
          <Link to={`/registry/persons/${p.id}`}>{p.fullName}</Link> <PersonStateTags deceasedOn={p.deceasedOn} movedOutOn={p.movedOutOn} />
        </span>
      ),
    },
    { title: t('persons.col.gender'), dataIndex: 'gender', render: (g: Gender) => genderLabel(g, lang) },
    { title: t('persons.col.birthDate'), dataIndex: 'birthDate', render: (d: string) => showPartialDate(d) },
    { title: t('persons.col.citizenId'), dataIndex: 'citizenId', render: (v: string | null) => v ?? '' },
    {
      title: t('persons.col.household'),
      key: 'household',
      render: (_: unknown, p) => (p.householdId && p.householdCode ? <Link to={`/registry/households/${p.householdId}`}>{p.householdCode}</Link> : ''),
    },
    { title: t('persons.col.village'), dataIndex: 'village', render: (v: string | null) => v ?? '' },
    { title: t('persons.col.commune'), dataIndex: 'communeName' },
  ];

  const total = list.data?.total ?? 0;
  const page = list.data?.page ?? filter.page ?? 1;
  const pageSize = list.data?.pageSize ?? filter.pageSize ?? 50;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
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
      <PageHead
        title={t('registry.title')}
        extra={
          <Space wrap>
            <Button data-testid="registry-export" href={registryUrls.exportPersons(filter)} download title={t('persons.exportHint')}>
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
      <RegistryTabs />
      <Typography.Text className="page-intro">{t('persons.intro')}</Typography.Text>

      <div role="search" className="no-print">
        <div data-testid="registry-search" className="registry-search">
          <Input
            type="search"
            size="large"
            aria-label={t('persons.search')}
            aria-describedby="registry-search-hint"
            placeholder={t('persons.search')}
            allowClear
            value={q.text}
            onChange={(e) => q.setText(e.target.value)}
            onPressEnter={() => q.commit(q.text)}
          />
          <Typography.Text type="secondary" id="registry-search-hint" className="field-hint">
            {t('persons.searchHint')}
          </Typography.Text>
        </div>
        <div className="filters filters-2col">
          <AreaCodeInput
            testId="registry-filter-area"
            placeholder={t('persons.filter.area')}
            value={area.text}
            allowClear
            onChange={area.setText}
            style={{ width: 240 }}
          />
          <Select
            data-testid="registry-filter-kind"
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
            data-testid="registry-filter-category"
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
            data-testid="registry-filter-age-from"
            aria-label={t('persons.filter.ageFrom')}
            prefix={t('persons.filter.ageFrom')}
            min={0}
            max={130}
            precision={0}
            value={ageFrom.text === '' ? null : Number(ageFrom.text)}
            onChange={(v) => ageFrom.setText(v === null ? '' : String(v))}
            style={{ width: 140 }}
          />
          <InputNumber
            data-testid="registry-filter-age-to"
            aria-label={t('persons.filter.ageTo')}
            prefix={t('persons.filter.ageTo')}
            min={0}
            max={130}
            precision={0}
            value={ageTo.text === '' ? null : Number(ageTo.text)}
            onChange={(v) => ageTo.setText(v === null ? '' : String(v))}
            style={{ width: 140 }}
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
          {hasFilters && (
            <Button
              onClick={() =>
                update({
                  q: undefined,
                  areaCode: undefined,
                  statusKind: undefined,
                  category: undefined,
                  ageFrom: undefined,
                  ageTo: undefined,
                  gender: undefined,
                  ethnicCode: undefined,
                  includeInactive: undefined,
                })
              }
            >
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
        <Typography.Text data-testid="registry-total" strong>
          {list.data ? (total === 0 ? t('persons.noneFound') : t('common.range', { from, to, total })) : t('app.loading')}
        </Typography.Text>
      </div>

      <div data-testid="registry-table" className="table-box">
        <Table<PersonListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: hasFilters ? t('persons.empty') : t('persons.emptyRegistry') }}
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
