import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { GenerateResult, LIST_STATES, PAYMENT_CHANNELS, todayInVietnam } from '@ansinh/domain';
import type { ProgramGroup } from '@ansinh/domain';
import type { BackgroundJobOut, BatchOut, ListOut, ListState, PaymentChannel, ProgramOut } from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { dataCell, formatDate, formatDateTime, showDate } from '../../kernel/format';
import { TN, useLang, useT } from '../../kernel/i18n';
import { JobProgress, waitForJob } from '../../kernel/jobs';
import type { TFunction } from '../../kernel/i18n';
import { DetailFallback, useRouteRecord } from '../../components/DetailFallback';
import { LoadError } from '../../components/LoadError';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { PageHead } from '../../components/PageHead';
import { DateInput, isoOf } from '../../components/DateInput';
import { pk, programsApi } from './api';
import type { ListsFilter, TotalsFilter } from './api';
import {
  amountText,
  categoryLabel,
  CHANNEL_KEYS,
  eligibilityText,
  Fact,
  KIND_KEYS,
  kgWithTonnes,
  listStateLabel,
  ListStateTag,
  num,
  UNIT_KEYS,
  usePrograms,
} from './shared';
import { PagedTable } from '../../components/PagedTable';
import { ImportListCard, ListByImportSwitch } from './ImportListCard';

/** /programs/:id: the rules, the progress, the totals, the lists of a period and the payment batches. */
export default function ProgramPage() {
  const { valid, query } = useRouteRecord(pk.program, programsApi.program);
  if (!query.data) return <DetailFallback valid={valid} query={query} />;
  return <ProgramView program={query.data} />;
}

function ProgramView({ program: p }: { program: ProgramOut }) {
  const t = useT();
  const { lang } = useLang();
  const { me, can } = usePrograms();
  const [month, setMonth] = useState<string>(() => defaultMonth(p));
  const period = p.periodKind === 'monthly' ? month : p.refDate.slice(0, 4);

  return (
    <div>
      <PageHead
        title={
          <span data-testid="program-name" translate="no">
            {p.name}
          </span>
        }
        intro={t('programs.detailIntro')}
        extra={<Link to="/programs">{t('programs.back')}</Link>}
      />
      <Card className="program-section" title={t('programs.details')}>
        <div className="program-facts">
          <Fact label={t('programs.col.code')}>{p.code}</Fact>
          <Fact label={t('programs.col.legalBasis')} data>
            {p.legalDate
              ? t('programs.legalWithDate', { basis: p.legalBasis, date: showDate(p.legalDate) })
              : p.legalBasis}
          </Fact>
          <Fact label={t('programs.col.kind')}>{t(KIND_KEYS[p.kind])}</Fact>
          <Fact label={t('programs.col.unit')}>{t(UNIT_KEYS[p.unit])}</Fact>
          <Fact label={t('programs.col.period')}>
            {`${p.periodKind === 'monthly' ? t('programs.periodKind.monthly') : t('programs.periodKind.once')}: ${showDate(p.periodFrom)} – ${p.periodTo ? showDate(p.periodTo) : t('programs.openEnded')}`}
          </Fact>
          <Fact label={t('programs.form.refDate')}>{showDate(p.refDate)}</Fact>
          <Fact label={t('programs.form.budget')}>
            {p.budget === null ? t('common.none') : t('programs.amountDong', { amount: p.budget })}
          </Fact>
          <Fact label={t('programs.form.fundingSource')} data>
            {p.fundingSource ?? t('common.none')}
          </Fact>
          <Fact label={t('programs.form.group')}>
            {p.group ? t(`programs.group.${p.group as ProgramGroup}`) : t('common.none')}
          </Fact>
        </div>
        <Typography.Title level={5}>{t('programs.rules')}</Typography.Title>
        <ul data-testid="program-rules">
          {p.rules.map((r) => (
            <li key={r.id}>
              <Typography.Text strong>
                {t('programs.ruleFrom', {
                  from: showDate(r.validFrom),
                  to: r.validTo ? showDate(r.validTo) : t('programs.openEnded'),
                })}
              </Typography.Text>
              <div>{eligibilityText(t, r.eligibility, lang)}</div>
              <div>{amountText(t, r.amount, lang)}</div>
              {r.note ? (
                <Typography.Text type="secondary" translate="no">
                  {r.note}
                </Typography.Text>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>

      <Space wrap className="program-section no-print">
        {p.periodKind === 'monthly' && (
          <label>
            {t('programs.period')}{' '}
            <DatePicker
              picker="month"
              format="MM/YYYY"
              allowClear={false}
              data-testid="program-period"
              value={dayjs(`${month}-01`)}
              onChange={(d: Dayjs | null) => d && setMonth(d.format('YYYY-MM'))}
            />
          </label>
        )}
        {p.periodKind !== 'monthly' && <Tag>{t('programs.periodYear', { period })}</Tag>}
        {!p.listByImport && can.prepare && me?.role === 'commune_officer' && (
          <CommuneListButton program={p} period={period} communeCode={me.areaCode} />
        )}
        {!p.listByImport && can.prepare && me?.role === 'province_officer' && (
          <GenerateButton program={p} period={period} />
        )}
        {can.manage && <ListByImportSwitch program={p} />}
      </Space>

      {p.listByImport && can.prepare && (me?.role === 'commune_officer' || me?.role === 'province_officer') && (
        <ImportListCard program={p} period={period} communeCode={me.role === 'commune_officer' ? me.areaCode : null} />
      )}

      {can.progress && <ProgressCard program={p} period={period} />}
      {can.progress && <TotalsCard program={p} period={period} />}
      <ListsCard program={p} period={period} />
      {can.pay && <BatchesCard program={p} period={period} />}
    </div>
  );
}

function defaultMonth(p: ProgramOut): string {
  const month = todayInVietnam().slice(0, 7);
  const from = p.periodFrom.slice(0, 7);
  const to = p.periodTo?.slice(0, 7);
  if (month < from) return from;
  if (to && month > to) return to;
  return month;
}

/** The commune officer's list of the period: "Lập danh sách" while there is none, then a link to it. */
function CommuneListButton({
  program: p,
  period,
  communeCode,
}: {
  program: ProgramOut;
  period: string;
  communeCode: string;
}) {
  const filter: ListsFilter = { programId: p.id, period, areaCode: communeCode, limit: 50, offset: 0 };
  const query = useQuery({ queryKey: pk.lists(filter), queryFn: ({ signal }) => programsApi.lists(filter, signal) });
  if (!query.data) return null;
  const own = query.data.items.filter((l) => l.communeCode === communeCode && l.seq === 0)[0];
  if (!own) return <GenerateButton program={p} period={period} communeCode={communeCode} />;
  return (
    <Link to={`/programs/lists/${own.id}`} data-testid="program-own-list">
      <TN k="programs.openOwnList" p={{ commune: own.communeName }} />
    </Link>
  );
}

/** "Lập danh sách" for the officer's commune, or for every commune without a list. */
function GenerateButton({
  program: p,
  period,
  communeCode,
}: {
  program: ProgramOut;
  period: string;
  communeCode?: string;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [job, setJob] = useState<BackgroundJobOut | null>(null);
  const generate = useMutation({
    // A background job: the server answers at once, the page follows its progress.
    mutationFn: async () => {
      const started = await programsApi.generate(p.id, {
        ...(p.periodKind === 'monthly' ? { period } : {}),
        ...(communeCode ? { communeCode } : {}),
      });
      const done = await waitForJob(started, setJob);
      return GenerateResult.parse(done.result);
    },
    onSettled: () => setJob(null),
    onSuccess: async (r) => {
      void message.success(t('programs.generated', { lists: r.lists, entries: r.entries }));
      await qc.invalidateQueries({ queryKey: pk.all });
      if (communeCode && r.listIds.length === 1) void navigate(`/programs/lists/${r.listIds[0]}`);
    },
    onError: (e) => void modal.error({ title: t('common.errorTitle'), content: errorText(e) }),
  });
  // For every commune at once: say how many communes it covers (those without a list) first.
  const progress = useQuery({
    queryKey: pk.progress(p.id, period),
    queryFn: ({ signal }) => programsApi.progress({ programId: p.id, period }, signal),
    enabled: !communeCode,
  });
  const missing = progress.data?.missingCommunes ?? [];
  const onClick = () => {
    if (communeCode) return generate.mutate();
    void modal.confirm({
      title: t('programs.generateAllConfirm', { n: num(missing.length), period }),
      content: (
        <div data-testid="generate-all-confirm">
          {missing.length === 0
            ? t('programs.generateAllNone')
            : t('programs.generateAllHint', {
                names: missing
                  .slice(0, 8)
                  .map((c) => c.name)
                  .join(', '),
                more: missing.length > 8 ? t('programs.andMore', { n: num(missing.length - 8) }) : '',
              })}
        </div>
      ),
      okText: t('programs.generateAll'),
      okButtonProps: { disabled: missing.length === 0, 'data-testid': 'generate-all-ok' } as ButtonProps,
      onOk: () => generate.mutate(),
    });
  };
  return (
    <Space direction="vertical">
      <Button
        type="primary"
        data-testid={communeCode ? 'program-generate' : 'program-generate-all'}
        loading={generate.isPending}
        onClick={onClick}
      >
        {communeCode ? t('programs.generate') : t('programs.generateAll')}
      </Button>
      <JobProgress job={job} label="programs.generating" />
    </Space>
  );
}

function ProgressCard({ program: p, period }: { program: ProgramOut; period: string }) {
  const t = useT();
  const { lang } = useLang();
  const query = useQuery({
    queryKey: pk.progress(p.id, period),
    queryFn: ({ signal }) => programsApi.progress({ programId: p.id, period }, signal),
  });
  type Row = NonNullable<typeof query.data>['rows'][number];
  const columns: TableColumnsType<Row> = [
    { onCell: dataCell, title: t('programs.col.area'), dataIndex: 'areaName' },
    { title: t('programs.col.communes'), dataIndex: 'communes', align: 'right' },
    {
      title: t('programs.col.missing'),
      dataIndex: 'missing',
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: t('programs.col.byState'),
      key: 'byState',
      render: (_: unknown, r) => (
        <Space wrap size={4}>
          {Object.entries(r.byState).map(([s, n]) => (
            <Tag
              key={s}
            >{`${(LIST_STATES as readonly string[]).includes(s) ? listStateLabel(s as ListState, lang) : s}: ${n}`}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('programs.col.approvedEntries'),
      dataIndex: 'approvedEntries',
      align: 'right',
      render: (n: number) => num(n),
    },
  ];
  // The progress rows carry amounts in đồng only; in-kind quantities are in the totals below.
  if (p.unit === 'dong')
    columns.push({
      title: t('programs.col.approvedAmount'),
      dataIndex: 'approvedAmount',
      align: 'right',
      render: (n: number) => num(n),
    });
  const missing = query.data?.missingCommunes ?? [];
  return (
    <Card className="program-section" title={t('programs.progress')} data-testid="program-progress">
      {query.error && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      <div className="table-box">
        <Table<Row>
          rowKey="areaCode"
          size="small"
          columns={columns}
          dataSource={query.data?.rows ?? []}
          loading={query.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
      {missing.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          data-testid="program-missing"
          title={t('programs.missingCommunes', { n: missing.length })}
          description={<span translate="no">{missing.map((c) => c.name).join(', ')}</span>}
        />
      )}
    </Card>
  );
}

/** "Đã duyệt N người, X đồng / Đã chi M người, Y đồng", by area or by category. */
export function totalsLine(
  t: TFunction,
  unit: ProgramOut['unit'],
  r: {
    approvedCount: number;
    approvedAmount: number;
    approvedQuantity: number;
    paidCount: number;
    paidAmount: number;
    paidQuantity: number;
  },
) {
  const what = (amount: number, quantity: number) =>
    unit === 'dong'
      ? `${num(amount)} ${t('programs.unit.dong')}`
      : unit === 'kg'
        ? kgWithTonnes(t, quantity)
        : `${num(quantity)} ${t('programs.unit.card')}`;
  return t('programs.totalsLine', {
    approved: num(r.approvedCount),
    approvedWhat: what(r.approvedAmount, r.approvedQuantity),
    paid: num(r.paidCount),
    paidWhat: what(r.paidAmount, r.paidQuantity),
  });
}

function TotalsCard({ program: p, period }: { program: ProgramOut; period: string }) {
  const t = useT();
  const { lang } = useLang();
  const [groupBy, setGroupBy] = useState<'area' | 'category'>('area');
  const filter: TotalsFilter = { programId: p.id, period, groupBy };
  const query = useQuery({
    queryKey: pk.totals(filter),
    queryFn: ({ signal }) => programsApi.totals(filter, signal),
    placeholderData: keepPreviousData,
  });
  type Row = NonNullable<typeof query.data>['rows'][number];
  const columns: TableColumnsType<Row> = [
    groupBy === 'area'
      ? { onCell: dataCell, title: t('programs.col.area'), dataIndex: 'label' }
      : {
          title: t('programs.col.category'),
          key: 'label',
          // The server's label is the category's code: its name, in the chosen language.
          render: (_: unknown, r) => (r.key ? categoryLabel(r.key, lang) : t('programs.uncategorised')),
        },
    {
      title: t('programs.col.approvedEntries'),
      dataIndex: 'approvedCount',
      align: 'right',
      render: (n: number) => num(n),
    },
    {
      title: t('programs.col.approvedAmount'),
      key: 'approved',
      align: 'right',
      render: (_: unknown, r) =>
        p.unit === 'dong'
          ? num(r.approvedAmount)
          : p.unit === 'kg'
            ? kgWithTonnes(t, r.approvedQuantity)
            : num(r.approvedQuantity),
    },
    { title: t('programs.col.paidCount'), dataIndex: 'paidCount', align: 'right', render: (n: number) => num(n) },
    {
      title: t('programs.col.paidAmount'),
      key: 'paid',
      align: 'right',
      render: (_: unknown, r) =>
        p.unit === 'dong' ? num(r.paidAmount) : p.unit === 'kg' ? kgWithTonnes(t, r.paidQuantity) : num(r.paidQuantity),
    },
  ];
  return (
    <Card
      className="program-section"
      title={t('programs.totals')}
      extra={
        <Segmented
          className="no-print"
          data-testid="program-totals-group"
          value={groupBy}
          onChange={(v) => setGroupBy(v as 'area' | 'category')}
          options={[
            { value: 'area', label: t('programs.byArea') },
            { value: 'category', label: t('programs.byCategory') },
          ]}
        />
      }
    >
      {query.error && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <div className="program-totals-line" data-testid="program-totals">
          {totalsLine(t, p.unit, query.data.total)}
        </div>
      )}
      <div className="table-box">
        <Table<Row>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={query.data?.rows ?? []}
          loading={query.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
    </Card>
  );
}

function ListsCard({ program: p, period }: { program: ProgramOut; period: string }) {
  const t = useT();
  const { lang } = useLang();
  const { can } = usePrograms();
  const [state, setState] = useState<ListState | undefined>();
  const [areaCode, setAreaCode] = useState('');
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [selected, setSelected] = useState<number[]>([]);
  // The selected lists themselves (across pages), for the totals the approval dialog shows.
  const [selectedRows, setSelectedRows] = useState<Map<number, ListOut>>(new Map());
  const [approving, setApproving] = useState(false);
  const filter: ListsFilter = {
    programId: p.id,
    period,
    ...(state ? { state } : {}),
    ...(/^\d{2,5}$/.test(areaCode.trim()) ? { areaCode: areaCode.trim() } : {}),
    limit: page.size,
    offset: (page.current - 1) * page.size,
  };
  const query = useQuery({
    queryKey: pk.lists(filter),
    queryFn: ({ signal }) => programsApi.lists(filter, signal),
    placeholderData: keepPreviousData,
  });
  const unitText = (l: ListOut) =>
    p.unit === 'dong' ? num(l.totalAmount) : p.unit === 'kg' ? kgWithTonnes(t, l.totalQuantity) : num(l.totalQuantity);
  const columns: TableColumnsType<ListOut> = [
    {
      onCell: dataCell,
      title: t('programs.col.commune'),
      key: 'commune',
      render: (_: unknown, l) => (
        <span>
          {/* Supervisors read lists on the published page, where they file their remarks. */}
          <Link
            to={can.remark ? `/giam-sat/${l.id}` : `/programs/lists/${l.id}`}
            data-testid={`list-link-${l.communeCode}${l.seq ? `-${l.seq}` : ''}`}
          >
            {l.communeName}
          </Link>
          {l.seq > 0 ? <Tag style={{ marginLeft: 6 }}>{t('programs.supplementaryNo', { n: l.seq })}</Tag> : null}
        </span>
      ),
    },
    { title: t('programs.col.state'), dataIndex: 'state', render: (s: ListState) => <ListStateTag state={s} /> },
    { title: t('programs.col.entries'), dataIndex: 'entriesCount', align: 'right', render: (n: number) => num(n) },
    {
      title: p.unit === 'dong' ? t('programs.col.amount') : t('programs.col.quantity'),
      key: 'total',
      align: 'right',
      render: (_: unknown, l) => unitText(l),
    },
    {
      onCell: dataCell,
      title: t('programs.col.decision'),
      key: 'decision',
      render: (_: unknown, l) => (l.decisionNo ? `${l.decisionNo} (${showDate(l.decisionDate)})` : ''),
    },
    {
      title: t('programs.col.published'),
      dataIndex: 'publishedAt',
      render: (v: string | null) => (v ? <Tag color="purple">{t('programs.published')}</Tag> : ''),
    },
  ];
  const approvable = (l: ListOut) => l.state === (l.levels === 3 ? 'appraised' : 'submitted');
  return (
    <Card
      className="program-section"
      title={t('programs.lists')}
      extra={
        can.approve && (
          <Button
            type="primary"
            className="no-print"
            data-testid="lists-approve-bulk"
            disabled={selected.length === 0}
            onClick={() => setApproving(true)}
          >
            {t('programs.bulkApprove', { n: selected.length })}
          </Button>
        )
      }
    >
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <Select
          data-testid="lists-filter-state"
          aria-label={t('programs.col.state')}
          placeholder={t('programs.col.state')}
          allowClear
          style={{ width: 200 }}
          value={state}
          onChange={(v?: ListState) => {
            setState(v);
            setPage((x) => ({ ...x, current: 1 }));
          }}
          options={LIST_STATES.map((s) => ({ value: s, label: listStateLabel(s, lang) }))}
        />
        <Input
          data-testid="lists-filter-area"
          aria-label={t('programs.filterArea')}
          placeholder={t('programs.filterArea')}
          allowClear
          style={{ width: 220 }}
          value={areaCode}
          onChange={(e) => {
            setAreaCode(e.target.value);
            setPage((x) => ({ ...x, current: 1 }));
          }}
        />
      </Space>
      <PagedTable<ListOut>
        query={query}
        size="small"
        showRange={false}
        testId="lists-table"
        rowKey="id"
        columns={columns}
        emptyText={t('programs.noLists')}
        rowSelection={
          can.approve
            ? {
                selectedRowKeys: selected,
                onChange: (keys, rows) => {
                  setSelected(keys as number[]);
                  setSelectedRows((prev) => {
                    const next = new Map<number, ListOut>();
                    for (const k of keys as number[]) {
                      const row = rows.find((r) => r?.id === k) ?? prev.get(k);
                      if (row) next.set(k, row);
                    }
                    return next;
                  });
                },
                getCheckboxProps: (l) => ({ disabled: !approvable(l), name: `select-list-${l.id}` }),
              }
            : undefined
        }
        page={{ page: page.current, pageSize: page.size }}
        onPage={(current, size) => setPage({ current, size })}
        sizes={[20, 50, 100, 200]}
      />
      {approving && (
        <ApproveModal
          listIds={selected}
          lists={[...selectedRows.values()]}
          unit={p.unit}
          onClose={() => setApproving(false)}
          onDone={() => {
            setSelected([]);
            setApproving(false);
          }}
        />
      )}
    </Card>
  );
}

interface DecisionValues {
  decisionNo?: string;
  decisionDate?: Dayjs | null;
  comment?: string;
}

/** Approve many lists under one decision; lists that cannot be approved are named with the reason. */
function ApproveModal({
  listIds,
  lists,
  unit,
  onClose,
  onDone,
}: {
  listIds: number[];
  lists: ListOut[];
  unit: ProgramOut['unit'];
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  // What the decision covers, said before signing it: lists, people and the amount.
  const people = lists.reduce((n, l) => n + l.entriesCount, 0);
  const amount = lists.reduce((n, l) => n + (unit === 'dong' ? l.totalAmount : l.totalQuantity), 0);
  const amountText =
    unit === 'dong'
      ? `${num(amount)} ${t('programs.unit.dong')}`
      : unit === 'kg'
        ? kgWithTonnes(t, amount)
        : `${num(amount)} ${t('programs.unit.card')}`;
  const { modal } = App.useApp();
  const f = useModalForm<DecisionValues>(['decisionNo', 'decisionDate', 'comment'], onClose);
  const approve = useMutation({
    mutationFn: (v: DecisionValues) =>
      programsApi.approveMany({
        listIds,
        decisionNo: (v.decisionNo ?? '').trim(),
        decisionDate: isoOf(v.decisionDate) ?? '',
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      }),
    onSuccess: async (r) => {
      await f.done(t('programs.bulkApproved', { n: r.approved.length }), pk.all);
      if (r.failed.length > 0) {
        void modal.warning({
          title: t('programs.bulkFailed', { n: r.failed.length }),
          content: (
            <ul>
              {r.failed.map((x) => (
                <li key={x.listId}>{`#${x.listId}: ${x.message}`}</li>
              ))}
            </ul>
          ),
        });
      }
      onDone();
    },
    onError: f.showError,
  });
  return (
    <ModalForm<DecisionValues>
      state={f}
      title={t('programs.bulkApproveTitle', { n: listIds.length })}
      errorTestId="bulk-approve-error"
      submit={{ label: t('programs.approve'), testId: 'bulk-approve-submit', loading: approve.isPending }}
      onFinish={(v) => approve.mutate(v)}
      initialValues={{ decisionDate: dayjs(todayInVietnam()) }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="bulk-approve-totals"
        title={t('programs.bulkApproveTotals', { lists: num(listIds.length), people: num(people), amount: amountText })}
      />
      <DecisionFields />
    </ModalForm>
  );
}

/** Decision number and date of an approval. */
export function DecisionFields() {
  const t = useT();
  return (
    <>
      <Form.Item
        name="decisionNo"
        label={t('programs.decisionNo')}
        extra={t('programs.decisionNoHint')}
        rules={[{ required: true, whitespace: true, message: t('programs.decisionNoRequired') }]}
      >
        <Input data-testid="decision-no" />
      </Form.Item>
      <Form.Item
        name="decisionDate"
        label={t('programs.decisionDate')}
        rules={[{ required: true, message: t('programs.form.dateRequired') }]}
      >
        <DateInput data-testid="decision-date" />
      </Form.Item>
      <Form.Item name="comment" label={t('programs.comment')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

function BatchesCard({ program: p, period }: { program: ProgramOut; period: string }) {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState({ current: 1, size: 20 });
  const q = { programId: p.id, limit: page.size, offset: (page.current - 1) * page.size };
  const cash = p.unit === 'dong';
  const query = useQuery({
    queryKey: [...pk.batches(p.id), page],
    queryFn: ({ signal }) => programsApi.batches(q, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<BatchOut> = [
    {
      onCell: dataCell,
      title: t('programs.col.batch'),
      key: 'batch',
      render: (_: unknown, b) => (
        <Link to={`/programs/batches/${b.id}`} data-testid={`batch-link-${b.id}`}>
          <TN k="programs.batchName" p={{ id: b.id, area: b.areaName }} />
        </Link>
      ),
    },
    { title: t('programs.period'), dataIndex: 'period' },
    { title: t('programs.col.channel'), dataIndex: 'channel', render: (c: PaymentChannel) => t(CHANNEL_KEYS[c]) },
    { title: t('programs.col.entries'), dataIndex: 'entriesCount', align: 'right', render: (n: number) => num(n) },
    ...(cash
      ? [
          {
            title: t('programs.col.amount'),
            dataIndex: 'totalAmount',
            align: 'right' as const,
            render: (n: number) => num(n),
          },
        ]
      : []),
    { title: t('programs.col.paidCount'), dataIndex: 'paidCount', align: 'right', render: (n: number) => num(n) },
    ...(cash
      ? [
          {
            title: t('programs.col.paidAmount'),
            dataIndex: 'paidAmount',
            align: 'right' as const,
            render: (n: number) => num(n),
          },
        ]
      : []),
    {
      // The day fits the column at 1366 px; the time is on hover.
      title: t('programs.col.createdAt'),
      dataIndex: 'createdAt',
      width: 100,
      render: (v: string) => <span title={formatDateTime(v)}>{formatDate(v)}</span>,
    },
  ];
  return (
    <Card
      className="program-section"
      title={t('programs.batches')}
      extra={
        <Button className="no-print" data-testid="batch-create" onClick={() => setCreating(true)}>
          {t('programs.createBatch')}
        </Button>
      }
    >
      <PagedTable<BatchOut>
        query={query}
        size="small"
        showRange={false}
        sizes={null}
        testId="batches-table"
        rowKey="id"
        columns={columns}
        emptyText={t('programs.noBatches')}
        page={{ page: page.current, pageSize: page.size }}
        onPage={(current, size) => setPage({ current, size })}
      />
      {creating && <CreateBatchModal program={p} period={period} onClose={() => setCreating(false)} />}
    </Card>
  );
}

interface BatchValues {
  channel?: PaymentChannel;
  areaCode?: string;
}

function CreateBatchModal({
  program: p,
  period,
  onClose,
}: {
  program: ProgramOut;
  period: string;
  onClose: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const f = useModalForm<BatchValues>(['channel', 'areaCode'], onClose);
  // A batch for the whole province is confirmed with what it covers at most (approved entries).
  const progress = useQuery({
    queryKey: pk.progress(p.id, period),
    queryFn: ({ signal }) => programsApi.progress({ programId: p.id, period }, signal),
  });
  const approvedPeople = (progress.data?.rows ?? []).reduce((n, r) => n + r.approvedEntries, 0);
  const approvedAmount = (progress.data?.rows ?? []).reduce((n, r) => n + r.approvedAmount, 0);
  const onFinish = (v: BatchValues) => {
    if (v.areaCode?.trim()) return create.mutate(v);
    void modal.confirm({
      title: t('programs.batchWholeConfirm'),
      content: (
        <div data-testid="batch-whole-confirm">
          {t('programs.batchWholeHint', {
            people: num(approvedPeople),
            amount: p.unit === 'dong' ? `${num(approvedAmount)} ${t('programs.unit.dong')}` : '—',
            period,
          })}
        </div>
      ),
      okText: t('programs.createBatch'),
      onOk: () => create.mutateAsync(v),
    });
  };
  const create = useMutation({
    mutationFn: (v: BatchValues) =>
      programsApi.createBatch({
        programId: p.id,
        period,
        channel: v.channel ?? 'post_office',
        ...(v.areaCode?.trim() ? { areaCode: v.areaCode.trim() } : {}),
      }),
    onSuccess: async (b) => {
      await f.done(t('programs.batchCreated', { n: b.entriesCount }), pk.all);
      void navigate(`/programs/batches/${b.id}`);
    },
    onError: f.showError,
  });
  return (
    <ModalForm<BatchValues>
      state={f}
      title={t('programs.createBatch')}
      intro={<p>{t('programs.createBatchIntro', { period })}</p>}
      errorTestId="batch-form-error"
      submit={{ label: t('programs.createBatch'), testId: 'batch-form-submit', loading: create.isPending }}
      onFinish={onFinish}
      initialValues={{ channel: p.unit === 'dong' ? 'post_office' : 'in_kind' }}
    >
      <Form.Item name="channel" label={t('programs.col.channel')}>
        <Select
          data-testid="batch-form-channel"
          options={PAYMENT_CHANNELS.map((c) => ({ value: c, label: t(CHANNEL_KEYS[c]) }))}
        />
      </Form.Item>
      <Form.Item name="areaCode" label={t('programs.batchArea')} extra={t('programs.batchAreaHint')}>
        <Input data-testid="batch-form-area" />
      </Form.Item>
    </ModalForm>
  );
}
