import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  List,
  Popover,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { AgencySettings, FigureOut, PreviewBlock, ReportBody, ReportOut, ReportPreview } from '@ansinh/domain';
import { useMe } from '../../kernel/auth';
import { formatDate, formatDateTime } from '../../kernel/format';
import { useT, useFormatNumber } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { pageParams, useUrlFilters } from '../../kernel/urlFilters';
import { DetailFallback } from '../../components/DetailFallback';
import { LoadError } from '../../components/LoadError';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { figureHref, reportsApi, reportsUrls, rk } from './api';
import { DocxJobButton } from './DocxJobButton';
import { IssueButton } from './IssueButton';
import { RulesModal } from './RulesModal';
import { HeaderFields } from './TemplateEditor';
import { ReportsHead, todayVn, useCanManage } from './shared';
import { IsoDateInput } from '../../components/DateInput';
import { dataCell } from '../../kernel/format';

export function DocumentsPage() {
  const t = useT();
  const canManage = useCanManage();
  const url = useUrlFilters();
  const page = pageParams(url.params, 20);
  const [creating, setCreating] = useState(false);
  const [agency, setAgency] = useState(false);
  const [rules, setRules] = useState(false);
  const me = useMe();
  const q = useQuery({
    queryKey: rk.reports(page),
    queryFn: ({ signal }) => reportsApi.reports(page, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<ReportOut> = [
    {
      title: t('reports.docs.col.title'),
      key: 'title',
      render: (_: unknown, r) => (
        <Link to={`/reports/documents/${r.id}`} data-testid={`report-${r.id}`}>
          {r.title}
        </Link>
      ),
    },
    { onCell: dataCell, title: t('reports.docs.col.area'), dataIndex: 'areaName' },
    { title: t('reports.figure.asOf'), dataIndex: 'asOf', render: (v: string) => formatDate(v) },
    { title: t('reports.docs.col.state'), key: 'state', render: (_: unknown, r) => <StateTag r={r} /> },
    {
      title: t('reports.docs.col.created'),
      key: 'created',
      render: (_: unknown, r) => `${r.createdBy}, ${formatDateTime(r.createdAt)}`,
    },
  ];
  return (
    <div>
      <ReportsHead
        title={t('reports.docs.title')}
        intro={t('reports.docs.intro')}
        extra={
          canManage && (
            <Space wrap>
              {me.areaCode.length === 2 && (
                <Button data-testid="reports-settings" onClick={() => setAgency(true)}>
                  {t('reports.settings.open')}
                </Button>
              )}
              {me.areaCode.length === 2 && (
                <Button data-testid="reports-rules" onClick={() => setRules(true)}>
                  {t('reports.rules.open')}
                </Button>
              )}
              <Button type="primary" data-testid="reports-create" onClick={() => setCreating(true)}>
                {t('reports.docs.create')}
              </Button>
            </Space>
          )
        }
      />
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {agency && <AgencyModal onClose={() => setAgency(false)} />}
      {rules && <RulesModal onClose={() => setRules(false)} />}
      <Table<ReportOut>
        data-testid="reports-table"
        rowKey="id"
        size="small"
        loading={q.isLoading}
        columns={columns}
        dataSource={q.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: q.data?.total ?? 0,
          onChange: (p, s) => url.setPage(p, s),
        }}
      />
      {creating && <CreateReportModal onClose={() => setCreating(false)} />}
    </div>
  );
}

function StateTag({ r }: { r: ReportOut }) {
  const t = useT();
  return r.state === 'issued' ? (
    <Tag color="green">{t('reports.docs.issued', { number: r.number ?? '' })}</Tag>
  ) : (
    <Tag>{t('reports.docs.draft')}</Tag>
  );
}

interface CreateValues {
  templateCode: string;
  year: number;
  quarter?: number;
  areaCode: string;
  asOf?: string;
  planId?: number;
}

function CreateReportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const state = useModalForm<CreateValues>(['templateCode', 'year', 'quarter', 'areaCode', 'asOf', 'planId'], onClose);
  const plans = useQuery({ queryKey: rk.plans, queryFn: ({ signal }) => reportsApi.plans(signal) });
  const [year, setYear] = useState<number>(Number(todayVn().slice(0, 4)));
  const templates = useQuery({ queryKey: rk.templates, queryFn: ({ signal }) => reportsApi.templates(signal) });
  const [code, setCode] = useState<string | undefined>(undefined);
  const quarterly = templates.data?.items.find((x) => x.code === code)?.period === 'quarter';
  const m = useMutation({
    mutationFn: (v: CreateValues) =>
      reportsApi.create({
        templateCode: v.templateCode,
        year: Number(v.year),
        areaCode: v.areaCode,
        ...(v.quarter ? { quarter: Number(v.quarter) } : {}),
        ...(v.asOf ? { asOf: v.asOf } : {}),
        ...(v.planId ? { planId: v.planId } : {}),
      }),
    onSuccess: async (r) => {
      await state.done(t('reports.docs.created'), rk.all);
      void navigate(`/reports/documents/${r.id}`);
    },
    onError: state.showError,
  });
  return (
    <ModalForm<CreateValues>
      state={state}
      title={t('reports.docs.create')}
      errorTestId="report-form-error"
      submit={{ label: t('reports.docs.createSubmit'), testId: 'report-form-submit', loading: m.isPending }}
      onFinish={(v) => m.mutate(v)}
      onValuesChange={(c) => {
        if (c.templateCode) setCode(c.templateCode);
        if (c.year) setYear(Number(c.year));
      }}
      initialValues={{ year: Number(todayVn().slice(0, 4)), areaCode: me.areaCode }}
    >
      <Form.Item name="templateCode" label={t('reports.docs.template')} rules={[{ required: true }]}>
        <Select
          data-testid="report-form-template"
          loading={templates.isLoading}
          options={(templates.data?.items ?? []).map((x) => ({ value: x.code, label: x.nameVi }))}
        />
      </Form.Item>
      <Form.Item name="year" label={t('reports.filter.year')} rules={[{ required: true }]}>
        <InputNumber data-testid="report-form-year" min={2000} max={2100} />
      </Form.Item>
      {quarterly && (
        <Form.Item name="quarter" label={t('reports.docs.quarter')} rules={[{ required: true }]}>
          <Select
            data-testid="report-form-quarter"
            options={[1, 2, 3, 4].map((n) => ({ value: n, label: String(n) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="areaCode" label={t('reports.form.areaCode')} rules={[{ required: true }]}>
        <Input data-testid="report-form-area" />
      </Form.Item>
      <Form.Item name="asOf" label={t('reports.filter.asOf')} extra={t('reports.docs.asOfHelp')}>
        <IsoDateInput data-testid="report-form-asof" />
      </Form.Item>
      <Form.Item name="planId" label={t('reports.docs.plan')} extra={t('reports.docs.planHelp')}>
        <Select
          allowClear
          data-testid="report-form-plan"
          loading={plans.isLoading}
          options={(plans.data?.items ?? [])
            .filter((p) => p.year === year)
            .map((p) => ({
              value: p.id,
              label: `${p.citation} — ${t(p.kind === 'department' ? 'reports.plans.kind.department' : 'reports.plans.kind.ubnd')}`,
            }))}
        />
      </Form.Item>
    </ModalForm>
  );
}

/** A report instance: preview in the document layout, traceable figures, editing, issuing, downloads. */
export function ReportPage() {
  const t = useT();
  const canManage = useCanManage();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const q = useQuery({
    queryKey: rk.preview(id),
    queryFn: ({ signal }) => reportsApi.preview(id, signal),
    enabled: valid,
  });
  const issued = q.data?.report.state === 'issued';
  const changes = useQuery({
    queryKey: rk.changes(id),
    queryFn: ({ signal }) => reportsApi.changes(id, signal),
    enabled: valid && issued,
  });
  const [editing, setEditing] = useState<{ key: string; text: string } | null>(null);
  const [header, setHeader] = useState(false);
  const p = q.data;
  if (!p) return <DetailFallback valid={valid} query={q} />;
  const r = p.report;
  const figures = new Map(p.figures.map((f) => [f.key, f]));
  const editable = canManage && r.state === 'draft';

  return (
    <div data-testid="report-page">
      <ReportsHead
        title={r.title}
        intro={
          <>
            {r.areaName} · {t('reports.figure.period')} {formatDate(r.periodFrom)} – {formatDate(r.periodTo)} ·{' '}
            {t('reports.figure.asOf')} {formatDate(r.asOf)} · <StateTag r={r} />
          </>
        }
        extra={
          <Space wrap>
            <DocxJobButton reportId={id} />
            <Button href={reportsUrls.annex(id)} download data-testid="report-download-xlsx">
              {t('reports.docs.annex')}
            </Button>
            <Button onClick={() => window.print()}>{t('reports.docs.print')}</Button>
            {editable && (
              <Button data-testid="report-header-edit" onClick={() => setHeader(true)}>
                {t('reports.docs.headerEdit')}
              </Button>
            )}
            {editable && <IssueButton id={id} onIssued={() => void q.refetch()} />}
          </Space>
        }
      />
      {issued && changes.data && (
        <Alert
          className="no-print"
          style={{ marginBottom: 16 }}
          type={changes.data.items.length > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="report-changes"
          title={
            changes.data.items.length > 0
              ? t('reports.docs.changed', { n: changes.data.items.length })
              : t('reports.docs.unchanged')
          }
          description={
            changes.data.items.length > 0 && (
              <List
                size="small"
                dataSource={changes.data.items}
                renderItem={(c) => (
                  <List.Item>
                    {c.name}: {c.before} → <strong>{c.after}</strong>
                  </List.Item>
                )}
              />
            )
          }
        />
      )}
      {!issued && (
        <Typography.Paragraph type="secondary" className="no-print">
          {t('reports.docs.previewHelp')}
        </Typography.Paragraph>
      )}
      <Paper p={p} figures={figures} onEdit={editable ? (key, text) => setEditing({ key, text }) : null} />
      {header && <HeaderModal p={p} onClose={() => setHeader(false)} onSaved={() => void q.refetch()} />}
      {editing && (
        <EditTextModal reportId={id} edit={editing} onClose={() => setEditing(null)} onSaved={() => void q.refetch()} />
      )}
    </div>
  );
}

function Paper({
  p,
  figures,
  onEdit,
}: {
  p: ReportPreview;
  figures: Map<string, FigureOut>;
  onEdit: ((key: string, text: string) => void) | null;
}) {
  const t = useT();
  const h = p.header;
  return (
    <Card className="report-paper" lang="vi" data-testid="report-paper">
      <div className="doc-head">
        <div>
          <div>{h.parentAgency.toUpperCase()}</div>
          <div style={{ fontWeight: 'bold' }}>{h.agency.toUpperCase()}</div>
          <div className="rule" />
          <div data-testid="report-number">{h.number}</div>
        </div>
        <div>
          <div style={{ fontWeight: 'bold' }}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div style={{ fontWeight: 'bold', textDecoration: 'underline' }}>Độc lập - Tự do - Hạnh phúc</div>
          <div style={{ fontStyle: 'italic', marginTop: 6 }}>{h.placeDate}</div>
        </div>
      </div>
      <div className="doc-title">{h.docTitle}</div>
      <div style={{ textAlign: 'center', fontWeight: 'bold' }}>{h.summary}</div>
      {h.addressee && <div style={{ textAlign: 'center', margin: '8px 0 12px' }}>{h.addressee}</div>}
      {p.sections.map((s) => (
        <section key={s.id}>
          <div className="section-title">
            {s.number} {s.title}
          </div>
          {s.blocks.map((b) => (
            <Block key={b.id} b={b} figures={figures} onEdit={onEdit} />
          ))}
        </section>
      ))}
      <div className="closing">
        <div className="recipients">
          <div style={{ fontWeight: 'bold', fontStyle: 'italic' }}>Nơi nhận:</div>
          {h.recipients.map((x, i) => (
            <div key={x}>
              - {x}
              {i === h.recipients.length - 1 ? '.' : ';'}
            </div>
          ))}
        </div>
        <div className="signer">
          {h.signerAuthority && <div>{h.signerAuthority}</div>}
          <div>{h.signerTitle}</div>
          <div style={{ height: 72 }} />
          <div>{h.signerName}</div>
        </div>
      </div>
      <Typography.Paragraph type="secondary" className="no-print" style={{ marginTop: 16, fontSize: 13 }}>
        {t('reports.docs.traceHelp')}
      </Typography.Paragraph>
    </Card>
  );
}

function Block({
  b,
  figures,
  onEdit,
}: {
  b: PreviewBlock;
  figures: Map<string, FigureOut>;
  onEdit: ((key: string, text: string) => void) | null;
}) {
  const t = useT();
  if (b.type === 'table') {
    return (
      <>
        <div style={{ textAlign: 'center', fontWeight: 'bold' }}>{b.caption}</div>
        <table className="figures" data-testid={`block-${b.id}`}>
          <thead>
            <tr>
              <th>STT</th>
              <th>{t('reports.plans.col.indicator')}</th>
              <th>{t('reports.plans.col.target')}</th>
              <th>{t('reports.docs.achieved')}</th>
              <th>{t('reports.docs.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r, i) => (
              <tr key={r.figure}>
                <td style={{ textAlign: 'center' }}>{i + 1}</td>
                <td>{r.label}</td>
                <td style={{ textAlign: 'right' }}>{r.target}</td>
                <td style={{ textAlign: 'right' }}>
                  <Fig f={figures.get(r.figure)} text={r.achieved} />
                </td>
                <td style={{ textAlign: 'right' }}>{r.percent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  const edit =
    onEdit &&
    (b.type === 'text' ? (
      <Button
        size="small"
        type="link"
        className="no-print"
        data-testid={`edit-${b.id}`}
        onClick={() => onEdit(b.id, b.source)}
      >
        {t('reports.docs.edit')}
      </Button>
    ) : (
      <Button
        size="small"
        type="link"
        className="no-print"
        data-testid={`edit-${b.id}`}
        onClick={() => onEdit(`${b.id}.${b.isZero ? 'zero' : 'otherwise'}`, b.isZero ? b.zero : b.otherwise)}
      >
        {t('reports.docs.edit')}
      </Button>
    ));
  return (
    <p className="body" data-testid={`block-${b.id}`}>
      {b.segments.map((s, i) =>
        s.figure ? <Fig key={i} f={figures.get(s.figure)} text={s.text} /> : <span key={i}>{s.text}</span>,
      )}
      {edit}
    </p>
  );
}

/** A figure in the preview: a click shows how it was obtained and leads to the records behind it. */
function Fig({ f, text }: { f: FigureOut | undefined; text: string }) {
  const t = useT();
  const fmt = useFormatNumber();
  if (!f) return <span className="fig missing">{text}</span>;
  const content = (
    <div style={{ maxWidth: 360 }} data-testid="figure-popover">
      <div>
        <strong>{f.name}</strong> <code>{f.code}</code>
      </div>
      <div>
        {t('reports.figure.area')}: {f.areaName}
      </div>
      <div>
        {t('reports.figure.period')}: {formatDate(f.from)} – {formatDate(f.to)}; {t('reports.figure.asOf')}{' '}
        {formatDate(f.asOf)}
      </div>
      <div>
        {t('reports.figure.source')}:{' '}
        {f.source === 'computed'
          ? t('reports.source.computed', { module: f.code.split('.')[0]! })
          : f.source === 'entered'
            ? t('reports.source.entered')
            : t('reports.source.missing')}
        {f.basis && f.available ? ` (${f.basis})` : ''}
      </div>
      {f.overridden && (
        <div data-testid="figure-override">
          <strong>{t('reports.figure.override')}</strong>: {f.overrideReason}
        </div>
      )}
      {(f.sources ?? []).length > 0 && (
        <ul style={{ paddingLeft: 18, margin: '4px 0' }}>
          {f.sources!.map((s) => (
            <li key={s.id}>
              {s.areaName}: {fmt(s.value)} ({formatDate(s.periodFrom)} – {formatDate(s.periodTo)}); {s.sourceRef},{' '}
              {formatDate(s.sourceDate)}
            </li>
          ))}
        </ul>
      )}
      {f.source !== 'missing' && (
        <Link
          to={figureHref({
            code: f.code,
            areaCode: f.areaCode,
            from: f.from,
            to: f.to,
            asOf: f.asOf,
            params: f.params,
          })}
          data-testid="figure-popover-link"
        >
          {t('reports.docs.records')} →
        </Link>
      )}
    </div>
  );
  return (
    <Popover content={content} trigger="click">
      <button type="button" className={`fig print-keep${f.available ? '' : ' missing'}`} data-testid={`fig-${f.key}`}>
        {text}
      </button>
      {f.overridden && (
        <sup className="fig-override" data-testid={`fig-override-${f.key}`}>
          {' '}
          ({t('reports.figure.override')})
        </sup>
      )}
    </Popover>
  );
}

function EditTextModal({
  reportId,
  edit,
  onClose,
  onSaved,
}: {
  reportId: number;
  edit: { key: string; text: string };
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const state = useModalForm<{ text: string }>(['text'], onClose);
  const m = useMutation({
    mutationFn: (v: { text: string }) => reportsApi.update(reportId, { texts: { [edit.key]: v.text } }),
    onSuccess: async () => {
      onSaved();
      await state.done(t('reports.docs.saved'), rk.preview(reportId));
    },
    onError: state.showError,
  });
  return (
    <ModalForm<{ text: string }>
      state={state}
      title={t('reports.docs.editTitle')}
      intro={<p>{t('reports.docs.editHelp')}</p>}
      errorTestId="edit-form-error"
      submit={{ label: t('common.save'), testId: 'edit-form-submit', loading: m.isPending }}
      onFinish={(v) => m.mutate(v)}
      initialValues={{ text: edit.text }}
      width={720}
    >
      <Form.Item name="text" rules={[{ required: true }]}>
        <Input.TextArea data-testid="edit-form-text" autoSize={{ minRows: 4, maxRows: 16 }} />
      </Form.Item>
    </ModalForm>
  );
}

type HeaderValue = Pick<ReportBody, 'summary' | 'addressee' | 'recipients' | 'signer'>;

/** A draft's own summary line, "Kính gửi", "Nơi nhận" and signer: this report only, until it is issued. */
function HeaderModal({ p, onClose, onSaved }: { p: ReportPreview; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const h = p.header;
  const state = useModalForm<object>([], onClose);
  const [v, setV] = useState<HeaderValue>({
    summary: h.summary,
    addressee: h.addressee,
    recipients: h.recipients,
    signer: { authority: h.signerAuthority, title: h.signerTitle, name: h.signerName },
  });
  const m = useMutation({
    mutationFn: () =>
      reportsApi.update(p.report.id, {
        texts: {},
        summary: v.summary,
        addressee: v.addressee,
        recipients: v.recipients,
        signer: v.signer ?? null,
      }),
    onSuccess: async () => {
      onSaved();
      await state.done(t('reports.docs.headerSaved'), rk.preview(p.report.id));
    },
    onError: state.showError,
  });
  return (
    <ModalForm<object>
      state={state}
      title={t('reports.docs.headerEdit')}
      intro={<p>{t('reports.docs.headerHelp')}</p>}
      errorTestId="header-form-error"
      submit={{ label: t('common.save'), testId: 'header-form-submit', loading: m.isPending }}
      onFinish={() => m.mutate()}
      width={720}
    >
      <HeaderFields value={v} onChange={(x) => setV((o) => ({ ...o, ...x }))} disabled={false} prefix="header" />
    </ModalForm>
  );
}

type AgencyValues = Omit<AgencySettings, 'recipients'> & { recipients: string };
const AGENCY_FIELDS = [
  'parentAgency',
  'agency',
  'agencyName',
  'symbol',
  'place',
  'signerAuthority',
  'signerTitle',
  'signerName',
  'recipients',
] as const;

/** The issuing agency's names, number symbol and signer: kept in settings, since the agency may be reorganised. */
function AgencyModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const state = useModalForm<AgencyValues>(AGENCY_FIELDS, onClose);
  const q = useQuery({ queryKey: rk.settings, queryFn: ({ signal }) => reportsApi.settings(signal) });
  const m = useMutation({
    mutationFn: (v: AgencyValues) =>
      reportsApi.putSettings({
        ...v,
        signerAuthority: v.signerAuthority ?? '',
        recipients: v.recipients
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      }),
    onSuccess: () => state.done(t('reports.settings.saved'), rk.settings, rk.all),
    onError: state.showError,
  });
  if (!q.data) return null;
  const label: Record<(typeof AGENCY_FIELDS)[number], MessageKey> = {
    parentAgency: 'reports.settings.parentAgency',
    agency: 'reports.settings.agency',
    agencyName: 'reports.settings.agencyName',
    symbol: 'reports.settings.symbol',
    place: 'reports.settings.place',
    signerAuthority: 'reports.settings.signerAuthority',
    signerTitle: 'reports.settings.signerTitle',
    signerName: 'reports.settings.signerName',
    recipients: 'reports.settings.recipients',
  };
  return (
    <ModalForm<AgencyValues>
      state={state}
      title={t('reports.settings.open')}
      intro={<p>{t('reports.settings.intro')}</p>}
      errorTestId="agency-form-error"
      submit={{ label: t('common.save'), testId: 'agency-form-submit', loading: m.isPending }}
      onFinish={(v) => m.mutate(v)}
      initialValues={{ ...q.data, recipients: q.data.recipients.join('\n') }}
      width={640}
    >
      {AGENCY_FIELDS.map((f) => (
        <Form.Item key={f} name={f} label={t(label[f])} rules={f === 'signerAuthority' ? [] : [{ required: true }]}>
          {f === 'recipients' ? (
            <Input.TextArea data-testid={`agency-form-${f}`} autoSize={{ minRows: 2 }} />
          ) : (
            <Input data-testid={`agency-form-${f}`} />
          )}
        </Form.Item>
      ))}
    </ModalForm>
  );
}
