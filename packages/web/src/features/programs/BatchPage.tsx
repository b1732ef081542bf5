import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { amountInWords, todayInVietnam } from '@ansinh/domain';
import type { BatchOut, EntryOut, PaymentState, RecordResult } from '@ansinh/domain';
import { ApiError } from '../../kernel/http';
import { useErrorText } from '../../kernel/errors';
import { formatDateTime } from '../../kernel/format';
import { TN, useFormT, useT } from '../../kernel/i18n';
import { DetailFallback, useRouteRecord } from '../../components/DetailFallback';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { PageHead } from '../../components/PageHead';
import { DateInput, isoOf } from '../../components/DateInput';
import { showPartialDate } from '../../kernel/format';
import { pk, programsApi } from './api';
import { SheetJobButton } from './SheetJobButton';
import type { EntriesFilter } from './api';
import { PaymentTag } from './ListPage';
import { CHANNEL_KEYS, Fact, newKey, num, PAYMENT_KEYS, EntrySearch, quantityText } from './shared';
import { PagedTable } from '../../components/PagedTable';
import { dataCell } from '../../kernel/format';

/** /programs/batches/:id: one payment batch, recording payments, reconciliation, the payment sheet. */
export default function BatchPage() {
  const { valid, query } = useRouteRecord(pk.batch, programsApi.batch);
  if (!query.data) return <DetailFallback valid={valid} query={query} />;
  return <BatchView batch={query.data} />;
}

/**
 * The Idempotency-Key of one user action: the same action retried after a network error sends
 * the same key (so it takes effect once); any other action, or the same after an answer, a new one.
 */
function useActionKey() {
  const pending = useRef<{ signature: string; key: string } | null>(null);
  return {
    keyFor(signature: string): string {
      if (pending.current?.signature !== signature) pending.current = { signature, key: newKey() };
      return pending.current.key;
    },
    settled(e?: unknown) {
      // Keep the key only when the request may not have reached the server.
      if (!(e instanceof ApiError && e.status === 0)) pending.current = null;
    },
  };
}

function BatchView({ batch: b }: { batch: BatchOut }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [page, setPage] = useState({ current: 1, size: 100 });
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [recording, setRecording] = useState<PaymentState | null>(null);
  const [result, setResult] = useState<RecordResult | null>(null);
  const [sheet, setSheet] = useState<EntryOut[] | null>(null);
  const reconcileKey = useActionKey();

  const filter: EntriesFilter = {
    ...(applied ? { q: applied } : {}),
    limit: page.size,
    offset: (page.current - 1) * page.size,
  };
  const query = useQuery({
    queryKey: pk.batchEntries(b.id, filter),
    queryFn: ({ signal }) => programsApi.batchEntries(b.id, filter, signal),
    placeholderData: keepPreviousData,
  });

  const reconcile = useMutation({
    mutationFn: async (file: File) => {
      const bytes = await file.arrayBuffer();
      const key = reconcileKey.keyFor(`${file.name}|${file.size}|${file.lastModified}`);
      return programsApi.reconcile(b.id, new Blob([bytes]), file.name, key);
    },
    onSuccess: async (r) => {
      reconcileKey.settled();
      setResult(r);
      void message.success(t('programs.recorded', { n: r.recorded }));
      await qc.invalidateQueries({ queryKey: pk.all });
    },
    onError: (e) => {
      reconcileKey.settled(e);
      void modal.error({ title: t('common.errorTitle'), content: <ReconcileError error={e} text={errorText(e)} /> });
    },
  });

  // Print: load every entry, render the sheet, then open the browser's print dialog.
  const loadSheet = useMutation({
    mutationFn: async () => {
      const all: EntryOut[] = [];
      for (let offset = 0; ; offset += 500) {
        const p = await programsApi.batchEntries(b.id, { limit: 500, offset });
        all.push(...p.items);
        if (p.items.length < 500 || all.length >= p.total) break;
      }
      return all;
    },
    onSuccess: setSheet,
    onError: (e) => void modal.error({ title: t('common.errorTitle'), content: errorText(e) }),
  });
  useEffect(() => {
    if (!sheet) return;
    document.body.classList.add('printing-sheet');
    const after = () => {
      document.body.classList.remove('printing-sheet');
      setSheet(null);
    };
    window.addEventListener('afterprint', after, { once: true });
    const id = window.setTimeout(() => window.print(), 50);
    return () => {
      window.clearTimeout(id);
      window.removeEventListener('afterprint', after);
      document.body.classList.remove('printing-sheet');
    };
  }, [sheet]);

  const columns: TableColumnsType<EntryOut> = [
    {
      title: t('programs.col.no'),
      key: 'no',
      width: 56,
      render: (_: unknown, _e, i) => (page.current - 1) * page.size + i + 1,
    },
    { title: t('programs.col.entryId'), dataIndex: 'id' },
    { onCell: dataCell, title: t('programs.col.person'), dataIndex: 'fullName' },
    { title: t('programs.col.birth'), dataIndex: 'birthDate', render: (v: string | null) => showPartialDate(v) },
    { title: t('programs.col.citizenId'), dataIndex: 'citizenId', render: (v: string | null) => v ?? '' },
    { onCell: dataCell, title: t('programs.col.village'), dataIndex: 'village', render: (v: string | null) => v ?? '' },
    {
      title: b.unit === 'dong' ? t('programs.col.amount') : t('programs.col.quantity'),
      key: 'amount',
      align: 'right',
      render: (_: unknown, e) => quantityText(t, b.unit, e.amount + e.arrearsAmount, e.quantity),
    },
    { title: t('programs.col.payment'), key: 'payment', render: (_: unknown, e) => <PaymentTag entry={e} /> },
  ];

  return (
    <div>
      <PageHead
        title={
          <span data-testid="batch-title">
            <TN k="programs.batchName" p={{ id: b.id, area: b.areaName }} />
          </span>
        }
        intro={
          <span>
            <Link to={`/programs/${b.programId}`} translate="no">
              {b.programName}
            </Link>{' '}
            · {t('programs.periodYear', { period: b.period })} · {t(CHANNEL_KEYS[b.channel])}
          </span>
        }
        extra={
          <Space wrap>
            <SheetJobButton batchId={b.id} />
            <Button data-testid="batch-print" loading={loadSheet.isPending} onClick={() => loadSheet.mutate()}>
              {t('programs.sheetPrint')}
            </Button>
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                reconcile.mutate(file);
                return false;
              }}
            >
              <Button data-testid="batch-reconcile" loading={reconcile.isPending}>
                {t('programs.reconcile')}
              </Button>
            </Upload>
          </Space>
        }
      />
      <Card className="program-section">
        <div className="program-facts">
          <Fact label={t('programs.col.entries')} testId="batch-count">
            {num(b.entriesCount)}
          </Fact>
          {b.unit === 'dong' && (
            <Fact label={t('programs.col.amount')} testId="batch-total">
              {`${num(b.totalAmount)} ${t('programs.unit.dong')}`}
            </Fact>
          )}
          <Fact label={t('programs.paidSummary')} testId="batch-paid">
            {b.unit === 'dong'
              ? t('programs.paidLine', { n: num(b.paidCount), amount: num(b.paidAmount) })
              : t('public.count', { n: num(b.paidCount) })}
          </Fact>
          <Fact label={t('programs.payment.failed')} testId="batch-failed">
            {num(b.failedCount)}
          </Fact>
          <Fact label={t('programs.col.createdAt')}>
            {formatDateTime(b.createdAt)} · <span translate="no">{b.createdBy}</span>
          </Fact>
        </div>
        <Typography.Text type="secondary">
          <TN
            k="programs.reconcileHint"
            p={{
              row: <span lang="vi">Mã dòng</span>,
              state: <span lang="vi">Trạng thái</span>,
              states: <span lang="vi">Đã chi / Không chi được / Hoàn trả</span>,
              date: <span lang="vi">Ngày chi</span>,
              voucher: <span lang="vi">Số chứng từ</span>,
            }}
          />
        </Typography.Text>
      </Card>

      {result && (
        <Alert
          className="program-section"
          data-testid="batch-result"
          type={result.alreadyPaid.length || result.notInBatch.length ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          title={t('programs.recorded', { n: result.recorded })}
          description={
            <>
              {result.alreadyPaid.length > 0 && (
                <div>{t('programs.alreadyPaid', { ids: result.alreadyPaid.join(', ') })}</div>
              )}
              {result.notInBatch.length > 0 && (
                <div>{t('programs.notInBatch', { ids: result.notInBatch.join(', ') })}</div>
              )}
              {(result.rejected ?? []).map((r) => (
                <div key={r.row}>{t('programs.rejectedRow', { row: r.row, message: r.message })}</div>
              ))}
            </>
          }
        />
      )}

      <Card
        className="program-section"
        title={t('programs.entries')}
        extra={
          <Space wrap className="no-print">
            <Button
              type="primary"
              data-testid="pay-paid"
              disabled={selected.length === 0}
              onClick={() => setRecording('paid')}
            >
              {t('programs.markPaid', { n: selected.length })}
            </Button>
            <Button data-testid="pay-failed" disabled={selected.length === 0} onClick={() => setRecording('failed')}>
              {t('programs.markFailed')}
            </Button>
            <Button
              data-testid="pay-returned"
              disabled={selected.length === 0}
              onClick={() => setRecording('returned')}
            >
              {t('programs.markReturned')}
            </Button>
          </Space>
        }
      >
        <EntrySearch
          testId="batch-search"
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
          testId="batch-entries"
          rowKey="id"
          columns={columns}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelected(keys as number[]),
          }}
          page={{ page: page.current, pageSize: page.size }}
          onPage={(current, size) => setPage({ current, size })}
          sizes={[50, 100, 200, 500]}
        />
      </Card>

      {recording && (
        <RecordModal
          batch={b}
          state={recording}
          entryIds={selected}
          onClose={() => setRecording(null)}
          onDone={(r) => {
            setResult(r);
            setSelected([]);
          }}
        />
      )}
      {sheet && createPortal(<PaymentSheet batch={b} entries={sheet} />, document.body)}
    </div>
  );
}

function ReconcileError({ error, text }: { error: unknown; text: string }) {
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div>
      <p>{text}</p>
      {details.length > 0 && (
        <ul>
          {details.slice(0, 50).map((d, i) => (
            <li key={i}>{`${d.path}: ${d.message}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface RecordValues {
  paidOn?: Dayjs | null;
  reference?: string;
  note?: string;
}

/** Record paid / failed / returned for the selected entries, with the date and the voucher number. */
function RecordModal({
  batch: b,
  state,
  entryIds,
  onClose,
  onDone,
}: {
  batch: BatchOut;
  state: PaymentState;
  entryIds: number[];
  onClose: () => void;
  onDone: (r: RecordResult) => void;
}) {
  const t = useT();
  const f = useModalForm<RecordValues>(['paidOn', 'reference', 'note'], onClose);
  const action = useActionKey();
  const record = useMutation({
    mutationFn: (v: RecordValues) => {
      const body = {
        entryIds,
        state,
        paidOn: isoOf(v.paidOn) ?? todayInVietnam(),
        ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
      return programsApi.recordPayments(b.id, body, action.keyFor(JSON.stringify(body)));
    },
    onSuccess: async (r) => {
      action.settled();
      onDone(r);
      await f.done(t('programs.recorded', { n: r.recorded }), pk.all);
    },
    onError: (e) => {
      action.settled(e);
      f.showError(e);
    },
  });
  return (
    <ModalForm<RecordValues>
      state={f}
      title={t('programs.recordTitle', { state: t(PAYMENT_KEYS[state]), n: entryIds.length })}
      intro={<p>{t('programs.recordIntro')}</p>}
      errorTestId="record-error"
      submit={{ label: t('programs.record'), testId: 'record-submit', loading: record.isPending }}
      onFinish={(v) => record.mutate(v)}
      initialValues={{ paidOn: dayjs(todayInVietnam()) }}
    >
      <Form.Item
        name="paidOn"
        label={t('programs.paidOn')}
        rules={[{ required: true, message: t('programs.form.dateRequired') }]}
      >
        <DateInput data-testid="record-date" />
      </Form.Item>
      <Form.Item name="reference" label={t('programs.reference')} extra={t('programs.referenceHint')}>
        <Input data-testid="record-reference" />
      </Form.Item>
      <Form.Item name="note" label={t('programs.note')}>
        <Input data-testid="record-note" />
      </Form.Item>
    </ModalForm>
  );
}

/** The printable payment sheet: A4 landscape, amounts in figures and in words, a signature column. */
function PaymentSheet({ batch: b, entries }: { batch: BatchOut; entries: EntryOut[] }) {
  const t = useFormT(); // an official form: Vietnamese whatever the screen language

  const total = entries.reduce((s, e) => s + e.amount + e.arrearsAmount, 0);
  const cash = b.unit === 'dong';
  return (
    <div className="payment-sheet" lang="vi" data-testid="payment-sheet">
      <style>{'@page { size: A4 landscape; margin: 10mm; }'}</style>
      <div className="sheet-head">
        <div>{t('programs.sheet.nation')}</div>
        <h2>{t('programs.sheet.title')}</h2>
        <div>{b.programName}</div>
        <div>
          {t('programs.sheet.sub', { period: b.period, area: b.areaName, channel: t(CHANNEL_KEYS[b.channel]) })}
        </div>
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('programs.col.no')}</th>
            <th>{t('programs.sheet.name')}</th>
            <th>{t('programs.sheet.birthYear')}</th>
            <th>{t('programs.col.citizenId')}</th>
            <th>{t('programs.col.village')}</th>
            <th>{cash ? t('programs.sheet.amount') : t('programs.col.quantity')}</th>
            {cash && <th>{t('programs.sheet.words')}</th>}
            <th className="sign">{t('programs.sheet.sign')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={e.id}>
              <td className="num">{i + 1}</td>
              <td>{e.fullName}</td>
              <td>{e.birthDate ? e.birthDate.slice(0, 4) : ''}</td>
              <td>{e.citizenId ?? ''}</td>
              <td>{e.village ?? ''}</td>
              <td className="num">{cash ? num(e.amount + e.arrearsAmount) : quantityText(t, b.unit, 0, e.quantity)}</td>
              {cash && <td>{amountInWords(e.amount + e.arrearsAmount)}</td>}
              <td />
            </tr>
          ))}
          {cash && (
            <tr>
              <td />
              <td colSpan={4}>
                <strong>{t('programs.sheet.total', { n: entries.length })}</strong>
              </td>
              <td className="num">
                <strong>{num(total)}</strong>
              </td>
              <td>
                <strong>{amountInWords(total)}</strong>
              </td>
              <td />
            </tr>
          )}
        </tbody>
      </table>
      {cash && <p>{t('programs.sheet.totalWords', { words: amountInWords(total) })}</p>}
      <div className="signatures">
        <div>
          <strong>{t('programs.sheet.preparer')}</strong>
          <div>{t('programs.sheet.signName')}</div>
        </div>
        <div>
          <strong>{t('programs.sheet.accountant')}</strong>
          <div>{t('programs.sheet.signName')}</div>
        </div>
        <div>
          <strong>{t('programs.sheet.head')}</strong>
          <div>{t('programs.sheet.signSeal')}</div>
        </div>
      </div>
    </div>
  );
}
