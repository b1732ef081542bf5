import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, Route, Routes } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Pagination, Select, Tag, Typography } from 'antd';
import type { PublicList } from '@ansinh/domain';
import { useAuth } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { formatDateTime } from '../../kernel/format';
import { TN, useLang, useT } from '../../kernel/i18n';
import { LangSwitch } from '../../kernel/LangSwitch';
import { DetailFallback, useRouteRecord } from '../../components/DetailFallback';
import { LoadError } from '../../components/LoadError';
import { NotFoundPage } from '../../components/StatusPages';
import { showDate } from '../../kernel/format';
import { pk, programsApi } from './api';
import { categoryLabel, num, UNIT_KEYS, usePrograms } from './shared';

/** Published lists for signed-in supervisors (remarks), under /giam-sat; anyone reads them at /cong-khai. */
export default function PublishedRoutes() {
  return (
    <Routes>
      <Route index element={<PublicListsPage />} />
      <Route path=":id" element={<PublicListPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function PublicShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { me } = useAuth();
  return (
    <div className="public-page">
      <header className="public-head no-print">
        <div>
          <Link to="/giam-sat">
            <Typography.Text strong>{t('public.title')}</Typography.Text>
          </Link>
          <div>
            <Typography.Text type="secondary">{t('app.org')}</Typography.Text>
          </div>
        </div>
        <div>
          <LangSwitch />{' '}
          {me ? (
            <Link to="/" translate="no">
              {me.fullName}
            </Link>
          ) : (
            <Link to="/login?next=%2Fgiam-sat">{t('public.login')}</Link>
          )}
        </div>
      </header>
      <main>{children}</main>
    </div>
  );
}

const PAGE = 20;

function PublicListsPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: pk.publicLists(page),
    queryFn: ({ signal }) => programsApi.publicLists({ limit: PAGE, offset: (page - 1) * PAGE }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PublicShell>
      <Typography.Title level={1} className="page-title">
        {t('public.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('public.intro')}</Typography.Paragraph>
      {query.error && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data?.items.length === 0 && <Alert type="info" title={t('public.none')} />}
      <ul className="public-lists" data-testid="public-lists" style={{ listStyle: 'none', padding: 0 }}>
        {(query.data?.items ?? []).map((l) => (
          <li key={l.id} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
            <Link to={`/giam-sat/${l.id}`} data-testid={`public-list-${l.id}`}>
              <Typography.Text strong translate="no">
                {l.programName}
              </Typography.Text>
            </Link>
            <div>
              <span translate="no">{l.communeName}</span> · {t('programs.periodYear', { period: l.period })} ·{' '}
              {t('public.count', { n: l.entriesCount })}
              {l.unit === 'dong' ? ` · ${t('programs.amountDong', { amount: l.totalAmount })}` : ''}
            </div>
            <Typography.Text type="secondary">
              {l.decisionNo ? (
                <>
                  {t('programs.decisionNo')}: <span translate="no">{l.decisionNo}</span> ({showDate(l.decisionDate)})
                  ·{' '}
                </>
              ) : (
                ''
              )}
              {t('public.publishedAt', { at: formatDateTime(l.publishedAt) })}
            </Typography.Text>
          </li>
        ))}
      </ul>
      {(query.data?.total ?? 0) > PAGE && (
        <Pagination
          current={page}
          pageSize={PAGE}
          total={query.data?.total ?? 0}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}
    </PublicShell>
  );
}

function PublicListPage() {
  const { valid, query } = useRouteRecord(pk.publicList, programsApi.publicList);
  return (
    <PublicShell>
      {query.data ? <PublicListView list={query.data} /> : <DetailFallback valid={valid} query={query} />}
    </PublicShell>
  );
}

function PublicListView({ list: l }: { list: PublicList }) {
  const t = useT();
  const { lang } = useLang();
  const { can } = usePrograms();
  const canRemark = can.remark;
  const cash = l.unit === 'dong';
  const names = new Map(l.entries.map((e) => [e.id, e.fullName]));
  return (
    <article data-testid="public-list">
      <Typography.Title level={1} className="page-title" data-testid="public-list-title" translate="no">
        {l.programName}
      </Typography.Title>
      <Typography.Paragraph>
        <span translate="no">{l.communeName}</span> · {t('programs.periodYear', { period: l.period })}
        <br />
        <TN k="public.legalBasis" p={{ basis: l.legalBasis }} />
        {l.decisionNo ? (
          <>
            <br />
            <TN k="public.decision" p={{ no: l.decisionNo, date: showDate(l.decisionDate) }} />
          </>
        ) : null}
        <br />
        <Typography.Text type="secondary">
          {t('public.publishedAt', { at: formatDateTime(l.publishedAt) })}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph strong data-testid="public-list-total">
        {t('public.count', { n: l.entriesCount })}
        {cash ? ` · ${t('public.total', { amount: num(l.totalAmount) })}` : ''}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('public.masked')}</Typography.Paragraph>
      <div className="table-box">
        <table className="public-entries" data-testid="public-entries">
          <thead>
            <tr>
              <th className="num">{t('programs.col.no')}</th>
              <th>{t('programs.sheet.name')}</th>
              <th>{t('programs.sheet.birthYear')}</th>
              <th className="hide-sm">{t('programs.col.village')}</th>
              <th>{t('public.idTail')}</th>
              <th className="hide-sm">{t('programs.col.category')}</th>
              <th className="num">{cash ? t('programs.col.amount') : t('programs.col.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {l.entries.map((e, i) => (
              <tr key={e.id} data-testid={`public-entry-${e.id}`}>
                <td className="num">{i + 1}</td>
                <td translate="no">{e.fullName}</td>
                <td>{e.birthYear ?? ''}</td>
                <td className="hide-sm" translate="no">
                  {e.village ?? ''}
                </td>
                <td data-testid="public-id">{e.idTail ? `•••••••••${e.idTail}` : ''}</td>
                <td className="hide-sm">{categoryLabel(e.category, lang)}</td>
                <td className="num">{cash ? num(e.amount) : `${num(e.quantity)} ${t(UNIT_KEYS[l.unit])}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section style={{ marginTop: 24 }} data-testid="public-remarks">
        <Typography.Title level={4}>{t('programs.remarks')}</Typography.Title>
        {l.remarks.length === 0 && <Typography.Text type="secondary">{t('programs.noRemarks')}</Typography.Text>}
        {l.remarks.map((r) => (
          <div key={r.id} style={{ marginBottom: 12 }}>
            <div>
              <Typography.Text strong translate="no">
                {r.author}
              </Typography.Text>{' '}
              · {formatDateTime(r.createdAt)}
              {r.entryId && names.has(r.entryId) ? (
                <Tag style={{ marginLeft: 6 }} translate="no">
                  {names.get(r.entryId)}
                </Tag>
              ) : null}
            </div>
            <div translate="no">{r.text}</div>
            {r.answer ? (
              <div style={{ marginLeft: 16 }}>
                <Typography.Text type="secondary">
                  <TN k="programs.answerBy" p={{ by: r.answeredBy ?? '', at: formatDateTime(r.answeredAt) }} />
                </Typography.Text>
                <div translate="no">{r.answer}</div>
              </div>
            ) : (
              <Tag color="orange">{t('programs.awaitingAnswer')}</Tag>
            )}
          </div>
        ))}
        {canRemark && <RemarkForm list={l} />}
      </section>
    </article>
  );
}

interface RemarkValues {
  entryId?: number;
  text?: string;
}

/** A supervisor files a remark on the list or on one entry; officers must answer it. */
function RemarkForm({ list: l }: { list: PublicList }) {
  const t = useT();
  const [form] = Form.useForm<RemarkValues>();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const send = useMutation({
    mutationFn: (v: RemarkValues) =>
      programsApi.addRemark(l.id, { ...(v.entryId ? { entryId: v.entryId } : {}), text: (v.text ?? '').trim() }),
    onSuccess: async () => {
      setSent(true);
      setError(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: pk.publicList(l.id) });
    },
    onError: (e) => setError(errorText(e)),
  });
  return (
    <div className="no-print" style={{ marginTop: 16, maxWidth: 640 }}>
      <Typography.Title level={5}>{t('public.remarkTitle')}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="remark-error" />}
      {sent && (
        <Alert
          type="success"
          showIcon
          title={t('public.remarkSent')}
          style={{ marginBottom: 8 }}
          data-testid="remark-sent"
        />
      )}
      <Form<RemarkValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => send.mutate(v)}>
        <Form.Item name="entryId" label={t('public.remarkEntry')}>
          <Select
            data-testid="remark-entry"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('public.remarkWholeList')}
            options={l.entries.map((e) => ({
              value: e.id,
              label: `${e.fullName}${e.birthYear ? ` (${e.birthYear})` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('public.remarkText')}
          rules={[{ required: true, min: 5, whitespace: true, message: t('public.remarkRequired') }]}
        >
          <Input.TextArea data-testid="remark-text" rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="remark-submit" loading={send.isPending}>
          {t('public.remarkSend')}
        </Button>
      </Form>
    </div>
  );
}
