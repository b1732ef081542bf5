import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popover,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { todayInVietnam } from '@ansinh/domain';
import type { CheckResult, EntryOut, ListDetail } from '@ansinh/domain';
import { registryApi } from '../registry';
import { useErrorText } from '../../kernel/errors';
import { formatDateTime } from '../../kernel/format';
import { hasMessage, TN, useLang, usePrintInVietnamese, useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { DetailFallback, useRouteRecord } from '../../components/DetailFallback';
import { LoadError } from '../../components/LoadError';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { PageHead } from '../../components/PageHead';
import { isoOf } from '../../components/DateInput';
import { showDate, showPartialDate } from '../../kernel/format';
import { pk, programsApi } from './api';
import type { EntriesFilter, Remark } from './api';
import { DecisionFields } from './ProgramPage';
import {
  categoryLabel,
  Fact,
  kgWithTonnes,
  ListStateTag,
  num,
  PAYMENT_KEYS,
  EntrySearch,
  quantityText,
  usePrograms,
} from './shared';
import { PagedTable } from '../../components/PagedTable';
import { dataCell } from '../../kernel/format';

/** /programs/lists/:id: one list, its steps, its entries, the check, the actions and the remarks. */
export default function ListPage() {
  usePrintInVietnamese(); // printed as it shows: an official paper, in Vietnamese
  const { valid, query } = useRouteRecord(pk.list, programsApi.list);
  if (!query.data) return <DetailFallback valid={valid} query={query} />;
  return <ListView list={query.data} />;
}

const ACTION_KEYS: Record<string, MessageKey> = {
  submit: 'programs.step.submit',
  return: 'programs.step.return',
  appraise: 'programs.step.appraise',
  approve: 'programs.step.approve',
  publish: 'programs.step.publish',
};

type Dialog = null | 'submit' | 'appraise' | 'return' | 'approve' | 'add';

function ListView({ list: l }: { list: ListDetail }) {
  const t = useT();
  const { me, can } = usePrograms();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);

  const editable = l.state === 'draft' || l.state === 'returned';
  const preparer = can.prepare && (me?.role === 'commune_officer' || me?.role === 'province_officer');
  const ready = l.levels === 3 ? 'appraised' : 'submitted';
  const canAppraise = can.appraise && l.levels === 3 && l.state === 'submitted';
  const canApprove = can.approve && l.state === ready;
  const canReturn =
    (can.appraise && l.levels === 3 && l.state === 'submitted') ||
    (can.approve && (l.state === 'appraised' || (l.levels === 2 && l.state === 'submitted')));
  const canPublish = can.officer && l.state === 'approved' && !l.publishedAt;
  const canSupplement = preparer && l.state === 'approved';

  const refresh = () => qc.invalidateQueries({ queryKey: pk.all });
  const fail = (e: unknown) => void modal.error({ title: t('common.errorTitle'), content: errorText(e) });

  const runCheck = useMutation({ mutationFn: () => programsApi.check(l.id), onSuccess: setCheck, onError: fail });
  const publish = useMutation({
    mutationFn: () => programsApi.publish(l.id),
    onSuccess: async () => {
      void message.success(t('programs.publishedDone'));
      await refresh();
    },
    onError: fail,
  });
  const supplement = useMutation({
    mutationFn: () => programsApi.supplementary(l.id),
    onSuccess: async (s) => {
      void message.success(t('programs.supplementaryCreated', { n: s.entriesCount }));
      await refresh();
      void navigate(`/programs/lists/${s.id}`);
    },
    onError: fail,
  });

  const totalText =
    l.unit === 'dong'
      ? `${num(l.totalAmount)} ${t('programs.unit.dong')}`
      : l.unit === 'kg'
        ? kgWithTonnes(t, l.totalQuantity)
        : `${num(l.totalQuantity)} ${t('programs.unit.card')}`;

  return (
    <div className="list-page">
      {/* A list prints on A4 landscape, so that the amount columns fit (programs.css). */}
      <style>{'@page { size: A4 landscape; margin: 10mm; }'}</style>
      <PageHead
        title={
          <span>
            <span data-testid="list-title">
              <TN k="programs.listTitle" p={{ commune: l.communeName }} />
            </span>{' '}
            <ListStateTag state={l.state} testId="list-state" />
            {l.publishedAt ? <Tag color="purple">{t('programs.published')}</Tag> : null}
          </span>
        }
        intro={
          <span>
            <Link to={`/programs/${l.programId}`} data-testid="list-program" translate="no">
              {l.programName}
            </Link>{' '}
            · {t('programs.periodYear', { period: l.period })}
            {l.seq > 0 && l.parentListId ? (
              <>
                {' · '}
                <Link to={`/programs/lists/${l.parentListId}`}>{t('programs.supplementaryOf', { n: l.seq })}</Link>
              </>
            ) : null}
          </span>
        }
        extra={
          <Space wrap>
            {preparer && editable && (
              <>
                <Button data-testid="list-check" loading={runCheck.isPending} onClick={() => runCheck.mutate()}>
                  {t('programs.check')}
                </Button>
                <Button data-testid="list-add-entry" onClick={() => setDialog('add')}>
                  {t('programs.addEntry')}
                </Button>
                <Button type="primary" data-testid="list-submit" onClick={() => setDialog('submit')}>
                  {t('programs.submit')}
                </Button>
              </>
            )}
            {canAppraise && (
              <Button type="primary" data-testid="list-appraise" onClick={() => setDialog('appraise')}>
                {t('programs.appraise')}
              </Button>
            )}
            {canApprove && (
              <Button type="primary" data-testid="list-approve" onClick={() => setDialog('approve')}>
                {t('programs.approve')}
              </Button>
            )}
            {canReturn && (
              <Button danger data-testid="list-return" onClick={() => setDialog('return')}>
                {t('programs.return')}
              </Button>
            )}
            {canPublish && (
              <Button
                data-testid="list-publish"
                loading={publish.isPending}
                onClick={() =>
                  void modal.confirm({
                    title: t('programs.publishConfirm'),
                    content: t('programs.publishHint'),
                    onOk: () => publish.mutateAsync(),
                  })
                }
              >
                {t('programs.publish')}
              </Button>
            )}
            {canSupplement && (
              <Button
                data-testid="list-supplementary"
                loading={supplement.isPending}
                onClick={() => supplement.mutate()}
              >
                {t('programs.supplementary')}
              </Button>
            )}
            <Button className="no-print" onClick={() => window.print()}>
              {t('programs.print')}
            </Button>
          </Space>
        }
      />

      <Card className="program-section">
        <div className="program-facts">
          <Fact label={t('programs.col.commune')} data>
            {l.communeName}
          </Fact>
          <Fact label={t('programs.col.entries')} testId="list-count">
            {num(l.entriesCount)}
          </Fact>
          <Fact label={l.unit === 'dong' ? t('programs.col.amount') : t('programs.col.quantity')} testId="list-total">
            {totalText}
          </Fact>
          <Fact label={t('programs.col.decision')} testId="list-decision">
            {l.decisionNo ? (
              <>
                <span translate="no">{l.decisionNo}</span> ({showDate(l.decisionDate)})
              </>
            ) : (
              t('common.none')
            )}
          </Fact>
          <Fact label={t('programs.levels')}>{l.levels === 3 ? t('programs.levels3') : t('programs.levels2')}</Fact>
          {l.publishedAt ? (
            <Fact label={t('programs.publishedAt')}>
              <a href={`/cong-khai/${l.id}`}>{formatDateTime(l.publishedAt)}</a>
            </Fact>
          ) : null}
          {l.imported?.length ? (
            <Fact label={t('programs.import.source')} testId="list-imported">
              {l.imported.map((s, i) => (
                <span key={i}>
                  {i > 0 ? '; ' : ''}
                  <TN
                    k="programs.import.sourceLine"
                    p={{ unit: s.submittedBy, file: s.fileName, n: s.entries, created: s.createdPersons }}
                  />
                </span>
              ))}
            </Fact>
          ) : null}
          {l.openRemarks > 0 ? (
            <Fact label={t('programs.openRemarks')}>
              <Typography.Text type="warning">{num(l.openRemarks)}</Typography.Text>
            </Fact>
          ) : null}
        </div>
      </Card>

      {check && <CheckPanel check={check} onClose={() => setCheck(null)} />}

      {l.steps.length > 0 && (
        <Card className="program-section" title={t('programs.steps')} data-testid="list-steps">
          <Timeline
            items={l.steps.map((s, i) => ({
              key: i,
              color: s.action === 'return' ? 'orange' : s.action === 'approve' ? 'green' : 'blue',
              content: (
                <div>
                  <Typography.Text strong>
                    {ACTION_KEYS[s.action] ? t(ACTION_KEYS[s.action]!) : t('common.unknownCode')}
                  </Typography.Text>
                  {' · '}
                  <span translate="no">{s.actorName ?? s.actor}</span> · {formatDateTime(s.at)}
                  {s.decisionNo ? (
                    <div>{t('programs.stepDecision', { no: s.decisionNo, date: showDate(s.decisionDate) })}</div>
                  ) : null}
                  {s.comment ? (
                    <div>
                      <Typography.Text type="secondary" translate="no">
                        {s.comment}
                      </Typography.Text>
                    </div>
                  ) : null}
                </div>
              ),
            }))}
          />
        </Card>
      )}

      <EntriesCard list={l} removable={preparer && editable} />
      <RemarksCard list={l} />

      {(dialog === 'submit' || dialog === 'appraise') && (
        <StepModal list={l} action={dialog} onClose={() => setDialog(null)} />
      )}
      {dialog === 'return' && <ReturnModal list={l} onClose={() => setDialog(null)} />}
      {dialog === 'approve' && <ApproveOneModal list={l} onClose={() => setDialog(null)} />}
      {dialog === 'add' && <AddEntryModal list={l} onClose={() => setDialog(null)} />}
    </div>
  );
}

/** The problems the check found, by name, so the officer can correct them. */
function CheckPanel({ check, onClose }: { check: CheckResult; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  // Vietnamese: the server's finding (it names months, communes, amounts); English: ours, by its code.
  const problemText = (p: CheckResult['problems'][number]) => {
    if (lang === 'vi') return p.message;
    const key = `programs.problem.${p.code}` as MessageKey;
    return hasMessage(key) ? t(key) : t('programs.problem.other');
  };
  if (check.ok && check.problems.length === 0) {
    return (
      <Alert
        className="program-section"
        data-testid="list-check-ok"
        type="success"
        showIcon
        closable={{ onClose }}
        title={t('programs.checkOk', { n: check.checkedEntries })}
      />
    );
  }
  return (
    <Alert
      className="program-section"
      data-testid="list-check-problems"
      type={check.ok ? 'warning' : 'error'}
      showIcon
      closable={{ onClose }}
      title={
        check.ok
          ? t('programs.checkWarnings', { n: check.problems.length })
          : t('programs.checkProblems', { n: check.problems.length })
      }
      description={
        <ul className="program-problems">
          {check.problems.map((p, i) => (
            <li key={`${p.entryId}-${p.code}-${i}`} data-testid={`problem-${p.code}`}>
              <Typography.Text strong translate="no">
                {p.fullName}
              </Typography.Text>
              : {problemText(p)}{' '}
              {p.blocking ? <Tag color="red">{t('programs.blocking')}</Tag> : <Tag>{t('programs.warning')}</Tag>}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function EntriesCard({ list: l, removable }: { list: ListDetail; removable: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState('');
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [removing, setRemoving] = useState<EntryOut | null>(null);
  const filter: EntriesFilter = {
    ...(applied ? { q: applied } : {}),
    limit: page.size,
    offset: (page.current - 1) * page.size,
  };
  const query = useQuery({
    queryKey: pk.entries(l.id, filter),
    queryFn: ({ signal }) => programsApi.entries(l.id, filter, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<EntryOut> = [
    {
      title: t('programs.col.no'),
      key: 'no',
      width: 56,
      render: (_: unknown, _e, i) => (page.current - 1) * page.size + i + 1,
    },
    {
      onCell: dataCell,
      title: t('programs.col.person'),
      key: 'name',
      render: (_: unknown, e) => (
        <span>
          {e.personId ? (
            <Link to={`/registry/persons/${e.personId}`}>{e.fullName}</Link>
          ) : e.householdId ? (
            <Link to={`/registry/households/${e.householdId}`}>{e.fullName}</Link>
          ) : (
            e.fullName
          )}
          {e.manual ? <Tag style={{ marginLeft: 6 }}>{t('programs.manual')}</Tag> : null}
        </span>
      ),
    },
    { title: t('programs.col.birth'), dataIndex: 'birthDate', render: (v: string | null) => showPartialDate(v) },
    { title: t('programs.col.citizenId'), dataIndex: 'citizenId', render: (v: string | null) => v ?? '' },
    { onCell: dataCell, title: t('programs.col.village'), dataIndex: 'village', render: (v: string | null) => v ?? '' },
    { title: t('programs.col.category'), dataIndex: 'category', render: (v: string | null) => categoryLabel(v, lang) },
    {
      title: t('programs.col.reason'),
      key: 'reason',
      render: (_: unknown, e) => (
        <span style={{ display: 'inline-block', maxWidth: 360, whiteSpace: 'normal' }}>
          {/* Written when the entry was made (the rule's words in Vietnamese): record content. */}
          <span translate="no">{e.reason}</span>
          {e.manualReason ? (
            <div>
              <Typography.Text type="secondary">
                {t('programs.manualReason', { reason: e.manualReason })}
              </Typography.Text>
            </div>
          ) : null}
        </span>
      ),
    },
    {
      title: l.unit === 'dong' ? t('programs.col.amount') : t('programs.col.quantity'),
      key: 'amount',
      align: 'right',
      className: 'entry-amount',
      render: (_: unknown, e) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {quantityText(t, l.unit, e.amount, e.quantity)}
          {e.arrearsAmount > 0 ? <Arrears amount={e.arrearsAmount} note={e.arrearsNote} /> : null}
        </span>
      ),
    },
    { title: t('programs.col.payment'), key: 'payment', render: (_: unknown, e) => <PaymentTag entry={e} /> },
  ];
  if (removable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      className: 'no-print',
      render: (_: unknown, e) => (
        <Button size="small" data-testid={`entry-remove-${e.id}`} onClick={() => setRemoving(e)}>
          {t('programs.removeEntry')}
        </Button>
      ),
    });
  }
  return (
    <Card className="program-section" title={t('programs.entries')}>
      <EntrySearch
        testId="entries-search"
        value={q}
        onChange={setQ}
        onSearch={(v) => {
          setApplied(v);
          setPage((x) => ({ ...x, current: 1 }));
        }}
      />
      <PagedTable<EntryOut>
        query={query}
        size="small"
        showRange={false}
        testId="entries-table"
        rowKey="id"
        columns={columns}
        emptyText={t('programs.noEntries')}
        page={{ page: page.current, pageSize: page.size }}
        onPage={(current, size) => setPage({ current, size })}
        sizes={[20, 50, 100, 200]}
      />
      {removing && <RemoveEntryModal list={l} entry={removing} onClose={() => setRemoving(null)} />}
    </Card>
  );
}

/**
 * The arrears of an entry, compact: the amount and how many months, the months themselves in a
 * popover on screen and as a range on paper (a 65-month note would make the table 6.000 px wide).
 */
function Arrears({ amount, note }: { amount: number; note: string | null }) {
  const t = useT();
  const months = note?.match(/\d{2}\/\d{4}/g) ?? [];
  const label = t('programs.arrearsShort', { amount: num(amount), months: months.length });
  return (
    <div data-testid="entry-arrears">
      <Typography.Text type="secondary">{label}</Typography.Text>{' '}
      {months.length > 0 && (
        <>
          <Popover
            trigger="click"
            title={label}
            content={<div style={{ maxWidth: 360, whiteSpace: 'normal' }}>{months.join(', ')}</div>}
          >
            <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} data-testid="entry-arrears-months">
              {t('programs.arrearsMonths')}
            </Button>
          </Popover>
          <span className="print-only">
            {months[0]}
            {months.length > 1 ? ` – ${months[months.length - 1]}` : ''}
          </span>
        </>
      )}
    </div>
  );
}

/** The payment state of an entry: not yet paid, paid (date, voucher), failed, returned. */
export function PaymentTag({ entry: e }: { entry: EntryOut }) {
  const t = useT();
  if (!e.payment) return <Tag>{e.batchId ? t('programs.payment.pending') : t('programs.payment.none')}</Tag>;
  const color = e.payment.state === 'paid' ? 'green' : e.payment.state === 'failed' ? 'red' : 'orange';
  return (
    <span>
      <Tag color={color}>{t(PAYMENT_KEYS[e.payment.state])}</Tag>
      {e.payment.paidOn ? showDate(e.payment.paidOn) : ''}
      {e.payment.reference ? ` · ${e.payment.reference}` : ''}
    </span>
  );
}

interface CommentValues {
  comment?: string;
}

function StepModal({
  list: l,
  action,
  onClose,
}: {
  list: ListDetail;
  action: 'submit' | 'appraise';
  onClose: () => void;
}) {
  const t = useT();
  const f = useModalForm<CommentValues>(['comment'], onClose);
  const step = useMutation({
    mutationFn: (v: CommentValues) => {
      const body = v.comment?.trim() ? { comment: v.comment.trim() } : {};
      return action === 'submit' ? programsApi.submit(l.id, body) : programsApi.appraise(l.id, body);
    },
    onSuccess: () => f.done(action === 'submit' ? t('programs.submitted') : t('programs.appraised'), pk.all),
    onError: f.showError,
  });
  return (
    <ModalForm<CommentValues>
      state={f}
      title={action === 'submit' ? t('programs.submitTitle') : t('programs.appraiseTitle')}
      intro={<p>{action === 'submit' ? t('programs.submitIntro') : t('programs.appraiseIntro')}</p>}
      errorTestId="step-error"
      submit={{
        label: action === 'submit' ? t('programs.submit') : t('programs.appraise'),
        testId: `step-${action}-submit`,
        loading: step.isPending,
      }}
      onFinish={(v) => step.mutate(v)}
    >
      <Form.Item name="comment" label={t('programs.comment')}>
        <Input.TextArea data-testid="step-comment" rows={3} />
      </Form.Item>
    </ModalForm>
  );
}

function ReturnModal({ list: l, onClose }: { list: ListDetail; onClose: () => void }) {
  const t = useT();
  const f = useModalForm<CommentValues>(['comment'], onClose);
  const ret = useMutation({
    mutationFn: (v: CommentValues) => programsApi.returnList(l.id, (v.comment ?? '').trim()),
    onSuccess: () => f.done(t('programs.returned'), pk.all),
    onError: f.showError,
  });
  return (
    <ModalForm<CommentValues>
      state={f}
      title={t('programs.returnTitle')}
      errorTestId="return-error"
      submit={{ label: t('programs.return'), testId: 'return-submit', loading: ret.isPending, danger: true }}
      onFinish={(v) => ret.mutate(v)}
    >
      <Form.Item
        name="comment"
        label={t('programs.returnComment')}
        rules={[{ required: true, min: 5, whitespace: true, message: t('programs.returnCommentRequired') }]}
      >
        <Input.TextArea data-testid="return-comment" rows={3} />
      </Form.Item>
    </ModalForm>
  );
}

function ApproveOneModal({ list: l, onClose }: { list: ListDetail; onClose: () => void }) {
  const t = useT();
  const f = useModalForm<{ decisionNo?: string; decisionDate?: dayjs.Dayjs | null; comment?: string }>(
    ['decisionNo', 'decisionDate', 'comment'],
    onClose,
  );
  const approve = useMutation({
    mutationFn: (v: { decisionNo?: string; decisionDate?: dayjs.Dayjs | null; comment?: string }) =>
      programsApi.approve(l.id, {
        decisionNo: (v.decisionNo ?? '').trim(),
        decisionDate: isoOf(v.decisionDate) ?? '',
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      }),
    onSuccess: () => f.done(t('programs.approved'), pk.all),
    onError: f.showError,
  });
  return (
    <ModalForm
      state={f}
      title={t('programs.approveTitle')}
      errorTestId="approve-error"
      submit={{ label: t('programs.approve'), testId: 'approve-submit', loading: approve.isPending }}
      onFinish={(v) => approve.mutate(v)}
      initialValues={{ decisionDate: dayjs(todayInVietnam()) }}
    >
      <DecisionFields />
    </ModalForm>
  );
}

interface AddValues {
  personId?: number;
  reason?: string;
  amount?: number | null;
}

/** Add a person found in the registry, with a written reason; the amount only when the rule gives none. */
function AddEntryModal({ list: l, onClose }: { list: ListDetail; onClose: () => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const f = useModalForm<AddValues>(['personId', 'reason', 'amount'], onClose);
  const persons = useQuery({
    queryKey: ['programs', 'person-search', l.communeCode, search],
    queryFn: ({ signal }) => registryApi.persons({ q: search, areaCode: l.communeCode, pageSize: 20 }, signal),
    enabled: search.trim().length >= 2,
  });
  const add = useMutation({
    mutationFn: (v: AddValues) =>
      programsApi.addEntry(l.id, {
        personId: v.personId ?? 0,
        reason: (v.reason ?? '').trim(),
        ...(v.amount !== null && v.amount !== undefined ? { amount: v.amount } : {}),
      }),
    onSuccess: () => f.done(t('programs.entryAdded'), pk.all),
    onError: f.showError,
  });
  return (
    <ModalForm<AddValues>
      state={f}
      title={t('programs.addEntry')}
      intro={<p>{t('programs.addEntryIntro')}</p>}
      errorTestId="add-entry-error"
      submit={{ label: t('programs.addEntry'), testId: 'add-entry-submit', loading: add.isPending }}
      onFinish={(v) => add.mutate(v)}
    >
      <Form.Item
        name="personId"
        label={t('programs.person')}
        rules={[{ required: true, message: t('programs.personRequired') }]}
      >
        <Select
          data-testid="add-entry-person"
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder={t('programs.personSearch')}
          loading={persons.isFetching}
          notFoundContent={search.trim().length < 2 ? t('programs.personSearchHint') : t('persons.noneFound')}
          options={(persons.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.fullName} · ${showPartialDate(p.birthDate)}${p.citizenId ? ` · ${p.citizenId}` : ''}${p.village ? ` · ${p.village}` : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('programs.reason')}
        extra={t('programs.reasonHint')}
        rules={[{ required: true, min: 10, whitespace: true, message: t('programs.reasonRequired') }]}
      >
        <Input.TextArea data-testid="add-entry-reason" rows={2} />
      </Form.Item>
      <Form.Item name="amount" label={t('programs.amountOptional')} extra={t('programs.amountOptionalHint')}>
        <InputNumber data-testid="add-entry-amount" min={0} step={1000} style={{ width: '100%' }} />
      </Form.Item>
    </ModalForm>
  );
}

function RemoveEntryModal({ list: l, entry, onClose }: { list: ListDetail; entry: EntryOut; onClose: () => void }) {
  const t = useT();
  const f = useModalForm<{ reason?: string }>(['reason'], onClose);
  const remove = useMutation({
    mutationFn: (v: { reason?: string }) => programsApi.removeEntry(l.id, entry.id, (v.reason ?? '').trim()),
    onSuccess: () => f.done(t('programs.entryRemoved'), pk.all),
    onError: f.showError,
  });
  return (
    <ModalForm<{ reason?: string }>
      state={f}
      title=<TN k="programs.removeTitle" p={{ name: entry.fullName }} />
      errorTestId="remove-entry-error"
      submit={{
        label: t('programs.removeEntry'),
        testId: 'remove-entry-submit',
        loading: remove.isPending,
        danger: true,
      }}
      onFinish={(v) => remove.mutate(v)}
    >
      <Form.Item
        name="reason"
        label={t('programs.removeReason')}
        rules={[{ required: true, min: 5, whitespace: true, message: t('programs.removeReasonRequired') }]}
      >
        <Input.TextArea data-testid="remove-entry-reason" rows={2} />
      </Form.Item>
    </ModalForm>
  );
}

/** Supervisors' remarks on a published list, with an answer box for officers. */
function RemarksCard({ list: l }: { list: ListDetail }) {
  const t = useT();
  const { can } = usePrograms();
  const query = useQuery({
    queryKey: pk.remarks(l.id),
    queryFn: ({ signal }) => programsApi.remarks(l.id, signal),
    enabled: !!l.publishedAt,
  });
  if (!l.publishedAt) return null;
  return (
    <Card className="program-section" title={t('programs.remarks')} data-testid="list-remarks">
      {query.error && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data?.length === 0 && <Typography.Text type="secondary">{t('programs.noRemarks')}</Typography.Text>}
      {(query.data ?? []).map((r) => (
        <RemarkItem key={r.id} remark={r} canAnswer={can.officer} />
      ))}
    </Card>
  );
}

function RemarkItem({ remark: r, canAnswer }: { remark: Remark; canAnswer: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => programsApi.answer(r.id, answer.trim()),
    onSuccess: async () => {
      void message.success(t('programs.answered'));
      setAnswer('');
      await qc.invalidateQueries({ queryKey: pk.all });
    },
    onError: (e) => setError(errorText(e)),
  });
  return (
    <div className="program-section" data-testid={`remark-${r.id}`}>
      <div>
        <Typography.Text strong>{r.author}</Typography.Text> · {formatDateTime(r.createdAt)}
        {r.entryId ? <Tag style={{ marginLeft: 6 }}>{t('programs.remarkOnEntry', { id: r.entryId })}</Tag> : null}
      </div>
      <div>{r.text}</div>
      {r.answer ? (
        <div style={{ marginLeft: 16, marginTop: 4 }}>
          <Typography.Text type="secondary">
            {t('programs.answerBy', { by: r.answeredBy ?? '', at: formatDateTime(r.answeredAt) })}
          </Typography.Text>
          <div>{r.answer}</div>
        </div>
      ) : canAnswer ? (
        <div style={{ marginLeft: 16, marginTop: 4 }} className="no-print">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
          <Space.Compact style={{ width: '100%' }}>
            <Input
              data-testid={`remark-answer-${r.id}`}
              aria-label={t('programs.answer')}
              placeholder={t('programs.answerPlaceholder')}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              onPressEnter={() => answer.trim() && send.mutate()}
            />
            <Button
              type="primary"
              data-testid={`remark-answer-submit-${r.id}`}
              loading={send.isPending}
              disabled={answer.trim().length < 5}
              onClick={() => send.mutate()}
            >
              {t('programs.answer')}
            </Button>
          </Space.Compact>
        </div>
      ) : (
        <Tag color="orange">{t('programs.awaitingAnswer')}</Tag>
      )}
    </div>
  );
}
