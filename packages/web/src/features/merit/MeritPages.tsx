import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import {
  BENEFIT_DECISION_LABELS,
  GIFT_SOURCE_LABELS,
  MARTYR_INFO_LABELS,
  STATUS_CATEGORIES,
  giftTotalText,
  type GiftSource,
} from '@ansinh/domain';
import { PageHead } from '../../components/PageHead';
import { LoadError } from '../../components/LoadError';
import {
  pick,
  useLang,
  useMoney,
  usePrintInVietnamese,
  useT,
  type Lang,
  type MessageKey,
  type TFunction,
} from '../../kernel/i18n';
import { ExtractsCard } from './ExtractsCard';
import { TransferSlips } from './TransferSlip';
import { meritApi, meritKeys, type Graves, type MeritRecord, type MeritRecords } from './api';
import { dataCell } from '../../kernel/format';

/** Merit records of the actor's area, searched by name or dossier code. */
export function RecordsPage() {
  const t = useT();
  const { lang } = useLang();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: meritKeys.records({ q, page }),
    queryFn: ({ signal }) => meritApi.records({ q: q || undefined, page, pageSize: 50 }, signal),
  });
  return (
    <div>
      <PageHead title={t('merit.tab.records')} />
      <Input.Search
        placeholder={t('merit.search')}
        allowClear
        onSearch={(v) => (setQ(v), setPage(1))}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      {query.error && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<MeritRecords['items'][number]>
        data-testid="merit-records"
        rowKey="id"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: query.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            onCell: dataCell,
            title: t('merit.col.name'),
            key: 'n',
            render: (_, r) => <Link to={`/merit/records/${r.id}`}>{r.fullName}</Link>,
          },
          { title: t('merit.col.code'), dataIndex: 'dossierCode' },
          { title: t('merit.col.category'), key: 'c', render: (_, r) => meritCategoryLabel(r.category, lang) },
          {
            title: t('merit.col.state'),
            key: 's',
            render: (_, r) => codeLabel(t, 'merit.benefitState', r.benefitState),
          },
        ]}
      />
    </div>
  );
}

/** A merit category's name (Law 02/2020 Art. 3) in the chosen language; the code if unknown. */
function meritCategoryLabel(code: string, lang: Lang): string {
  const c = STATUS_CATEGORIES.meritorious.categories.find((x) => x.code === code);
  return c ? c[lang] : code;
}

/** A record's state by its code, never the code itself (an unknown one shows the generic label). */
function codeLabel(t: TFunction, prefix: 'merit.recordState' | 'merit.benefitState', code: string): string {
  return t(`${prefix}.${code}` as MessageKey);
}

/** One person's merit page: the original dossier, decisions, gifts, relatives; printable. */
export function RecordPage() {
  usePrintInVietnamese(); // printed as it shows: an official paper, in Vietnamese
  const t = useT();
  const { lang } = useLang();
  const money = useMoney();
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: meritKeys.record(id),
    queryFn: ({ signal }) => meritApi.record(id, signal),
    enabled: id > 0,
  });
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const r: MeritRecord | undefined = q.data;
  if (!r) return null;
  return (
    <div className="merit-print">
      <PageHead
        title={<span translate="no">{`${r.fullName} — ${r.dossierCode}`}</span>}
        extra={
          <Button className="merit-noprint" onClick={() => window.print()}>
            {t('merit.print')}
          </Button>
        }
      />
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('merit.col.code')}>{r.dossierCode}</Descriptions.Item>
        <Descriptions.Item label={t('merit.col.category')}>
          {meritCategoryLabel(r.category, lang)}
          {r.degree !== null ? ` (${r.degree}%)` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('merit.record.custodian')}>
          {/* Free text, "Sở" (the Department) unless another custodian was entered. */}
          {r.custodian === 'Sở' ? t('merit.custodian.department') : <span translate="no">{r.custodian}</span>}
        </Descriptions.Item>
        <Descriptions.Item label={t('merit.col.state')}>
          {codeLabel(t, 'merit.recordState', r.state)} · {codeLabel(t, 'merit.benefitState', r.benefitState)} ·{' '}
          {t('merit.record.retention')}
        </Descriptions.Item>
        <Descriptions.Item label={t('merit.record.dossier')}>
          {r.dossierId !== null ? (
            <Link to={`/dossiers/${r.dossierId}`} data-testid="merit-record-dossier">
              {t('merit.record.openDossier')}
            </Link>
          ) : (
            t('merit.record.noDossier')
          )}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('merit.record.decisions')} style={{ marginTop: 12 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.decisions}
          columns={[
            {
              title: t('merit.col.decisionKind'),
              key: 'k',
              render: (_, d) => pick(BENEFIT_DECISION_LABELS[d.kind], lang),
            },
            { onCell: dataCell, title: t('merit.col.decisionNo'), dataIndex: 'decisionNo' },
            { title: t('merit.col.date'), dataIndex: 'decisionDate' },
            { title: t('merit.col.effectiveMonth'), dataIndex: 'effectiveMonth' },
            // The official form number ("Mẫu 50"): a proper name, in Vietnamese.
            { title: t('merit.col.form'), dataIndex: 'form', onCell: () => ({ lang: 'vi' }) },
            { title: t('merit.col.monthly'), key: 'a', align: 'right', render: (_, d) => money(d.monthlyAmount) },
          ]}
        />
      </Card>
      <Card size="small" title={t('merit.record.gifts')} style={{ marginTop: 12 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.gifts}
          columns={[
            { onCell: dataCell, title: t('merit.col.campaign'), dataIndex: 'campaign' },
            {
              title: t('merit.col.source'),
              key: 'source',
              render: (_, g) => pick(GIFT_SOURCE_LABELS[g.source as GiftSource], lang) || g.source,
            },
            { title: t('merit.col.date'), dataIndex: 'givenOn' },
            { title: t('merit.col.amount'), key: 'a', align: 'right', render: (_, g) => money(g.amount) },
          ]}
        />
      </Card>
      <Card size="small" title={t('merit.record.relatives')} style={{ marginTop: 12 }}>
        {r.relatives.length
          ? r.relatives.map((x) => <Tag key={x.id} translate="no">{`${x.fullName} (${x.relation})`}</Tag>)
          : t('merit.empty')}
      </Card>
      <ExtractsCard record={r} />
      <TransferSlips record={r} />
    </div>
  );
}

/** Martyrs and their graves, searched without diacritics (as the registry). */
export function GravesPage() {
  const t = useT();
  const { lang } = useLang();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: meritKeys.graves({ q, page }),
    queryFn: ({ signal }) => meritApi.graves({ q: q || undefined, page, pageSize: 50 }, signal),
  });
  const cemeteries = useQuery({ queryKey: meritKeys.cemeteries, queryFn: ({ signal }) => meritApi.cemeteries(signal) });
  const [cemetery, setCemetery] = useState<number | null>(null);
  return (
    <div>
      <PageHead
        title={t('merit.tab.graves')}
        extra={
          <Space wrap className="merit-noprint">
            <Select
              data-testid="cemetery-pick"
              aria-label={t('merit.docx.chooseCemetery')}
              placeholder={t('merit.docx.chooseCemetery')}
              style={{ width: 300 }}
              showSearch
              optionFilterProp="label"
              value={cemetery ?? undefined}
              onChange={(v: number) => setCemetery(v)}
              options={(cemeteries.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.graves})` }))}
            />
            {cemetery ? (
              <a href={meritApi.cemeteryListUrl(cemetery)} data-testid="cemetery-docx">
                {t('merit.docx.cemetery')}
              </a>
            ) : null}
          </Space>
        }
      />
      <Input.Search
        data-testid="graves-search"
        placeholder={t('merit.search')}
        allowClear
        onSearch={(v) => (setQ(v), setPage(1))}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      {query.error && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<Graves['items'][number]>
        data-testid="graves-table"
        rowKey="id"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: query.data?.total ?? 0, onChange: setPage }}
        columns={[
          { onCell: dataCell, title: t('merit.col.name'), dataIndex: 'martyrName' },
          { onCell: dataCell, title: t('merit.col.hometown'), dataIndex: 'hometown' },
          { title: t('merit.col.deathYear'), dataIndex: 'deathYear' },
          { title: t('merit.col.info'), key: 'i', render: (_, g) => pick(MARTYR_INFO_LABELS[g.infoStatus], lang) },
          {
            onCell: dataCell,
            title: t('merit.col.cemetery'),
            key: 'c',
            render: (_, g) => g.cemeteryName ?? t('merit.outsideCemetery'),
          },
          { onCell: dataCell, title: t('merit.col.position'), dataIndex: 'position' },
        ]}
      />
    </div>
  );
}

/** The yearly count (Mẫu 100) and gifts "N suất, X đồng" by occasion and source. */
export function YearPage() {
  usePrintInVietnamese(); // printed as it shows: an official paper, in Vietnamese
  const t = useT();
  const { lang } = useLang();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const y = useQuery({ queryKey: meritKeys.yearly(year), queryFn: ({ signal }) => meritApi.yearly(year, signal) });
  const g = useQuery({
    queryKey: ['merit', 'gifts', year],
    queryFn: ({ signal }) => meritApi.giftTotals(year, signal),
  });
  return (
    <div className="merit-print">
      <PageHead
        title={t('merit.year.title')}
        extra={
          <Space className="merit-noprint">
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
            <Button onClick={() => window.print()}>{t('merit.print')}</Button>
          </Space>
        }
      />
      {y.data && (
        <Descriptions size="small" bordered column={2} data-testid="merit-year">
          <Descriptions.Item label={t('merit.year.people')}>{y.data.peopleManaged}</Descriptions.Item>
          <Descriptions.Item label={t('merit.year.decisions')}>{y.data.allowanceDecisions}</Descriptions.Item>
          <Descriptions.Item label={t('merit.year.gifts')}>
            {lang === 'vi'
              ? giftTotalText(y.data.giftCount, y.data.giftAmount)
              : t('merit.giftTotal', { n: y.data.giftCount, amount: y.data.giftAmount })}
          </Descriptions.Item>
          <Descriptions.Item label={t('merit.year.reburied')}>{y.data.remainsReburied}</Descriptions.Item>
          <Descriptions.Item label={t('merit.year.samples')}>{y.data.samplesTaken}</Descriptions.Item>
          <Descriptions.Item
            label={t('merit.year.martyrs')}
          >{`${y.data.martyrs} / ${y.data.graves}`}</Descriptions.Item>
        </Descriptions>
      )}
      <Card size="small" title={t('merit.year.gifts')} style={{ marginTop: 12 }}>
        {(g.data?.rows ?? []).map((r) => (
          <div
            key={`${r.occasion}-${r.source}`}
          >{`${t(r.occasion === 'tet' ? 'merit.occasion.tet' : r.occasion === '27_7' ? 'merit.occasion.27_7' : 'merit.occasion.other')} — ${r.text}`}</div>
        ))}
      </Card>
    </div>
  );
}
