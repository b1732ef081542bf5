import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DuplicateDecisionBody, DuplicateList, PersonListItem } from '@ansinh/domain';
import { registryApi, registryKeys } from './api';
import { useErrorText } from '../../kernel/errors';
import { useLang, useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { genderLabel, PersonStateTags, RegistryHead } from './shared';
import { showPartialDate } from '../../kernel/format';
import { dataCell } from '../../kernel/format';

type Pair = DuplicateList['items'][number];

const REASONS: Record<Pair['reason'], MessageKey> = {
  same_citizen_id: 'dup.reason.same_citizen_id',
  same_name_birth_year: 'dup.reason.same_name_birth_year',
  similar_name_same_birth_date: 'dup.reason.similar_name_same_birth_date',
};

const pairKey = (p: Pair) => `${Math.min(p.a.id, p.b.id)}-${Math.max(p.a.id, p.b.id)}`;

/** One side of a pair: everything an officer compares, one fact a line. */
function PersonSide({ p, testId }: { p: PersonListItem; testId: string }) {
  const t = useT();
  const { lang } = useLang();
  const none = t('common.none');
  return (
    <div className="dup-side" data-testid={testId}>
      <div>
        <Link to={`/registry/persons/${p.id}`}>
          <strong>{p.fullName}</strong>
        </Link>{' '}
        <PersonStateTags deceasedOn={p.deceasedOn} movedOutOn={p.movedOutOn} />
      </div>
      <dl className="dup-facts">
        <dt>{t('persons.col.gender')}</dt>
        <dd>{genderLabel(p.gender, lang)}</dd>
        <dt>{t('persons.col.birthDate')}</dt>
        <dd>{showPartialDate(p.birthDate)}</dd>
        <dt>{t('persons.col.citizenId')}</dt>
        <dd>{p.citizenId ?? none}</dd>
        <dt>{t('household.col.ethnic')}</dt>
        <dd>{p.ethnicName ?? none}</dd>
        <dt>{t('persons.col.household')}</dt>
        <dd>{p.householdCode ?? none}</dd>
        <dt>{t('persons.col.village')}</dt>
        <dd>{p.village ?? none}</dd>
        <dt>{t('persons.col.commune')}</dt>
        <dd>{p.communeName}</dd>
        <dt>{t('household.col.phone')}</dt>
        <dd>{p.phone ?? none}</dd>
      </dl>
    </div>
  );
}

/** A decision button that asks first: a merge cannot be undone from here. */
function ConfirmButton({
  title,
  text,
  okText,
  onConfirm,
  testId,
  loading,
  children,
}: {
  title: string;
  text: string;
  okText: string;
  onConfirm: () => void;
  testId: string;
  loading: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Popconfirm
      title={title}
      description={<div className="confirm-text">{text}</div>}
      okText={okText}
      cancelText={t('common.cancel')}
      onConfirm={onConfirm}
    >
      <Button block data-testid={testId} loading={loading}>
        {children}
      </Button>
    </Popconfirm>
  );
}

export default function DuplicatesPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();

  const list = useQuery({
    queryKey: registryKeys.duplicates,
    queryFn: ({ signal }) => registryApi.duplicates(signal),
  });

  const decide = useMutation({
    mutationFn: (v: { pair: Pair; body: DuplicateDecisionBody }) => registryApi.decideDuplicate(v.body),
    onSuccess: async (r, { pair, body }) => {
      if (body.decision === 'different') {
        void message.success(t('dup.decidedDifferent', { a: pair.a.fullName, b: pair.b.fullName }));
      } else {
        const kept = r.keptId === pair.b.id ? pair.b : pair.a;
        void message.success(t('dup.merged', { name: kept.fullName }));
      }
      // The pair leaves the list at once; the rest of the registry refreshes behind it.
      qc.setQueryData<DuplicateList>(registryKeys.duplicates, (old) =>
        old ? { items: old.items.filter((p) => pairKey(p) !== pairKey(pair)), total: Math.max(0, old.total - 1) } : old,
      );
      await qc.invalidateQueries({ queryKey: registryKeys.all, predicate: (q) => q.queryKey[1] !== 'duplicates' });
    },
    onError: (e) => {
      modal.error({ title: t('common.errorTitle'), content: errorText(e) });
    },
  });

  const send = (pair: Pair, decision: 'different' | 'merge', keep?: number) =>
    decide.mutate({
      pair,
      body: { personA: pair.a.id, personB: pair.b.id, decision, ...(keep !== undefined ? { keep } : {}) },
    });

  const busy = (pair: Pair) =>
    decide.isPending && !!decide.variables && pairKey(decide.variables.pair) === pairKey(pair);

  const columns: TableColumnsType<Pair> = [
    {
      title: t('dup.col.reason'),
      key: 'reason',
      width: 160,
      render: (_: unknown, p) => (
        <Tag color={p.reason === 'same_citizen_id' ? 'red' : 'orange'} className="wrap-tag">
          {t(REASONS[p.reason])}
        </Tag>
      ),
    },
    {
      title: t('dup.col.left'),
      key: 'a',
      render: (_: unknown, p) => <PersonSide p={p.a} testId={`dup-left-${p.a.id}`} />,
    },
    {
      title: t('dup.col.right'),
      key: 'b',
      render: (_: unknown, p) => <PersonSide p={p.b} testId={`dup-right-${p.b.id}`} />,
    },
    {
      onCell: dataCell,
      title: t('dup.col.decision'),
      key: 'decision',
      className: 'no-print',
      render: (_: unknown, p) => (
        <Space orientation="vertical" size={6} className="dup-actions">
          <ConfirmButton
            title={t('dup.differentTitle')}
            text={t('dup.differentText')}
            okText={t('dup.differentOk')}
            onConfirm={() => send(p, 'different')}
            testId={`dup-different-${pairKey(p)}`}
            loading={busy(p) && decide.variables?.body.decision === 'different'}
          >
            {t('dup.different')}
          </ConfirmButton>
          <ConfirmButton
            title={t('dup.mergeTitle')}
            text={t('dup.mergeKeepLeft', { kept: p.a.fullName })}
            okText={t('dup.mergeOk')}
            onConfirm={() => send(p, 'merge', p.a.id)}
            testId={`dup-merge-left-${pairKey(p)}`}
            loading={busy(p) && decide.variables?.body.keep === p.a.id}
          >
            {t('dup.mergeLeft')}
          </ConfirmButton>
          <ConfirmButton
            title={t('dup.mergeTitle')}
            text={t('dup.mergeKeepRight', { kept: p.b.fullName })}
            okText={t('dup.mergeOk')}
            onConfirm={() => send(p, 'merge', p.b.id)}
            testId={`dup-merge-right-${pairKey(p)}`}
            loading={busy(p) && decide.variables?.body.keep === p.b.id}
          >
            {t('dup.mergeRight')}
          </ConfirmButton>
        </Space>
      ),
    },
  ];

  const items = list.data?.items ?? [];
  return (
    <div>
      <RegistryHead title={t('dup.title')} intro={t('dup.intro')} />

      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}

      <div className="result-line" aria-live="polite">
        {items.length > 0 && (
          <Typography.Text data-testid="duplicates-total" strong>
            {t('dup.count', { count: items.length })}
          </Typography.Text>
        )}
      </div>
      <div data-testid="duplicates-table" className="table-box">
        <Table<Pair>
          rowKey={pairKey}
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <div data-testid="duplicates-empty" style={{ padding: 16 }}>
                <Typography.Text strong>{t('dup.empty')}</Typography.Text>
                <div>{t('dup.emptyText')}</div>
              </div>
            ),
          }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </div>
    </div>
  );
}
